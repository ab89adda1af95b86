package io.papersite.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Finds the name a user probably meant, for "did you mean" hints. */
public final class Spelling {

  private Spelling() {}

  /** The closest candidate within a third of the word's length in edits, if any. */
  public static Optional<String> nearest(String word, Collection<String> candidates) {
    int limit = Math.max(2, word.length() / 3);
    return candidates.stream()
        .filter(c -> distance(word, c) <= limit)
        .min(Comparator.comparingInt((String c) -> distance(word, c)).thenComparing(c -> c));
  }

  /** A " (did you mean 'x'?)" suffix for a message, or nothing. */
  public static String hint(String word, Collection<String> candidates) {
    return nearest(word, candidates).map(n -> "; did you mean '" + n + "'?").orElse("");
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
