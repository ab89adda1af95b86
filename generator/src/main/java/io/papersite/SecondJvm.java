package io.papersite;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A second JVM for a one-off build, which compiles with C1 only. A build is a short batch of large,
 * cold code: up to {@link #C1_PAPERS} papers, C1 alone builds faster than with the optimizing
 * compiler, which takes a third of the CPU time on two cores and does not pay it back (10,000
 * papers: 6.4 s instead of 10.6 s); at 100,000 papers it does (88 s instead of 110 s). A JVM cannot
 * change its compiler once started, so the command line and the Maven goal start a second one. With
 * a folder for {@link BuildServer build servers}, the second JVM is one that stays for the next
 * builds, and compiles with the optimizing compiler, which pays back over several builds.
 *
 * @param javaHome the JDK to start, normally the caller's own
 * @param options the caller's JVM options the second JVM keeps (heap size and the like)
 * @param classPath the generator's class path
 * @param archives where its {@link ClassDataArchive class-data archives} are kept, if anywhere
 * @param servers where its {@link BuildServer build servers} keep their sockets, if it has any
 */
public record SecondJvm(
    Path javaHome,
    List<String> options,
    String classPath,
    Optional<Path> archives,
    Optional<Path> servers) {

  /** Up to how many papers C1 alone builds faster, between the 10,000 and 100,000 measured. */
  public static final int C1_PAPERS = 25_000;

  /** The option that keeps a JVM to C1. */
  public static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

  /**
   * Marks the second JVM, which ends when the first one does, even when that one is killed. Any
   * {@code -Dpapersite.jvm=} keeps a command in its JVM: {@code current} is the one to give.
   */
  public static final String CHILD = "-Dpapersite.jvm=child";

  /** Marks a build server, which builds in its own JVM and outlives the JVM that started it. */
  static final String SERVER = "-Dpapersite.jvm=server";

  /** Tells the second JVM which process started it, to see that it is still its parent. */
  private static final String FIRST = "papersite.firstJvm";

  public SecondJvm {
    options = List.copyOf(options);
    classPath = absolute(classPath);
  }

  /**
   * The class path with each entry made absolute: {@code java -jar lib/papersite.jar} names its jar
   * relative to a folder that a build server, which outlives the command, does not run in.
   */
  private static String absolute(String classPath) {
    List<String> entries = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator, -1)) {
      entries.add(entry.isEmpty() ? entry : Path.of(entry).toAbsolutePath().toString());
    }
    return String.join(File.pathSeparator, entries);
  }

  /**
   * A second JVM that keeps its class-data archives and its build servers' sockets in the user's
   * cache folder, or where {@code -Dpapersite.jvmArchives} and {@code -Dpapersite.buildServers}
   * say.
   */
  public SecondJvm(Path javaHome, List<String> options, String classPath) {
    this(javaHome, options, classPath, ClassDataArchive.folder(), BuildServer.folder());
  }

  /** This second JVM without class-data archives. */
  public SecondJvm withoutArchives() {
    return withArchives(Optional.empty());
  }

  /** This second JVM keeping its class-data archives in {@code folder}, or without them. */
  public SecondJvm withArchives(Optional<Path> folder) {
    return new SecondJvm(javaHome, options, classPath, folder, servers);
  }

  /** Whether this JVM's builds go to a {@link BuildServer}, which stays for the next one. */
  public boolean hasServer() {
    return BuildServer.of(this).isPresent();
  }

  /**
   * Stops the build servers in the folder {@code -Dpapersite.buildServers} names, or the user's
   * cache folder; how many were running.
   */
  public static int stopServers() {
    return BuildServer.folder().map(BuildServer::stopAll).orElse(0);
  }

  /** This second JVM without build servers: every build in a JVM of its own. */
  public SecondJvm withoutServers() {
    return withServers(Optional.empty());
  }

  /** This second JVM with its build servers' sockets in {@code folder}, or without servers. */
  public SecondJvm withServers(Optional<Path> folder) {
    return new SecondJvm(javaHome, options, classPath, archives, folder);
  }

  /**
   * The folder for build servers' sockets that {@code chosen} names ({@code none}: no servers;
   * empty: the user's cache folder, none on a CI server), as {@code -Dpapersite.buildServers} does.
   */
  public static Optional<Path> servers(String chosen) {
    return ClassDataArchive.cacheFolder(chosen, System::getenv, "server");
  }

  /**
   * The folder for class-data archives that {@code chosen} names ({@code none}: none; empty: the
   * user's cache folder, none on a CI server), as {@code -Dpapersite.jvmArchives} does.
   */
  public static Optional<Path> archives(String chosen) {
    return ClassDataArchive.cacheFolder(chosen, System::getenv, "jvm");
  }

  /**
   * The second JVM of the JVM this runs in: its JDK, its {@code -X} options (heap, stack,
   * collector; not its system properties, which belong to the program that started it), and the
   * class path of {@code loader} (such as a Maven plugin's), or empty when that is not a list of
   * files.
   */
  public static Optional<SecondJvm> of(ClassLoader loader, List<String> jvmOptions) {
    if (!(loader instanceof URLClassLoader urls)) {
      return Optional.empty();
    }
    List<String> files = new ArrayList<>();
    for (URL url : urls.getURLs()) {
      if (!url.getProtocol().equals("file")) {
        return Optional.empty();
      }
      try {
        files.add(Path.of(url.toURI()).toString());
      } catch (URISyntaxException | IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    return Optional.of(
        new SecondJvm(
            Path.of(System.getProperty("java.home")),
            jvmOptions.stream().filter(o -> o.startsWith("-X")).toList(),
            String.join(File.pathSeparator, files)));
  }

  /**
   * This JVM's options, as {@code RuntimeMXBean.getInputArguments()} gives them: from the JDK's own
   * list where the command-line jar's manifest exports it, as asking the management interface loads
   * about 40 classes (17 ms of a served build's command with the page cache cold).
   */
  public static List<String> currentOptions() {
    return exportedOptions()
        .orElseGet(
            () -> java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
  }

  /** The JDK's own list of this JVM's options; empty where it is not exported to this code. */
  static Optional<List<String>> exportedOptions() {
    try {
      Object options =
          Class.forName("jdk.internal.misc.VM").getMethod("getRuntimeArguments").invoke(null);
      return Optional.of(List.of((String[]) options));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether a one-off command over {@code papers} papers runs faster in a second JVM than in one
   * with these options: not for a collection of more than {@link #C1_PAPERS} papers, a JVM already
   * told how to compile or with an agent attached (a debugger, a profiler: the command stays where
   * it can see it), or one started by this.
   */
  public static boolean pays(List<String> jvmOptions, long papers) {
    return papers <= C1_PAPERS
        && !compilerChosen(jvmOptions)
        && jvmOptions.stream().noneMatch(o -> o.startsWith("-Dpapersite.jvm=") || agent(o));
  }

  /**
   * Whether a one-off command over the collection in {@code content} runs faster in a second JVM
   * than in this one, as {@link #pays} says.
   */
  public static boolean paysFor(Path content) {
    return pays(currentOptions(), paperFiles(content));
  }

  /** Whether these JVM options already say how to compile. */
  public static boolean compilerChosen(List<String> jvmOptions) {
    return jvmOptions.stream()
        .anyMatch(
            o ->
                o.startsWith("-XX:") && o.contains("Tiered")
                    || o.equals("-Xint")
                    || o.equals("-Xcomp"));
  }

  /** A debugger or profiler, which would watch the wrong JVM or compete for its port or file. */
  private static boolean agent(String option) {
    return option.startsWith("-agentlib:")
        || option.startsWith("-agentpath:")
        || option.startsWith("-javaagent:")
        || option.startsWith("-Xrun")
        || option.equals("-Xdebug")
        || option.startsWith("-XX:StartFlightRecording")
        || option.startsWith("-XX:FlightRecorderOptions");
  }

  /** The command that starts this JVM on {@code mainClass} with {@code args}. */
  public List<String> command(String mainClass, List<String> args) {
    List<String> command =
        java(
            List.of(
                CHILD,
                "-D" + FIRST + "=" + ProcessHandle.current().pid(),
                "-cp",
                classPath,
                mainClass));
    command.addAll(args);
    return command;
  }

  /** This JVM's {@code java} with its options, C1 only, then {@code more}. */
  List<String> java(List<String> more) {
    List<String> command = new ArrayList<>(List.of(C1_ONLY));
    command.addAll(more);
    return javaWithOptions(command);
  }

  /** This JVM's {@code java} with its options, then {@code more}. */
  private List<String> javaWithOptions(List<String> more) {
    List<String> command = new ArrayList<>();
    command.add(javaHome.resolve("bin").resolve("java").toString());
    command.addAll(options);
    command.addAll(more);
    return command;
  }

  /**
   * The command that starts a {@link BuildServer} on {@code mainClass} with {@code args}: with the
   * optimizing compiler, which pays back over many builds, and ended by running out of memory
   * rather than left half-broken for the next build.
   */
  List<String> serverCommand(String mainClass, List<String> args) {
    List<String> command =
        javaWithOptions(
            List.of("-XX:+ExitOnOutOfMemoryError", SERVER, "-cp", classPath, mainClass));
    command.addAll(args);
    return command;
  }

  /**
   * A process builder for {@code command}, without the environment's JVM options: they are among
   * the first JVM's options already, and the second JVM would take them twice.
   */
  static ProcessBuilder processBuilder(List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    return builder;
  }

  /** What the first JVM does with the second one while it runs, such as reading its output. */
  @FunctionalInterface
  public interface WhileRunning {
    void run(Process process) throws IOException;
  }

  /** How the first JVM sets up the second one's process, such as where its output goes. */
  @FunctionalInterface
  public interface Setup {
    void setUp(ProcessBuilder builder);
  }

  /**
   * Runs {@code mainClass} with {@code args} in this JVM to its end, mapping the class-data archive
   * of its first argument (the command) or saving it, and returns its exit status.
   *
   * @param meanwhile what this JVM does with the process while it runs
   * @throws IOException when the second JVM cannot be started
   */
  public int run(String mainClass, List<String> args, Setup setup, WhileRunning meanwhile)
      throws IOException {
    Optional<ClassDataArchive> archive =
        ClassDataArchive.of(archives, this, mainClass, args.isEmpty() ? "" : args.get(0));
    List<String> command = command(mainClass, args);
    archive.ifPresent(a -> command.addAll(1, a.options()));
    ProcessBuilder builder = processBuilder(command);
    setup.setUp(builder);
    Process process = builder.start();
    int status = waitFor(process, meanwhile);
    archive.ifPresent(a -> a.ended(status));
    return status;
  }

  /**
   * Waits for a started second JVM to end, doing {@code meanwhile} first, and returns its exit
   * status; it is stopped when this JVM is stopped or the waiting thread interrupted (status 1
   * then).
   */
  private static int waitFor(Process process, WhileRunning meanwhile) {
    Thread stop = new Thread(process::destroy);
    Runtime.getRuntime().addShutdownHook(stop);
    try {
      try {
        meanwhile.run(process);
      } catch (IOException e) {
        // its output ended early: its exit status says why
      }
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroy();
      return 1;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stop);
      } catch (IllegalStateException e) {
        // this JVM is shutting down: the hook runs
      }
    }
  }

  /**
   * In the second JVM: ends it soon after the first one ends, so that a killed build does not go on
   * writing. It asks every tenth of a second rather than waiting on a pipe from the first JVM: a
   * thread blocked reading a pipe holds up this JVM's exit by 0.3 s.
   */
  public static void endWithTheFirstJvm() {
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
              io.papersite.write.SiteWriter.haltOutsideCommits(1);
            },
            "papersite-lifeline");
    lifeline.setDaemon(true);
    lifeline.start();
  }

  /** The YAML files in the content's papers folder, counted up to one past {@link #C1_PAPERS}. */
  public static long paperFiles(Path content) {
    // Names only: a path object and a stream step for each of 10,000 files took 40-50 ms here.
    String[] names;
    try {
      names = content.resolve("papers").toFile().list();
    } catch (UnsupportedOperationException e) {
      names = null; // not on the default file system
    }
    if (names == null) {
      return 0; // the command will say what is wrong with the folder
    }
    long papers = 0;
    for (String name : names) {
      if ((name.endsWith(".yaml") || name.endsWith(".yml")) && ++papers > C1_PAPERS) {
        break;
      }
    }
    return papers;
  }
}
