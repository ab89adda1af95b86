package io.papersite.load;

import java.nio.file.Path;

/**
 * A content file read into memory.
 *
 * @param path where it is on disk
 * @param displayPath how problems name it: relative to the project, with forward slashes
 * @param text its content, decoded as UTF-8
 */
public record SourceFile(Path path, String displayPath, String text) {

  /** The file's place, without its text. */
  public SourceFile withoutText() {
    return new SourceFile(path, displayPath, "");
  }

  /** The file name without its extension: the id of a paper or collection. */
  public String baseName() {
    String name = path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }
}
