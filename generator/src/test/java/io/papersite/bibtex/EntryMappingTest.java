package io.papersite.bibtex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntryMappingTest {

  @Test
  void idsAreStableReadableSlugsOfTheCitationKey() {
    assertThat(EntryMapping.id("Vaswani2017Attention")).isEqualTo("vaswani2017attention");
    assertThat(EntryMapping.id("Müller:2021")).isEqualTo("muller-2021");
    assertThat(EntryMapping.id("注意力2017"))
        .isEqualTo(EntryMapping.id("注意力2017"))
        .matches("2017-[0-9a-f]{8}");
    assertThat(EntryMapping.id("注意力"))
        .matches("paper-[0-9a-f]{8}")
        .isNotEqualTo(EntryMapping.id("変換器"));
    assertThat(EntryMapping.id("con")).isEqualTo("con-paper");
  }

  @Test
  void namesInEveryForm() {
    assertThat(
            EntryMapping.authors(
                "Lovelace, Ada and Grace Hopper and {World Health Organization} and others"))
        .containsExactly("Ada Lovelace", "Grace Hopper", "World Health Organization");
    assertThat(EntryMapping.authors("King, Jr, Martin Luther and G{\\\"o}del, Kurt"))
        .containsExactly("Martin Luther King Jr", "Kurt Gödel");
    assertThat(EntryMapping.authors("{Barnes and Noble} and Sandman"))
        .containsExactly("Barnes and Noble", "Sandman");
  }

  @Test
  void tagsAreSlugsOfTheKeywords() {
    assertThat(EntryMapping.tags("Machine Learning; NLP, graph neural networks, , NLP"))
        .containsExactly("machine-learning", "nlp", "graph-neural-networks");
  }
}
