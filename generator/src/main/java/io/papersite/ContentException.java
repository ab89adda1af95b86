package io.papersite;

import io.papersite.model.Problem;
import java.util.List;

/**
 * The content has errors, so nothing was written. {@link #getMessage()} lists every problem as
 * {@code path:line:column: error: message}, sorted by file and line, then a count.
 */
public final class ContentException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public ContentException(List<Problem> problems) {
    super(format(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, warnings included, sorted by position. */
  public List<Problem> problems() {
    return problems;
  }

  public long errorCount() {
    return problems.stream().filter(Problem::isError).count();
  }

  private static String format(List<Problem> problems) {
    StringBuilder text = new StringBuilder();
    for (Problem problem : problems) {
      text.append(problem).append('\n');
    }
    long errors = problems.stream().filter(Problem::isError).count();
    long warnings = problems.size() - errors;
    text.append(errors).append(errors == 1 ? " error" : " errors");
    if (warnings > 0) {
      text.append(", ").append(warnings).append(warnings == 1 ? " warning" : " warnings");
    }
    text.append("; fix them and build again (the previous site, if any, is unchanged)");
    return text.toString();
  }
}
