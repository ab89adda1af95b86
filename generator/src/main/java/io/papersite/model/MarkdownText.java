package io.papersite.model;

/**
 * Markdown source and where it starts, so that a problem found inside it (a broken link) can be
 * reported at its own line. {@code exactLines} is false for YAML scalars, whose folding moves
 * lines.
 */
public record MarkdownText(String source, SourcePosition start, boolean exactLines) {

  public static MarkdownText none(SourcePosition where) {
    return new MarkdownText("", where, false);
  }

  public boolean isBlank() {
    return source.isBlank();
  }
}
