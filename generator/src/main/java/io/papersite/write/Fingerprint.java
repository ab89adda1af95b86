package io.papersite.write;

import io.papersite.load.ContentLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A digest of everything a build reads: the content and template files, the build's settings and
 * the generator itself. When it matches the one the current site was built from, nothing changed
 * and the build has nothing to do.
 */
public final class Fingerprint {

  static final String PREFIX = "fingerprint: ";
  static final String BASE_PATH = "base path: ";

  private Fingerprint() {}

  /**
   * The fingerprint of {@code files} read with these settings.
   *
   * @param settings the build's own settings, such as its base URL
   */
  public static String of(List<String> settings, Snapshot files) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String setting : settings) {
        digest.update((setting + "\n").getBytes(StandardCharsets.UTF_8));
      }
      digest.update(generator().getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<Path, Map<Path, Snapshot.Entry>> folder : files.folders.entrySet()) {
        digest.update(("\0folder " + folder.getKey() + "\n").getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<Path, Snapshot.Entry> file : folder.getValue().entrySet()) {
          digest.update(
              ("\0" + folder.getKey().relativize(file.getKey()) + "\n")
                  .getBytes(StandardCharsets.UTF_8));
          digest.update(file.getValue().digest());
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The files of some folders and their digests, by absolute path: what a fingerprint is made of,
   * kept to tell which files changed since, and to take again the digests of files that were not
   * touched since.
   */
  public static final class Snapshot {
    /**
     * A file whose time is this close to, or after, the moment the last snapshot began to read is
     * read again: it may have changed within one tick of the file system's clock after it was read.
     */
    static final Duration RECENT = Duration.ofSeconds(2);

    // folder -> its files in order; missing folders have none
    private final Map<Path, Map<Path, Entry>> folders;
    private final Instant begun;

    /**
     * @param stat the file as listed; null for a link, whose target is not
     */
    private record Entry(byte[] digest, Stat stat) {
      /**
       * Whether the file, listed now as {@code now}, is as it was when read, and was last changed
       * before {@code recent} (nanoseconds since 1970).
       */
      boolean untouched(Stat now, long recent) {
        return now != null
            && stat != null
            && now.fileKey() != null
            && now.fileKey().equals(stat.fileKey())
            && now.size() == stat.size()
            && now.modified() == stat.modified()
            && now.modified() < recent;
      }
    }

    private Snapshot(Map<Path, Map<Path, Entry>> folders, Instant begun) {
      this.folders = folders;
      this.begun = begun;
    }

    /**
     * Reads and digests the files under {@code folders}, or takes their digests from {@code known}
     * (by absolute path).
     *
     * @param begun a moment before any of {@code known} was read
     */
    public static Snapshot of(List<Path> folders, Map<Path, byte[]> known, Instant begun) {
      return of(folders, known, begun, null);
    }

    /**
     * Reads and digests the files under {@code folders}, taking the digests of files that {@code
     * before} holds, untouched since (the same size, time and file), without reading them.
     */
    public static Snapshot since(List<Path> folders, Snapshot before) {
      return of(folders, Map.of(), Instant.now(), before);
    }

    private static Snapshot of(
        List<Path> folders, Map<Path, byte[]> known, Instant begun, Snapshot before) {
      try {
        Map<Path, Map<Path, Entry>> all = new LinkedHashMap<>();
        Instant lastRead = before == null ? Instant.EPOCH : before.begun.minus(RECENT);
        long recent = lastRead.getEpochSecond() * 1_000_000_000L + lastRead.getNano();
        for (Path folder : folders) {
          Path absolute = folder.toAbsolutePath().normalize();
          Map<Path, Entry> entries = new LinkedHashMap<>();
          all.putIfAbsent(absolute, entries);
          Map<Path, Entry> was =
              before == null ? Map.of() : before.folders.getOrDefault(absolute, Map.of());
          if (!Files.isDirectory(folder)) {
            continue;
          }
          Map<Path, Stat> files = regularFiles(absolute);
          // Each file is read and digested on any core; their digests are kept in order.
          List<Path> paths = List.copyOf(files.keySet());
          List<Entry> read =
              paths.parallelStream()
                  .map(
                      file -> {
                        Stat stat = files.get(file);
                        byte[] digest = known.get(file);
                        Entry then = was.get(file);
                        if (digest == null) {
                          digest =
                              then != null && then.untouched(stat, recent)
                                  ? then.digest
                                  : digestOf(file);
                        }
                        return new Entry(digest, stat);
                      })
                  .toList();
          for (int i = 0; i < paths.size(); i++) {
            entries.put(paths.get(i), read.get(i));
          }
        }
        return new Snapshot(all, begun);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The files, by absolute path, that were added, removed or changed since {@code before}. */
    public Set<Path> changedSince(Snapshot before) {
      // Folder by folder: copying 20,000 entries into one map, twice, took most of the time.
      Set<Path> changed = new LinkedHashSet<>();
      folders.forEach(
          (folder, now) -> {
            Map<Path, Entry> then = before.folders.getOrDefault(folder, Map.of());
            now.forEach(
                (file, entry) -> {
                  Entry old = then.get(file);
                  if (old == null || !Arrays.equals(entry.digest, old.digest)) {
                    changed.add(file);
                  }
                });
          });
      before.folders.forEach(
          (folder, then) -> {
            Map<Path, Entry> now = folders.getOrDefault(folder, Map.of());
            then.keySet().stream().filter(file -> !now.containsKey(file)).forEach(changed::add);
          });
      return changed;
    }
  }

  /**
   * The regular files under {@code folder}, links to them included, sorted, with what a look at
   * each said of it (null for links). Each folder's entries are looked at on every core: one by
   * one, as {@code Files.walkFileTree} does, 20,000 of them took 50-60 ms.
   */
  private static Map<Path, Stat> regularFiles(Path folder) throws IOException {
    Map<Path, Stat> files = new java.util.TreeMap<>();
    // A folder that is a link (content -> ../papers) is walked where it leads, as the build reads
    // it; its files keep their names under the folder, by which their digests are known.
    Path start = Files.isSymbolicLink(folder) ? folder.toRealPath() : folder;
    java.util.ArrayDeque<Path> pending = new java.util.ArrayDeque<>(List.of(start));
    while (!pending.isEmpty()) {
      Path directory = pending.pop();
      List<Path> entries = new java.util.ArrayList<>();
      try (var listing = Files.newDirectoryStream(directory)) {
        listing.forEach(entries::add);
      }
      // What each look said, kept small: a folder, a link, a file's stat, or null when gone.
      Object[] looks = new Object[entries.size()];
      java.util.stream.IntStream.range(0, looks.length)
          .parallel()
          .forEach(
              i -> {
                try {
                  BasicFileAttributes look =
                      Files.readAttributes(
                          entries.get(i), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                  looks[i] =
                      look.isDirectory()
                          ? FOLDER
                          : look.isSymbolicLink()
                              ? LINK
                              : look.isRegularFile() ? Stat.of(look) : null;
                } catch (IOException e) {
                  looks[i] = null; // gone meanwhile
                }
              });
      for (int i = 0; i < entries.size(); i++) {
        Path entry = entries.get(i);
        Path named = start == folder ? entry : folder.resolve(start.relativize(entry));
        if (looks[i] == FOLDER) {
          pending.push(entry);
        } else if (looks[i] instanceof Stat stat) {
          files.put(named, stat);
        } else if (looks[i] == LINK && Files.isRegularFile(entry)) {
          files.put(named, null);
        }
      }
    }
    return files;
  }

  private static final Object FOLDER = new Object();
  private static final Object LINK = new Object();

  /**
   * What a look at a file said of it, enough to tell it untouched since: a listing's whole answer
   * took 136 bytes a file, 27 MB for 100,000 papers' files, kept through a build.
   */
  private record Stat(Object fileKey, long size, long modified) {
    static Stat of(BasicFileAttributes file) {
      return new Stat(
          file.fileKey(),
          file.size(),
          file.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
    }
  }

  /** A file's digest as the content loader makes it of the files it reads. */
  private static byte[] digestOf(Path file) {
    try {
      return ContentLoader.digest(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The generator's own code: a new version renders differently. */
  private static String generator() {
    try {
      var source = Fingerprint.class.getProtectionDomain().getCodeSource();
      Path code = source == null ? null : Path.of(source.getLocation().toURI());
      return code == null
          ? ""
          : code + " " + Files.getLastModifiedTime(code) + " " + Files.size(code);
    } catch (Exception e) {
      return "";
    }
  }

  /** The fingerprint the site in this folder was built from, or empty. */
  public static String of(Path site) {
    return markerValue(site, PREFIX);
  }

  /** The path the site in this folder is served under, or "/" when it does not say. */
  public static String basePath(Path site) {
    String path = markerValue(site, BASE_PATH);
    return path.isEmpty() ? "/" : path;
  }

  private static String markerValue(Path site, String key) {
    try {
      Path marker = site.resolve(SiteWriter.MARKER);
      if (!Files.isRegularFile(marker)) {
        return "";
      }
      return Files.readAllLines(marker).stream()
          .filter(l -> l.startsWith(key))
          .map(l -> l.substring(key.length()))
          .findFirst()
          .orElse("");
    } catch (IOException e) {
      return "";
    }
  }

  static String markerLine(String fingerprint) {
    return PREFIX + fingerprint + "\n";
  }
}
