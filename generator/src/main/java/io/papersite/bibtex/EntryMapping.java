package io.papersite.bibtex;

import io.papersite.model.PaperDate;
import io.papersite.model.Slug;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps a BibTeX entry's fields to a paper's: names, dates, venue, identifiers, links, tags. */
final class EntryMapping {

  private static final Pattern ARXIV_ID =
      Pattern.compile(
          "(\\d{4}\\.\\d{4,5}(?:v\\d+)?|[a-z]+(?:-[a-z]+)*(?:\\.[A-Z]{2})?/\\d{7}(?:v\\d+)?)");
  private static final Pattern ARXIV_URL =
      Pattern.compile("(?i)arxiv\\.org/(?:abs|pdf)/" + ARXIV_ID.pattern() + "(?:\\.pdf)?");
  private static final Pattern ARXIV_IN_TEXT =
      Pattern.compile(
          "(?i)(?:arxiv:\\s*|arxiv\\s+preprint\\s+(?:arxiv:)?\\s*|corr\\s+abs/)"
              + ARXIV_ID.pattern());
  private static final Pattern DOI = Pattern.compile("(10\\.\\d{4,9}/\\S+)");
  private static final Pattern WEB_URL = Pattern.compile("(?i)^https?://\\S+$");
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

  /** Fields whose value is read elsewhere, or that only typesetting needs: never a link. */
  private static final Set<String> NOT_LINKS =
      Set.of(
          "doi",
          "eprint",
          "arxiv",
          "title",
          "author",
          "journal",
          "booktitle",
          "howpublished",
          "abstract",
          "keywords");

  private EntryMapping() {}

  static ImportedPaper map(BibRecord record) {
    String arxiv = arxiv(record);
    String doi = doi(record);
    return new ImportedPaper(
        id(record.key()),
        record.key(),
        LatexText.toUnicode(record.field("title")),
        authors(record.field("author")),
        date(record),
        venue(record, arxiv),
        arxiv,
        doi,
        links(record, arxiv, doi),
        tags(record.field("keywords")),
        LatexText.toUnicode(record.field("abstract")),
        record.position());
  }

  /**
   * The citation key as a slug. A key with no Latin letters or digits (日本語2024 keeps only its
   * digits; 注意 keeps nothing) gets a short hash of itself, so that its id is stable.
   */
  static String id(String citationKey) {
    String slug = Slug.of(citationKey);
    if (slug.isEmpty()
        || (slug.chars().allMatch(Character::isDigit) && !citationKey.matches("[0-9]+"))) {
      slug = (slug.isEmpty() ? "paper" : slug) + "-" + shortHash(citationKey);
    }
    return Slug.isReservedOnWindows(slug) ? slug + "-paper" : slug;
  }

  private static String shortHash(String text) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest, 0, 4);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * BibTeX's {@code and}-separated names as "First Last": "Last, First" and "Last, Jr, First" are
   * turned around, a braced name stays whole, and "others" is dropped.
   */
  static List<String> authors(String field) {
    List<String> names = new ArrayList<>();
    for (String name : splitOnAnd(field)) {
      String trimmed = name.strip();
      if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("others")) {
        continue;
      }
      List<String> parts = splitOnComma(trimmed);
      String ordered =
          switch (parts.size()) {
            case 1 -> parts.get(0);
            case 2 -> parts.get(1) + " " + parts.get(0);
            default -> parts.get(2) + " " + parts.get(0) + " " + parts.get(1);
          };
      String text = LatexText.toUnicode(ordered);
      if (!text.isEmpty()) {
        names.add(text);
      }
    }
    return names;
  }

  private static List<String> splitOnAnd(String field) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    String lower = field.toLowerCase(Locale.ROOT);
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      } else if (depth == 0
          && Character.isWhitespace(c)
          && lower.startsWith("and", i + 1)
          && i + 4 < field.length()
          && Character.isWhitespace(field.charAt(i + 4))) {
        parts.add(field.substring(start, i));
        start = i + 5;
        i += 4;
      }
    }
    parts.add(field.substring(start));
    return parts;
  }

  private static List<String> splitOnComma(String name) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(name.substring(start, i).strip());
        start = i + 1;
      }
    }
    parts.add(name.substring(start).strip());
    parts.removeIf(String::isEmpty);
    return parts.isEmpty() ? List.of(name) : parts;
  }

  /** From biblatex's {@code date}, else {@code year} and {@code month}; empty when unusable. */
  static String date(BibRecord record) {
    String date = LatexText.toUnicode(record.field("date"));
    if (PaperDate.parse(date).isPresent()) {
      return date;
    }
    Matcher year = Pattern.compile("\\d{4}").matcher(LatexText.toUnicode(record.field("year")));
    if (!year.find()) {
      return "";
    }
    int month = month(LatexText.toUnicode(record.field("month")));
    String text = month == 0 ? year.group() : year.group() + "-" + String.format("%02d", month);
    return PaperDate.parse(text).isPresent() ? text : year.group();
  }

  private static int month(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    if (value.matches("\\d{1,2}")) {
      int number = Integer.parseInt(value);
      return number >= 1 && number <= 12 ? number : 0;
    }
    return value.length() >= 3 ? MONTHS.indexOf(value.substring(0, 3)) + 1 : 0;
  }

  /** The journal, book title or howpublished, without a trailing comma; not an arXiv reference. */
  private static String venue(BibRecord record, String arxiv) {
    for (String field : List.of("journal", "booktitle", "howpublished")) {
      String venue = LatexText.toUnicode(record.field(field)).replaceAll("[,;\\s]+$", "");
      if (venue.isEmpty() || WEB_URL.matcher(venue).matches()) {
        continue;
      }
      if (ARXIV_IN_TEXT.matcher(venue).find()
          || venue.equalsIgnoreCase("arxiv")
          || venue.equalsIgnoreCase("corr")) {
        continue; // "arXiv preprint arXiv:2407.14507" is an identifier, not a venue
      }
      return venue;
    }
    return "";
  }

  static String arxiv(BibRecord record) {
    String prefix =
        (record.field("archiveprefix") + record.field("eprinttype")).toLowerCase(Locale.ROOT);
    Matcher eprint = ARXIV_ID.matcher(record.field("eprint").strip());
    if (prefix.contains("arxiv") && eprint.matches()) {
      return eprint.group(1);
    }
    Matcher field = ARXIV_ID.matcher(record.field("arxiv").strip().replaceFirst("(?i)^arxiv:", ""));
    if (field.matches()) {
      return field.group(1);
    }
    for (String name : List.of("url", "pdf", "eprint", "howpublished", "note")) {
      Matcher url = ARXIV_URL.matcher(record.field(name));
      if (url.find()) {
        return url.group(1);
      }
    }
    for (String name : List.of("journal", "booktitle", "note", "howpublished", "volume")) {
      Matcher text = ARXIV_IN_TEXT.matcher(record.field(name));
      if (text.find()) {
        return text.group(1);
      }
    }
    return "";
  }

  private static String doi(BibRecord record) {
    Matcher doi = DOI.matcher(record.field("doi").strip());
    if (doi.find()) {
      return doi.group(1);
    }
    Matcher url = Pattern.compile("(?i)doi\\.org/" + DOI.pattern()).matcher(record.field("url"));
    return url.find() ? url.group(1) : "";
  }

  /** Every field holding one web address, by its name; arXiv and DOI addresses are already ids. */
  private static Map<String, String> links(BibRecord record, String arxiv, String doi) {
    Map<String, String> links = new LinkedHashMap<>();
    record
        .fields()
        .forEach(
            (name, value) -> {
              String url = value.strip().replaceAll("^\\\\url\\{(.*)}$", "$1");
              if (NOT_LINKS.contains(name) || !WEB_URL.matcher(url).matches()) {
                return;
              }
              boolean isArxiv = !arxiv.isEmpty() && ARXIV_URL.matcher(url).find();
              boolean isDoi =
                  !doi.isEmpty()
                      && url.toLowerCase(Locale.ROOT)
                          .contains("doi.org/" + doi.toLowerCase(Locale.ROOT));
              if (!isArxiv && !isDoi) {
                links.put(name, url);
              }
            });
    // BibTeX's url often repeats a link given under its own name (code, pdf): keep the named one.
    String url = links.get("url");
    boolean repeated =
        links.entrySet().stream()
            .anyMatch(e -> !e.getKey().equals("url") && e.getValue().equals(url));
    if (url != null && repeated) {
      links.remove("url");
    }
    return links;
  }

  /** Keywords, split on commas or semicolons, as slugs. */
  static List<String> tags(String keywords) {
    Set<String> tags = new LinkedHashSet<>();
    for (String keyword : LatexText.toUnicode(keywords).split("[,;]")) {
      String slug = Slug.of(keyword);
      if (!slug.isEmpty()) {
        tags.add(slug);
      }
    }
    return List.copyOf(tags);
  }
}
