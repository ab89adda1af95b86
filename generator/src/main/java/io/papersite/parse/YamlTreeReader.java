package io.papersite.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.papersite.load.SourceFile;
import io.papersite.model.ControlCharacters;
import io.papersite.model.Problems;
import io.papersite.model.SourcePosition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML document into a {@link YamlNode} tree with positions, through Jackson's streaming
 * parser. Aliases and duplicate keys are refused here, since Jackson would silently misread them.
 */
public final class YamlTreeReader {

  static final int MAX_DEPTH = 20;

  private final YAMLFactory factory;
  private final Problems problems;

  public YamlTreeReader(Problems problems) {
    LoaderOptions options = new LoaderOptions();
    options.setNestingDepthLimit(MAX_DEPTH * 2);
    options.setAllowDuplicateKeys(true); // reported below, with both positions
    options.setMaxAliasesForCollections(10);
    // Files are at most ContentLoader.MAX_FILE_BYTES; SnakeYAML's own 3 MB default is lower.
    options.setCodePointLimit(8 * 1024 * 1024);
    this.factory = YAMLFactory.builder().loaderOptions(options).build();
    this.problems = problems;
  }

  /**
   * The document's root, or empty when the file has a syntax error or no content (both reported).
   */
  public Optional<YamlNode> read(SourceFile file) {
    Optional<SourcePosition> tab = indentationTab(file);
    if (tab.isPresent()) {
      problems.error(tab.get(), "tab character in indentation; YAML is indented with spaces only");
      return Optional.empty();
    }
    try (JsonParser parser = factory.createParser(file.text())) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        problems.error(
            SourcePosition.ofFile(file.displayPath()),
            "file has no YAML content; fill it in or delete it");
        return Optional.empty();
      }
      return Optional.of(readValue((YAMLParser) parser, file, 0));
    } catch (BadYaml e) {
      problems.error(e.position, e.getMessage());
    } catch (JsonProcessingException e) {
      // SnakeYAML stops at a raw control character without saying where or which
      int control =
          String.valueOf(e.getOriginalMessage()).contains("special characters are not allowed")
              ? ControlCharacters.first(file.text())
              : -1;
      if (control >= 0) {
        problems.error(
            SourcePosition.ofIndex(file.displayPath(), file.text(), control),
            ControlCharacters.message(file.text().codePointAt(control)));
      } else if (e.getCause() instanceof MarkedYAMLException yaml
          && yaml.getProblemMark() != null) {
        var mark = yaml.getProblemMark();
        problems.error(
            new SourcePosition(file.displayPath(), mark.getLine() + 1, mark.getColumn() + 1),
            "YAML syntax error: " + yaml.getProblem() + context(yaml) + hint(yaml.getProblem()));
      } else {
        problems.error(position(file, e.getLocation()), syntaxMessage(e));
      }
    } catch (IOException e) {
      problems.error(
          SourcePosition.ofFile(file.displayPath()), "cannot read YAML: " + e.getMessage());
    }
    return Optional.empty();
  }

  private static Optional<SourcePosition> indentationTab(SourceFile file) {
    if (file.text().indexOf('\t') < 0) {
      return Optional.empty(); // most files: no need to split them into lines
    }
    String[] lines = file.text().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      for (int c = 0; c < line.length() && (line.charAt(c) == ' ' || line.charAt(c) == '\t'); c++) {
        if (line.charAt(c) == '\t') {
          return Optional.of(new SourcePosition(file.displayPath(), i + 1, c + 1));
        }
      }
    }
    return Optional.empty();
  }

  private YamlNode readValue(YAMLParser parser, SourceFile file, int depth) throws IOException {
    SourcePosition at = position(file, parser.currentTokenLocation());
    if (parser.isCurrentAlias()) {
      throw new BadYaml(at, "YAML aliases (*name) are not supported; write the value out in full");
    }
    if (depth > MAX_DEPTH) {
      throw new BadYaml(at, "nested more than " + MAX_DEPTH + " levels deep; entries are flat");
    }
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT:
        return readMapping(parser, file, depth, at);
      case START_ARRAY:
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(readValue(parser, file, depth + 1));
        }
        return new YamlNode.Sequence(items, at);
      case VALUE_NULL:
        return new YamlNode.Scalar(null, false, at);
      default:
        return new YamlNode.Scalar(
            withoutControls(parser.getText(), at), isBlockScalar(file, at), at);
    }
  }

  private YamlNode.Mapping readMapping(
      YAMLParser parser, SourceFile file, int depth, SourcePosition at) throws IOException {
    List<YamlNode.Entry> entries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      SourcePosition keyAt = position(file, parser.currentTokenLocation());
      parser.nextToken();
      YamlNode value = readValue(parser, file, depth + 1);
      if (!seen.add(key)) {
        problems.error(keyAt, "duplicate key '" + key + "'; keep only one of them");
        continue;
      }
      entries.add(new YamlNode.Entry(key, keyAt, value));
    }
    return new YamlNode.Mapping(entries, at);
  }

  /**
   * Control characters (written as escapes such as "\x07") cannot be shown on a page nor held in
   * XML feeds: each is reported, and the text is kept without them so that checking goes on.
   */
  private String withoutControls(String text, SourcePosition at) {
    int bad = ControlCharacters.first(text);
    if (bad < 0) {
      return text;
    }
    problems.error(at, ControlCharacters.message(text.codePointAt(bad)));
    return ControlCharacters.strip(text);
  }

  /** Whether the scalar at this position starts with | or >, whose content begins a line later. */
  private static boolean isBlockScalar(SourceFile file, SourcePosition at) {
    String text = file.text();
    int offset = offsetOf(text, at.line(), at.column());
    return offset < text.length() && (text.charAt(offset) == '|' || text.charAt(offset) == '>');
  }

  private static int offsetOf(String text, int line, int column) {
    int offset = 0;
    for (int l = 1; l < line && offset >= 0; l++) {
      offset = text.indexOf('\n', offset) + 1;
      if (offset == 0) {
        return text.length();
      }
    }
    return Math.min(text.length(), offset + Math.max(0, column - 1));
  }

  private static SourcePosition position(SourceFile file, JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return SourcePosition.ofFile(file.displayPath());
    }
    return new SourcePosition(
        file.displayPath(), location.getLineNr(), Math.max(1, location.getColumnNr()));
  }

  /** What usually causes SnakeYAML's most common complaints in hand-written entries. */
  private static String hint(String problem) {
    if (problem == null) {
      return "";
    }
    if (problem.startsWith("mapping values are not allowed")) {
      return "; check this line's indentation, or quote a value that contains ': '";
    }
    if (problem.startsWith("found unexpected end of stream")) {
      return "; close the quotes";
    }
    if (problem.startsWith("could not find expected ':'")) {
      return "; write 'key: value', and check the indentation";
    }
    return "";
  }

  /** Where the construct that failed began, which is often where the mistake is. */
  private static String context(MarkedYAMLException e) {
    if (e.getContext() == null) {
      return "";
    }
    var mark = e.getContextMark();
    return " ("
        + e.getContext()
        + (mark == null
            ? ""
            : " that starts at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1))
        + ")";
  }

  /** SnakeYAML's message without Jackson's source excerpt, which the position already gives. */
  private static String syntaxMessage(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    int excerpt = message.indexOf("\n in 'reader'");
    if (excerpt < 0) {
      excerpt = message.indexOf(" in 'reader'");
    }
    String first = (excerpt < 0 ? message : message.substring(0, excerpt)).strip();
    return "YAML syntax error: " + first.replaceAll("\\s*\\n\\s*", " ");
  }

  /** A problem that ends reading of one file. */
  private static final class BadYaml extends IOException {
    private final transient SourcePosition position;

    BadYaml(SourcePosition position, String message) {
      super(message);
      this.position = position;
    }
  }
}
