package io.papersite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What GitHub Pages, feed readers, crawlers and Google Scholar read from the sample site. */
class PublishingOutputTest {

  static final String BASE = "https://user.github.io/repo/";
  static final String ATOM = "http://www.w3.org/2005/Atom";

  @TempDir static Path temp;
  static Path site;

  @BeforeAll
  static void build() {
    site = temp.resolve("site");
    Papersite.generate(request(site));
  }

  static GenerateRequest request(Path out) {
    return GenerateRequest.forProject(SampleSiteTest.PROJECT)
        .withContentDirectory(SampleSiteTest.CONTENT)
        .withOutputDirectory(out)
        .withBaseUrl(BASE)
        .withTimestamp(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void writesTheFilesGitHubPagesReads() throws IOException {
    assertThat(site.resolve(".nojekyll")).isEmptyFile();
    assertThat(site.resolve("CNAME")).doesNotExist();
    assertThat(Files.readString(site.resolve("robots.txt")))
        .isEqualTo("User-agent: *\nAllow: /\n\nSitemap: " + BASE + "sitemap.xml\n");
    Document notFound = Jsoup.parse(site.resolve("404.html").toFile());
    assertThat(notFound.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
    assertThat(notFound.select("a[href]").eachAttr("href"))
        .allMatch(href -> href.startsWith("/repo/") || href.startsWith("#"));
    assertThat(notFound.select("link[rel=stylesheet]").attr("href"))
        .isEqualTo("/repo/assets/style.css");
  }

  @Test
  void sitemapListsEveryPageAndMatchesItsSchema() throws Exception {
    var schema =
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
            .newSchema(Path.of("src/test/resources/xsd/sitemap.xsd").toFile());
    schema.newValidator().validate(new StreamSource(site.resolve("sitemap.xml").toFile()));

    var doc = parse(site.resolve("sitemap.xml"));
    List<String> locs =
        texts(doc.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc"));
    List<String> pages = new ArrayList<>();
    try (Stream<Path> files = Files.walk(site)) {
      files
          .filter(f -> f.getFileName().toString().equals("index.html"))
          .map(f -> BASE + site.relativize(f.getParent()).toString().replace('\\', '/'))
          .map(u -> u.endsWith("/") ? u : u + "/")
          .forEach(pages::add);
    }
    assertThat(locs)
        .containsExactlyInAnyOrderElementsOf(pages)
        .contains(BASE, BASE + "papers/gear/");
    assertThat(locs).noneMatch(l -> l.contains("404"));
  }

  @Test
  void feedsAreAtomWithEveryRequiredElement() throws Exception {
    List<Path> feeds = new ArrayList<>(List.of(site.resolve("feed.xml")));
    try (Stream<Path> dirs = Files.list(site.resolve("collections"))) {
      dirs.filter(Files::isDirectory).forEach(d -> feeds.add(d.resolve("feed.xml")));
    }
    assertThat(feeds).hasSize(8);
    for (Path feed : feeds) {
      var doc = parse(feed);
      Element root = doc.getDocumentElement();
      assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
      assertThat(root.getLocalName()).isEqualTo("feed");
      for (String required : List.of("title", "id", "updated", "author")) {
        assertThat(children(root, required)).as("%s in %s", required, feed).isNotEmpty();
      }
      assertThat(children(root, "link"))
          .anyMatch(
              l ->
                  l.getAttribute("rel").equals("self")
                      && l.getAttribute("href")
                          .equals(BASE + site.relativize(feed).toString().replace('\\', '/')));
      List<Element> entries = children(root, "entry");
      assertThat(entries).isNotEmpty();
      for (Element entry : entries) {
        for (String required : List.of("title", "link", "id", "updated", "summary")) {
          assertThat(children(entry, required))
              .as("%s of an entry of %s", required, feed)
              .hasSize(1);
        }
        assertThat(children(entry, "id").get(0).getTextContent()).startsWith(BASE + "papers/");
        assertThat(children(entry, "updated").get(0).getTextContent())
            .isEqualTo("2026-01-01T00:00:00Z");
      }
    }
    var home = Jsoup.parse(site.resolve("index.html").toFile());
    assertThat(home.select("link[rel=alternate][type=application/atom+xml]").attr("href"))
        .isEqualTo("/repo/feed.xml");
    var collection =
        Jsoup.parse(site.resolve("collections/recommender-systems/index.html").toFile());
    assertThat(collection.select("link[rel=alternate][type=application/atom+xml]").eachAttr("href"))
        .containsExactly("/repo/feed.xml", "/repo/collections/recommender-systems/feed.xml");
  }

  @Test
  void paperPagesCarryScholarTagsJsonLdOpenGraphAndACanonicalUrl() throws IOException {
    Document page = Jsoup.parse(site.resolve("papers/read-seg-token/index.html").toFile());
    String title = "Reasoning to Attend: Try to Understand How <SEG> Token Works";
    assertThat(page.select("meta[name=citation_title]").attr("content")).isEqualTo(title);
    assertThat(page.select("meta[name=citation_abstract_html_url]").attr("content"))
        .isEqualTo(BASE + "papers/read-seg-token/");
    assertThat(page.select("meta[name=citation_pdf_url]")).isEmpty();
    assertThat(page.select("meta[property=og:title]").attr("content")).isEqualTo(title);
    assertThat(page.select("meta[property=og:type]").attr("content")).isEqualTo("article");
    assertThat(page.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary");
    assertThat(page.select("link[rel=canonical]").attr("href"))
        .isEqualTo(BASE + "papers/read-seg-token/");

    String script = page.select("script[type=application/ld+json]").first().data();
    assertThat(script).doesNotContain("<");
    JsonNode json = new ObjectMapper().readTree(script);
    assertThat(json.get("@type").asText()).isEqualTo("ScholarlyArticle");
    assertThat(json.get("headline").asText()).isEqualTo(title);
    assertThat(json.get("url").asText()).isEqualTo(BASE + "papers/read-seg-token/");
    assertThat(json.get("abstract").asText())
        .startsWith("Current Large Multimodal Models (LMMs)")
        .contains("<SEG>");
  }

  @Test
  void papersJsonHasEveryPaperWithItsFields() throws IOException {
    JsonNode all = new ObjectMapper().readTree(site.resolve("papers.json").toFile());
    assertThat(all.get("papers")).hasSize(60);
    JsonNode first = all.get("papers").get(0);
    assertThat(first.get("id").asText()).isEqualTo("adaptive-multi-head-contrastive");
    assertThat(first.get("url").asText())
        .isEqualTo(BASE + "papers/adaptive-multi-head-contrastive/");
    assertThat(first.get("tags")).isNotEmpty();
    assertThat(first.get("abstract").asText()).startsWith("In contrastive learning, two views");

    JsonNode collection =
        new ObjectMapper()
            .readTree(site.resolve("collections/recommender-systems/papers.json").toFile());
    assertThat(collection.get("id").asText()).isEqualTo("recommender-systems");
    assertThat(collection.get("papers")).hasSize(10);
    assertThat(collection.get("papers").get(0).get("id").asText()).isEqualTo("autoint");
  }

  @Test
  void twoBuildsOfTheSameContentAreByteIdentical() throws IOException {
    Path again = temp.resolve("again");
    Papersite.generate(request(again));
    TreeComparison.assertSameTree(site, again);
  }

  @Test
  void writesCnameForACustomDomainAndNoFeedsWithoutAHost(@TempDir Path project) throws IOException {
    Path content = project.resolve("content");
    Files.createDirectories(content.resolve("papers"));
    Files.writeString(content.resolve("site.yaml"), "title: Lab\ndomain: papers.example.org\n");
    Files.writeString(content.resolve("papers/one.yaml"), "title: One\n");
    Path out = project.resolve("site");
    Papersite.generate(GenerateRequest.forProject(project).withOutputDirectory(out));
    assertThat(out.resolve("CNAME")).hasContent("papers.example.org");
    assertThat(out.resolve("papers.json")).exists();
    assertThat(out.resolve("sitemap.xml")).doesNotExist();
    assertThat(out.resolve("feed.xml")).doesNotExist();
    assertThat(Files.readString(out.resolve("robots.txt"))).isEqualTo("User-agent: *\nAllow: /\n");
  }

  private static org.w3c.dom.Document parse(Path file) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e
          && ATOM.equals(e.getNamespaceURI())
          && e.getLocalName().equals(name)) {
        found.add(e);
      }
    }
    return found;
  }

  private static List<String> texts(NodeList nodes) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent());
    }
    return texts;
  }
}
