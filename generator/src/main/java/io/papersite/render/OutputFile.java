package io.papersite.render;

import java.nio.charset.StandardCharsets;

/** One file of the generated site: its path relative to the site root, and its bytes. */
public record OutputFile(String path, byte[] content) {

  public static OutputFile text(String path, String text) {
    return new OutputFile(path, text.getBytes(StandardCharsets.UTF_8));
  }
}
