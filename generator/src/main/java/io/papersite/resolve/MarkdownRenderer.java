package io.papersite.resolve;

import io.papersite.model.MarkdownText;
import io.papersite.model.Problems;
import io.papersite.model.SourcePosition;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
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

/**
 * Renders abstracts, notes and introductions. Raw HTML is escaped, since content comes from many
 * hands. Links to {@code paper:ID}, {@code collection:ID} and {@code tag:TAG} become site URLs; a
 * target that does not exist, or a scheme other than http, https and mailto, is a problem at the
 * link's line (and the link is emptied).
 */
final class MarkdownRenderer {

  private static final List<Extension> EXTENSIONS =
      List.of(
          TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create());

  private final Parser parser =
      Parser.builder()
          .extensions(EXTENSIONS)
          .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
          .build();
  private final HtmlRenderer renderer =
      HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();
  private final Function<String, Optional<String>> linkTargets;
  private final Problems problems;

  /**
   * @param linkTargets maps {@code paper:ID} and the like to a URL; empty for an unknown target,
   *     and the input itself for any ordinary link
   */
  MarkdownRenderer(Function<String, Optional<String>> linkTargets, Problems problems) {
    this.linkTargets = linkTargets;
    this.problems = problems;
  }

  String render(MarkdownText text) {
    if (text.isBlank()) {
      return "";
    }
    Node document = parser.parse(text.source());
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Link link) {
            link.setDestination(target(link, link.getDestination(), text));
            visitChildren(link);
          }

          @Override
          public void visit(Image image) {
            image.setDestination(target(image, image.getDestination(), text));
            visitChildren(image);
          }
        });
    return renderer.render(document);
  }

  private String target(Node node, String destination, MarkdownText text) {
    Optional<String> target = linkTargets.apply(destination);
    if (target.isEmpty()) {
      problems.error(positionOf(node, text), "link target '" + destination + "' does not exist");
      return "";
    }
    if (!LinkTargets.isSafe(target.get())) {
      problems.error(
          positionOf(node, text),
          "link '"
              + destination
              + "' is not allowed; use an http, https or mailto URL, or a path within the site");
      return "";
    }
    return target.get();
  }

  private static SourcePosition positionOf(Node node, MarkdownText text) {
    if (!text.exactLines() || node.getSourceSpans().isEmpty()) {
      return text.start();
    }
    var span = node.getSourceSpans().get(0);
    return text.start().plus(span.getLineIndex(), span.getColumnIndex() + 1);
  }
}
