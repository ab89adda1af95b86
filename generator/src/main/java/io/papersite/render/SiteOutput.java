package io.papersite.render;

import java.io.IOException;
import java.io.Writer;

/**
 * Where the render stage puts the files of the site, one at a time, so that a large site is never
 * held in memory. Implementations may be called from several threads at once.
 */
public interface SiteOutput {

  /** A text file, written as UTF-8 by {@code content}. */
  void text(String path, TextContent content);

  /** A file of bytes, such as a font. */
  void bytes(String path, byte[] content);

  /**
   * Renders every file into a writer that drops it: to measure rendering alone. Warm-ups render
   * through the writers builds use ({@code SiteWriter.rehearsal}, {@code SiteWriter.discarding()}).
   */
  SiteOutput DISCARD =
      new SiteOutput() {
        @Override
        public void text(String path, TextContent content) {
          try {
            content.writeTo(java.io.Writer.nullWriter());
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }

        @Override
        public void bytes(String path, byte[] content) {}
      };

  /** Writes a file's text. */
  @FunctionalInterface
  interface TextContent {
    void writeTo(Writer out) throws IOException;
  }
}
