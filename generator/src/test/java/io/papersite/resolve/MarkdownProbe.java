package io.papersite.resolve;

import io.papersite.model.MarkdownText;
import io.papersite.model.Problems;
import java.util.Set;

/** Renders Markdown as a paper's notes are rendered, for tests in other packages. */
public final class MarkdownProbe {

  private MarkdownProbe() {}

  public static String render(MarkdownText text) {
    Problems problems = new Problems();
    LinkTargets targets =
        new LinkTargets(
            SiteUrls.of("/"), Set.of("a"), Set.of("c"), Set.of("t"), Set.of("index.html"));
    MarkdownRenderer markdown = new MarkdownRenderer(targets, false, problems);
    String html = markdown.render(text, "/papers/a/");
    markdown.renderWithText(text, "/papers/a/");
    return html;
  }
}
