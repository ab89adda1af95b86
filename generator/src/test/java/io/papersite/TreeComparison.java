package io.papersite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Folder trees for tests: compares them file by file, copies them, lists fixture cases, compares a
 * site with a full build of its content.
 */
final class TreeComparison {

  private TreeComparison() {}

  static TreeMap<String, byte[]> read(Path root) throws IOException {
    TreeMap<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    }
    return files;
  }

  /**
   * Compares two sites file by file. The marker file is left out: it records the fingerprint of the
   * build, which names the generator's own jar.
   */
  static void assertSameTree(Path expected, Path actual) throws IOException {
    TreeMap<String, byte[]> want = read(expected);
    TreeMap<String, byte[]> got = read(actual);
    want.remove(".papersite");
    got.remove(".papersite");
    // Libraries copied from WebJars are their authors' files, not output to pin.
    want.keySet().removeIf(p -> p.startsWith("assets/vendor/"));
    got.keySet().removeIf(p -> p.startsWith("assets/vendor/"));
    assertThat(got.keySet()).as("files of %s", actual).containsExactlyElementsOf(want.keySet());
    for (String path : want.keySet()) {
      if (!Arrays.equals(want.get(path), got.get(path))) {
        List<String> a = new String(want.get(path), StandardCharsets.UTF_8).lines().toList();
        List<String> b = new String(got.get(path), StandardCharsets.UTF_8).lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
          String left = i < a.size() ? a.get(i) : "<end of file>";
          String right = i < b.size() ? b.get(i) : "<end of file>";
          if (!left.equals(right)) {
            fail("%s differs at line %d:%n expected: %s%n   actual: %s", path, i + 1, left, right);
          }
        }
        fail("%s differs (line endings or trailing bytes)", path);
      }
    }
  }

  /** The names of the fixture folders under a root, one test case each, sorted. */
  static Stream<String> caseNames(Path root) throws IOException {
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs
          .filter(Files::isDirectory)
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted((x, y) -> y.compareTo(x)).toList()) {
        Files.delete(path);
      }
    }
  }

  /** A build of {@code root}'s content/ into its site/, at a fixed time. */
  static GenerateRequest siteOf(Path root) {
    return GenerateRequest.forProject(root)
        .withOutputDirectory(root.resolve("site"))
        .withTimestamp(java.time.Instant.parse("2026-01-01T00:00:00Z"));
  }

  /**
   * Builds {@code project}'s content afresh in {@code reference} and checks that {@code project}'s
   * site (both as {@link #siteOf}) is the one it makes, byte for byte.
   */
  static void assertSameAsFullBuild(Path project, Path reference) throws IOException {
    assertSameAsFullBuild(project, reference, project.resolve("site"));
  }

  /**
   * As {@link #assertSameAsFullBuild(Path, Path)}, for the project's site written to {@code site}.
   */
  static void assertSameAsFullBuild(Path project, Path reference, Path site) throws IOException {
    deleteTree(reference.resolve("content"));
    deleteTree(reference.resolve("site"));
    copyTree(project.resolve("content"), reference.resolve("content"));
    Papersite.generate(siteOf(reference));
    assertSameTree(reference.resolve("site"), site);
  }

  /** Replaces {@code from}, which {@code file} must contain, with {@code to}; returns the file. */
  static Path replaceIn(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
    return file;
  }
}
