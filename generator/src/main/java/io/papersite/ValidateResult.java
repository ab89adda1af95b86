package io.papersite;

import io.papersite.model.Problem;
import java.time.Duration;
import java.util.List;

/**
 * What a successful check found: the content has no errors.
 *
 * @param warnings problems that do not stop a build, sorted by position
 */
public record ValidateResult(
    int papers, int collections, List<Problem> warnings, Duration duration) {

  public ValidateResult {
    warnings = List.copyOf(warnings);
  }

  /** One line for a log. */
  public String summary() {
    return String.format(
        "Papersite: %s and %s checked in %d ms: %s",
        GenerateResult.count(papers, "paper"),
        GenerateResult.count(collections, "collection"),
        duration.toMillis(),
        warnings.isEmpty() ? "no problems" : GenerateResult.count(warnings.size(), "warning"));
  }
}
