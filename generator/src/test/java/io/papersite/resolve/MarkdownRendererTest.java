package io.papersite.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.papersite.model.MarkdownText;
import io.papersite.model.Problems;
import io.papersite.model.SourcePosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

  private final Problems problems = new Problems();
  private final LinkTargets targets =
      new LinkTargets(
          SiteUrls.of("https://user.github.io/repo/"),
          Set.of("gear"),
          Set.of("retrieval"),
          Set.of("llm"),
          Set.of("index.html", "papers/gear/index.html", "papers/index.html", "slides/talk.pdf"));
  private final MarkdownRenderer markdown = new MarkdownRenderer(targets, false, problems);

  private String render(String source) {
    return markdown.render(
        new MarkdownText(source, new SourcePosition("content/papers/x.md", 1, 1), true),
        "/repo/papers/x/");
  }

  @Test
  void rendersCommonMarkWithTables() {
    assertThat(render("*a* and **b**")).isEqualTo("<p><em>a</em> and <strong>b</strong></p>\n");
    assertThat(render("| a |\n|---|\n| 1 |")).contains("<table>", "<td>1</td>");
  }

  @Test
  void keepsMathAwayFromMarkdownForKatex() {
    assertThat(render("Loss $a_1 * b_2 < c$ and $$\\sum_i x_i$$ and \\(y\\) and \\[z\\]."))
        .isEqualTo(
            "<p>Loss <span class=\"math math-inline\">\\(a_1 * b_2 &lt; c\\)</span> and"
                + " <span class=\"math math-display\">\\[\\sum_i x_i\\]</span> and"
                + " <span class=\"math math-inline\">\\(y\\)</span> and"
                + " <span class=\"math math-display\">\\[z\\]</span>.</p>\n");
  }

  @Test
  void leavesDollarsThatAreNotMathAlone() {
    assertThat(render("From $5 to $10, or 5$ each; \\$x\\$ and `$code$` and $ spaced $."))
        .isEqualTo(
            "<p>From $5 to $10, or 5$ each; $x$ and <code>$code$</code> and $ spaced $.</p>\n");
    assertThat(render("A \\(lone paren and \\%")).isEqualTo("<p>A (lone paren and %</p>\n");
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
            "content/papers/x.md:3:5: error: link target 'paper:gaer' does not exist; did you mean 'paper:gear'?",
            "content/papers/x.md:3:28: error: link target 'tag:nope' does not exist");
  }

  @Test
  void makesPathsAbsoluteUnderTheBasePathSoTheyWorkOnEveryPage() {
    assertThat(
            render("[a](../gear/) [b](/slides/talk.pdf#page=2) [c](../../papers) [d](#abstract)"))
        .isEqualTo(
            "<p><a href=\"/repo/papers/gear/\">a</a> <a href=\"/repo/slides/talk.pdf#page=2\">b</a>"
                + " <a href=\"/repo/papers/\">c</a> <a href=\"#abstract\">d</a></p>\n");
    assertThat(problems.sorted()).isEmpty();
  }

  @Test
  void reportsAPathTheSiteWillNotContain() {
    render("[a](../gaer/)\n[b](../../../etc/passwd)");
    assertThat(problems.sorted())
        .extracting(Object::toString)
        .containsExactly(
            "content/papers/x.md:1:1: error: link '../gaer/' points at /papers/gaer/, which this site does not have",
            "content/papers/x.md:2:1: error: link '../../../etc/passwd' leads outside the site");
  }

  @Test
  void suggestsTheNearestTarget() {
    render("[p](paper:geer)");
    assertThat(problems.sorted())
        .extracting(Object::toString)
        .containsExactly(
            "content/papers/x.md:1:1: error: link target 'paper:geer' does not exist; did you mean 'paper:gear'?");
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

  private static MarkdownText text(String source) {
    return new MarkdownText(source, new SourcePosition("content/papers/x.md", 1, 1), true);
  }

  /** 20,000 texts of one to {@code longest} random pieces each. */
  private static List<String> randomTexts(
      long seed, int longest, java.util.function.Function<Random, String> piece) {
    Random random = new Random(seed);
    List<String> texts = new java.util.ArrayList<>();
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(longest);
      for (int i = 0; i < length; i++) {
        text.append(piece.apply(random));
      }
      texts.add(text.toString());
    }
    return texts;
  }

  @Test
  void plainTextOfProseSkipsTheParserAndGivesTheSameText() {
    assertThat(
            MarkdownRenderer.isProse("We study retrieval (RAG) at 10% of the cost.\n\nIt works!"))
        .isTrue();
    for (String markup :
        List.of(
            "See https://github.com/x/y",
            "See www.example.org",
            "a@b.org",
            "1. first",
            "- item",
            "Title\n===",
            "    code",
            "*em*",
            "a & b",
            "x\\y",
            "a <b>",
            "$x$")) {
      assertThat(MarkdownRenderer.isProse(markup)).as(markup).isFalse();
    }
    // Random text over the characters the shortcut accepts and some it refuses.
    String alphabet = "aZé9 .,;:'\"?!()/%-+=\n\n   w*_[]<>&#`~|$\\@1";
    int prose = 0;
    for (String source :
        randomTexts(
            42, 40, random -> String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))))) {
      MarkdownText text = text(source);
      prose += MarkdownRenderer.isProse(source) ? 1 : 0;
      assertThat(markdown.renderWithText(text, "/repo/papers/x/").text())
          .as(source)
          .isEqualTo(markdown.plainTextByParsing(text));
    }
    assertThat(prose).isGreaterThan(100);
  }

  @Test
  void htmlOfProseSkipsTheParserAndGivesTheSameHtml() {
    assertThat(MarkdownRenderer.proseHtml("One \"two\"\n  three  \nfour \n\n \nFive.  "))
        .isEqualTo("<p>One &quot;two&quot;\nthree<br />\nfour</p>\n<p>Five.</p>\n");
    // Random prose: words, the punctuation it allows, spaces and line breaks in any number.
    String[] pieces = {"a", "Zé", "9", "x1", " ", "  ", "   ", "\n", "\n\n", " \n", "  \n"};
    String punctuation = ".,;:'\"?!()/%-+=";
    int prose = 0;
    for (String text :
        randomTexts(
            7,
            16,
            random ->
                random.nextInt(4) == 0
                    ? String.valueOf(punctuation.charAt(random.nextInt(punctuation.length())))
                    : pieces[random.nextInt(pieces.length)])) {
      if (!MarkdownRenderer.isProse(text) || text.isBlank()) {
        continue;
      }
      prose++;
      assertThat(MarkdownRenderer.proseHtml(text))
          .as(text.replace("\n", "\\n"))
          .isEqualTo(markdown.renderByParsing(text(text), "/repo/papers/x/"));
    }
    assertThat(prose).isGreaterThan(2_000);
  }

  @Test
  void plainTextOfTheSampleAbstractsAndNotesIsTheParsersText() throws IOException {
    int prose = 0;
    int links = 0;
    try (Stream<Path> files = Files.list(Path.of("../content/papers"))) {
      for (Path file : files.sorted().toList()) {
        String source =
            file.toString().endsWith(".md")
                ? Files.readString(file)
                : new YAMLMapper().readTree(file.toFile()).path("abstract").asText();
        MarkdownText text = text(source);
        prose += MarkdownRenderer.isProse(source) ? 1 : 0;
        // From one parse, both as the parser gives them (links made site URLs in the HTML only).
        MarkdownRenderer.Rendered both = markdown.renderWithText(text, "/papers/x/");
        assertThat(both.text()).as(file.toString()).isEqualTo(markdown.plainTextByParsing(text));
        assertThat(both.html()).as(file.toString()).isEqualTo(markdown.render(text, "/papers/x/"));
        assertThat(both.html())
            .as(file.toString())
            .isEqualTo(markdown.renderByParsing(text, "/papers/x/"));
        links += both.html().contains("<a href=") ? 1 : 0;
      }
    }
    assertThat(prose).isGreaterThan(30);
    assertThat(links).as("texts with site links").isPositive();
  }
}
