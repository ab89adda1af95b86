package io.papersite.resolve;

import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.InlineParserState;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Math in Markdown: {@code $...$} and {@code \(...\)} inline, {@code $$...$$} and {@code \[...\]}
 * displayed. The TeX is kept away from Markdown (so {@code a_1 * b_2} stays as written) and written
 * as {@code \(...\)} or {@code \[...\]} in a {@code span.math} for KaTeX to typeset in the browser.
 *
 * <p>A single dollar sign is a delimiter only where prose would not have one: an opening {@code $}
 * is followed by neither a space nor a digit, a closing {@code $} follows a non-space and is not
 * followed by a digit (as Pandoc reads it). So "from $5 to $10, or 5$ each" stays text; math that
 * starts with a digit is written {@code \(2^n\)}.
 */
final class MathExtension
    implements Parser.ParserExtension,
        HtmlRenderer.HtmlRendererExtension,
        TextContentRenderer.TextContentRendererExtension {

  /** TeX found in Markdown. */
  static final class Math extends CustomNode {
    final String tex;
    final boolean display;

    Math(String tex, boolean display) {
      this.tex = tex;
      this.display = display;
    }
  }

  static Extension create() {
    return new MathExtension();
  }

  @Override
  public void extend(Parser.Builder builder) {
    builder.customInlineContentParserFactory(
        new InlineContentParserFactory() {
          @Override
          public Set<Character> getTriggerCharacters() {
            return Set.of('$', '\\');
          }

          @Override
          public InlineContentParser create() {
            return MathExtension::parse;
          }
        });
  }

  @Override
  public void extend(HtmlRenderer.Builder builder) {
    builder.nodeRendererFactory(context -> new MathHtml(context.getWriter()));
  }

  @Override
  public void extend(TextContentRenderer.Builder builder) {
    builder.nodeRendererFactory(
        context ->
            new NodeRenderer() {
              @Override
              public Set<Class<? extends Node>> getNodeTypes() {
                return Set.of(Math.class);
              }

              @Override
              public void render(Node node) {
                Math math = (Math) node;
                String dollars = math.display ? "$$" : "$";
                context.getWriter().write(dollars + math.tex + dollars);
              }
            });
  }

  private static ParsedInline parse(InlineParserState state) {
    Scanner scanner = state.scanner();
    if (scanner.next("\\(")) {
      return until(scanner, "\\)", false);
    }
    if (scanner.next("\\[")) {
      return until(scanner, "\\]", true);
    }
    if (scanner.next("$$")) {
      return until(scanner, "$$", true);
    }
    if (!scanner.next('$')) {
      return ParsedInline.none();
    }
    char first = scanner.peek();
    if (first == Scanner.END
        || Character.isWhitespace(first)
        || Character.isDigit(first)
        || first == '$') {
      return ParsedInline.none();
    }
    Position start = scanner.position();
    while (scanner.hasNext()) {
      char c = scanner.peek();
      if (c == '\\') {
        scanner.next();
        scanner.next();
        continue;
      }
      if (c == '$') {
        Position end = scanner.position();
        int before = scanner.peekPreviousCodePoint();
        scanner.next();
        char after = scanner.peek();
        if (!Character.isWhitespace(before) && !Character.isDigit(after)) {
          String tex = scanner.getSource(start, end).getContent();
          return ParsedInline.of(new Math(tex, false), scanner.position());
        }
        return ParsedInline.none();
      }
      scanner.next();
    }
    return ParsedInline.none();
  }

  /** Everything up to the closing delimiter, which must exist; empty math is not math. */
  private static ParsedInline until(Scanner scanner, String closing, boolean display) {
    Position start = scanner.position();
    while (scanner.hasNext()) {
      Position end = scanner.position();
      if (scanner.next(closing)) {
        String tex = scanner.getSource(start, end).getContent().strip();
        return tex.isEmpty()
            ? ParsedInline.none()
            : ParsedInline.of(new Math(tex, display), scanner.position());
      }
      scanner.next();
    }
    return ParsedInline.none();
  }

  /** Writes math for KaTeX's auto-render, with the TeX escaped as text. */
  private static final class MathHtml implements NodeRenderer {
    private final HtmlWriter html;

    MathHtml(HtmlWriter html) {
      this.html = html;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(Math.class);
    }

    @Override
    public void render(Node node) {
      Math math = (Math) node;
      html.raw(
          math.display
              ? "<span class=\"math math-display\">"
              : "<span class=\"math math-inline\">");
      html.text(math.display ? "\\[" + math.tex + "\\]" : "\\(" + math.tex + "\\)");
      html.raw("</span>");
    }
  }
}
