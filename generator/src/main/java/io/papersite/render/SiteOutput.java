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
   * Makes the folder of a file to be written later, where this output makes folders: a hint, so
   * that one thread can make many folders in a row (see {@code SiteRenderer.paperFiles}).
   */
  default void folderOf(String path) {}

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

  /**
   * Replaces parts of a file of the current site, leaving the rest as it is: each part is the bytes
   * expected from {@code start} to {@code end} and the bytes that take their place, in file order.
   * Returns false, changing nothing, when this output cannot, or the file is not {@code size} bytes
   * long or lacks an expected part; the caller then writes the whole file.
   */
  default boolean splice(String path, long size, java.util.List<Splice> parts) {
    return false;
  }

  /** One part of a file to replace, by byte offsets. */
  record Splice(long start, long end, byte[] expected, byte[] replacement) {}

  /**
   * A writer that tells how far it has come, in bytes of UTF-8 (or in characters, for text kept in
   * memory): where each paper's entry lies in an export, so that an edit can replace it alone.
   */
  interface Positioned {
    long position();
  }

  /** Writes a file's text. */
  @FunctionalInterface
  interface TextContent {
    void writeTo(Writer out) throws IOException;
  }
}
