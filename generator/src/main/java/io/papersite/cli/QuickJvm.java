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
    return secondJvm(args, jvmOptions, javaHome, classPath, papers)
        .map(jvm -> jvm.command(Main.class.getName(), Arrays.asList(args)));
  }

  private static Optional<SecondJvm> secondJvm(
      String[] args, List<String> jvmOptions, Path javaHome, String classPath, long papers) {
    if (args.length == 0 || !ONE_OFF.contains(args[0]) || !SecondJvm.pays(jvmOptions, papers)) {
      return Optional.empty();
    }
    return Optional.of(new SecondJvm(javaHome, jvmOptions, classPath));
  }

  /**
   * Runs {@code args} in a second JVM when {@link #command} says so.
   *
   * @return the command's exit status, or empty when it is to run in this JVM (also when the second
   *     JVM cannot be started)
   */
  static Optional<Integer> run(String[] args) {
    boolean oneOff = args.length > 0 && ONE_OFF.contains(args[0]);
    Optional<SecondJvm> jvm =
        secondJvm(
            args,
            ManagementFactory.getRuntimeMXBean().getInputArguments(),
            Path.of(System.getProperty("java.home")),
            System.getProperty("java.class.path"),
            oneOff ? Main.contentDirectory(args).map(SecondJvm::paperFiles).orElse(0L) : 0);
    if (jvm.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          jvm.get()
              .run(
                  Main.class.getName(),
                  Arrays.asList(args),
                  ProcessBuilder::inheritIO,
                  process -> {}));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
