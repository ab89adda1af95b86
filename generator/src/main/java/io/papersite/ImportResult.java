package io.papersite;

import io.papersite.model.Problem;
import java.util.List;

/**
 * What an import did.
 *
 * @param created ids of the papers written
 * @param updated ids of existing papers that got missing fields
 * @param skipped ids of papers that already existed and were left as they were
 * @param problems entries that could not be read, each at its line in its .bib file, and warnings
 */
public record ImportResult(
    List<String> created, List<String> updated, List<String> skipped, List<Problem> problems) {

  public ImportResult {
    created = List.copyOf(created);
    updated = List.copyOf(updated);
    skipped = List.copyOf(skipped);
    problems = List.copyOf(problems);
  }

  /** The report: one line of counts, then what was skipped and every problem. */
  public List<String> report() {
    long unreadable = problems.stream().filter(Problem::isError).count();
    List<String> lines = new java.util.ArrayList<>();
    lines.add(
        String.format(
            "Papersite: import: %d created, %d updated, %d skipped, %s",
            created.size(),
            updated.size(),
            skipped.size(),
            (unreadable == 1 ? "1 entry" : unreadable + " entries") + " could not be read"));
    if (!skipped.isEmpty()) {
      lines.add(
          "skipped, already in the collection (use update to fill missing fields): "
              + String.join(", ", skipped));
    }
    problems.forEach(p -> lines.add(p.toString()));
    return lines;
  }
}
