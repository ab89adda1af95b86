package io.papersite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JvmAdviceTest {

  private static GenerateResult build(int papers, long seconds, boolean upToDate) {
    return new GenerateResult(
        Path.of("site"),
        papers,
        papers,
        papers,
        0,
        upToDate,
        List.of(),
        "/",
        Duration.ofSeconds(seconds));
  }

  @Test
  void aLongBuildWithTheOptimizingCompilerIsToldOfJvmConfig() {
    assertThat(JvmAdvice.forMaven(build(10_000, 12, false), List.of("-Xmx1g")))
        .contains(
            "Papersite: collections of up to 25000 papers build about a third faster with the line"
                + " -XX:TieredStopAtLevel=1 in the project's .mvn/jvm.config file");
  }

  @Test
  void aShortLargeUpToDateOrAlreadyTunedBuildIsNot() {
    assertThat(JvmAdvice.forMaven(build(1_000, 4, false), List.of())).isEmpty();
    assertThat(JvmAdvice.forMaven(build(100_000, 80, false), List.of())).isEmpty();
    assertThat(JvmAdvice.forMaven(build(10_000, 12, true), List.of())).isEmpty();
    for (String option : List.of("-XX:TieredStopAtLevel=1", "-XX:-TieredCompilation", "-Xint")) {
      assertThat(JvmAdvice.forMaven(build(10_000, 12, false), List.of(option))).isEmpty();
    }
  }
}
