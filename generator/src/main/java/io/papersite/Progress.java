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
}
