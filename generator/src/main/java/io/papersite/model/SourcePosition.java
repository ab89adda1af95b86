package io.papersite.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * A place in a content file: the file's path as shown to the user (relative to the project, with
 * forward slashes), and a 1-based line and column. Line 0 means "the file as a whole".
 */
public record SourcePosition(String file, int line, int column)
    implements Comparable<SourcePosition> {

  private static final Comparator<SourcePosition> ORDER =
      Comparator.comparing(SourcePosition::file)
          .thenComparingInt(SourcePosition::line)
          .thenComparingInt(SourcePosition::column);

  public SourcePosition {
    Objects.requireNonNull(file, "file");
    if (line < 0 || column < 0 || (line == 0 && column != 0)) {
      throw new IllegalArgumentException("bad position " + line + ":" + column + " in " + file);
    }
  }

  /** A position for a whole file, when no line applies. */
  public static SourcePosition ofFile(String file) {
    return new SourcePosition(file, 0, 0);
  }

  /** The line and column of the character at {@code index} in a file's {@code text}. */
  public static SourcePosition ofIndex(String file, String text, int index) {
    int line = 1;
    int lineStart = 0;
    for (int i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return new SourcePosition(file, line, index - lineStart + 1);
  }

  /** The same file, {@code lines} further down, at {@code column}. */
  public SourcePosition plus(int lines, int newColumn) {
    return new SourcePosition(file, Math.max(1, line) + lines, newColumn);
  }

  @Override
  public int compareTo(SourcePosition other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return line == 0 ? file : file + ":" + line + ":" + column;
  }
}
