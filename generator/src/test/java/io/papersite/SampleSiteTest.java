package io.papersite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Builds the repository's own sample collection, the demo site, and checks it as a reader would.
 */
class SampleSiteTest {

  static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
  static final Path CONTENT = PROJECT.resolve("content");
  static final Path SEED = PROJECT.resolve("../shared/seed/000_131ff8c589afe85e.txt");

  @TempDir Path temp;

  private Path build(String baseUrl) {
    Path out = temp.resolve("site");
    GenerateResult result =
        Papersite.generate(
            GenerateRequest.forProject(PROJECT)
                .withContentDirectory(CONTENT)
                .withOutputDirectory(out)
                .withBaseUrl(baseUrl));
    assertThat(result.warnings()).isEmpty();
    return out;
  }

  @Test
  void hasEveryKindOfPage() throws IOException {
    Path site = build("/");
    assertThat(site.resolve("index.html")).isRegularFile();
    assertThat(pages(site, "papers")).hasSize(60);
    assertThat(pages(site, "collections").size()).isGreaterThanOrEqualTo(5);
    assertThat(pages(site, "tags").size()).isGreaterThan(20);
    assertThat(site.resolve("tags/index.html")).isRegularFile();
    assertThat(site.resolve("papers/index.html")).isRegularFile();
  }

  @Test
  void showsAnAngleBracketTitleLiterally() throws IOException {
    Document page = Jsoup.parse(build("/").resolve("papers/read-seg-token/index.html").toFile());
    assertThat(page.selectFirst("h1").text())
        .isEqualTo("Reasoning to Attend: Try to Understand How <SEG> Token Works");
    assertThat(page.select("seg")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "https://user.github.io/repo/"})
  void everyInternalLinkAndAssetResolvesToAWrittenFile(String baseUrl) throws IOException {
    Path site = build(baseUrl);
    URI base = URI.create(baseUrl.startsWith("/") ? "http://localhost" + baseUrl : baseUrl);
    List<String> broken = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> files = Files.walk(site)) {
      for (Path html : files.filter(f -> f.toString().endsWith(".html")).toList()) {
        String relative = site.relativize(html).toString().replace('\\', '/');
        URI pageUri = base.resolve(relative.replaceFirst("index\\.html$", ""));
        Document doc =
            Jsoup.parse(Files.readString(html, StandardCharsets.UTF_8), pageUri.toString());
        for (Element element : doc.select("a[href], link[href], script[src], img[src]")) {
          String attribute = element.hasAttr("href") ? "href" : "src";
          URI target = pageUri.resolve(element.attr(attribute));
          if (!sameSite(target, base)) {
            continue;
          }
          checked++;
          if (!Files.isRegularFile(fileFor(site, base, target))) {
            broken.add(relative + " -> " + element.attr(attribute));
          }
        }
      }
    }
    assertThat(broken).isEmpty();
    assertThat(checked).isGreaterThan(1000);
  }

  @Test
  void keepsEveryTitleAndAbstractOfTheSeedExactly() throws IOException {
    assumeTrue(
        Files.isRegularFile(SEED), "the seed listing is beside the repository only in development");
    Map<String, String> seed = seedPapers();
    assertThat(seed).hasSize(60);
    Path site = build("/");
    Map<String, String> built = new LinkedHashMap<>();
    for (Path page : pages(site, "papers")) {
      Document doc = Jsoup.parse(page.toFile());
      built.put(
          doc.selectFirst("h1").text(),
          doc.selectFirst("section[aria-labelledby=abstract-heading] .prose").wholeText().strip());
    }
    assertThat(built.keySet()).containsExactlyInAnyOrderElementsOf(seed.keySet());
    seed.forEach(
        (title, abstractText) -> assertThat(built.get(title)).as(title).isEqualTo(abstractText));
  }

  /** Title line, blank line, abstract; the listing's own header comes before the first title. */
  private static Map<String, String> seedPapers() throws IOException {
    List<String> lines =
        Files.readAllLines(SEED, StandardCharsets.UTF_8).stream()
            .filter(l -> !l.isBlank())
            .toList();
    lines = lines.subList(5, lines.size());
    Map<String, String> papers = new LinkedHashMap<>();
    for (int i = 0; i + 1 < lines.size(); i += 2) {
      papers.put(lines.get(i), lines.get(i + 1));
    }
    return papers;
  }

  private static boolean sameSite(URI target, URI base) {
    return target.getScheme() != null
        && target.getScheme().startsWith("http")
        && base.getHost().equals(target.getHost())
        && target.getPath() != null;
  }

  private static Path fileFor(Path site, URI base, URI target) {
    String path = target.getPath();
    if (!path.startsWith(base.getPath())) {
      return site.resolve("outside-the-site");
    }
    String relative = path.substring(base.getPath().length());
    return site.resolve(
        relative.isEmpty() || relative.endsWith("/") ? relative + "index.html" : relative);
  }

  private static List<Path> pages(Path site, String section) throws IOException {
    try (Stream<Path> dirs = Files.list(site.resolve(section))) {
      return dirs.map(d -> d.resolve("index.html")).filter(Files::isRegularFile).sorted().toList();
    }
  }
}
