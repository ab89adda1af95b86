package io.papersite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The GitHub Pages workflow is valid and builds the site the way the README says. */
class WorkflowTest {

  static final Path WORKFLOW = SampleSiteTest.PROJECT.resolve(".github/workflows/pages.yml");
  static final Path README = SampleSiteTest.PROJECT.resolve("README.md");

  @Test
  void buildsWithTheReadmeCommandAndDeploysWithTheOfficialActions() throws IOException {
    JsonNode workflow = new ObjectMapper(new YAMLFactory()).readTree(WORKFLOW.toFile());
    List<String> uses = new ArrayList<>();
    List<String> runs = new ArrayList<>();
    workflow
        .get("jobs")
        .forEach(
            job ->
                job.get("steps")
                    .forEach(
                        step -> {
                          if (step.has("uses")) {
                            uses.add(step.get("uses").asText().replaceFirst("@.*", ""));
                          }
                          if (step.has("run")) {
                            runs.add(step.get("run").asText());
                          }
                        }));
    assertThat(uses)
        .contains(
            "actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages");

    String buildCommand = readmeCommands().get(0);
    assertThat(buildCommand).isEqualTo("mvn -B package -DskipTests");
    assertThat(runs)
        .containsExactly(
            buildCommand + " -Dpapersite.baseUrl=\"${{ steps.pages.outputs.base_url }}/\"");
    assertThat(workflow.at("/jobs/build/steps").findValuesAsText("path"))
        .containsExactly("content/target/papersite");
    assertThat(Files.readString(SampleSiteTest.PROJECT.resolve(".ci/run")))
        .contains(readmeCommands().get(1));
  }

  /** The commands of the README's quick start: its first two sh blocks. */
  static List<String> readmeCommands() throws IOException {
    Matcher blocks =
        Pattern.compile("```sh\\n(.*?)\\n```", Pattern.DOTALL).matcher(Files.readString(README));
    List<String> commands = new ArrayList<>();
    while (blocks.find() && commands.size() < 2) {
      commands.add(blocks.group(1).strip());
    }
    return commands;
  }
}
