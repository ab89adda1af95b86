package io.papersite.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.papersite.GenerateRequest;
import io.papersite.Papersite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raw HTML only when the owner allows it; text in any script shown and sorted as readers expect.
 */
class TrustAndUnicodeTest {

  @TempDir Path project;
  private Path content;

  @BeforeEach
  void content() throws IOException {
    content = Files.createDirectories(project.resolve("content/papers"));
    Files.writeString(content.resolve("one.yaml"), "title: One\n");
    Files.writeString(content.resolve("one.md"), "Notes with <kbd>raw</kbd> HTML.\n");
  }

  private Document page(String site, String path) throws IOException {
    Files.writeString(project.resolve("content/site.yaml"), site);
    Path out = project.resolve("site");
    Papersite.generate(GenerateRequest.forProject(project).withOutputDirectory(out));
    return Jsoup.parse(out.resolve(path).toFile(), "UTF-8");
  }

  @Test
  void rawHtmlIsTextUnlessTheOwnerAllowsIt() throws IOException {
    Document escaped = page("title: T\n", "papers/one/index.html");
    assertThat(escaped.select(".notes kbd")).isEmpty();
    assertThat(escaped.select(".notes").text()).contains("<kbd>raw</kbd>");

    Document allowed = page("title: T\nmarkdown:\n  allowHtml: true\n", "papers/one/index.html");
    assertThat(allowed.select(".notes kbd").text()).isEqualTo("raw");
  }

  @Test
  void titlesInAnyScriptAreShownAndSortedByAReadersAlphabet() throws IOException {
    String[] titles = {
      "Zebra stripes", "Äpfel und Birnen", "apple pie", "Ångström units", "注意力机制", "الانتباه"
    };
    for (int i = 0; i < titles.length; i++) {
      Files.writeString(
          content.resolve("t" + i + ".yaml"),
          "title: \"" + titles[i] + "\"\nauthors: [\"Zoë Ñúñez\", \"李华\", \"محمد\"]\n");
    }
    Document list = page("title: T\n", "papers/index.html");
    var shown = list.select(".paper-list > li > a").eachText();
    assertThat(shown).containsAll(java.util.List.of(titles));
    // Not code-point order, where "Zebra" would come before "apple" and "Äpfel" after "Zebra".
    assertThat(shown.indexOf("apple pie")).isLessThan(shown.indexOf("Zebra stripes"));
    assertThat(shown.indexOf("Äpfel und Birnen")).isLessThan(shown.indexOf("Zebra stripes"));
    assertThat(shown.indexOf("Ångström units")).isLessThan(shown.indexOf("Zebra stripes"));
    Document arabic = Jsoup.parse(project.resolve("site/papers/t5/index.html").toFile(), "UTF-8");
    assertThat(arabic.selectFirst("h1").text()).isEqualTo("الانتباه");
    assertThat(arabic.selectFirst(".authors").text()).isEqualTo("Zoë Ñúñez, 李华, محمد");
  }
}
