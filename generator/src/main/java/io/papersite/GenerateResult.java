package io.papersite;

import io.papersite.model.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a successful build did.
 *
 * @param pages pages in the new site; when {@code papersChanged} is not empty, the files rendered
 *     again
 * @param filesWritten files in the new site; when {@code papersChanged} is not empty, the files
 *     rendered again
 * @param filesUnchanged of those, files with the same bytes as before, which were not rewritten
 * @param upToDate whether nothing had changed since the last build, so nothing was done at all
 * @param warnings problems that did not stop the build, sorted by position
 * @param basePath the path the site is served under, from its base URL ("/" when up to date)
 * @param papersChanged the papers whose edit alone the build rendered (their pages, the lists that
 *     show them, the feeds and exports), replacing the files that changed in place; empty when it
 *     rendered the whole site
 */
public record GenerateResult(
    Path outputDirectory,
    int papers,
    int pages,
    int filesWritten,
    int filesUnchanged,
    boolean upToDate,
    List<Problem> warnings,
    String basePath,
    Duration duration,
    List<String> papersChanged) {

  public GenerateResult {
    warnings = List.copyOf(warnings);
    papersChanged = List.copyOf(papersChanged);
  }

  /**
   * One line for a log: what was built, where, and how long it took. Joined, not formatted: the
   * first {@code String.format} of a command's JVM loads the locale's data (15 ms, page cache
   * cold), and a locale's own digits would be wrong in a log.
   */
  public String summary() {
    if (upToDate) {
      return "Papersite: "
          + outputDirectory
          + " is up to date; nothing changed since its last build ("
          + duration.toMillis()
          + " ms)";
    }
    if (!papersChanged.isEmpty()) {
      return "Papersite: "
          + papersChanged.size()
          + " of "
          + count(papers, "paper")
          + " changed ("
          + String.join(", ", papersChanged)
          + "); "
          + count(filesWritten, "file")
          + " rendered, "
          + (filesWritten - filesUnchanged)
          + " written to "
          + outputDirectory
          + " in "
          + duration.toMillis()
          + " ms";
    }
    return "Papersite: "
        + count(papers, "paper")
        + ", "
        + count(pages, "page")
        + ", "
        + count(filesWritten, "file")
        + " written to "
        + outputDirectory
        + " in "
        + duration.toMillis()
        + " ms"
        + (filesUnchanged == 0 ? "" : " (" + filesUnchanged + " unchanged)")
        + (warnings.isEmpty() ? "" : " (" + count(warnings.size(), "warning") + ")");
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
