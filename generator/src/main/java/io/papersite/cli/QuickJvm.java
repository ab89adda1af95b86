package io.papersite.cli;

import io.papersite.JvmAdvice;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Runs a one-off command over a collection of up to {@link JvmAdvice#C1_PAPERS} papers in a JVM
 * that compiles with C1 only, which builds such a collection faster (see {@link JvmAdvice}). The
 * JVM cannot change its compiler once started, so the command line starts a second one; it inherits
 * the first one's options, standard streams and working folder, and its exit status is the
 * command's.
 */
final class QuickJvm {

  /**
   * Marks the second JVM, which ends when the first one does, even when that one is killed. Any
   * {@code -Dpapersite.jvm=} keeps a command in its JVM: {@code current} is the one to give.
   */
  static final String CHILD = "-Dpapersite.jvm=child";

  /** Tells the second JVM which process started it, to see that it is still its parent. */
  private static final String FIRST = "papersite.firstJvm";

  private static final List<String> ONE_OFF = List.of("build", "validate", "readme", "import");

  private QuickJvm() {}

  /**
   * The command that runs {@code args} in a C1-only JVM, or empty when they should run here: a
   * long-running or unknown command, a collection of more than {@link JvmAdvice#C1_PAPERS} papers,
   * a JVM already told how to compile or with an agent (a debugger, a profiler) attached, or one
   * started by this.
   *
   * @param papers how many paper files the content folder has, counted up to one past the limit
   */
  static Optional<List<String>> command(
      String[] args, List<String> jvmOptions, Path javaHome, String classPath, long papers) {
    if (args.length == 0
        || !ONE_OFF.contains(args[0])
        || papers > JvmAdvice.C1_PAPERS
        || JvmAdvice.compilerChosen(jvmOptions)) {
      return Optional.empty();
    }
    for (String option : jvmOptions) {
      if (option.startsWith("-Dpapersite.jvm=") || agent(option)) {
        return Optional.empty();
      }
    }
    List<String> command = new ArrayList<>();
    command.add(javaHome.resolve("bin").resolve("java").toString());
    command.addAll(jvmOptions);
    command.add(JvmAdvice.C1_ONLY);
    command.add(CHILD);
    command.add("-D" + FIRST + "=" + ProcessHandle.current().pid());
    command.add("-cp");
    command.add(classPath);
    command.add(Main.class.getName());
    command.addAll(Arrays.asList(args));
    return Optional.of(command);
  }

  /**
   * In the second JVM: ends it soon after the first one ends, so that a killed build does not go on
   * writing. It asks every tenth of a second rather than waiting on a pipe from the first JVM: a
   * thread blocked reading a pipe holds up this JVM's exit by 0.3 s.
   */
  static void endWithTheFirstJvm() {
    if (!"child".equals(System.getProperty("papersite.jvm"))) {
      return;
    }
    Optional<ProcessHandle> first = ProcessHandle.current().parent();
    String expected = System.getProperty(FIRST);
    if (expected != null
        && !first.map(p -> expected.equals(String.valueOf(p.pid()))).orElse(false)) {
      Runtime.getRuntime().halt(1); // the first JVM ended before this one started to watch it
    }
    Thread lifeline =
        new Thread(
            () -> {
              try {
                while (first.map(ProcessHandle::isAlive).orElse(false)) {
                  Thread.sleep(100);
                }
              } catch (InterruptedException e) {
                return;
              }
              Runtime.getRuntime().halt(1);
            },
            "papersite-lifeline");
    lifeline.setDaemon(true);
    lifeline.start();
  }

  /** The YAML files in the content's papers folder, counted up to one past the limit. */
  static long paperFiles(Path content) {
    try (var files = java.nio.file.Files.list(content.resolve("papers"))) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(name -> name.endsWith(".yaml") || name.endsWith(".yml"))
          .limit(JvmAdvice.C1_PAPERS + 1L)
          .count();
    } catch (IOException | RuntimeException e) {
      return 0; // the command will say what is wrong with the folder
    }
  }

  /** A debugger or profiler is attached to this JVM: the command stays where it can see it. */
  private static boolean agent(String option) {
    return option.startsWith("-agentlib:")
        || option.startsWith("-agentpath:")
        || option.startsWith("-javaagent:");
  }

  /**
   * Runs {@code args} in a C1-only JVM when {@link #command} says so.
   *
   * @return the command's exit status, or empty when it is to run in this JVM (also when the second
   *     JVM cannot be started)
   */
  static Optional<Integer> run(String[] args) {
    Optional<List<String>> command =
        command(
            args,
            ManagementFactory.getRuntimeMXBean().getInputArguments(),
            Path.of(System.getProperty("java.home")),
            System.getProperty("java.class.path"),
            args.length > 0 && ONE_OFF.contains(args[0])
                ? Main.contentDirectory(args).map(QuickJvm::paperFiles).orElse(0L)
                : 0);
    if (command.isEmpty()) {
      return Optional.empty();
    }
    ProcessBuilder builder =
        new ProcessBuilder(command.get())
            .redirectInput(ProcessBuilder.Redirect.INHERIT)
            .redirectOutput(ProcessBuilder.Redirect.INHERIT)
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    // Their options are among the input arguments already: the second JVM would take them twice.
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return Optional.empty();
    }
    Thread stop = new Thread(process::destroy);
    Runtime.getRuntime().addShutdownHook(stop);
    try {
      return Optional.of(process.waitFor());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroy();
      return Optional.of(1);
    }
  }
}
