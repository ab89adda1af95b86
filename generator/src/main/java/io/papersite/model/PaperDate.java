package io.papersite.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A publication date as precise as the entry gives it: a year, a month of a year, or a day. Month
 * and day are 0 when not given.
 */
public record PaperDate(int year, int month, int day) implements Comparable<PaperDate> {

  private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

  public PaperDate {
    if (year < 1 || year > 9999 || month < 0 || month > 12 || day < 0 || (month == 0 && day != 0)) {
      throw new IllegalArgumentException("not a date: " + year + "-" + month + "-" + day);
    }
    if (day != 0) {
      LocalDate.of(year, month, day); // rejects 2023-02-30
    }
  }

  /** Parses {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}; empty when it is none of these. */
  public static Optional<PaperDate> parse(String text) {
    Matcher m = FORMAT.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      int month = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
      int day = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
      return Optional.of(new PaperDate(Integer.parseInt(m.group(1)), month, day));
    } catch (IllegalArgumentException | DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The ISO form, as precise as the date: {@code 2024}, {@code 2024-05} or {@code 2024-05-17}. */
  public String iso() {
    if (month == 0) {
      return String.format("%04d", year);
    }
    return day == 0
        ? YearMonth.of(year, month).toString()
        : LocalDate.of(year, month, day).toString();
  }

  @Override
  public int compareTo(PaperDate other) {
    return Integer.compare(
        year * 10000 + month * 100 + day, other.year * 10000 + other.month * 100 + other.day);
  }

  @Override
  public String toString() {
    return iso();
  }
}
