package io.papersite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.papersite.write.SiteWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build in a second JVM does and reports what a build in this one does. */
class ForkedBuildTest {

  @TempDir Path project;
  private Path content;

  @BeforeEach
  void writeContent() throws IOException {
    content = ValidateTest.listedAndAlone(project);
  }

  private static SecondJvm jvm(String... options) {
    return new SecondJvm(
        Path.of(System.getProperty("java.home")),
        List.of(options),
        System.getProperty("java.class.path"));
  }

  private GenerateRequest request(String output) {
    return GenerateRequest.forProject(project)
        .withOutputDirectory(project.resolve(output))
        .withBaseUrl("https://example.org/papers/")
        .withTimestamp(Instant.parse("2024-05-01T10:00:00Z"));
  }

  /** What a progress hears, as lines. */
  static Progress heard(List<String> lines) {
    return new Progress() {
      @Override
      public void done(int files, int of) {
        lines.add("done " + files + " of " + of);
      }

      @Override
      public void stageDone(String stage, Duration took) {
        lines.add(stage);
      }
    };
  }

  @Test
  void aBuildInASecondJvmWritesTheSameSiteAndReportsTheSame() throws IOException {
    List<String> stagesHere = java.util.Collections.synchronizedList(new ArrayList<>());
    GenerateResult here = Papersite.generate(request("here"), heard(stagesHere));
    List<String> stages = new ArrayList<>();
    List<String> other = new ArrayList<>();
    GenerateResult there =
        ForkedBuild.run(
                request("there"),
                heard(stages),
                jvm("-Xmx256m", "-XX:+PrintFlagsFinal"),
                other::add)
            .orElseThrow();

    assertThat(there.outputDirectory()).isEqualTo(project.resolve("there"));
    assertThat(List.of(there.papers(), there.pages(), there.filesWritten(), there.filesUnchanged()))
        .isEqualTo(List.of(here.papers(), here.pages(), here.filesWritten(), 0));
    assertThat(there.warnings()).isEqualTo(here.warnings()).hasSize(1);
    assertThat(there.basePath()).isEqualTo("/papers/");
    assertThat(there.upToDate()).isFalse();
    // Files are done on every core, in any order; stages one after the other.
    assertThat(stages)
        .containsExactlyInAnyOrderElementsOf(stagesHere)
        .anyMatch(line -> line.matches("done \\d+ of \\d+"))
        .startsWith("checked 2 papers")
        .endsWith("rendered " + here.filesWritten() + " files");
    // The second JVM's flags, which it printed itself: C1 only, and the heap it was given.
    assertThat(String.join("\n", other))
        .containsPattern("TieredStopAtLevel\\s+= 1 ")
        .containsPattern("MaxHeapSize\\s+= 268435456 ");
    TreeComparison.assertSameTree(project.resolve("here"), project.resolve("there"));

    // A build with warnings is done again next time; one without is then up to date.
    Files.delete(content.resolve("papers/alone.yaml"));
    assertThat(ForkedBuild.run(request("there"), Progress.NONE, jvm(), line -> {}))
        .hasValueSatisfying(result -> assertThat(result.upToDate()).isFalse());
    GenerateResult again =
        ForkedBuild.run(request("there"), Progress.NONE, jvm(), line -> {}).orElseThrow();
    assertThat(again.upToDate()).isTrue();
    assertThat(again.summary())
        .startsWith("Papersite: " + project.resolve("there") + " is up to date");
  }

  @Test
  void contentErrorsComeBackAsTheSameProblems() throws IOException {
    Files.writeString(
        content.resolve("papers/alone.yaml"),
        "title: \"Tab\\there\"\ndate: 2024-02-30\nautors: x\n");
    ContentException here =
        catchThrowableOfType(ContentException.class, () -> Papersite.generate(request("here")));
    ContentException there =
        catchThrowableOfType(
            ContentException.class,
            () -> ForkedBuild.run(request("there"), Progress.NONE, jvm(), line -> {}));
    assertThat(there.problems()).isEqualTo(here.problems()).hasSizeGreaterThan(2);
    assertThat(there.getMessage()).isEqualTo(here.getMessage());
    assertThat(project.resolve("there")).doesNotExist();
  }

  @Test
  void aCheckInASecondJvmFindsWhatOneHereFinds() throws IOException {
    ValidateResult here = Papersite.validate(request("here"));
    ValidateResult there = ForkedBuild.validate(request("here"), jvm(), line -> {}).orElseThrow();
    assertThat(List.of(there.papers(), there.collections()))
        .isEqualTo(List.of(here.papers(), here.collections()))
        .isEqualTo(List.of(2, 1));
    assertThat(there.warnings()).isEqualTo(here.warnings()).hasSize(1);

    Files.writeString(content.resolve("papers/alone.yaml"), "title: Alone\ndate: 2024-02-30\n");
    ContentException errors =
        catchThrowableOfType(
            ContentException.class, () -> ForkedBuild.validate(request("here"), jvm(), line -> {}));
    assertThat(errors.getMessage())
        .isEqualTo(
            catchThrowableOfType(ContentException.class, () -> Papersite.validate(request("here")))
                .getMessage())
        .contains("2024-02-30");
    assertThat(project.resolve("here")).doesNotExist();
  }

  @Test
  void theReadmeListWrittenInASecondJvmIsTheOneWrittenHere() throws IOException {
    String readme = "# Reading\n\n" + Papersite.README_BEGIN + "\n" + Papersite.README_END + "\n";
    Path here = Files.writeString(project.resolve("HERE.md"), readme);
    Path there = Files.writeString(project.resolve("THERE.md"), readme);
    assertThat(Papersite.updateReadme(request("site"), here)).isTrue();
    assertThat(ForkedBuild.updateReadme(request("site"), there, jvm(), line -> {})).contains(true);
    assertThat(Files.readString(there)).isEqualTo(Files.readString(here)).contains("Listed");
    assertThat(ForkedBuild.updateReadme(request("site"), there, jvm(), line -> {}))
        .as("up to date")
        .contains(false);

    Path unmarked = Files.writeString(project.resolve("UNMARKED.md"), "# Reading\n");
    assertThat(
            catchThrowableOfType(
                    ContentException.class,
                    () -> ForkedBuild.updateReadme(request("site"), unmarked, jvm(), line -> {}))
                .getMessage())
        .isEqualTo(
            catchThrowableOfType(
                    ContentException.class, () -> Papersite.updateReadme(request("site"), unmarked))
                .getMessage())
        .contains("add the two lines " + Papersite.README_BEGIN);
    assertThat(Files.readString(unmarked)).isEqualTo("# Reading\n");
  }

  @Test
  void aSiteThatCannotBeWrittenIsSaidAsHere() {
    try (SiteWriter.Staging writing = new SiteWriter(project.resolve("there")).open()) {
      // A second build in this JVM is turned away, and the site stays locked for other processes.
      UncheckedIOException here =
          catchThrowableOfType(
              UncheckedIOException.class, () -> Papersite.generate(request("there")));
      assertThatThrownBy(() -> ForkedBuild.run(request("there"), Progress.NONE, jvm(), line -> {}))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessage(here.getMessage())
          .hasMessageEndingWith(
              "another build is writing to "
                  + project.resolve("there")
                  + " right now; wait for it to finish, then build again");
    }
    assertThat(ForkedBuild.run(request("there"), Progress.NONE, jvm(), line -> {})).isPresent();
  }

  @Test
  void aSecondJvmThatEndsWithoutAReportIsAFailure() {
    List<String> other = new ArrayList<>();
    assertThatThrownBy(
            () -> ForkedBuild.run(request("there"), Progress.NONE, jvm("-Xmx1k"), other::add))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the build's second JVM ended (status 1) before it finished");
    assertThat(project.resolve("there")).doesNotExist();
  }

  @Test
  void aJavaThatCannotBeStartedLeavesTheBuildToThisJvm() {
    SecondJvm missing =
        new SecondJvm(project.resolve("no-jdk"), List.of(), System.getProperty("java.class.path"));
    assertThat(ForkedBuild.run(request("there"), Progress.NONE, missing, line -> {})).isEmpty();
  }

  @Test
  void reportFieldsKeepTabsLineBreaksAndBackslashes() {
    String hostile = "a\tb\nc\rd\\e\\tf\\\\\u2028 end\\";
    String line = ForkedBuild.line("problem", hostile, "", 3);
    assertThat(line).doesNotContain("\n").doesNotContain("\r");
    assertThat(ForkedBuild.fields(line)).containsExactly("problem", hostile, "", "3");
  }

  @Test
  void theRequestTravelsWholeAsArguments() {
    GenerateRequest request =
        new GenerateRequest(
            project,
            content,
            project.resolve("my templates"),
            project.resolve("out"),
            "",
            null,
            true,
            Instant.parse("2024-05-01T10:00:00Z"));
    assertThat(ForkedBuild.request(ForkedBuild.arguments(request).toArray(String[]::new)))
        .isEqualTo(request);
    GenerateRequest plain = GenerateRequest.forProject(project).withTheme("minimal");
    assertThat(ForkedBuild.request(ForkedBuild.arguments(plain).toArray(String[]::new)))
        .isEqualTo(plain);
  }

  @Test
  void aPluginsClassPathAndMemoryOptionsMakeItsSecondJvm() throws Exception {
    Path jar = project.resolve("lib dir/a.jar");
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL(), project.toUri().toURL()}, null)) {
      SecondJvm jvm =
          SecondJvm.of(loader, List.of("-Xmx2g", "-Dmaven.home=/opt/maven", "-XX:+UseSerialGC"))
              .orElseThrow();
      assertThat(jvm.classPath())
          .isEqualTo(jar + java.io.File.pathSeparator + project.toAbsolutePath());
      assertThat(jvm.options()).containsExactly("-Xmx2g", "-XX:+UseSerialGC");
      assertThat(jvm.javaHome()).isEqualTo(Path.of(System.getProperty("java.home")));
    }
    try (URLClassLoader remote =
        new URLClassLoader(new URL[] {new URL("https://example.org/a.jar")}, null)) {
      assertThat(SecondJvm.of(remote, List.of())).isEmpty();
    }
    assertThat(SecondJvm.of(ClassLoader.getPlatformClassLoader(), List.of())).isEmpty();
  }

  @Test
  void theJvmsOptionsAreTheManagementInterfacesWhetherOrNotTheJdksListIsExported()
      throws Exception {
    List<String> managed =
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
    assertThat(SecondJvm.exportedOptions()).as("not exported to the tests").isEmpty();
    assertThat(SecondJvm.currentOptions()).isEqualTo(managed);

    // As the command-line jar's manifest exports it.
    Path out = project.resolve("options.txt");
    Process exported =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
                "-Xss2m",
                "-Dpapersite.probe=a b",
                "-cp",
                System.getProperty("java.class.path"),
                Options.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    assertThat(exported.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readAllLines(out))
        .containsExactly(
            "exported: true",
            "same: true",
            "options: [--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED, -Xss2m,"
                + " -Dpapersite.probe=a b]");
  }

  /** Prints whether the JDK's list of options was read, and whether it is the management one. */
  static final class Options {
    public static void main(String[] args) {
      List<String> managed =
          java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
      System.out.println("exported: " + SecondJvm.exportedOptions().isPresent());
      System.out.println("same: " + SecondJvm.currentOptions().equals(managed));
      System.out.println("options: " + SecondJvm.currentOptions());
    }
  }
}
