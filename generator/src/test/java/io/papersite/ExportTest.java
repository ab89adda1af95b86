package io.papersite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSL-JSON, BibTeX files and the awesome lists of the sample site. */
class ExportTest {

  @TempDir Path temp;

  private Path build() {
    Path site = temp.resolve("site");
    Papersite.generate(
        GenerateRequest.forProject(SampleSiteTest.PROJECT)
            .withContentDirectory(SampleSiteTest.CONTENT)
            .withOutputDirectory(site)
            .withBaseUrl("https://user.github.io/repo/"));
    return site;
  }

  @Test
  void cslJsonHasEveryPaperAsReferenceManagersReadIt() throws IOException {
    JsonNode csl = new ObjectMapper().readTree(build().resolve("papers.csl.json").toFile());
    assertThat(csl).hasSize(60);
    JsonNode gear = null;
    for (JsonNode item : csl) {
      assertThat(item.get("type").asText()).isIn("article", "article-journal", "paper-conference");
      assertThat(item.get("title").asText()).isNotBlank();
      if (item.get("id").asText().equals("gear")) {
        gear = item;
      }
    }
    assertThat(gear.get("title").asText()).isEqualTo("GeAR: Generation Augmented Retrieval");
    assertThat(gear.get("URL").asText()).isEqualTo("https://user.github.io/repo/papers/gear/");
    assertThat(gear.get("abstract").asText()).startsWith("Document retrieval techniques");
  }

  @Test
  void bibtexFilesAndAwesomeListsCoverEveryCollection() throws IOException {
    Path site = build();
    String all = Files.readString(site.resolve("papers.bib"));
    assertThat(all.split("\n@").length).isEqualTo(60);
    assertThat(Files.readString(site.resolve("collections/recommender-systems.bib")))
        .startsWith("@misc{autoint,")
        .contains("@misc{ulmrec,");
    String awesome = Files.readString(site.resolve("awesome.md"));
    assertThat(awesome)
        .startsWith("# Similarity, Self-Supervision and Self-Consistency\n")
        .contains("- [Recommender systems](#recommender-systems)\n")
        .contains("## Recommender systems\n")
        .contains(
            "- [AutoInt: Automatic Feature Interaction Learning via Self-Attentive Neural Networks]"
                + "(https://user.github.io/repo/papers/autoint/) — [code](https://github.com/DeepGraphLearning/RecommenderSystems)\n")
        .contains("Reasoning to Attend: Try to Understand How \\<SEG\\> Token Works");
    assertThat(Files.readString(site.resolve("collections/recommender-systems/awesome.md")))
        .startsWith("# Recommender systems\n\nClick-through prediction");
  }
}
