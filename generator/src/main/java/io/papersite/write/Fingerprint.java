package io.papersite.write;

import io.papersite.load.ContentLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

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
   * @param folders folders whose files are read (missing ones count as empty)
   * @param settings the build's own settings, such as its base URL
   */
  public static String of(List<Path> folders, List<String> settings) {
    return of(folders, settings, java.util.Map.of());
  }

  /**
   * {@link #of(List, List)}, taking the digests of files already read ({@link
   * ContentLoader#digests()}), by absolute path, instead of reading them again.
   */
  public static String of(
      List<Path> folders, List<String> settings, java.util.Map<Path, byte[]> known) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String setting : settings) {
        digest.update((setting + "\n").getBytes(StandardCharsets.UTF_8));
      }
      digest.update(generator().getBytes(StandardCharsets.UTF_8));
      for (Path folder : folders) {
        digest.update(
            ("\0folder " + folder.toAbsolutePath().normalize() + "\n")
                .getBytes(StandardCharsets.UTF_8));
        if (!Files.isDirectory(folder)) {
          continue;
        }
        List<Path> files = regularFiles(folder);
        // Each file is read and digested on any core; their digests are combined in order.
        List<byte[]> digests =
            files.parallelStream()
                .map(
                    file -> {
                      byte[] read = known.get(file.toAbsolutePath().normalize());
                      return read != null ? read : digestOf(file);
                    })
                .toList();
        for (int i = 0; i < files.size(); i++) {
          digest.update(
              ("\0" + folder.relativize(files.get(i)) + "\n").getBytes(StandardCharsets.UTF_8));
          digest.update(digests.get(i));
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The regular files under {@code folder}, links to them included, sorted: one look at each entry,
   * where {@code Files.walk} and a test of each path took two (10,000 papers: 20,000 fewer system
   * calls).
   */
  private static List<Path> regularFiles(Path folder) throws IOException {
    List<Path> files = new ArrayList<>();
    // A folder that is a link (content -> ../papers) is walked where it leads, as the build reads
    // it; its files keep their names under the folder, by which their digests are known.
    Path start = Files.isSymbolicLink(folder) ? folder.toRealPath() : folder;
    Files.walkFileTree(
        start,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (attributes.isRegularFile()
                || (attributes.isSymbolicLink() && Files.isRegularFile(file))) {
              files.add(start == folder ? file : folder.resolve(start.relativize(file)));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    files.sort(null);
    return files;
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
