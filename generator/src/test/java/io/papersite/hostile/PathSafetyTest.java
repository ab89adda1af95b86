package io.papersite.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.papersite.ContentException;
import io.papersite.GenerateRequest;
import io.papersite.Papersite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No id, file name, link or template name makes the build read or write outside its folders. */
class PathSafetyTest {

  @TempDir Path temp;
  private Path project;
  private Path content;
  private Path secret;
  private Path output;

  @BeforeEach
  void setUp() throws IOException {
    project = temp.resolve("project");
    content = project.resolve("content");
    Files.createDirectories(content.resolve("papers"));
    Files.writeString(content.resolve("site.yaml"), "title: Safe\n");
    Files.writeString(content.resolve("papers/one.yaml"), "title: One\n");
    secret = temp.resolve("secret.txt");
    Files.writeString(secret, "SECRET-TOKEN\n");
    output = project.resolve("target/site");
  }

  private String failure() {
    ContentException e =
        catchThrowableOfType(
            ContentException.class,
            () ->
                Papersite.generate(
                    GenerateRequest.forProject(project).withOutputDirectory(output)));
    assertThat(e).as("the build should fail").isNotNull();
    assertThat(output).doesNotExist();
    return e.getMessage();
  }

  @Test
  void refusesContentFilesThatLinkOutside() throws IOException {
    Files.createSymbolicLink(content.resolve("papers/evil.yaml"), secret);
    Files.createDirectories(content.resolve("static"));
    Files.createSymbolicLink(content.resolve("static/leak.txt"), secret);
    assertThat(failure())
        .contains(
            "content/papers/evil.yaml: error: is a link to "
                + secret.toRealPath()
                + ", outside the content folder; copy the file in instead")
        .contains("content/static/leak.txt: error: is a link to " + secret.toRealPath());
  }

  @Test
  void refusesTemplateAssetsThatLinkOutside() throws IOException {
    Files.createDirectories(project.resolve("templates/assets"));
    Files.createSymbolicLink(project.resolve("templates/assets/leak.css"), secret);
    assertThat(failure())
        .contains(
            "templates/assets/leak.css: error: is a link to "
                + secret.toRealPath()
                + ", outside the templates folder");
  }

  @Test
  void aTemplateCannotReadFilesOutsideItsFolder() throws IOException {
    Files.createDirectories(project.resolve("templates"));
    Files.createSymbolicLink(project.resolve("templates/tags.ftlh"), secret);
    Files.writeString(
        project.resolve("templates/papers.ftlh"), "<#include \"../../secret.txt\">\n");
    String message = failure();
    assertThat(message).contains("templates/papers.ftlh").doesNotContain("SECRET-TOKEN");
  }

  @Test
  void refusesNamesWindowsReservesAndNamesThatDifferOnlyByCase() throws IOException {
    Files.writeString(content.resolve("papers/con.yaml"), "title: Con\ntags: [aux, fine]\n");
    Files.createDirectories(content.resolve("static/docs"));
    Files.writeString(content.resolve("static/nul.txt"), "x");
    Files.writeString(content.resolve("static/docs/About.txt"), "x");
    Files.writeString(content.resolve("static/docs/about.txt"), "y");
    assertThat(failure().lines())
        .contains(
            "content/papers/con.yaml: error: paper id 'con' is a name Windows reserves for devices, so its page could not be checked out there; choose another",
            "content/papers/con.yaml:2:8: error: tag 'aux' is a name Windows reserves for devices, so its page could not be checked out there; choose another",
            "content/static/nul.txt: error: 'nul.txt' is a name Windows reserves for devices; rename the file",
            "content/static/docs/about.txt: error: differs from static/docs/About.txt only by case, so the two would be one file on Windows and macOS; rename one of them");
  }

  @Test
  void neverWritesOutsideTheOutputFolder() throws IOException {
    Papersite.generate(GenerateRequest.forProject(project).withOutputDirectory(output));
    try (Stream<Path> files = Files.walk(temp)) {
      assertThat(files.filter(Files::isRegularFile).map(temp::relativize).map(Path::toString))
          .allMatch(
              p ->
                  p.startsWith("project/content/")
                      || p.startsWith("project/target/site/")
                      || p.equals("secret.txt"));
    }
  }
}
