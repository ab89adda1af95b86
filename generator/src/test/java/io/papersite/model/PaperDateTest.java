package io.papersite.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaperDateTest {

  @Test
  void parsesTheThreePrecisions() {
    assertThat(PaperDate.parse("2024")).contains(new PaperDate(2024, 0, 0));
    assertThat(PaperDate.parse("2024-05")).contains(new PaperDate(2024, 5, 0));
    assertThat(PaperDate.parse("2024-05-17")).contains(new PaperDate(2024, 5, 17));
    assertThat(PaperDate.parse("2024-05-17").orElseThrow().iso()).isEqualTo("2024-05-17");
    assertThat(PaperDate.parse("2024-05").orElseThrow().iso()).isEqualTo("2024-05");
  }

  @Test
  void rejectsDatesThatAreNotOnTheCalendar() {
    assertThat(PaperDate.parse("2023-02-29")).isEmpty();
    assertThat(PaperDate.parse("2024-02-29")).isPresent();
    assertThat(PaperDate.parse("2024-13")).isEmpty();
    assertThat(PaperDate.parse("2024-00-10")).isEmpty();
    assertThat(PaperDate.parse("24-05-17")).isEmpty();
    assertThat(PaperDate.parse("May 2024")).isEmpty();
  }

  @Test
  void ordersByTimeWithLessPreciseDatesFirst() {
    PaperDate year = PaperDate.parse("2024").orElseThrow();
    PaperDate month = PaperDate.parse("2024-02").orElseThrow();
    PaperDate day = PaperDate.parse("2024-02-03").orElseThrow();
    PaperDate earlier = PaperDate.parse("2023-12-31").orElseThrow();
    assertThat(earlier).isLessThan(year);
    assertThat(year).isLessThan(month);
    assertThat(month).isLessThan(day);
  }
}
