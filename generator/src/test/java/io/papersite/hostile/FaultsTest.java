package io.papersite.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.papersite.GenerateRequest;
import io.papersite.Papersite;
import io.papersite.render.OutputFile;
import io.papersite.write.SiteWriter;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build stopped at any point, or two builds at once, never leave a mixed or broken site. */
class FaultsTest {

  @TempDir Path project;
  private Path output;

  @BeforeEach
  void content() throws IOException {
    Path papers = Files.createDirectories(project.resolve("content/papers"));
    Files.writeString(project.resolve("content/site.yaml"), "title: Faults\n");
    for (int i = 0; i < 400; i++) {
      Files.writeString(
          papers.resolve("p" + i + ".yaml"),
          "title: Paper "
              + i
              + "\ntags: [t"
              + (i % 20)
              + "]\nabstract: Text of paper "
              + i
              + ".\n");
    }
    output = project.resolve("site");
  }

  private void build() {
    Papersite.generate(GenerateRequest.forProject(project).withOutputDirectory(output));
  }

  private static TreeMap<String, String> tree(Path root) throws IOException {
    TreeMap<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        files.put(
            root.relativize(f).toString(),
            Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }

  @Test
  void aWriteThatFailsHalfwayLeavesThePreviousSiteAndNoDebris() throws IOException {
    build();
    var before = tree(output);
    List<OutputFile> files = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      files.add(OutputFile.text("page" + i + ".html", "new"));
    }
    files.add(OutputFile.text("../escape.html", "outside"));
    assertThatThrownBy(() -> new SiteWriter(output).write(files))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(tree(output)).isEqualTo(before);
    try (Stream<Path> siblings = Files.list(project)) {
      assertThat(siblings.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("content", "site");
    }
  }

  @Test
  void aSecondBuildWhileOneIsWritingIsTurnedAwayWithAClearMessage() throws IOException {
    build();
    var before = tree(output);
    Files.writeString(project.resolve("content/papers/p1.yaml"), "title: Paper 1, revised\n");
    Path lockFile = project.resolve(".site.papersite-lock");
    try (FileChannel channel =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      assertThatThrownBy(this::build)
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining(
              "another build is writing to "
                  + output.toAbsolutePath()
                  + " right now; wait for it to finish, then build again");
    }
    assertThat(tree(output)).isEqualTo(before);
  }

  @Test
  void twoBuildsAtOnceLeaveOneWholeSite() throws Exception {
    build();
    var expected = tree(output);
    Files.writeString(project.resolve("content/papers/p0.yaml"), "title: Paper 0, revised\n");
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  build();
                } catch (Throwable e) {
                  failures.add(e);
                }
              });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(failures.size()).isLessThan(2);
    failures.forEach(f -> assertThat(f).hasMessageContaining("another build is writing to"));
    var after = tree(output);
    assertThat(after.keySet()).isEqualTo(expected.keySet());
    assertThat(after.get("papers/p0/index.html")).contains("Paper 0, revised");
  }

  @Test
  void aBuildKilledAtAnyMomentLeavesTheOldSiteOrTheNewOneNeverAMix() throws Exception {
    build();
    var old = tree(output);
    for (int i = 0; i < 400; i++) {
      Files.writeString(
          project.resolve("content/papers/p" + i + ".yaml"),
          "title: Paper " + i + " v2\ntags: [t" + (i % 20) + "]\n");
    }
    long[] delays = {150, 400, 700, 1000, 1400};
    for (long delay : delays) {
      Process process =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  "io.papersite.cli.Main",
                  "build",
                  "--content",
                  project.resolve("content").toString(),
                  "--out",
                  output.toString())
              .redirectErrorStream(true)
              .redirectOutput(new File(project.toFile(), "child.log"))
              .start();
      process.waitFor(delay, TimeUnit.MILLISECONDS);
      // The command line builds in a second JVM, which must end with the first one.
      List<ProcessHandle> children = process.descendants().toList();
      process.destroyForcibly().waitFor();
      for (ProcessHandle child : children) {
        assertThat(child.onExit()).succeedsWithin(java.time.Duration.ofSeconds(10));
      }
      if (!Files.exists(output)) {
        // Killed between the two renames: the old site waits beside, and the next build restores
        // it.
        assertThat(project.resolve(".site.papersite-old/.papersite")).exists();
        continue;
      }
      var now = tree(output);
      boolean isOld = now.equals(old);
      boolean isNew =
          now.keySet().equals(old.keySet())
              && now.get("papers/p7/index.html").contains("Paper 7 v2")
              && now.values().stream().noneMatch(v -> v.contains("Paper 7<"));
      assertThat(isOld || isNew).as("after a kill at %d ms the site is whole", delay).isTrue();
    }
    build(); // debris of a killed build does not stop the next one
    assertThat(tree(output).get("papers/p7/index.html")).contains("Paper 7 v2");
    try (Stream<Path> siblings = Files.list(project)) {
      assertThat(siblings.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("content", "site", "child.log");
    }
  }
}
