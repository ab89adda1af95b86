package io.papersite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BuildTimestampTest {

  @Test
  void readsIsoDateTimesAndEpochSeconds() {
    assertThat(BuildTimestamp.parse("2026-01-01T00:00:00Z"))
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(BuildTimestamp.parse("2026-01-01T02:00:00+02:00"))
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(BuildTimestamp.parse("1767225600")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void ignoresWhatIsNotATimestamp() {
    assertThat(BuildTimestamp.parse(null)).isNull();
    assertThat(BuildTimestamp.parse("")).isNull();
    assertThat(BuildTimestamp.parse("a")).isNull();
    assertThat(BuildTimestamp.parse("yesterday")).isNull();
  }
}
