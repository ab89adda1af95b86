package io.papersite.load;

import io.papersite.model.ControlCharacters;
import io.papersite.model.Futures;
import io.papersite.model.Problems;
import io.papersite.model.Slug;
import io.papersite.model.SourcePosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The load stage: finds the content files of a collection and reads them as UTF-8 text. A file is
 * read only when it really lies inside the content folder: a link that leads outside is refused, so
 * content from a pull request cannot make the build read the machine's other files.
 */
public final class ContentLoader {

  /** Larger files are refused: a hand-edited entry is a few kilobytes. */
  static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

  private final Path projectDirectory;
  private final Problems problems;
  private Path contentRoot;
  private final Map<Path, Boolean> insideFolders = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<Path, byte[]> digests = new java.util.concurrent.ConcurrentHashMap<>();
  private boolean keepDigests;

  public ContentLoader(Path projectDirectory, Problems problems) {
    this.projectDirectory = projectDirectory.toAbsolutePath().normalize();
    this.problems = problems;
  }

  /**
   * Keeps a {@link #digest} of each file read from now on, by its absolute path: the build's
   * fingerprint takes them instead of reading the files again.
   */
  public void keepDigests() {
    keepDigests = true;
  }

  /** The digests of the files read since {@link #keepDigests()}, of exactly the bytes read. */
  public Map<Path, byte[]> digests() {
    return digests;
  }

  public ContentFiles load(Path contentDirectory) {
    Path content = contentDirectory.toAbsolutePath().normalize();
    contentRoot = realPath(content).orElse(content);
    return new ContentFiles(
        read(content.resolve("site.yaml")),
        read(content.resolve("index.md")),
        readAll(content.resolve("papers"), ".yaml"),
        readAll(content.resolve("papers"), ".md"),
        readAll(content.resolve("collections"), ".yaml"),
        readAll(content.resolve("collections"), ".md"),
        staticFiles(content.resolve("static")));
  }

  /**
   * Reads one file of the content folder again, with the checks of {@link #load}: for a live
   * preview, after an edit.
   */
  public Optional<SourceFile> readAgain(Path contentDirectory, Path file) {
    Path content = contentDirectory.toAbsolutePath().normalize();
    contentRoot = realPath(content).orElse(content);
    return read(file.toAbsolutePath().normalize());
  }

  /** How problems name a file: relative to the project when inside it, with forward slashes. */
  public String displayPath(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path shown =
        absolute.startsWith(projectDirectory) ? projectDirectory.relativize(absolute) : absolute;
    return shown.toString().replace('\\', '/');
  }

  /**
   * The files under {@code static/} by their path in the site. Names that Windows reserves, and
   * names that differ only by case (one file on a case-insensitive file system), are refused.
   */
  private SortedMap<String, Path> staticFiles(Path directory) {
    SortedMap<String, Path> files = new TreeMap<>();
    if (!Files.isDirectory(directory)) {
      return files;
    }
    Map<String, String> byLowerCase = new HashMap<>();
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        String path = directory.relativize(file).toString().replace('\\', '/');
        SourcePosition at = SourcePosition.ofFile(displayPath(file));
        if (!inside(file)) {
          continue;
        }
        String reserved = reservedSegment(path);
        if (reserved != null) {
          problems.error(
              at, "'" + reserved + "' is a name Windows reserves for devices; rename the file");
          continue;
        }
        String other = byLowerCase.putIfAbsent(path.toLowerCase(Locale.ROOT), path);
        if (other != null) {
          problems.error(
              at,
              "differs from static/"
                  + other
                  + " only by case, so the two would be one file on"
                  + " Windows and macOS; rename one of them");
          continue;
        }
        files.put(path, file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
    return files;
  }

  private static String reservedSegment(String path) {
    for (String segment : path.split("/")) {
      if (Slug.isReservedOnWindows(segment)) {
        return segment;
      }
    }
    return null;
  }

  private List<SourceFile> readAll(Path directory, String extension) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<Path> paths;
    try (Stream<Path> entries = Files.list(directory)) {
      paths = entries.filter(p -> p.getFileName().toString().endsWith(extension)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
    // A file not in the page cache keeps its thread waiting for the disk: many reads in flight
    // at once, rather than one a core, read a collection fresh from disk faster (10,000 papers on
    // two cores: checked in 2.2-2.6 s instead of 3.2-4.2 s). The list keeps the sorted order.
    return Futures.get(
        READERS.submit(
            () ->
                paths.parallelStream()
                    .map(this::read) // which skips what is not a regular file
                    .flatMap(Optional::stream)
                    .toList()),
        "interrupted while reading " + directory);
  }

  /**
   * Sixteen reads at once, for every folder and build of this JVM: its threads are daemons that end
   * when idle, so an idle build server keeps none.
   */
  private static final java.util.concurrent.ForkJoinPool READERS =
      new java.util.concurrent.ForkJoinPool(16);

  /**
   * Whether the file really lies in the content folder; reports it when a link leads outside. A
   * file that is no link, in a folder already known to be inside, needs no further look.
   */
  private boolean inside(Path file) {
    return inside(file, Files.isSymbolicLink(file));
  }

  private boolean inside(Path file, boolean link) {
    Path folder = file.getParent();
    if (!link
        && folder != null
        && insideFolders.computeIfAbsent(
            folder, f -> realPath(f).map(r -> r.startsWith(contentRoot)).orElse(false))) {
      return true;
    }
    Optional<Path> real = realPath(file);
    if (real.isPresent() && real.get().startsWith(contentRoot)) {
      return true;
    }
    problems.error(
        SourcePosition.ofFile(displayPath(file)),
        "is a link to "
            + real.map(Path::toString).orElse("a missing file")
            + ", outside the content folder; copy the file in instead");
    return false;
  }

  private static Optional<Path> realPath(Path path) {
    try {
      return Optional.of(path.toRealPath());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The digest a file's content is known by, which the build's fingerprint combines: its length and
   * its {@link Checksums}. Not SHA-256: a build with C1 alone spent 0.6 s of CPU digesting 10,000
   * papers' files with it.
   */
  public static byte[] digest(byte[] bytes) {
    return java.nio.ByteBuffer.allocate(16)
        .putLong(bytes.length)
        .putLong(Checksums.of(bytes))
        .array();
  }

  private Optional<SourceFile> read(Path path) {
    // One look at the file itself, not three: what it is, whether it is a link, and its size.
    BasicFileAttributes file;
    try {
      file = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (file.isSymbolicLink()) {
        file = Files.readAttributes(path, BasicFileAttributes.class); // what it leads to
        if (!file.isRegularFile() || !inside(path, true)) {
          return Optional.empty();
        }
      } else if (!file.isRegularFile() || !inside(path, false)) {
        return Optional.empty();
      }
    } catch (IOException e) {
      return Optional.empty(); // no such file, or a link that leads nowhere
    }
    String shown = displayPath(path);
    try {
      if (file.size() > MAX_FILE_BYTES) {
        problems.error(
            SourcePosition.ofFile(shown),
            "file is larger than "
                + MAX_FILE_BYTES / (1024 * 1024)
                + " MiB; split it into smaller files");
        return Optional.empty();
      }
      byte[] bytes = Files.readAllBytes(path);
      if (keepDigests) {
        digests.put(path.toAbsolutePath().normalize(), digest(bytes));
      }
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      // YAML files need no scan here: the YAML reader refuses raw control characters, and the
      // tree reader those written as escapes.
      int control = shown.endsWith(".md") ? ControlCharacters.first(text) : -1;
      if (control >= 0) {
        problems.error(
            SourcePosition.ofIndex(shown, text, control),
            ControlCharacters.message(text.codePointAt(control)));
        text = ControlCharacters.strip(text);
      }
      return Optional.of(new SourceFile(path, shown, text));
    } catch (CharacterCodingException e) {
      problems.error(SourcePosition.ofFile(shown), "file is not UTF-8 text; save it as UTF-8");
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
