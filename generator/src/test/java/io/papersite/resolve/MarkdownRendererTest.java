package io.papersite.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.papersite.model.MarkdownText;
import io.papersite.model.Problems;
import io.papersite.model.SourcePosition;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

  private final Problems problems = new Problems();
  private final LinkTargets targets =
      new LinkTargets(
          SiteUrls.of("https://user.github.io/repo/"),
          Set.of("gear"),
          Set.of("retrieval"),
          Set.of("llm"));
  private final MarkdownRenderer markdown = new MarkdownRenderer(targets::resolve, problems);

  private String render(String source) {
    return markdown.render(
        new MarkdownText(source, new SourcePosition("content/papers/x.md", 1, 1), true));
  }

  @Test
  void rendersCommonMarkWithTables() {
    assertThat(render("*a* and **b**")).isEqualTo("<p><em>a</em> and <strong>b</strong></p>\n");
    assertThat(render("| a |\n|---|\n| 1 |")).contains("<table>", "<td>1</td>");
  }

  @Test
  void escapesRawHtml() {
    assertThat(render("Uses <SEG> tokens <script>alert(1)</script>"))
        .isEqualTo("<p>Uses &lt;SEG&gt; tokens &lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
  }

  @Test
  void resolvesSiteLinksUnderTheBasePath() {
    assertThat(render("[p](paper:gear) [c](collection:retrieval) [t](tag:llm#top)"))
        .isEqualTo(
            "<p><a href=\"/repo/papers/gear/\">p</a> <a href=\"/repo/collections/retrieval/\">c</a>"
                + " <a href=\"/repo/tags/llm/#top\">t</a></p>\n");
    assertThat(problems.sorted()).isEmpty();
  }

  @Test
  void reportsAnUnknownTargetAtItsLineAndColumn() {
    render("First line.\n\nSee [this](paper:gaer) and [that](tag:nope).");
    assertThat(problems.sorted())
        .extracting(Object::toString)
        .containsExactly(
            "content/papers/x.md:3:5: error: link target 'paper:gaer' does not exist",
            "content/papers/x.md:3:28: error: link target 'tag:nope' does not exist");
  }

  @Test
  void refusesScriptUrls() {
    String html =
        render("[x](javascript:alert(1)) ![y](data:image/png;base64,AAAA) [ok](mailto:a@b.org)");
    assertThat(html).doesNotContain("javascript:", "data:").contains("href=\"mailto:a@b.org\"");
    assertThat(problems.sorted())
        .extracting(Object::toString)
        .containsExactly(
            "content/papers/x.md:1:1: error: link 'javascript:alert(1)' is not allowed; use an http, https or mailto URL, or a path within the site",
            "content/papers/x.md:1:26: error: link 'data:image/png;base64,AAAA' is not allowed; use an http, https or mailto URL, or a path within the site");
  }
}
