package io.papersite;

import static org.assertj.core.api.Assertions.assertThat;

import io.papersite.model.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The one line a build or a check ends with, in every shape it takes. */
class SummaryTest {

  private static final Path SITE = Path.of("target", "papersite");

  private static GenerateResult built(
      int papers, int files, int unchanged, boolean upToDate, int warnings, List<String> changed) {
    return new GenerateResult(
        SITE,
        papers,
        papers + 2,
        files,
        unchanged,
        upToDate,
        java.util.Collections.nCopies(warnings, warning()),
        "/",
        Duration.ofMillis(1234),
        changed);
  }

  private static Problem warning() {
    return Problem.warning(
        new io.papersite.model.SourcePosition("papers/a.yaml", 3, 1), "a warning");
  }

  @Test
  void aBuildSaysWhatItWroteAndWhere() {
    assertThat(built(1, 1, 0, false, 0, List.of()).summary())
        .isEqualTo("Papersite: 1 paper, 3 pages, 1 file written to " + SITE + " in 1234 ms");
    assertThat(built(12000, 24000, 23990, false, 2, List.of()).summary())
        .isEqualTo(
            "Papersite: 12000 papers, 12002 pages, 24000 files written to "
                + SITE
                + " in 1234 ms (23990 unchanged) (2 warnings)");
    assertThat(built(60, 25, 2, false, 0, List.of("a", "b")).summary())
        .isEqualTo(
            "Papersite: 2 of 60 papers changed (a, b); 25 files rendered, 23 written to "
                + SITE
                + " in 1234 ms");
    assertThat(built(60, 0, 0, true, 0, List.of()).summary())
        .isEqualTo(
            "Papersite: "
                + SITE
                + " is up to date; nothing changed since its last build (1234 ms)");
  }

  @Test
  void aCheckSaysWhatItFound() {
    assertThat(new ValidateResult(1, 2, List.of(), Duration.ofMillis(5)).summary())
        .isEqualTo("Papersite: 1 paper and 2 collections checked in 5 ms: no problems");
    assertThat(new ValidateResult(60, 1, List.of(warning()), Duration.ofMillis(5)).summary())
        .isEqualTo("Papersite: 60 papers and 1 collection checked in 5 ms: 1 warning");
  }

  @Test
  void numbersAreWrittenWithTheSameDigitsInEveryLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("ar-EG"));
      assertThat(built(12000, 24000, 0, false, 0, List.of()).summary())
          .startsWith("Papersite: 12000 papers, 12002 pages, 24000 files");
    } finally {
      Locale.setDefault(before);
    }
  }
}
