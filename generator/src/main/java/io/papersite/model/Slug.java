package io.papersite.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Ids and tags are slugs: lowercase ASCII letters and digits, separated by single hyphens. */
public final class Slug {

  private static final Pattern VALID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
  static final int MAX_LENGTH = 100;

  private Slug() {}

  private static final Pattern WINDOWS_DEVICES =
      Pattern.compile("(?i)(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\\..*)?");

  /**
   * Whether Windows reserves the name for a device ({@code con}, {@code nul}, {@code com1}, with or
   * without an extension): such a file cannot be created or checked out there.
   */
  public static boolean isReservedOnWindows(String name) {
    return WINDOWS_DEVICES.matcher(name).matches();
  }

  public static boolean isValid(String text) {
    return text.length() <= MAX_LENGTH && VALID.matcher(text).matches();
  }

  /** The nearest slug to any text: accents dropped, runs of other characters made one hyphen. */
  public static String of(String text) {
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    String slug =
        ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > MAX_LENGTH) {
      slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
    }
    return slug;
  }
}
