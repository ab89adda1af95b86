package io.papersite.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpellingTest {

  @Test
  void suggestsTheNearestKnownName() {
    List<String> keys = List.of("title", "authors", "abstract", "tags");
    assertThat(Spelling.nearest("autors", keys)).contains("authors");
    assertThat(Spelling.nearest("tittle", keys)).contains("title");
    assertThat(Spelling.hint("abstarct", keys)).isEqualTo("; did you mean 'abstract'?");
  }

  @Test
  void suggestsNothingForAFarAwayName() {
    assertThat(Spelling.nearest("publisher", List.of("title", "tags"))).isEmpty();
    assertThat(Spelling.hint("publisher", List.of("title", "tags"))).isEmpty();
  }
}
