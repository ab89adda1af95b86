package io.papersite.cli;

import io.papersite.SecondJvm;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Runs a one-off command over a collection of up to {@link SecondJvm#C1_PAPERS} papers in a {@link
 * SecondJvm}, which builds such a collection faster. It inherits this JVM's options, standard
 * streams and working folder, and its exit status is the command's.
 */
final class QuickJvm {

  private static final List<String> ONE_OFF = List.of("build", "validate", "readme", "import");

  private QuickJvm() {}

  /**
   * The command that runs {@code args} in a second JVM, or empty when they should run here: a
   * long-running or unknown command, or one that {@link SecondJvm#pays} does not send there.
   *
   * @param papers how many paper files the content folder has, counted up to one past the limit
   */
  static Optional<List<String>> command(
      String[] args, List<String> jvmOptions, Path javaHome, String classPath, long papers) {
    if (args.length == 0 || !ONE_OFF.contains(args[0]) || !SecondJvm.pays(jvmOptions, papers)) {
      return Optional.empty();
    }
    return Optional.of(
        new SecondJvm(javaHome, jvmOptions, classPath)
            .command(Main.class.getName(), Arrays.asList(args)));
  }

  /**
   * Runs {@code args} in a second JVM when {@link #command} says so.
   *
   * @return the command's exit status, or empty when it is to run in this JVM (also when the second
   *     JVM cannot be started)
   */
  static Optional<Integer> run(String[] args) {
    List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
    Optional<List<String>> command =
        command(
            args,
            jvmOptions,
            Path.of(System.getProperty("java.home")),
            System.getProperty("java.class.path"),
            args.length > 0 && ONE_OFF.contains(args[0])
                ? Main.contentDirectory(args).map(SecondJvm::paperFiles).orElse(0L)
                : 0);
    if (command.isEmpty()) {
      return Optional.empty();
    }
    ProcessBuilder builder =
        new SecondJvm(
                Path.of(System.getProperty("java.home")),
                jvmOptions,
                System.getProperty("java.class.path"))
            .processBuilder(Main.class.getName(), Arrays.asList(args))
            .inheritIO();
    try {
      Process process = builder.start();
      return Optional.of(SecondJvm.waitFor(process, () -> {}));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
