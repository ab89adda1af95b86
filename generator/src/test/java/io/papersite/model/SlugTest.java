package io.papersite.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugTest {

  @Test
  void acceptsLowercaseWordsJoinedBySingleHyphens() {
    assertThat(Slug.isValid("gear")).isTrue();
    assertThat(Slug.isValid("g-simclr")).isTrue();
    assertThat(Slug.isValid("image2struct")).isTrue();
  }

  @Test
  void rejectsEverythingElse() {
    assertThat(Slug.isValid("")).isFalse();
    assertThat(Slug.isValid("GeAR")).isFalse();
    assertThat(Slug.isValid("two--hyphens")).isFalse();
    assertThat(Slug.isValid("-leading")).isFalse();
    assertThat(Slug.isValid("trailing-")).isFalse();
    assertThat(Slug.isValid("../escape")).isFalse();
    assertThat(Slug.isValid("with space")).isFalse();
    assertThat(Slug.isValid("a".repeat(101))).isFalse();
  }

  @Test
  void makesASlugFromAnyText() {
    assertThat(Slug.of("Reasoning to Attend: <SEG> Token"))
        .isEqualTo("reasoning-to-attend-seg-token");
    assertThat(Slug.of("Gödel, Escher & Bach")).isEqualTo("godel-escher-bach");
    assertThat(Slug.of("  --Already-a-slug--  ")).isEqualTo("already-a-slug");
  }
}
