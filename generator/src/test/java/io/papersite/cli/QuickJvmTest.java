package io.papersite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickJvmTest {

  @TempDir Path temp;

  private static final Path JAVA_HOME = Path.of("/opt/jdk");

  @Test
  void aBuildRunsInAC1OnlyJvmWithTheSameOptions() {
    assertThat(
            QuickJvm.command(
                new String[] {"build", "--content", "my papers"},
                List.of("-Xmx1g", "-Dx=y"),
                JAVA_HOME,
                "papersite-cli.jar",
                25_000))
        .contains(
            List.of(
                "/opt/jdk/bin/java",
                "-Xmx1g",
                "-Dx=y",
                "-XX:TieredStopAtLevel=1",
                "-Dpapersite.jvm=child",
                "-Dpapersite.firstJvm=" + ProcessHandle.current().pid(),
                "-cp",
                Path.of("papersite-cli.jar").toAbsolutePath().toString(),
                "io.papersite.cli.Main",
                "build",
                "--content",
                "my papers"));
    for (String oneOff : List.of("validate", "readme", "import")) {
      assertThat(QuickJvm.command(new String[] {oneOff}, List.of(), JAVA_HOME, "cp", 0))
          .isPresent();
    }
  }

  @Test
  void thePreviewServerAndMistakesRunHere() {
    for (String[] args : List.of(new String[] {"serve"}, new String[] {}, new String[] {"biuld"})) {
      assertThat(QuickJvm.command(args, List.of(), JAVA_HOME, "cp", 0)).isEmpty();
    }
  }

  @Test
  void aLargeCollectionIsBuiltHereWhereTheOptimizingCompilerPaysBack() throws IOException {
    assertThat(QuickJvm.command(new String[] {"build"}, List.of(), JAVA_HOME, "cp", 25_001))
        .isEmpty();
    Path papers = Files.createDirectories(temp.resolve("content/papers"));
    for (int i = 0; i < 5; i++) {
      Files.writeString(papers.resolve("p" + i + (i % 2 == 0 ? ".yaml" : ".md")), "");
    }
    assertThat(io.papersite.SecondJvm.paperFiles(temp.resolve("content"))).isEqualTo(3);
    assertThat(io.papersite.SecondJvm.paperFiles(temp.resolve("missing"))).isZero();
    // Counted in this folder, for this JVM's options.
    assertThat(io.papersite.SecondJvm.paysFor(temp.resolve("content")))
        .isEqualTo(io.papersite.SecondJvm.pays(io.papersite.SecondJvm.currentOptions(), 3));
    assertThat(Main.contentDirectory(new String[] {"build", "--content", "c"}))
        .contains(Path.of("").toAbsolutePath().resolve("c"));
    assertThat(Main.contentDirectory(new String[] {"build", "--nonsense"})).isEmpty();
  }

  @Test
  void aJvmAlreadyToldHowToCompileOrWithAnAgentIsKept() {
    for (String option :
        List.of(
            "-XX:TieredStopAtLevel=4",
            "-XX:-TieredCompilation",
            "-Xint",
            "-agentlib:jdwp=transport=dt_socket,server=y,address=5005",
            "-javaagent:profiler.jar",
            "-Xrunjdwp:transport=dt_socket,server=y,address=5005",
            "-XX:StartFlightRecording=filename=build.jfr",
            "-Dpapersite.jvm=current")) {
      assertThat(
              QuickJvm.command(
                  new String[] {"build"}, List.of("-Xmx1g", option), JAVA_HOME, "cp", 0))
          .as(option)
          .isEmpty();
    }
  }

  @Test
  void theSecondJvmBuildsWithC1OnlyAndItsStatusIsTheCommands() throws Exception {
    Path content = temp.resolve("content");
    Files.createDirectories(content.resolve("papers"));
    Files.writeString(content.resolve("site.yaml"), "title: Quick\n");
    Files.writeString(content.resolve("papers/one.yaml"), "title: One\n");

    Run built = java("build", "--content", content.toString(), "--out", "site");
    assertThat(built.status).isZero();
    // -XX:+PrintFlagsFinal is handed on: the second JVM prints its flags too.
    assertThat(built.out).containsPattern("TieredStopAtLevel\\s+= 1 ");
    assertThat(built.out).contains("Papersite: 1 paper, ");
    assertThat(temp.resolve("site/papers/one/index.html")).exists();

    Files.writeString(content.resolve("papers/one.yaml"), "title: One\ndate: 2024-13-01\n");
    Run failed = java("validate", "--content", content.toString());
    assertThat(failed.status).isEqualTo(1);
    assertThat(failed.err).contains("papers/one.yaml:2:7: error: ");
  }

  @Test
  void theSecondJvmEndsWhenTheFirstOneDoes() throws Exception {
    Process first = jvm(First.class).redirectErrorStream(true).start();
    try {
      assertThat(first.getInputStream().read()).as("the second JVM has started").isEqualTo('+');
      ProcessHandle second = first.toHandle().children().findFirst().orElseThrow();
      assertThat(second.onExit().completeOnTimeout(second, 1, TimeUnit.SECONDS).get().isAlive())
          .as("running while the first JVM is")
          .isTrue();
      first.destroyForcibly().waitFor();
      second.onExit().get(20, TimeUnit.SECONDS);
      assertThat(second.isAlive()).isFalse();
    } finally {
      first.destroyForcibly();
      first.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void aSecondJvmWhoseFirstOneHasAlreadyEndedEndsAtOnce() throws Exception {
    // Its parent is this JVM, not the one it names: the first JVM ended and it was adopted.
    Process second =
        jvm(Sleeper.class, io.papersite.SecondJvm.CHILD, "-Dpapersite.firstJvm=1").start();
    assertThat(second.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(second.exitValue()).isEqualTo(1);
  }

  @Test
  void theSecondJvmsLifelineWaitsOutsideNativeCode() throws Exception {
    // A thread blocked in native code (reading a pipe) held up every exit of the JVM by 0.3 s.
    Process second =
        jvm(Lifeline.class, io.papersite.SecondJvm.CHILD).redirectErrorStream(true).start();
    assertThat(second.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip())
        .isEqualTo("TIMED_WAITING");
  }

  /** A second JVM that says how its lifeline waits. */
  static final class Lifeline {
    public static void main(String[] args) throws InterruptedException {
      io.papersite.SecondJvm.endWithTheFirstJvm();
      Thread lifeline =
          Thread.getAllStackTraces().keySet().stream()
              .filter(t -> t.getName().equals("papersite-lifeline"))
              .findFirst()
              .orElseThrow();
      for (int i = 0; i < 100 && lifeline.getState() != Thread.State.TIMED_WAITING; i++) {
        Thread.sleep(10);
      }
      System.out.println(lifeline.getState());
    }
  }

  /** A first JVM that starts a second one and waits for it. */
  static final class First {
    public static void main(String[] args) throws Exception {
      Process second = jvm(Sleeper.class, io.papersite.SecondJvm.CHILD).inheritIO().start();
      System.out.print('+');
      System.out.flush();
      second.waitFor();
    }
  }

  /** A second JVM that would take a minute. */
  static final class Sleeper {
    public static void main(String[] args) throws InterruptedException {
      io.papersite.SecondJvm.endWithTheFirstJvm();
      Thread.sleep(60_000);
    }
  }

  /** A JVM with these tests' class path that runs {@code main}. */
  static ProcessBuilder jvm(Class<?> main, String... options) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(options));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    return new ProcessBuilder(command);
  }

  private record Run(int status, String out, String err) {}

  private Run java(String... args) throws IOException, InterruptedException {
    ProcessBuilder jvm = jvm(Main.class, "-XX:+PrintFlagsFinal");
    jvm.command().addAll(List.of(args));
    Path out = temp.resolve("out.txt");
    Path err = temp.resolve("err.txt");
    Process process =
        jvm.directory(temp.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
