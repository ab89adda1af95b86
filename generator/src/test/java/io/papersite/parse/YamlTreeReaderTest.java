package io.papersite.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.papersite.load.SourceFile;
import io.papersite.model.Problems;
import io.papersite.model.SourcePosition;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class YamlTreeReaderTest {

  private final Problems problems = new Problems();
  private final YamlTreeReader reader = new YamlTreeReader(problems);

  private YamlNode read(String yaml) {
    return reader.read(new SourceFile(Path.of("x.yaml"), "papers/x.yaml", yaml)).orElse(null);
  }

  private String errors() {
    return String.join("\n", problems.sorted().stream().map(Object::toString).toList());
  }

  @Test
  void keepsThePositionOfEveryKeyAndValue() {
    YamlNode.Mapping root = (YamlNode.Mapping) read("title: A\ntags:\n  - one\n  - two\n");
    assertThat(root.entry("title").orElseThrow().keyPosition())
        .isEqualTo(new SourcePosition("papers/x.yaml", 1, 1));
    YamlNode.Sequence tags = (YamlNode.Sequence) root.entry("tags").orElseThrow().value();
    assertThat(tags.items())
        .extracting(YamlNode::position)
        .containsExactly(
            new SourcePosition("papers/x.yaml", 3, 5), new SourcePosition("papers/x.yaml", 4, 5));
  }

  @Test
  void readsNumbersAndDatesAsTheirText() {
    YamlNode.Mapping root = (YamlNode.Mapping) read("date: 2024\nother: 2024-05-01\nv: 1.10\n");
    assertThat(((YamlNode.Scalar) root.entry("date").orElseThrow().value()).text())
        .isEqualTo("2024");
    assertThat(((YamlNode.Scalar) root.entry("other").orElseThrow().value()).text())
        .isEqualTo("2024-05-01");
    assertThat(((YamlNode.Scalar) root.entry("v").orElseThrow().value()).text()).isEqualTo("1.10");
  }

  @Test
  void marksBlockScalars() {
    YamlNode.Mapping root = (YamlNode.Mapping) read("a: >-\n  folded\n  text\nb: plain\n");
    YamlNode.Scalar a = (YamlNode.Scalar) root.entry("a").orElseThrow().value();
    assertThat(a.text()).isEqualTo("folded text");
    assertThat(a.block()).isTrue();
    assertThat(((YamlNode.Scalar) root.entry("b").orElseThrow().value()).block()).isFalse();
  }

  @Test
  void reportsDuplicateKeys() {
    read("title: A\ntags: [a]\ntitle: B\n");
    assertThat(errors())
        .isEqualTo("papers/x.yaml:3:1: error: duplicate key 'title'; keep only one of them");
  }

  @Test
  void refusesAliases() {
    assertThat(read("a: &x [1, 2]\nb: *x\n")).isNull();
    assertThat(errors())
        .isEqualTo(
            "papers/x.yaml:2:4: error: YAML aliases (*name) are not supported; write the value out in full");
  }

  @Test
  void reportsSyntaxErrorsWithTheirPosition() {
    assertThat(read("title: \"unclosed\ntags: [a]\n")).isNull();
    assertThat(errors())
        .isEqualTo(
            "papers/x.yaml:3:1: error: YAML syntax error: found unexpected end of stream"
                + " (while scanning a quoted scalar that starts at line 1, column 8); close the quotes");
  }

  @Test
  void reportsBadIndentation() {
    assertThat(read("title: a\n  bad: indent\n")).isNull();
    assertThat(errors())
        .isEqualTo(
            "papers/x.yaml:2:6: error: YAML syntax error: mapping values are not allowed here;"
                + " check this line's indentation, or quote a value that contains ': '");
  }

  @Test
  void refusesTabsInIndentation() {
    assertThat(read("title: a\ntags:\n\t- b\n")).isNull();
    assertThat(errors())
        .isEqualTo(
            "papers/x.yaml:3:1: error: tab character in indentation; YAML is indented with spaces only");
  }

  @Test
  void reportsAnEmptyFile() {
    assertThat(read("# only a comment\n")).isNull();
    assertThat(errors())
        .isEqualTo("papers/x.yaml: error: file has no YAML content; fill it in or delete it");
  }
}
