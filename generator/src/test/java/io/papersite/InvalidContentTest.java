package io.papersite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One folder per kind of mistake under {@code src/test/resources/invalid/<case>/}: its content must
 * fail with exactly the message in {@code expected.txt}, and write nothing. Rewrite the expected
 * messages after an intended change with {@code -Dpapersite.golden.update=true}.
 */
class InvalidContentTest {

  static final Path INVALID = Path.of("src/test/resources/invalid");

  @TempDir Path temp;

  static Stream<String> cases() throws IOException {
    return TreeComparison.caseNames(INVALID);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void failsWithTheExpectedMessageAndWritesNothing(String name) throws IOException {
    Path project = INVALID.resolve(name);
    Path output = temp.resolve("site");

    ContentException error =
        catchThrowableOfType(
            ContentException.class,
            () ->
                Papersite.generate(
                    GenerateRequest.forProject(project).withOutputDirectory(output)));

    assertThat(error).as("build of %s should fail", name).isNotNull();
    Path expected = project.resolve("expected.txt");
    if (Boolean.getBoolean("papersite.golden.update")) {
      Files.writeString(expected, error.getMessage() + "\n", StandardCharsets.UTF_8);
    }
    assertThat(error.getMessage() + "\n")
        .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    assertThat(output).doesNotExist();
  }
}
