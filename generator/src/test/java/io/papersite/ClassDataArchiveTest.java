package io.papersite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second JVM saves the classes of its command once and maps them from then on. */
class ClassDataArchiveTest {

  @TempDir Path temp;

  private Path jar;

  /** A JVM refuses archives of a class path with folders: the program goes in a jar. */
  @BeforeEach
  void packGreeter() throws IOException {
    jar = temp.resolve("greeter.jar");
    String entry = Greeter.class.getName().replace('.', '/') + ".class";
    try (InputStream bytes = Greeter.class.getClassLoader().getResourceAsStream(entry);
        JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry(entry));
      bytes.transferTo(out);
    }
  }

  private SecondJvm jvm(Path archives, String... options) {
    List<String> all = new ArrayList<>(List.of("-Xmx64m"));
    all.addAll(List.of(options));
    return new SecondJvm(
        Path.of(System.getProperty("java.home")),
        all,
        jar.toString(),
        Optional.of(archives),
        Optional.empty());
  }

  /** Runs {@link Greeter} in a second JVM and returns its options and its output. */
  private static List<String> run(SecondJvm jvm, String... args) throws IOException {
    List<String> seen = new ArrayList<>();
    int status =
        jvm.run(
            Greeter.class.getName(),
            List.of(args),
            builder -> seen.addAll(builder.command()),
            process -> seen.add(new String(process.getInputStream().readAllBytes()).strip()));
    seen.add("status " + status);
    return seen;
  }

  /** The archive a first run saves in {@code archives}. */
  private Path saved(Path archives) throws IOException {
    run(jvm(archives), "greet");
    return archives.resolve(files(archives).get(0));
  }

  private static List<String> files(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void namesAreSixteenHexDigitsTheSameForTheSameJvmAndApartForOthers() {
    String jvm = "/usr/lib/jvm/java-17\n-Xmx1g\n/home/a/papersite-cli.jar\n1234 5678\n";
    assertThat(ClassDataArchive.digest(jvm))
        .matches("[0-9a-f]{16}")
        .isEqualTo(ClassDataArchive.digest(new String(jvm)));
    java.util.Set<String> names = new java.util.HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      names.add(ClassDataArchive.digest(jvm.replace("1g", i + "m")));
    }
    assertThat(names).hasSize(100_000);
  }

  @Test
  void theFirstRunSavesTheArchiveAndTheNextOnesMapIt() throws IOException {
    Path archives = temp.resolve("cache/papersite/jvm");
    List<String> first = run(jvm(archives), "greet");
    assertThat(first).contains("hello greet", "status 0");
    assertThat(first).anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit=" + archives));
    List<String> saved = files(archives);
    assertThat(saved)
        .singleElement()
        .asString()
        .matches("greet-[0-9a-f]{16}-[0-9a-f]{16}-\\d+\\.jsa");
    Path archive = archives.resolve(saved.get(0));
    assertThat(saved.get(0)).endsWith("-" + Files.size(archive) + ".jsa");

    List<String> second = run(jvm(archives, "-Xlog:class+load=info"), "greet");
    assertThat(second)
        .contains("-XX:SharedArchiveFile=" + archive, "-XX:+VerifySharedSpaces")
        .noneMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit"));
    // the program's own class comes from the archive, not from its jar
    assertThat(second.get(second.size() - 2))
        .contains("hello greet")
        .containsPattern("ClassDataArchiveTest\\$Greeter source: shared objects file \\(top\\)");
    assertThat(files(archives)).isEqualTo(saved);

    // another command keeps an archive of its own
    assertThat(run(jvm(archives), "check")).contains("hello check", "status 0");
    assertThat(files(archives)).hasSize(2);
  }

  @Test
  void anArchiveLeftHalfSavedByAStoppedBuildIsDeletedAnHourLater() throws IOException {
    Path archives = Files.createDirectories(temp.resolve("archives"));
    Path abandoned = Files.writeString(archives.resolve("build-a-b-c.tmp"), "half");
    Path recent = Files.writeString(archives.resolve("build-a-b-d.tmp"), "saving now");
    Files.setLastModifiedTime(abandoned, FileTime.from(java.time.Instant.now().minusSeconds(3700)));
    run(jvm(archives), "greet");
    assertThat(abandoned).doesNotExist();
    assertThat(recent).exists();
  }

  @Test
  void aCommandThatEndsWithAnErrorStatusStillSavesTheArchive() throws IOException {
    // such as a check that found errors in the content: it loaded its classes all the same
    Path archives = temp.resolve("archives");
    assertThat(run(jvm(archives), "check", "fail")).contains("status 3");
    assertThat(files(archives)).singleElement().asString().startsWith("check-");
  }

  @Test
  void aJvmStoppedBeforeItSavedTheArchiveKeepsNone() throws IOException {
    Path archives = temp.resolve("archives");
    assertThat(run(jvm(archives), "greet", "killed")).contains("status 137");
    assertThat(files(archives)).isEmpty();
  }

  @Test
  void aShortenedArchiveIsSavedAnewInsteadOfMapped() throws IOException {
    Path archives = temp.resolve("archives");
    Path archive = saved(archives);
    byte[] bytes = Files.readAllBytes(archive);
    Files.write(archive, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    List<String> again = run(jvm(archives), "greet");
    assertThat(again).contains("hello greet", "status 0");
    assertThat(again).anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="));
    assertThat(files(archives)).containsExactly(archive.getFileName().toString());
    assertThat(Files.size(archive)).isEqualTo(bytes.length);
  }

  @Test
  void aDamagedArchiveIsLeftAsideByTheJvmAndReplacedAfterACrash() throws IOException {
    Path archives = temp.resolve("archives");
    Path archive = saved(archives);
    byte[] bytes = Files.readAllBytes(archive);
    bytes[bytes.length / 2] ^= 0x55;
    Files.write(archive, bytes);
    // the JVM checks the archive's contents, finds them changed and starts without it
    assertThat(run(jvm(archives), "greet")).contains("hello greet", "status 0");

    // a JVM killed by a signal while it mapped an archive leaves it to be saved anew
    assertThat(run(jvm(archives), "greet", "crash")).contains("status 134");
    assertThat(files(archives)).isEmpty();
  }

  @Test
  void anArchiveOfAnOlderJarIsReplaced() throws IOException {
    Path archives = temp.resolve("archives");
    run(jvm(archives), "greet");
    List<String> before = files(archives);
    Files.setLastModifiedTime(
        jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));

    assertThat(run(jvm(archives), "greet"))
        .contains("hello greet", "status 0")
        .anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="));
    assertThat(files(archives)).hasSize(1).doesNotContainAnyElementsOf(before);
  }

  @Test
  void aClassPathWithAFolderHasNoArchive() throws IOException {
    SecondJvm withFolder =
        new SecondJvm(
            Path.of(System.getProperty("java.home")),
            List.of(),
            jar + java.io.File.pathSeparator + temp,
            Optional.of(temp.resolve("archives")),
            Optional.empty());
    assertThat(run(withFolder, "greet"))
        .contains("hello greet", "status 0")
        .noneMatch(o -> o.contains("SharedArchiveFile") || o.contains("ArchiveClassesAtExit"));
    assertThat(temp.resolve("archives")).doesNotExist();
  }

  @Test
  void aJvmThatCannotSaveAnArchiveRunsTheCommandWithoutOne() throws IOException {
    // with -Xshare:off (or a JDK without its own archive) a JVM told to save one does not start
    Path archives = temp.resolve("archives");
    List<String> first = run(jvm(archives, "-Xshare:off"), "greet");
    assertThat(first)
        .contains("hello greet", "status 0")
        .noneMatch(o -> o.contains("SharedArchiveFile") || o.contains("ArchiveClassesAtExit"));
    assertThat(files(archives)).singleElement().asString().endsWith(".unable");
    // the next run does not try again with the same options; others do
    assertThat(run(jvm(archives, "-Xshare:off"), "greet")).contains("hello greet", "status 0");
    assertThat(files(archives)).hasSize(1);
    assertThat(run(jvm(archives), "greet"))
        .anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="));
  }

  @Test
  void anInterruptedRunKeepsTheArchive() throws IOException {
    Path archives = temp.resolve("archives");
    Path archive = saved(archives);
    assertThat(run(jvm(archives), "greet", "interrupted")).contains("status 130");
    assertThat(files(archives)).containsExactly(archive.getFileName().toString());
  }

  @Test
  void aFolderThatCannotBeMadeMeansNoArchiveAndTheCommandRunsAsUsual() throws IOException {
    // a JVM that cannot write its archive at its end exits with status 1: it is not asked to
    Path notAFolder = Files.writeString(temp.resolve("cache"), "a file");
    assertThat(run(jvm(notAFolder.resolve("jvm")), "greet"))
        .contains("hello greet", "status 0")
        .noneMatch(o -> o.contains("SharedArchiveFile") || o.contains("ArchiveClassesAtExit"));
  }

  @Test
  void archivesAreKeptInTheUsersCacheFolderButNotOnACiServer() {
    java.util.Map<String, String> env = new java.util.HashMap<>();
    env.put("XDG_CACHE_HOME", "/home/ada/.cache");
    assertThat(ClassDataArchive.cacheFolder("", env::get, "jvm"))
        .contains(Path.of("/home/ada/.cache/papersite/jvm"));
    env.put("CI", "false");
    assertThat(ClassDataArchive.cacheFolder("", env::get, "jvm"))
        .contains(Path.of("/home/ada/.cache/papersite/jvm"));
    env.put("CI", "true");
    assertThat(ClassDataArchive.cacheFolder("", env::get, "jvm")).isEmpty();
    // asked for by name, a folder is used on a CI server too
    assertThat(ClassDataArchive.cacheFolder("/tmp/archives", env::get, "jvm"))
        .contains(Path.of("/tmp/archives"));
    assertThat(ClassDataArchive.cacheFolder("none", env::get, "jvm")).isEmpty();
    env.clear();
    env.put("XDG_CACHE_HOME", "relative");
    assertThat(ClassDataArchive.cacheFolder("", env::get, "jvm"))
        .contains(Path.of(System.getProperty("user.home"), ".cache", "papersite", "jvm"));
  }

  @Test
  void noFolderMeansNoArchive() throws IOException {
    SecondJvm none = jvm(temp).withoutArchives();
    assertThat(run(none, "greet"))
        .contains("hello greet")
        .noneMatch(o -> o.contains("SharedArchiveFile") || o.contains("ArchiveClassesAtExit"));
  }

  /** The second JVM's program. */
  public static final class Greeter {
    public static void main(String[] args) {
      switch (args[args.length - 1]) {
        case "fail" -> System.exit(3);
        case "crash" -> Runtime.getRuntime().halt(134);
        case "interrupted" -> Runtime.getRuntime().halt(130);
        case "killed" -> Runtime.getRuntime().halt(137); // ends without saving, as SIGKILL does
        default -> System.out.println("hello " + args[0]);
      }
    }
  }
}
