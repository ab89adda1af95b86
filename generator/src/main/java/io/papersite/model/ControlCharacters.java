package io.papersite.model;

/** Control characters other than tab and line breaks: no page, feed or file format wants them. */
public final class ControlCharacters {

  private ControlCharacters() {}

  /** The index of the first one, or -1. */
  public static int first(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isControl(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  public static String strip(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.chars().filter(c -> !isControl((char) c)).forEach(c -> out.append((char) c));
    return out.toString();
  }

  public static String message(int codePoint) {
    return String.format(
        "contains the control character U+%04X, which no page can show; remove it", codePoint);
  }

  private static boolean isControl(char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
  }
}
