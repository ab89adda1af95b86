package io.papersite.bibtex;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes imported papers as hand-editable YAML in Papersite's format: one key per field in the
 * usual order, text quoted, the abstract folded over short lines.
 */
final class PaperYaml {

  private static final int WIDTH = 96;

  private PaperYaml() {}

  /** A whole {@code papers/<id>.yaml} file. */
  static String document(ImportedPaper paper) {
    StringBuilder yaml = new StringBuilder();
    fields(paper).values().forEach(yaml::append);
    return yaml.toString();
  }

  /** The YAML of each field the paper has, by key, in the usual order. */
  static Map<String, String> fields(ImportedPaper paper) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("title", "title: " + quote(paper.title()) + "\n");
    if (!paper.authors().isEmpty()) {
      StringBuilder authors = new StringBuilder("authors:\n");
      paper.authors().forEach(a -> authors.append("  - ").append(quote(a)).append('\n'));
      fields.put("authors", authors.toString());
    }
    put(fields, "date", paper.date(), paper.date());
    put(fields, "venue", paper.venue(), quote(paper.venue()));
    put(fields, "arxiv", paper.arxiv(), quote(paper.arxiv()));
    put(fields, "doi", paper.doi(), quote(paper.doi()));
    if (!paper.links().isEmpty()) {
      StringBuilder links = new StringBuilder("links:\n");
      paper
          .links()
          .forEach(
              (label, url) ->
                  links
                      .append("  ")
                      .append(key(label))
                      .append(": ")
                      .append(quote(url))
                      .append('\n'));
      fields.put("links", links.toString());
    }
    if (!paper.tags().isEmpty()) {
      fields.put("tags", "tags: [" + String.join(", ", paper.tags()) + "]\n");
    }
    if (!paper.abstractText().isEmpty()) {
      fields.put("abstract", "abstract: " + folded(paper.abstractText()));
    }
    return fields;
  }

  /** The fields a file lacks, to append to it; its own keys and values stay as they are. */
  static String missing(ImportedPaper paper, Set<String> existingKeys) {
    StringBuilder yaml = new StringBuilder();
    fields(paper)
        .forEach(
            (key, text) -> {
              if (!existingKeys.contains(key)) {
                yaml.append(text);
              }
            });
    return yaml.toString();
  }

  static List<String> missingKeys(ImportedPaper paper, Set<String> existingKeys) {
    return fields(paper).keySet().stream().filter(k -> !existingKeys.contains(k)).toList();
  }

  private static void put(Map<String, String> fields, String key, String value, String yaml) {
    if (!value.isEmpty()) {
      fields.put(key, key + ": " + yaml + "\n");
    }
  }

  /** A double-quoted YAML scalar: any text survives it. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static String key(String label) {
    return label.matches("[a-z][a-z0-9_-]*") ? label : quote(label);
  }

  /**
   * A folded block scalar ({@code >-}) with lines of about {@value #WIDTH} characters; folding
   * joins them with single spaces, so the text reads back exactly (its whitespace is single).
   */
  static String folded(String text) {
    if (!text.equals(text.strip())
        || text.contains("  ")
        || text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return quote(text) + "\n"; // only plain single-spaced text folds back exactly
    }
    StringBuilder out = new StringBuilder(">-\n");
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH) {
        out.append("  ").append(line).append('\n');
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    return out.append("  ").append(line).append('\n').toString();
  }
}
