package io.papersite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in themes and how a theme inherits from its parent. */
class ThemeTest {

  @TempDir Path temp;

  private Path build(String theme) {
    Path out = temp.resolve(theme);
    Papersite.generate(
        GenerateRequest.forProject(SampleSiteTest.PROJECT)
            .withContentDirectory(SampleSiteTest.CONTENT)
            .withOutputDirectory(out)
            .withTheme(theme));
    return out;
  }

  @Test
  void minimalKeepsTheDefaultTemplatesWithItsOwnStylesheet() throws IOException {
    Path minimal = build("minimal");
    Path standard = build("default");
    assertThat(Files.readString(minimal.resolve("assets/style.css")))
        .startsWith("/* Papersite minimal theme");
    assertThat(Files.readString(standard.resolve("assets/style.css")))
        .startsWith("/* Papersite default theme");
    assertThat(minimal.resolve("assets/site.js"))
        .hasSameBinaryContentAs(standard.resolve("assets/site.js"));
    assertThat(minimal.resolve("papers/gear/index.html"))
        .hasSameTextualContentAs(standard.resolve("papers/gear/index.html"));
  }

  @Test
  void aCollectionChoosesItsLayout() throws IOException {
    Path site = build("default");
    assertThat(Files.readString(site.resolve("collections/open-world-recognition/index.html")))
        .contains("<ol class=\"paper-list\" data-items>")
        .doesNotContain("class=\"paper-card\"");
    assertThat(Files.readString(site.resolve("collections/recommender-systems/index.html")))
        .contains("<div class=\"paper-cards\" data-items>");
  }
}
