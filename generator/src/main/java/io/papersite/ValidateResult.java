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

  /** One line for a log, joined as {@link GenerateResult#summary} is. */
  public String summary() {
    return "Papersite: "
        + GenerateResult.count(papers, "paper")
        + " and "
        + GenerateResult.count(collections, "collection")
        + " checked in "
        + duration.toMillis()
        + " ms: "
        + (warnings.isEmpty() ? "no problems" : GenerateResult.count(warnings.size(), "warning"));
  }
}
