package io.papersite.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.papersite.ContentException;
import io.papersite.GenerateRequest;
import io.papersite.Papersite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A user's template cannot reach Java: no object construction, no ?api, no class access. */
class TemplateSandboxTest {

  @TempDir Path project;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${\"freemarker.template.utility.Execute\"?new()(\"id\")}",
        "${\"freemarker.template.utility.ObjectConstructor\"?new()(\"java.io.File\", \"/\")}",
        "${site?api.getClass().getName()}",
        "${site.getClass().getName()}",
        "${site.class.name}",
      })
  void javaIsOutOfReach(String template) throws IOException {
    Files.createDirectories(project.resolve("content/papers"));
    Files.writeString(project.resolve("content/site.yaml"), "title: Sandbox\n");
    Files.createDirectories(project.resolve("templates"));
    Files.writeString(project.resolve("templates/tags.ftlh"), template + "\n");
    ContentException e =
        catchThrowableOfType(
            ContentException.class,
            () ->
                Papersite.generate(
                    GenerateRequest.forProject(project)
                        .withOutputDirectory(project.resolve("site"))));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).startsWith("templates/tags.ftlh:1:").contains(": error: template ");
    assertThat(project.resolve("site")).doesNotExist();
  }
}
