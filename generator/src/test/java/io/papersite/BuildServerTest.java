package io.papersite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build server runs one build after another in the JVM that the first one started. */
class BuildServerTest {

  /** The tests' class path as files only: a class path with a folder gets no server. */
  @TempDir static Path jars;

  private static String classPath;

  @TempDir Path project;
  private Path content;
  private Path servers;

  @BeforeAll
  static void packClasses() throws IOException {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (Files.isDirectory(path)) {
        Path jar = jars.resolve(entries.size() + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
            Stream<Path> files = Files.walk(path)) {
          for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
            out.putNextEntry(new JarEntry(path.relativize(file).toString().replace('\\', '/')));
            Files.copy(file, out);
          }
        }
        entries.add(jar.toString());
      } else {
        entries.add(entry);
      }
    }
    classPath = String.join(File.pathSeparator, entries);
  }

  @BeforeEach
  void writeContent() throws IOException {
    content = ValidateTest.listedAndAlone(project);
    servers = project.resolve("servers");
  }

  @AfterEach
  void stopServers() {
    BuildServer.stopAll(servers);
  }

  private SecondJvm jvm() {
    return new SecondJvm(
        Path.of(System.getProperty("java.home")),
        List.of("-Xmx256m"),
        classPath,
        Optional.empty(),
        Optional.of(servers));
  }

  private GenerateRequest request(String output) {
    return GenerateRequest.forProject(project)
        .withOutputDirectory(project.resolve(output))
        .withTimestamp(Instant.parse("2024-05-01T10:00:00Z"));
  }

  private GenerateResult build(String output, SecondJvm jvm) {
    return ForkedBuild.run(request(output), Progress.NONE, jvm, line -> {}).orElseThrow();
  }

  /** The build server of {@link #jvm()}, as its log names it. */
  private ProcessHandle server() throws IOException {
    java.util.regex.Matcher pid = java.util.regex.Pattern.compile("process (\\d+),").matcher(log());
    assertThat(pid.find()).as("the server's log names its process").isTrue();
    return ProcessHandle.of(Long.parseLong(pid.group(1))).orElseThrow();
  }

  private String log() throws IOException {
    return Files.readString(BuildServer.of(jvm()).orElseThrow().log());
  }

  /** The server's log once the server that a build started has ended its warm-up. */
  private String afterWarmUp() throws IOException, InterruptedException {
    Path log = BuildServer.of(jvm()).orElseThrow().log();
    for (int i = 0; i < 600; i++) {
      if (Files.exists(log) && Files.readString(log).contains("Papersite: warm-up on ")) {
        return Files.readString(log);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no warm-up ended in a minute; the log: " + log);
  }

  @Test
  void theFirstBuildRunsInAJvmOfItsOwnAndStartsTheServerThatServesTheNextOnes() throws Exception {
    GenerateResult here = Papersite.generate(request("here"));
    GenerateResult first = build("first", jvm());

    // It built this build's content again, to nothing, until the compilers took a small share of
    // a build's time, or as many times as it may.
    java.util.regex.Matcher warmUp =
        java.util.regex.Pattern.compile(
                "Papersite: warm-up on "
                    + java.util.regex.Pattern.quote(content.toString())
                    + " done after (\\d+) builds?, \\d+ ms, compiling for (\\d+)% of the last one")
            .matcher(afterWarmUp());
    assertThat(warmUp.find()).as("the warm-up's line").isTrue();
    int builds = Integer.parseInt(warmUp.group(1));
    int compiling = Integer.parseInt(warmUp.group(2));
    assertThat(builds).isBetween(1, BuildServer.WARM_UP_BUILDS);
    // the share is rounded down: under a sixth is at most 16%
    assertThat(
            builds == BuildServer.WARM_UP_BUILDS || compiling <= 100 / BuildServer.COMPILED_SHARE)
        .as("%d builds, the last compiling for %d%% of its time", builds, compiling)
        .isTrue();
    ProcessHandle server = server();
    assertThat(server.isAlive()).isTrue();
    // whoever can connect can have it write files as this user
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(servers)))
        .isEqualTo("rwx------");
    assertThat(log())
        .contains("JVM options [-Xmx256m, -XX:+ExitOnOutOfMemoryError, " + SecondJvm.SERVER + "]");
    assertThat(List.of(first.papers(), first.pages(), first.filesWritten()))
        .isEqualTo(List.of(here.papers(), here.pages(), here.filesWritten()));
    assertThat(first.warnings()).isEqualTo(here.warnings()).hasSize(1);
    TreeComparison.assertSameTree(project.resolve("here"), project.resolve("first"));

    List<String> stages = new ArrayList<>();
    ForkedBuild.run(request("second"), ForkedBuildTest.heard(stages), jvm(), line -> {})
        .orElseThrow();
    assertThat(stages)
        .filteredOn(line -> !line.startsWith("done "))
        .startsWith("checked 2 papers")
        .hasSize(2);
    TreeComparison.assertSameTree(project.resolve("here"), project.resolve("second"));
    assertThat(server()).isEqualTo(server);
    assertThat(log())
        .containsOnlyOnce("Papersite build server on ")
        .containsOnlyOnce("generate of " + content + " served in ")
        .hasLineCount(3);

    assertThat(BuildServer.stopAll(servers)).isEqualTo(1);
    assertThat(server.onExit().orTimeout(20, TimeUnit.SECONDS).join().isAlive()).isFalse();
    assertThat(BuildServer.of(jvm()).orElseThrow().socket()).doesNotExist();
    assertThat(BuildServer.stopAll(servers)).isZero();
  }

  @Test
  void aServerWarmsUpAgainAfterABuildWhoseCompilersTookASixthOfItsTimeIfItsHeapHasRoom() {
    long second = 1_000_000_000L;
    long gib = 1L << 30;
    // a first build after the warm-up: 2.8 s, 0.8 s of it compiling
    assertThat(BuildServer.warmUpAgain(800, 2_800_000_000L, 100L << 20, gib)).isTrue();
    assertThat(BuildServer.warmUpAgain(500, 3 * second, 100L << 20, gib)).isTrue();
    // a later one: 2.5 s, 0.1 s compiling
    assertThat(BuildServer.warmUpAgain(100, 2_500_000_000L, 100L << 20, gib)).isFalse();
    assertThat(BuildServer.warmUpAgain(499, 3 * second, 100L << 20, gib)).isFalse();
    // the kept site takes over a quarter of the heap: no room for a second model
    assertThat(BuildServer.warmUpAgain(800, 2_800_000_000L, gib / 4 + 1, gib)).isFalse();
    // a JVM that does not time its compilers
    assertThat(BuildServer.warmUpAgain(-1, 2_800_000_000L, 100L << 20, gib)).isFalse();
  }

  /** A server started as a build starts one, warming up on 400 more papers, once it listens. */
  private Process warmingServer() throws IOException, InterruptedException {
    for (int i = 0; i < 400; i++) {
      Files.writeString(
          content.resolve("papers/paper-" + i + ".yaml"),
          "title: Paper " + i + "\ntags: [t" + i % 7 + ", u" + i % 11 + "]\n");
    }
    List<String> warmUp = new ArrayList<>();
    warmUp.add("generate");
    warmUp.addAll(ForkedBuild.arguments(request("never")));
    Files.createDirectories(servers);
    BuildServer server = BuildServer.of(jvm()).orElseThrow();
    Process process =
        new ProcessBuilder(
                jvm()
                    .serverCommand(
                        BuildServer.class.getName(),
                        List.of(
                            server.socket().toString(),
                            "3600",
                            ForkedBuild.line(warmUp.toArray()))))
            .redirectErrorStream(true)
            .redirectOutput(server.log().toFile())
            .start();
    // Its log's first line is written once it listens: its socket file comes a moment before.
    for (int i = 0; i < 3000 && !log().contains("Papersite build server on "); i++) {
      Thread.sleep(10);
    }
    return process;
  }

  @Test
  void aBuildThatComesDuringTheWarmUpStopsItAndIsServed() throws Exception {
    warmingServer();

    assertThat(build("site", jvm()).papers()).isEqualTo(402);

    assertThat(log())
        .containsPattern("warm-up on .* stopped for a build after [0-2] builds?, \\d+ ms")
        .contains("generate of " + content + " served in ");
    assertThat(project.resolve("never")).doesNotExist();
  }

  @Test
  void aServerToldToStopDuringItsWarmUpStopsAtOnce() throws Exception {
    Process server = warmingServer();

    assertThat(BuildServer.stopAll(servers)).isEqualTo(1);

    assertThat(server.waitFor(5, TimeUnit.SECONDS)).isTrue();
    assertThat(log()).doesNotContain("warm-up on ");
    assertThat(BuildServer.of(jvm()).orElseThrow().socket()).doesNotExist();
  }

  @Test
  void contentErrorsChecksAndTheReadmeComeBackAsFromAJvmOfTheirOwn() throws Exception {
    build("warm", jvm());
    afterWarmUp();
    Files.writeString(content.resolve("papers/alone.yaml"), "title: Alone\ndate: 2024-02-30\n");
    ContentException here =
        catchThrowableOfType(ContentException.class, () -> Papersite.validate(request("x")));
    ContentException there =
        catchThrowableOfType(
            ContentException.class,
            () -> ForkedBuild.validate(request("x"), jvm(), line -> {}).orElseThrow());
    assertThat(there.problems()).isEqualTo(here.problems()).isNotEmpty();
    assertThat(catchThrowableOfType(ContentException.class, () -> build("site", jvm())).problems())
        .isEqualTo(here.problems());
    assertThat(project.resolve("site")).doesNotExist();

    Files.writeString(content.resolve("papers/alone.yaml"), "title: Alone\n");
    Path readme = Files.writeString(project.resolve("README.md"), "# Papers\n");
    ContentException noMarkers =
        catchThrowableOfType(
            ContentException.class,
            () -> ForkedBuild.updateReadme(request("x"), readme, jvm(), line -> {}));
    assertThat(noMarkers.getMessage()).startsWith("README.md: error: add the two lines");
    Files.writeString(readme, Papersite.README_BEGIN + "\n" + Papersite.README_END + "\n");
    assertThat(ForkedBuild.updateReadme(request("x"), readme, jvm(), line -> {})).contains(true);
    assertThat(Files.readString(readme)).contains("Listed");
    assertThat(log())
        .containsOnlyOnce("Papersite build server on ")
        .contains("validate of ", "generate of ", "readme of ");
  }

  @Test
  void theServerRebuildsTheSiteItBuiltLastAfterAnEditByRenderingOnlyWhatItChanged()
      throws Exception {
    Files.writeString(content.resolve("collections/c.yaml"), "title: C\npapers: [listed, alone]\n");
    build("warm", jvm());
    afterWarmUp();
    assertThat(build("site", jvm()).papersChanged()).isEmpty();
    Files.writeString(content.resolve("papers/listed.yaml"), "title: Listed again\n");

    GenerateResult edited = build("site", jvm());

    assertThat(edited.papersChanged()).containsExactly("listed");
    assertThat(edited.summary())
        .matches(
            "Papersite: 1 of 2 papers changed \\(listed\\); \\d+ files rendered, \\d+ written to"
                + " .* in \\d+ ms");
    Papersite.generate(request("here"));
    TreeComparison.assertSameTree(project.resolve("here"), project.resolve("site"));
    assertThat(build("site", jvm()).upToDate()).isTrue();
  }

  @Test
  void aServerWithoutABuildForItsIdleTimeEndsAndDeletesItsSocket() throws Exception {
    Files.createDirectories(servers);
    Path socket = servers.resolve("idle.socket");
    Process server = server(socket, 1);
    assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(server.exitValue()).isZero();
    assertThat(socket).doesNotExist();
  }

  @Test
  void aServerWhoseSocketFileIsDeletedEnds() throws Exception {
    Files.createDirectories(servers);
    Path socket = servers.resolve("deleted.socket");
    Process server = server(socket, 3600);
    for (int i = 0; i < 300 && !Files.exists(socket); i++) {
      Thread.sleep(10);
    }
    assertThat(server.isAlive()).isTrue();
    Files.delete(socket);
    assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  private Process server(Path socket, int idleSeconds) throws IOException {
    List<String> command =
        jvm()
            .serverCommand(
                BuildServer.class.getName(), List.of(socket.toString(), "" + idleSeconds));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  @Test
  void aClassPathRelativeToTheCommandsFolderServesFromTheServersOwn() throws Exception {
    Path here = Path.of("").toAbsolutePath();
    List<String> relative = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      relative.add(here.relativize(Path.of(entry)).toString());
    }
    SecondJvm jvm =
        new SecondJvm(
            Path.of(System.getProperty("java.home")),
            List.of("-Xmx256m"),
            String.join(File.pathSeparator, relative),
            Optional.empty(),
            Optional.of(servers));
    assertThat(jvm.classPath().split(File.pathSeparator)).allMatch(e -> Path.of(e).isAbsolute());
    build("first", jvm);
    Path log = BuildServer.of(jvm).orElseThrow().log();
    for (int i = 0;
        i < 600 && !(Files.exists(log) && Files.readString(log).contains("warm-up"));
        i++) {
      Thread.sleep(100);
    }
    build("site", jvm);
    assertThat(Files.readString(BuildServer.of(jvm).orElseThrow().log()))
        .containsPattern("generate of " + content + " served in \\d+ ms");
  }

  @Test
  void aSocketFileLeftByAServerThatDiedIsReplacedByANewServer() throws Exception {
    Path socket = BuildServer.of(jvm()).orElseThrow().socket();
    Files.createDirectories(servers);
    Files.writeString(socket, "left over");
    build("site", jvm());
    afterWarmUp();
    assertThat(server().isAlive()).isTrue();
    assertThat(project.resolve("site/index.html")).exists();
  }

  @Test
  void aNewServerDeletesWhatServersOfOtherVersionsLeftOverADayAgo() throws Exception {
    Files.createDirectories(servers);
    java.nio.file.attribute.FileTime twoDaysAgo =
        java.nio.file.attribute.FileTime.from(Instant.now().minus(java.time.Duration.ofDays(2)));
    List<Path> old = new ArrayList<>();
    List<Path> recent = new ArrayList<>();
    for (String suffix : List.of(".log", ".socket", ".socket.lock")) {
      old.add(Files.writeString(servers.resolve("build-0000000000000000" + suffix), "old"));
      recent.add(Files.writeString(servers.resolve("build-1111111111111111" + suffix), "recent"));
    }
    Files.setLastModifiedTime(old.get(0), twoDaysAgo);
    build("site", jvm());
    assertThat(old).allMatch(Files::notExists);
    assertThat(recent).allMatch(Files::exists);
    afterWarmUp();
    assertThat(server().isAlive()).isTrue();
  }

  @Test
  void aServerThatCannotStartLeavesTheBuildToAJvmOfItsOwnOrThisOne() {
    SecondJvm noJdk =
        new SecondJvm(
            project.resolve("no-jdk"),
            List.of(),
            classPath,
            Optional.empty(),
            Optional.of(servers));
    assertThat(BuildServer.of(noJdk).orElseThrow().run(List.of("generate"), line -> {})).isFalse();
    GenerateResult built =
        Papersite.generate(request("site"), Progress.NONE, noJdk); // built here in the end
    assertThat(built.papers()).isEqualTo(2);
  }

  @Test
  void noServerWithoutAFolderForItWithAFolderInTheClassPathOrATooLongSocketPath() {
    assertThat(BuildServer.of(jvm().withoutServers())).isEmpty();
    assertThat(
            BuildServer.of(
                new SecondJvm(
                    Path.of(System.getProperty("java.home")),
                    List.of(),
                    classPath + File.pathSeparator + jars,
                    Optional.empty(),
                    Optional.of(servers))))
        .isEmpty();
    assertThat(BuildServer.of(jvm().withServers(Optional.of(project.resolve("x".repeat(120))))))
        .isEmpty();
    assertThat(jvm().hasServer()).isTrue();
    assertThat(SecondJvm.servers("none")).isEmpty();
    assertThat(SecondJvm.servers("/tmp/servers")).contains(Path.of("/tmp/servers"));
  }
}
