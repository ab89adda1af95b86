package io.papersite.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourcePositionTest {

  @Test
  void anIndexIsItsLineAndColumn() {
    String text = "title: A\nabstract: B\n\nnotes";
    assertThat(SourcePosition.ofIndex("a.yaml", text, 0)).hasToString("a.yaml:1:1");
    assertThat(SourcePosition.ofIndex("a.yaml", text, 7)).hasToString("a.yaml:1:8");
    assertThat(SourcePosition.ofIndex("a.yaml", text, 8)).hasToString("a.yaml:1:9"); // the break
    assertThat(SourcePosition.ofIndex("a.yaml", text, 9)).hasToString("a.yaml:2:1");
    assertThat(SourcePosition.ofIndex("a.yaml", text, 20)).hasToString("a.yaml:2:12");
    assertThat(SourcePosition.ofIndex("a.yaml", text, 22)).hasToString("a.yaml:4:1");
  }
}
