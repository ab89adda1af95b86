package io.papersite;

/** What a long build reports as it goes: how many of its files are done. */
@FunctionalInterface
public interface Progress {

  void done(int files, int of);

  /** Reports nothing. */
  Progress NONE = (files, of) -> {};
}
