package io.papersite.cli;

import io.papersite.SecondJvm;
import java.io.IOException;
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

  /** The commands a build server runs. */
  private static final List<String> SERVED = List.of("build", "validate", "readme");

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

  /** The second JVM that {@link #command} would run {@code args} in, if any. */
  static Optional<SecondJvm> secondJvm(String[] args) {
    boolean oneOff = args.length > 0 && ONE_OFF.contains(args[0]);
    return secondJvm(
        args,
        SecondJvm.currentOptions(),
        Path.of(System.getProperty("java.home")),
        System.getProperty("java.class.path"),
        oneOff ? Main.contentDirectory(args).map(SecondJvm::paperFiles).orElse(0L) : 0);
  }

  /**
   * The second JVM whose build server is to run {@code args}: a build, check or README update when
   * {@code jvm} has a server; this JVM then only hands the command over and prints what comes back.
   */
  static Optional<SecondJvm> server(String[] args, Optional<SecondJvm> jvm) {
    return jvm.filter(j -> SERVED.contains(args[0]) && j.hasServer());
  }

  /**
   * Runs {@code args} in {@code jvm}, a second JVM of their own.
   *
   * @return the command's exit status, or empty when the second JVM cannot be started
   */
  static Optional<Integer> run(String[] args, SecondJvm jvm) {
    try {
      return Optional.of(
          jvm.run(
              Main.class.getName(), Arrays.asList(args), ProcessBuilder::inheritIO, process -> {}));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
