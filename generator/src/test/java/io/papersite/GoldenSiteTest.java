package io.papersite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Builds each fixture under {@code src/test/resources/golden/<case>/input} and compares the whole
 * output tree with {@code expected/}. After an intended change, rewrite the expected trees with
 * {@code mvn test -Dpapersite.golden.update=true} and review the diff.
 */
class GoldenSiteTest {

  static final Path GOLDEN = Path.of("src/test/resources/golden");

  @TempDir Path temp;

  static Stream<String> cases() throws IOException {
    return TreeComparison.caseNames(GOLDEN);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void outputMatchesExpectedTree(String name) throws IOException {
    Path input = GOLDEN.resolve(name).resolve("input");
    Path expected = GOLDEN.resolve(name).resolve("expected");
    Path output = temp.resolve("site");

    Papersite.generate(GenerateRequest.forProject(input).withOutputDirectory(output));

    if (Boolean.getBoolean("papersite.golden.update")) {
      TreeComparison.deleteTree(expected);
      TreeComparison.copyTree(output, expected);
      Files.deleteIfExists(expected.resolve(".papersite")); // machine-specific, and not compared
      TreeComparison.deleteTree(expected.resolve("assets/vendor"));
    }
    TreeComparison.assertSameTree(expected, output);
  }
}
