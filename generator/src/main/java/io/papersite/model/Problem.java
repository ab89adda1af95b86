package io.papersite.model;

import java.util.Objects;

/**
 * One thing wrong with the content, found at a position. Problems are collected, never thrown one
 * at a time, so that a build reports all of them at once.
 */
public record Problem(SourcePosition position, Severity severity, String message)
    implements Comparable<Problem> {

  /** How bad a problem is. */
  public enum Severity {
    ERROR,
    WARNING;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Problem {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  public static Problem error(SourcePosition position, String message) {
    return new Problem(position, Severity.ERROR, message);
  }

  public static Problem warning(SourcePosition position, String message) {
    return new Problem(position, Severity.WARNING, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public int compareTo(Problem other) {
    int byPosition = position.compareTo(other.position);
    return byPosition != 0 ? byPosition : message.compareTo(other.message);
  }

  /** The compiler-style line editors jump to: {@code path:line:column: error: message}. */
  @Override
  public String toString() {
    return position + ": " + severity.label() + ": " + message;
  }
}
