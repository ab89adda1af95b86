package io.papersite;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Which of the JVM's compilers suits a build. A build is a short batch of large, cold code: up to
 * {@link #C1_PAPERS} papers, C1 alone builds faster than with the optimizing compiler, which takes
 * a third of the CPU time on two cores and does not pay it back (10,000 papers: 6.4 s instead of
 * 10.6 s); at 100,000 papers it does (88 s instead of 110 s).
 */
public final class JvmAdvice {

  /** Up to how many papers C1 alone builds faster, between the 10,000 and 100,000 measured. */
  public static final int C1_PAPERS = 25_000;

  /** The option that keeps a JVM to C1. */
  public static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

  private static final Duration WORTH_SAYING = Duration.ofSeconds(5);

  private JvmAdvice() {}

  /** Whether these JVM options already say how to compile. */
  public static boolean compilerChosen(List<String> jvmOptions) {
    return jvmOptions.stream()
        .anyMatch(
            o ->
                o.startsWith("-XX:") && o.contains("Tiered")
                    || o.equals("-Xint")
                    || o.equals("-Xcomp"));
  }

  /**
   * A line for the Maven log after a build that ran long with the optimizing compiler where C1
   * alone would have been faster; empty otherwise.
   */
  public static Optional<String> forMaven(GenerateResult result, List<String> jvmOptions) {
    if (result.upToDate()
        || result.papers() > C1_PAPERS
        || result.duration().compareTo(WORTH_SAYING) < 0
        || compilerChosen(jvmOptions)) {
      return Optional.empty();
    }
    return Optional.of(
        "Papersite: collections of up to "
            + C1_PAPERS
            + " papers build about a third faster with the line "
            + C1_ONLY
            + " in the project's .mvn/jvm.config file");
  }
}
