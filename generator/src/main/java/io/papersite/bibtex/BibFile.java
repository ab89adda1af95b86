package io.papersite.bibtex;

import io.papersite.model.Problems;
import io.papersite.model.SourcePosition;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.BibTeXString;
import org.jbibtex.Key;
import org.jbibtex.ParseException;
import org.jbibtex.TokenMgrException;

/**
 * Reads a .bib file with jbibtex, one entry at a time, so that a broken entry is reported at its
 * line and the entries around it are still read. {@code @string} macros apply to every entry;
 * {@code crossref} fills the fields an entry lacks from the entry it names.
 */
final class BibFile {

  /** An entry starts with {@code @type{} at the start of a line. */
  private static final Pattern START = Pattern.compile("(?m)^[ \\t]*@([A-Za-z]+)[ \\t]*([{(])");

  private final String displayPath;
  private final Problems problems;

  BibFile(String displayPath, Problems problems) {
    this.displayPath = displayPath;
    this.problems = problems;
  }

  /** A piece of the file holding one {@code @type{...}} and where it starts. */
  private record Chunk(String type, String text, int line) {
    String key() {
      Matcher key = Pattern.compile("^\\s*@\\w+\\s*[{(]\\s*([^,\\s]*)").matcher(text);
      return key.find() ? key.group(1) : "";
    }
  }

  List<BibRecord> read(String text) {
    List<Chunk> chunks = chunks(text);
    List<BibTeXString> macros = new ArrayList<>();
    for (Chunk chunk : chunks) {
      if (chunk.type.equals("string")) {
        parse(chunk, macros).ifPresent(db -> macros.addAll(db.getStrings().values()));
      }
    }
    List<BibRecord> records = new ArrayList<>();
    for (Chunk chunk : chunks) {
      if (List.of("string", "comment", "preamble").contains(chunk.type)) {
        continue;
      }
      parse(chunk, macros)
          .ifPresent(db -> db.getEntries().values().forEach(e -> records.add(record(e, chunk))));
    }
    return crossReferenced(records);
  }

  private List<Chunk> chunks(String text) {
    List<Chunk> chunks = new ArrayList<>();
    Matcher start = START.matcher(text);
    List<int[]> starts = new ArrayList<>();
    while (start.find()) {
      starts.add(new int[] {start.start(), start.end()});
    }
    for (int i = 0; i < starts.size(); i++) {
      int from = starts.get(i)[0];
      int to = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
      String piece = text.substring(from, to);
      Matcher type = START.matcher(piece);
      type.find();
      chunks.add(
          new Chunk(
              type.group(1).toLowerCase(Locale.ROOT),
              piece,
              lineOf(text, from) + leadingLines(piece)));
    }
    return chunks;
  }

  private java.util.Optional<BibTeXDatabase> parse(Chunk chunk, List<BibTeXString> macros) {
    try {
      BibTeXParser parser =
          new BibTeXParser() {
            @Override
            public void checkStringResolution(Key key, BibTeXString string) {
              if (string == null) {
                problems.error(
                    new SourcePosition(displayPath, chunk.line, 1),
                    "entry uses the macro '"
                        + key.getValue()
                        + "', which no @string defines; it is read as empty");
              }
            }

            @Override
            public void checkCrossReferenceResolution(Key key, BibTeXEntry entry) {
              // resolved below, across the whole file
            }
          };
      macros.forEach(parser::addMacro);
      return java.util.Optional.of(parser.parse(new StringReader(chunk.text)));
    } catch (ParseException e) {
      // jbibtex's currentToken is the last token it could read; the culprit is the next one.
      var culprit =
          e.currentToken == null
              ? null
              : e.currentToken.next != null ? e.currentToken.next : e.currentToken;
      int line = culprit == null ? 0 : Math.max(0, culprit.beginLine - 1);
      int column = culprit == null ? 1 : Math.max(1, culprit.beginColumn);
      String near =
          culprit == null || culprit.image == null || culprit.image.isBlank()
              ? ""
              : " at '" + culprit.image + "'";
      problems.error(
          new SourcePosition(displayPath, chunk.line + line, column),
          "cannot read entry '"
              + chunk.key()
              + "'"
              + near
              + "; is a comma or a closing brace missing before it? The entry was skipped");
    } catch (TokenMgrException | org.jbibtex.ObjectResolutionException e) {
      problems.error(
          new SourcePosition(displayPath, chunk.line, 1),
          "cannot read this @"
              + chunk.type
              + " entry: "
              + firstLine(e.getMessage())
              + "; it was skipped");
    }
    return java.util.Optional.empty();
  }

  private BibRecord record(BibTeXEntry entry, Chunk chunk) {
    Map<String, String> fields = new LinkedHashMap<>();
    entry
        .getFields()
        .forEach(
            (key, value) -> {
              String text;
              try {
                text = value.toUserString();
              } catch (RuntimeException e) {
                text = ""; // an undefined macro, reported above
              }
              fields.put(key.getValue().toLowerCase(Locale.ROOT), text == null ? "" : text);
            });
    return new BibRecord(
        entry.getType().getValue().toLowerCase(Locale.ROOT),
        entry.getKey().getValue(),
        fields,
        new SourcePosition(displayPath, chunk.line, 1));
  }

  /**
   * Fields an entry lacks come from the entry its crossref names, as BibTeX does; the named entries
   * (usually whole proceedings) are not papers of their own.
   */
  private static List<BibRecord> crossReferenced(List<BibRecord> records) {
    Map<String, BibRecord> byKey = new LinkedHashMap<>();
    records.forEach(r -> byKey.putIfAbsent(r.key().toLowerCase(Locale.ROOT), r));
    java.util.Set<String> referenced = new java.util.HashSet<>();
    records.forEach(r -> referenced.add(r.field("crossref").toLowerCase(Locale.ROOT)));
    List<BibRecord> resolved = new ArrayList<>();
    for (BibRecord record : records) {
      if (referenced.contains(record.key().toLowerCase(Locale.ROOT))) {
        continue;
      }
      BibRecord parent = byKey.get(record.field("crossref").toLowerCase(Locale.ROOT));
      if (parent == null) {
        resolved.add(record);
        continue;
      }
      Map<String, String> fields = new LinkedHashMap<>(record.fields());
      parent.fields().forEach(fields::putIfAbsent);
      if (!fields.containsKey("booktitle") && parent.fields().containsKey("title")) {
        fields.put("booktitle", parent.field("title"));
      }
      resolved.add(new BibRecord(record.type(), record.key(), fields, record.position()));
    }
    return resolved;
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static int leadingLines(String piece) {
    int lines = 0;
    for (int i = 0; i < piece.length() && Character.isWhitespace(piece.charAt(i)); i++) {
      if (piece.charAt(i) == '\n') {
        lines++;
      }
    }
    return lines;
  }

  private static String firstLine(String message) {
    return message == null
        ? "syntax error"
        : message.strip().lines().findFirst().orElse("syntax error").replaceAll("\\s+", " ");
  }
}
