package io.papersite.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects problems across the stages of one build; the build fails once, with all of them. Safe to
 * use from the threads that render pages.
 */
public final class Problems {

  private final List<Problem> list = new ArrayList<>();

  public synchronized void error(SourcePosition position, String message) {
    list.add(Problem.error(position, message));
  }

  public synchronized void warning(SourcePosition position, String message) {
    list.add(Problem.warning(position, message));
  }

  public synchronized boolean hasErrors() {
    return list.stream().anyMatch(Problem::isError);
  }

  /** All problems so far, once each (a template fails alike on every page), sorted by position. */
  public synchronized List<Problem> sorted() {
    return list.stream().distinct().sorted().toList();
  }

  /** All problems, warnings turned into errors: strict mode, for CI. */
  public List<Problem> sortedAsErrors() {
    return sorted().stream().map(p -> Problem.error(p.position(), p.message())).toList();
  }
}
