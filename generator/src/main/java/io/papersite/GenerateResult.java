package io.papersite;

import io.papersite.model.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a successful build did.
 *
 * @param warnings problems that did not stop the build, sorted by position
 */
public record GenerateResult(
    Path outputDirectory,
    int papers,
    int pages,
    int filesWritten,
    List<Problem> warnings,
    Duration duration) {

  public GenerateResult {
    warnings = List.copyOf(warnings);
  }

  /** One line for a log: what was built, where, and how long it took. */
  public String summary() {
    return String.format(
        "Papersite: %s, %s, %s written to %s in %d ms%s",
        count(papers, "paper"),
        count(pages, "page"),
        count(filesWritten, "file"),
        outputDirectory,
        duration.toMillis(),
        warnings.isEmpty() ? "" : " (" + count(warnings.size(), "warning") + ")");
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
