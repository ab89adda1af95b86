package io.papersite;

/** What a long build reports as it goes: its stages, and how many of its files are done. */
@FunctionalInterface
public interface Progress {

  void done(int files, int of);

  /**
   * A stage has ended.
   *
   * @param stage what was done, such as "checked 10000 papers"
   * @param took how long it took
   */
  default void stageDone(String stage, java.time.Duration took) {}

  /** Reports nothing. */
  Progress NONE = (files, of) -> {};

  /**
   * Tells {@code log} how far the build is, in lines such as "Papersite: checked 10000 papers in
   * 2391 ms", once it has run for two seconds: a short build says nothing.
   */
  static Progress logging(java.util.function.Consumer<String> log) {
    return logging(log, java.time.Duration.ofSeconds(2));
  }

  /** {@link #logging(java.util.function.Consumer)} once the build has run for {@code quiet}. */
  static Progress logging(java.util.function.Consumer<String> log, java.time.Duration quiet) {
    long start = System.nanoTime();
    java.util.function.Consumer<String> say =
        line -> {
          if (System.nanoTime() - start >= quiet.toNanos()) {
            log.accept("Papersite: " + line);
          }
        };
    return new Progress() {
      @Override
      public void done(int files, int of) {
        say.accept("rendering, " + files + " of " + of + " pages and files done");
      }

      @Override
      public void stageDone(String stage, java.time.Duration took) {
        say.accept(stage + " in " + took.toMillis() + " ms");
      }
    };
  }
}
