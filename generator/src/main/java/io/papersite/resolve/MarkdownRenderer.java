package io.papersite.resolve;

import io.papersite.model.MarkdownText;
import io.papersite.model.Problems;
import io.papersite.model.SourcePosition;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Renders abstracts, notes and introductions. Raw HTML is escaped, since content comes from many
 * hands. Links to {@code paper:ID}, {@code collection:ID} and {@code tag:TAG} become site URLs; a
 * target that does not exist, or a scheme other than http, https and mailto, is a problem at the
 * link's line (and the link is emptied).
 */
final class MarkdownRenderer {

  private static final List<Extension> EXTENSIONS =
      List.of(
          TablesExtension.create(),
          StrikethroughExtension.create(),
          AutolinkExtension.create(),
          MathExtension.create());

  private final Parser parser =
      Parser.builder()
          .extensions(EXTENSIONS)
          .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
          .build();
  private final TextContentRenderer textRenderer =
      TextContentRenderer.builder().extensions(EXTENSIONS).build();
  private final HtmlRenderer renderer;
  private final LinkTargets linkTargets;
  private final Problems problems;

  /**
   * @param allowHtml keep raw HTML instead of escaping it: the site owner's trust decision
   */
  MarkdownRenderer(LinkTargets linkTargets, boolean allowHtml, Problems problems) {
    this.renderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(!allowHtml).build();
    this.linkTargets = linkTargets;
    this.problems = problems;
  }

  /**
   * The text as HTML, its links made site URLs.
   *
   * @param pageUrl the page the text belongs to, for its relative links
   */
  String render(MarkdownText text, String pageUrl) {
    return renderWithText(text, pageUrl).html();
  }

  /** {@link #render} always through the parser, to check the shortcut against. */
  String renderByParsing(MarkdownText text, String pageUrl) {
    return text.isBlank() ? "" : html(parser.parse(text.source()), text, pageUrl);
  }

  /** A text's HTML and its plain text, from one parse. */
  record Rendered(String html, String text) {}

  /**
   * The text as HTML and without markup, on one line (for descriptions, feeds, metadata and
   * search). Prose needs no parser: its source is its text.
   */
  Rendered renderWithText(MarkdownText text, String pageUrl) {
    if (text.isBlank()) {
      return new Rendered("", "");
    }
    String source = text.source();
    if (isProse(source)) {
      return new Rendered(proseHtml(source), oneLine(source));
    }
    Node document = parser.parse(source);
    String plain = oneLine(textRenderer.render(document)); // before links become site URLs
    return new Rendered(html(document, text, pageUrl), plain);
  }

  /**
   * The HTML the parser makes of prose (see {@link #isProse}): a paragraph for each run of lines
   * that are not blank, lines joined by a line break, or by {@code <br />} after two spaces, and
   * {@code "} escaped. Most abstracts are prose: this saves parsing them.
   */
  static String proseHtml(String source) {
    StringBuilder html = new StringBuilder(source.length() + 16);
    String lineEnd = null; // between the last line and the next one of its paragraph
    int from = 0;
    while (from <= source.length()) {
      int newline = source.indexOf('\n', from);
      int to = newline < 0 ? source.length() : newline;
      int start = from;
      int end = to;
      while (start < end && source.charAt(start) == ' ') {
        start++;
      }
      while (end > start && source.charAt(end - 1) == ' ') {
        end--;
      }
      if (start == end) {
        if (lineEnd != null) {
          html.append("</p>\n");
          lineEnd = null;
        }
      } else {
        html.append(lineEnd == null ? "<p>" : lineEnd);
        for (int i = start; i < end; i++) {
          char c = source.charAt(i);
          if (c == '"') {
            html.append("&quot;");
          } else {
            html.append(c);
          }
        }
        lineEnd = to - end >= 2 ? "<br />\n" : "\n";
      }
      from = to + 1;
    }
    if (lineEnd != null) {
      html.append("</p>\n");
    }
    return html.toString();
  }

  private String html(Node document, MarkdownText text, String pageUrl) {
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Link link) {
            link.setDestination(target(link, link.getDestination(), text, pageUrl));
            visitChildren(link);
          }

          @Override
          public void visit(Image image) {
            image.setDestination(target(image, image.getDestination(), text, pageUrl));
            visitChildren(image);
          }
        });
    return renderer.render(document);
  }

  /** The text of {@link #renderWithText} always through the parser, to check it against. */
  String plainTextByParsing(MarkdownText text) {
    return text.isBlank() ? "" : oneLine(textRenderer.render(parser.parse(text.source())));
  }

  /**
   * Whether Markdown would give the text back as it is, but for line breaks: letters, digits and
   * punctuation that no block or inline syntax uses, no autolink, and lines that begin with a
   * letter.
   */
  static boolean isProse(String source) {
    if (source.contains("://")) {
      return false;
    }
    boolean lineStart = true;
    int indent = 0;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\n') {
        lineStart = true;
        indent = 0;
        continue;
      }
      if (c == ' ' && lineStart) {
        if (++indent == 4) {
          return false;
        }
        continue;
      }
      if (lineStart) {
        lineStart = false;
        if (!Character.isLetter(c)) {
          return false;
        }
      }
      if (!(Character.isLetterOrDigit(c) || c == ' ' || ".,;:'\"?!()/%-+=".indexOf(c) >= 0)) {
        return false;
      }
      if (c == '.' && source.regionMatches(true, i - 3, "www", 0, 3)) {
        return false;
      }
    }
    return true;
  }

  /** Runs of ASCII white space become one space, as {@code \\s+} would, then strip the ends. */
  private static String oneLine(String text) {
    // Most texts have single spaces only: then the answer is the text without its ends.
    int start = 0;
    int end = text.length();
    while (start < end && isAsciiSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isAsciiSpace(text.charAt(end - 1))) {
      end--;
    }
    if (start == end) {
      return "";
    }
    if (!Character.isWhitespace(text.charAt(start))
        && !Character.isWhitespace(text.charAt(end - 1))
        && singleSpaced(text, start, end)) {
      return text.substring(start, end);
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isAsciiSpace(c)) {
        space = true;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    if (space) {
      out.append(' ');
    }
    return out.toString().strip();
  }

  private static boolean isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** No white space but single plain spaces between {@code start} and {@code end}. */
  private static boolean singleSpaced(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (isAsciiSpace(c) && (c != ' ' || text.charAt(i + 1) == ' ')) {
        return false;
      }
    }
    return true;
  }

  private String target(Node node, String destination, MarkdownText text, String pageUrl) {
    LinkTargets.Target target = linkTargets.resolve(destination, pageUrl);
    if (!target.ok()) {
      problems.error(positionOf(node, text), target.problem());
    }
    return target.url();
  }

  private static SourcePosition positionOf(Node node, MarkdownText text) {
    if (!text.exactLines() || node.getSourceSpans().isEmpty()) {
      return text.start();
    }
    var span = node.getSourceSpans().get(0);
    return text.start().plus(span.getLineIndex(), span.getColumnIndex() + 1);
  }
}
