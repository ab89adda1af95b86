package io.papersite.parse;

import io.papersite.model.Problems;
import io.papersite.model.Slug;
import io.papersite.model.SourcePosition;
import io.papersite.model.Spelling;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads typed fields from one YAML mapping, reporting unknown keys and wrong types at their
 * positions. A field of the wrong type reads as absent, so parsing goes on and finds more problems.
 */
final class MappingReader {

  private final YamlNode.Mapping mapping;
  private final Problems problems;

  MappingReader(YamlNode.Mapping mapping, Set<String> knownKeys, Problems problems) {
    this.mapping = mapping;
    this.problems = problems;
    for (YamlNode.Entry entry : mapping.entries()) {
      if (!knownKeys.contains(entry.key())) {
        problems.error(
            entry.keyPosition(),
            "unknown key '" + entry.key() + "'" + hint(entry.key(), knownKeys));
      }
    }
  }

  private static String hint(String key, Set<String> knownKeys) {
    List<String> sorted = knownKeys.stream().sorted().toList();
    return Spelling.nearest(key, sorted)
        .map(n -> "; did you mean '" + n + "'?")
        .orElse("; known keys are: " + String.join(", ", sorted));
  }

  SourcePosition position() {
    return mapping.position();
  }

  Optional<YamlNode> node(String key) {
    return mapping.entry(key).map(YamlNode.Entry::value);
  }

  /** A text value; empty when absent, null or not a text (then reported). */
  Optional<YamlNode.Scalar> scalar(String key) {
    Optional<YamlNode> node = node(key);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    if (node.get() instanceof YamlNode.Scalar s) {
      return s.text() == null ? Optional.empty() : Optional.of(s);
    }
    problems.error(node.get().position(), "'" + key + "' must be a text, not " + node.get().kind());
    return Optional.empty();
  }

  String text(String key) {
    return scalar(key).map(s -> s.text().strip()).orElse("");
  }

  /**
   * A list of texts; a single text is refused with a hint, since lists are how YAML says "several".
   */
  List<YamlNode.Scalar> scalars(String key) {
    Optional<YamlNode> node = node(key);
    if (node.isEmpty() || (node.get() instanceof YamlNode.Scalar s && s.text() == null)) {
      return List.of();
    }
    if (!(node.get() instanceof YamlNode.Sequence sequence)) {
      problems.error(
          node.get().position(),
          "'" + key + "' must be a list, such as " + key + ": [a, b], not " + node.get().kind());
      return List.of();
    }
    List<YamlNode.Scalar> items = new ArrayList<>();
    for (YamlNode item : sequence.items()) {
      if (item instanceof YamlNode.Scalar s && s.text() != null && !s.text().isBlank()) {
        items.add(s);
      } else {
        problems.error(
            item.position(), "each item of '" + key + "' must be a text, not " + item.kind());
      }
    }
    return items;
  }

  /** The entries of a nested mapping, such as {@code links}. */
  List<YamlNode.Entry> entries(String key) {
    Optional<YamlNode> node = node(key);
    if (node.isEmpty() || (node.get() instanceof YamlNode.Scalar s && s.text() == null)) {
      return List.of();
    }
    if (node.get() instanceof YamlNode.Mapping m) {
      return m.entries();
    }
    problems.error(
        node.get().position(),
        "'"
            + key
            + "' must be a mapping of label to value, such as '"
            + key
            + ":' then 'code: https://...', not "
            + node.get().kind());
    return List.of();
  }

  /**
   * A list of slugs, such as tags; invalid ones are reported with a suggestion, repeats dropped.
   */
  List<String> slugs(String key, String what) {
    List<String> slugs = new ArrayList<>();
    for (YamlNode.Scalar scalar : scalars(key)) {
      String slug = scalar.text().strip();
      if (!Slug.isValid(slug)) {
        problems.error(scalar.position(), notASlug(what, slug));
      } else if (Slug.isReservedOnWindows(slug)) {
        problems.error(scalar.position(), reserved(what, slug));
      } else if (!slugs.contains(slug)) {
        slugs.add(slug);
      }
    }
    return slugs;
  }

  /** A slug that would name a folder Windows cannot create. */
  static String reserved(String what, String slug) {
    return what
        + " '"
        + slug
        + "' is a name Windows reserves for devices, so its page could not be"
        + " checked out there; choose another";
  }

  /** The one wording of this mistake, wherever a slug is expected. */
  static String notASlug(String what, String text) {
    String suggestion = Slug.of(text);
    return what
        + " '"
        + text
        + "' is not a slug (lowercase letters, digits and single hyphens)"
        + (suggestion.isEmpty() ? "" : "; use '" + suggestion + "'");
  }
}
