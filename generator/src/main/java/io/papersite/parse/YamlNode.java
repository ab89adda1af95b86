package io.papersite.parse;

import io.papersite.model.SourcePosition;
import java.util.List;
import java.util.Optional;

/** A YAML value with the position it was written at, so every problem can point at it. */
public sealed interface YamlNode {

  SourcePosition position();

  /** What the node is, in the words of an error message: "a text", "a list", "a mapping". */
  String kind();

  /** A scalar; {@code text} is null for an explicit or empty null. {@code block} marks | and >. */
  record Scalar(String text, boolean block, SourcePosition position) implements YamlNode {
    @Override
    public String kind() {
      return text == null ? "empty" : "a text";
    }
  }

  /** A sequence. */
  record Sequence(List<YamlNode> items, SourcePosition position) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  /** A mapping whose entries keep their order and the positions of their keys. */
  record Mapping(List<Entry> entries, SourcePosition position) implements YamlNode {
    public Mapping {
      entries = List.copyOf(entries);
    }

    public Optional<Entry> entry(String key) {
      return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    @Override
    public String kind() {
      return "a mapping";
    }
  }

  /** One key of a mapping with its value. */
  record Entry(String key, SourcePosition keyPosition, YamlNode value) {}
}
