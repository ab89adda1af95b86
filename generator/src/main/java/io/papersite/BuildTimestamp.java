package io.papersite;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads a reproducible-build timestamp: Maven's {@code project.build.outputTimestamp} or the {@code
 * SOURCE_DATE_EPOCH} convention.
 */
public final class BuildTimestamp {

  private BuildTimestamp() {}

  /**
   * @param text an ISO-8601 date-time with an offset, or whole seconds since 1970
   * @return the instant, or null when the text is empty or neither of these (Maven's own default
   *     for an unset timestamp is a single character)
   */
  public static Instant parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip();
    if (value.chars().allMatch(Character::isDigit)) {
      return Instant.ofEpochSecond(Long.parseLong(value));
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
