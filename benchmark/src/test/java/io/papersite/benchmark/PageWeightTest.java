package io.papersite.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.papersite.GenerateRequest;
import io.papersite.Papersite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page's weight counts what a browser fetches for it, and nothing else. */
class PageWeightTest {

  @TempDir Path project;

  @Test
  void aPageWeighsItselfItsStylesheetsAndScriptsAndTheSearchPageItsIndex() throws IOException {
    Path papers = Files.createDirectories(project.resolve("content/papers"));
    Files.createDirectories(project.resolve("content/collections"));
    Files.writeString(project.resolve("content/site.yaml"), "title: Weights\n");
    Files.writeString(papers.resolve("plain.yaml"), "title: Plain\ntags: [t]\n");
    Files.writeString(papers.resolve("math.yaml"), "title: Math\nabstract: Where $x^2$ grows.\n");
    Files.writeString(
        project.resolve("content/collections/all.yaml"), "title: All\npapers: [plain, math]\n");
    Path site = project.resolve("site");
    Papersite.generate(GenerateRequest.forProject(project).withOutputDirectory(site));

    Map<String, PageWeight.Weight> weights =
        PageWeight.ofSite(site).stream()
            .collect(Collectors.toMap(PageWeight.Weight::what, weight -> weight));

    assertThat(weights.keySet())
        .containsExactlyInAnyOrder(
            "home", "paper", "paper with math", "collection", "tag", "all papers", "search");
    assertThat(weights.get("paper").files())
        .containsExactly("papers/plain/index.html", "assets/style.css", "assets/site.js");
    // The home page shows the formula of the math paper's abstract, so it loads KaTeX too.
    assertThat(weights.get("home").files())
        .startsWith("index.html", "assets/style.css")
        .contains("assets/site.js", "assets/vendor/katex/katex.min.js");
    assertThat(weights.get("paper with math").files())
        .startsWith("papers/math/index.html")
        .contains(
            "assets/vendor/katex/katex.min.css",
            "assets/vendor/katex/katex.min.js",
            "assets/vendor/katex/contrib/auto-render.min.js");
    assertThat(weights.get("search").files())
        .contains("assets/vendor/lunr/lunr.min.js", "search-index.json", "search-text.json");

    PageWeight.Weight home = weights.get("home");
    long bytes = 0;
    for (String file : home.files()) {
      bytes += Files.size(site.resolve(file));
    }
    assertThat(home.bytes()).isEqualTo(bytes);
    assertThat(home.gzipped()).isPositive().isLessThan(home.bytes());
    assertThat(home.row(2))
        .startsWith("| 2 | home | index.html | 6 | ")
        .matches(".*\\| [\\d,]+\\.\\d \\| [\\d,]+\\.\\d \\|");
  }

  @Test
  void gzipIsWhatAServerSends() {
    byte[] repeated =
        "<li>paper</li>".repeat(1000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(PageWeight.gzip(repeated)).isBetween(30L, 200L);
    assertThat(List.of(PageWeight.header().split("\n"))).hasSize(2);
  }
}
