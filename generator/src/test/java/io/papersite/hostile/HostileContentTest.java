package io.papersite.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.papersite.GenerateRequest;
import io.papersite.Papersite;
import io.papersite.bibtex.BibTeXProbe;
import io.papersite.model.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/**
 * A site whose every field holds a hostile string (over a hundred of them): the output never holds
 * an executable injection, and each context (HTML text and attributes, JSON-LD, JSON exports, the
 * search index, Atom, meta tags, BibTeX, Markdown lists) gives back exactly the text that was
 * written.
 */
class HostileContentTest {

  static final String BASE = "https://user.github.io/repo/";
  static final List<String> STRINGS = HostileStrings.all();

  @TempDir static Path project;
  static Path site;

  @BeforeAll
  static void build() throws IOException {
    assertThat(STRINGS).hasSizeGreaterThanOrEqualTo(100);
    Path content = project.resolve("content");
    Files.createDirectories(content.resolve("papers"));
    Files.createDirectories(content.resolve("collections"));
    Files.writeString(
        content.resolve("site.yaml"),
        "title: "
            + yaml(STRINGS.get(0))
            + "\ndescription: "
            + yaml(STRINGS.get(2))
            + "\nauthor: "
            + yaml(STRINGS.get(3))
            + "\n");
    StringBuilder collection =
        new StringBuilder(
            "title: "
                + yaml(STRINGS.get(4))
                + "\ndescription: "
                + yaml(STRINGS.get(5))
                + "\npapers:\n");
    for (int i = 0; i < STRINGS.size(); i++) {
      String s = STRINGS.get(i);
      Files.writeString(
          content.resolve("papers/p" + i + ".yaml"),
          "title: "
              + yaml(s)
              + "\nauthors: ["
              + yaml(s)
              + ", "
              + yaml("Second " + s)
              + "]\nvenue: "
              + yaml(s)
              + "\ndate: 2024-01-02\narxiv: \"2401.0"
              + String.format("%04d", i)
              + "\"\nabstract: "
              + yaml(markdownSafe(s))
              + "\n",
          StandardCharsets.UTF_8);
      Files.writeString(
          content.resolve("papers/p" + i + ".md"), markdownSafe(s) + "\n", StandardCharsets.UTF_8);
      collection.append("  - p").append(i).append('\n');
    }
    Files.writeString(content.resolve("collections/all.yaml"), collection.toString());
    Files.writeString(content.resolve("collections/all.md"), markdownSafe(STRINGS.get(6)) + "\n");
    site = project.resolve("site");
    Papersite.generate(
        GenerateRequest.forProject(project).withOutputDirectory(site).withBaseUrl(BASE));
  }

  /**
   * Markdown links to other schemes are refused by validation (tested elsewhere); keep them out.
   */
  static String markdownSafe(String s) {
    return s.replace("](", "] (");
  }

  /** A double-quoted YAML scalar. */
  static String yaml(String s) {
    return "\""
        + s.replace("\\", "\\\\")
            .replace("\"", "\\\"")
            .replace("\n", "\\n")
            .replace("\u2028", "\\L")
            .replace("\u2029", "\\P")
        + "\"";
  }

  /** What a field holds: the text as written, without surrounding whitespace. */
  static String field(int i) {
    return STRINGS.get(i).strip();
  }

  /** BibTeX goes through LaTeX, which composes accents: compare composed text. */
  static String nfc(String s) {
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC);
  }

  /** Text as a page shows it: whitespace runs as one space. */
  static String oneLine(String s) {
    return s.replaceAll("[\\s\u2028\u2029]+", " ").strip();
  }

  private static List<Path> files(String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(site)) {
      return walk.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
    }
  }

  @Test
  void noPageHoldsAnExecutableInjection() throws IOException {
    Set<String> ownScripts = Set.of(BASE.replace("https://user.github.io", "") + "assets/site.js");
    int pages = 0;
    for (Path page : files(".html")) {
      pages++;
      Document doc = Jsoup.parse(page.toFile(), "UTF-8", BASE);
      for (Element element : doc.getAllElements()) {
        assertThat(element.tagName())
            .as("%s in %s", element.tagName(), page)
            .isNotIn("iframe", "img", "svg", "object", "embed", "base", "style", "b");
        for (Attribute attribute : element.attributes()) {
          assertThat(attribute.getKey()).as("attribute in %s", page).doesNotStartWith("on");
          if (attribute.getKey().equals("href") || attribute.getKey().equals("src")) {
            assertThat(attribute.getValue())
                .as("%s of %s in %s", attribute.getKey(), element.tagName(), page)
                .matches("(/|#|https?://|mailto:).*|data:,");
          }
        }
        if (element.tagName().equals("meta")) {
          assertThat(element.attr("http-equiv")).isEmpty();
        }
      }
      for (Element script : doc.select("script")) {
        boolean own =
            ownScripts.contains(script.attr("src"))
                || script.attr("type").equals("application/ld+json")
                || script.data().startsWith("try{var s=localStorage.getItem(\"papersite-scheme\")");
        assertThat(own).as("a script in %s: %s", page, script.outerHtml()).isTrue();
      }
    }
    assertThat(pages).isGreaterThan(STRINGS.size());
  }

  @Test
  void pagesShowEveryStringAsText() throws IOException {
    for (int i = 0; i < STRINGS.size(); i++) {
      Document doc = Jsoup.parse(site.resolve("papers/p" + i + "/index.html").toFile(), "UTF-8");
      String expected = oneLine(STRINGS.get(i));
      assertThat(oneLine(doc.selectFirst("h1").wholeText())).isEqualTo(expected);
      assertThat(oneLine(doc.selectFirst(".authors").wholeText()))
          .isEqualTo(expected + ", Second " + expected);
      assertThat(doc.select("meta[name=citation_title]").attr("content")).isEqualTo(field(i));
      assertThat(doc.select("meta[name=citation_author]").eachAttr("content"))
          .containsExactly(field(i), ("Second " + STRINGS.get(i)).strip());
      assertThat(doc.select("meta[property=og:title]").attr("content")).isEqualTo(field(i));
      JsonNode jsonLd =
          new ObjectMapper().readTree(doc.selectFirst("script[type=application/ld+json]").data());
      assertThat(jsonLd.get("headline").asText()).isEqualTo(field(i));
      assertThat(jsonLd.at("/isPartOf/name").asText()).isEqualTo(field(i));
    }
    Document home = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
    assertThat(oneLine(home.selectFirst("h1").wholeText())).isEqualTo(oneLine(STRINGS.get(0)));
    assertThat(home.select("meta[name=description]").attr("content")).isEqualTo(field(2));
  }

  @Test
  void jsonExportsAndTheSearchIndexGiveBackEveryString() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, String> titles = new HashMap<>();
    json.readTree(site.resolve("papers.json").toFile())
        .get("papers")
        .forEach(p -> titles.put(p.get("id").asText(), p.get("title").asText()));
    Map<String, String> searched = new HashMap<>();
    json.readTree(site.resolve("search-index.json").toFile())
        .forEach(p -> searched.put(p.get("u").asText(), p.get("t").asText()));
    // The abstracts and notes, one a paper in the same order, parse as JSON too.
    assertThat(json.readTree(site.resolve("search-text.json").toFile())).hasSize(searched.size());
    Map<String, String> csl = new HashMap<>();
    json.readTree(site.resolve("papers.csl.json").toFile())
        .forEach(p -> csl.put(p.get("id").asText(), p.get("container-title").asText()));
    for (int i = 0; i < STRINGS.size(); i++) {
      assertThat(titles.get("p" + i)).isEqualTo(field(i));
      assertThat(searched.get("/repo/papers/p" + i + "/")).isEqualTo(field(i));
      assertThat(csl.get("p" + i)).isEqualTo(field(i));
    }
    assertThat(
            json.readTree(site.resolve("collections/all/papers.json").toFile())
                .get("title")
                .asText())
        .isEqualTo(field(4));
  }

  @Test
  void feedsGiveBackEveryString() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    var doc = factory.newDocumentBuilder().parse(site.resolve("collections/all/feed.xml").toFile());
    NodeList titles = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title");
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < titles.getLength(); i++) {
      texts.add(titles.item(i).getTextContent());
    }
    assertThat(texts.get(0)).isEqualTo(field(4) + " · " + field(0));
    List<String> fields = STRINGS.stream().map(String::strip).toList();
    assertThat(texts.subList(1, texts.size())).hasSize(100).allMatch(fields::contains);
  }

  @Test
  void bibtexReadsBackAsEveryString() throws IOException {
    for (int i = 0; i < STRINGS.size(); i++) {
      String bib = Files.readString(site.resolve("papers/p" + i + ".bib"));
      Problems problems = new Problems();
      var records = BibTeXProbe.read(bib, problems);
      assertThat(problems.sorted()).as(bib).isEmpty();
      assertThat(records).as(bib).hasSize(1);
      assertThat(nfc(oneLine(records.get(0)))).isEqualTo(nfc(oneLine(STRINGS.get(i))));
    }
  }

  @Test
  void markdownListsHoldNoRawHtmlAndOnlySafeLinks() throws IOException {
    String awesome = Files.readString(site.resolve("awesome.md"));
    var document = Parser.builder().build().parse(awesome);
    List<String> problems = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(HtmlInline html) {
            problems.add("raw HTML: " + html.getLiteral());
          }

          @Override
          public void visit(HtmlBlock html) {
            problems.add("raw HTML block: " + html.getLiteral());
          }

          @Override
          public void visit(Link link) {
            if (!link.getDestination().matches("(https?://|#).*")) {
              problems.add("link: " + link.getDestination());
            }
            visitChildren(link);
          }
        });
    assertThat(problems).isEmpty();
  }
}
