package io.papersite.bibtex;

import io.papersite.load.ContentLoader;
import io.papersite.load.SourceFile;
import io.papersite.model.Problems;
import io.papersite.model.Slug;
import io.papersite.model.SourcePosition;
import io.papersite.parse.YamlNode;
import io.papersite.parse.YamlTreeReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Adds paper ids to a collection's {@code papers} list by editing the file's text, so that its
 * comments and layout stay; creates the collection when it does not exist.
 */
final class CollectionFile {

  private final Path file;
  private final String id;
  private final ContentLoader loader;
  private final Problems problems;

  CollectionFile(Path contentDirectory, String id, ContentLoader loader, Problems problems) {
    this.file = contentDirectory.resolve("collections").resolve(id + ".yaml");
    this.id = id;
    this.loader = loader;
    this.problems = problems;
  }

  void add(List<String> paperIds) {
    String shown = loader.displayPath(file);
    if (!Slug.isValid(id)) {
      problems.error(
          SourcePosition.ofFile(shown),
          "collection id '" + id + "' is not a slug; use '" + Slug.of(id) + "'");
      return;
    }
    try {
      if (!Files.exists(file)) {
        StringBuilder yaml =
            new StringBuilder("title: ").append(PaperYaml.quote(title(id))).append("\npapers:\n");
        new LinkedHashSet<>(paperIds).forEach(p -> yaml.append("  - ").append(p).append('\n'));
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return;
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      var root = new YamlTreeReader(new Problems()).read(new SourceFile(file, shown, text));
      if (root.isEmpty() || !(root.get() instanceof YamlNode.Mapping mapping)) {
        problems.error(
            SourcePosition.ofFile(shown),
            "does not parse as a collection; the papers were not added to it");
        return;
      }
      var papers = mapping.entry("papers");
      Set<String> listed = new LinkedHashSet<>();
      if (papers.isPresent() && papers.get().value() instanceof YamlNode.Sequence sequence) {
        sequence.items().forEach(i -> listed.add(((YamlNode.Scalar) i).text()));
      }
      List<String> added = new ArrayList<>();
      for (String paperId : paperIds) {
        if (listed.add(paperId)) {
          added.add(paperId);
        }
      }
      if (added.isEmpty()) {
        return;
      }
      Files.writeString(
          file, withPapers(text, papers.orElse(null), added, shown), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update " + file, e);
    } catch (ClassCastException e) {
      problems.error(
          SourcePosition.ofFile(shown),
          "its papers list holds something other than ids; the papers were not added");
    }
  }

  /** The text with the ids added after the list's last item, or a new list at the end. */
  private String withPapers(String text, YamlNode.Entry papers, List<String> added, String shown) {
    if (papers == null || (papers.value() instanceof YamlNode.Scalar s && s.text() == null)) {
      StringBuilder out = new StringBuilder(text);
      if (!text.isEmpty() && !text.endsWith("\n")) {
        out.append('\n');
      }
      if (papers == null) {
        out.append("papers:\n");
      } else {
        return text.replaceFirst(
            "(?m)^papers:\\s*$", "papers:\n" + items(added, "  ").stripTrailing());
      }
      return out.append(items(added, "  ")).toString();
    }
    YamlNode.Sequence sequence = (YamlNode.Sequence) papers.value();
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (sequence.items().isEmpty() || lines.get(sequence.position().line() - 1).contains("[")) {
      problems.error(
          papers.keyPosition(),
          "papers is written as [a, b]; write it as a list of '- id' lines so that import can add to it");
      return text;
    }
    SourcePosition last = sequence.items().get(sequence.items().size() - 1).position();
    String indent = " ".repeat(Math.max(0, last.column() - 3));
    lines.add(last.line(), items(added, indent).stripTrailing());
    return String.join("\n", lines);
  }

  /**
   * A first title made from the id, for the owner to edit: "reading-group" gives "Reading group".
   */
  static String title(String id) {
    String words = id.replace('-', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static String items(List<String> ids, String indent) {
    StringBuilder out = new StringBuilder();
    ids.forEach(id -> out.append(indent).append("- ").append(id).append('\n'));
    return out.toString();
  }
}
