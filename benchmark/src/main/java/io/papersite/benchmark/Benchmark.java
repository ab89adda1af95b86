package io.papersite.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Times Papersite (the command line, and {@code mvn site-generate}) and, where it is installed,
 * Hugo on generated collections of N papers, several runs each, and prints per run the wall time,
 * CPU time, peak memory, pages written and milliseconds per page, then the medians and ratios.
 *
 * <pre>{@code benchmark/run 1000 10000 100000}</pre>
 *
 * Environment: {@code RUNS} (default 3), {@code BENCHMARK_DIR} (default target/benchmark), {@code
 * BENCHMARK_OUT} (where the sites are written, default BENCHMARK_DIR/outputs; a folder in memory,
 * such as one under /dev/shm, leaves the disk out of the comparison).
 */
public final class Benchmark {

  private static final String CLI = "papersite (command line)";
  private static final String CLI_ONE_JVM = "papersite (cmd, one JVM)";
  private static final String REBUILD = "papersite rebuild, same";
  private static final String REBUILD_EDIT = "papersite rebuild, 1 edit";
  private static final String CLI_KEPT = "papersite, same content";
  private static final String CLI_KEPT_EDIT = "papersite, 1 edit, new";
  private static final String CLI_FIRST = "papersite, first build";
  private static final String CLI_NO_SERVER = "papersite, no server";
  private static final String MVN_NO_SERVER = "mvn, no server";
  private static final String MVN = "mvn site-generate";
  private static final String MVN_FIRST = "mvn, first build";
  private static final String MVN_IN_MAVEN = "mvn, fork=false";
  private static final String MVN_C1 = "mvn, C1 jvm.config";
  private static final String HUGO = "hugo";

  /** Keeps the command line's build in the JVM it starts: the optimizing compiler at work. */
  static final List<String> ONE_JVM = List.of("-Dpapersite.jvm=current");

  /** Maven's options: the 1 GiB heap, and C1 only as a project's .mvn/jvm.config would ask. */
  private static final String MAVEN_OPTS = "-Xmx1g";

  private static final String MAVEN_OPTS_C1 = "-Xmx1g -XX:TieredStopAtLevel=1";

  private static final Path DROP_CACHES = Path.of("/proc/sys/vm/drop_caches");

  private static final Pattern PAGES = Pattern.compile("Papersite: [\\d,]+ papers?, (\\d+) pages?");

  private record Run(
      String tool, int papers, int run, double wall, double cpu, long rssKb, int pages) {
    String row() {
      return String.format(
          Locale.ROOT,
          "| %-22s | %,7d | %d | %7.2f | %7.2f | %6d | %6d | %6.3f |",
          tool,
          papers,
          run,
          wall,
          cpu,
          rssKb / 1024,
          pages,
          pages == 0 ? 0 : wall * 1000 / pages);
    }
  }

  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String arg : args.length == 0 ? new String[] {"1000", "10000", "100000"} : args) {
      sizes.add(Integer.parseInt(arg.replace("_", "")));
    }
    int runs = Integer.parseInt(System.getenv().getOrDefault("RUNS", "3"));
    Path work =
        Path.of(System.getenv().getOrDefault("BENCHMARK_DIR", "target/benchmark")).toAbsolutePath();
    Path cli = cliJar();
    boolean hugo = onPath("hugo");
    System.out.println("machine: " + machine());
    System.out.println("hugo: " + (hugo ? version("hugo", "version") : "not installed, skipped"));
    System.out.println(
        "page cache: "
            + (Files.isWritable(DROP_CACHES)
                ? "emptied before each run"
                : "kept (emptying it needs root); later runs may be slower"));
    System.out.println();
    System.out.println(
        "| tool                   |  papers | run | wall s  | CPU s   | RSS MB |  pages |  ms/page |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    List<Run> all = new ArrayList<>();
    List<String> weights = new ArrayList<>();
    // Every build writes a folder that did not exist, and all are removed only at the end: on an
    // ext4 without a journal, creating files right after deleting many costs the next build
    // seconds of kernel time (it skips the inodes freed in the last minutes), which would weigh
    // on whichever tool happens to run after a deletion.
    Path outputs =
        Path.of(System.getenv().getOrDefault("BENCHMARK_OUT", work.resolve("outputs").toString()))
            .toAbsolutePath();
    delete(outputs);
    for (int n : sizes) {
      Path dir = work.resolve("n" + n);
      if (!Files.isDirectory(dir.resolve("papersite/content"))) {
        Corpus.main(new String[] {String.valueOf(n), dir.toString(), "content"});
      }
      Path content = dir.resolve("papersite/content");
      // The second JVM's class-data archives and the build servers, started by the "first build"
      // rows: the other rows run as a user's builds do from the second one on.
      Path servers = outputs.resolve("servers-n" + n);
      String jvmArchives = "-Dpapersite.jvmArchives=" + outputs.resolve("jvm-archives-n" + n);
      List<String> archives = List.of(jvmArchives, "-Dpapersite.buildServers=" + servers);
      List<String> noServer = List.of(jvmArchives, "-Dpapersite.buildServers=none");
      stopServers(cli, servers);
      Path first = outputs.resolve("n" + n + "-cli-first");
      all.add(print(time(CLI_FIRST, n, 1, dir, cliBuild(cli, content, first, archives), first)));
      awaitWarmUps(servers);
      Path project = dir.resolve("papersite");
      Path mvnFirst = outputs.resolve("n" + n + "-mvn-first");
      all.add(print(time(MVN_FIRST, n, 1, project, mvn(mvnFirst, true, archives), mvnFirst)));
      awaitWarmUps(servers);
      List<Tool> tools = new ArrayList<>();
      tools.add(new Tool(CLI, dir, out -> cliBuild(cli, content, out, archives), MAVEN_OPTS));
      tools.add(
          new Tool(CLI_NO_SERVER, dir, out -> cliBuild(cli, content, out, noServer), MAVEN_OPTS));
      tools.add(
          new Tool(CLI_ONE_JVM, dir, out -> cliBuild(cli, content, out, ONE_JVM), MAVEN_OPTS));
      tools.add(new Tool(MVN, project, out -> mvn(out, true, archives), MAVEN_OPTS));
      tools.add(new Tool(MVN_NO_SERVER, project, out -> mvn(out, true, noServer), MAVEN_OPTS));
      // Maven's own JVM builds these two: no server
      tools.add(new Tool(MVN_IN_MAVEN, project, out -> mvn(out, false, noServer), MAVEN_OPTS));
      tools.add(new Tool(MVN_C1, project, out -> mvn(out, true, noServer), MAVEN_OPTS_C1));
      if (hugo) {
        tools.add(
            new Tool(
                HUGO,
                dir.resolve("hugo"),
                out -> List.of("hugo", "--quiet", "-d", out.toString()),
                MAVEN_OPTS));
      }
      // Round after round of every tool, rather than each tool's runs in a row, so that a slower
      // spell of the machine weighs on all of them alike.
      ContentChange change = new ContentChange(content.resolve("site.yaml"));
      try {
        for (int r = 1; r <= runs; r++) {
          for (Tool tool : tools) {
            if (!tool.name().equals(HUGO)) {
              change.next(); // a server that kept the last content's model reads it all again
            }
            Path out =
                outputs.resolve("n" + n + "-" + tool.name().replaceAll("\\W+", "-") + "-" + r);
            all.add(
                print(
                    time(
                        tool.name(),
                        n,
                        r,
                        tool.dir(),
                        tool.command().apply(out),
                        out,
                        tool.mavenOpts())));
          }
        }
      } finally {
        change.undo();
      }
      // A clean build of the content that the server built last, into a new folder, as after
      // `mvn clean`: the server renders it from the model it kept.
      Path before = outputs.resolve("n" + n + "-same-content-before");
      time(CLI, n, 0, dir, cliBuild(cli, content, before, archives), before);
      Path same = outputs.resolve("n" + n + "-same-content");
      all.add(print(time(CLI_KEPT, n, 1, dir, cliBuild(cli, content, same, archives), same)));
      Path editedElsewhere = outputs.resolve("n" + n + "-edited-new-folder");
      all.add(print(editedRebuild(CLI_KEPT_EDIT, n, dir, cli, editedElsewhere, archives, true)));
      // The rebuilds follow a build of the same site, as a user's do: its content and files are
      // still in the page cache.
      Path rebuilt = outputs.resolve("n" + n + "-rebuilt");
      time(CLI, n, 0, dir, cliBuild(cli, content, rebuilt, archives), rebuilt);
      all.add(
          print(
              time(
                  REBUILD,
                  n,
                  1,
                  dir,
                  cliBuild(cli, content, rebuilt, archives),
                  rebuilt,
                  MAVEN_OPTS,
                  false)));
      for (PageWeight.Weight weight : PageWeight.ofSite(rebuilt)) {
        weights.add(weight.row(n));
      }
      all.add(print(editedRebuild(REBUILD_EDIT, n, dir, cli, rebuilt, archives, false)));
      stopServers(cli, servers);
    }
    delete(outputs);
    System.out.println();
    summary(all, sizes);
    System.out.println();
    System.out.println(
        "What a first visit fetches (the page, its stylesheets and scripts; gzip flatters lists"
            + " and the search index here, since the collection repeats 60 abstracts):");
    System.out.println();
    System.out.println(PageWeight.header());
    weights.forEach(System.out::println);
    System.out.println();
    System.out.println("The warm-ups of the servers that the first builds started:");
    System.out.println();
    WARM_UPS.forEach(line -> System.out.println("- " + line));
  }

  /** What the servers' logs say of their warm-ups, printed after the tables. */
  private static final java.util.Set<String> WARM_UPS = new java.util.LinkedHashSet<>();

  /**
   * Waits until every server in {@code servers} has ended the warm-up that the build which started
   * it left it doing, so that no timed run shares the machine with one; keeps what their logs say.
   */
  private static void awaitWarmUps(Path servers) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (true) {
      List<String> pending = new ArrayList<>();
      List<String> ended = new ArrayList<>();
      try (java.util.stream.Stream<Path> logs = Files.list(servers)) {
        for (Path log : logs.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
          String text = Files.readString(log);
          text.lines().filter(l -> l.startsWith("Papersite: warm-up on ")).forEach(ended::add);
          if (!text.contains("Papersite: warm-up on ")) {
            pending.add(log.getFileName().toString());
          }
        }
      } catch (java.nio.file.NoSuchFileException e) {
        return; // no server was started
      }
      if (pending.isEmpty() || System.nanoTime() > deadline) {
        WARM_UPS.addAll(ended);
        return;
      }
      Thread.sleep(200);
    }
  }

  private static void stopServers(Path cli, Path servers) throws IOException, InterruptedException {
    new ProcessBuilder(
            "java", "-Dpapersite.buildServers=" + servers, "-jar", cli.toString(), "stop")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start()
        .waitFor();
  }

  /**
   * The build servers running now and the CPU time each has used: /usr/bin/time sees the command it
   * starts, not the server that builds for it.
   */
  private static Map<Long, Duration> servers() {
    Map<Long, Duration> cpu = new TreeMap<>();
    // from /proc: ProcessHandle gives no arguments for a command line as long as Maven's class path
    ProcessHandle.allProcesses()
        .filter(p -> commandLine(p.pid()).contains("\0io.papersite.BuildServer\0"))
        .forEach(p -> cpu.put(p.pid(), p.info().totalCpuDuration().orElse(Duration.ZERO)));
    return cpu;
  }

  private static String commandLine(long pid) {
    try {
      return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")));
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** A server's peak resident memory so far (it runs build after build), in kB. */
  private static long residentKb(long pid) {
    try {
      return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
          .filter(l -> l.startsWith("VmHWM:"))
          .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
          .findFirst()
          .orElse(0);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** A build to time: its name, the folder it runs in, its command for an output folder. */
  private record Tool(
      String name, Path dir, Function<Path, List<String>> command, String mavenOpts) {}

  private static List<String> mvn(Path out, boolean fork, List<String> options) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "mvn",
                "-B",
                "-q",
                "-o",
                "-Dpapersite.outputDirectory=" + out,
                "-Dpapersite.fork=" + fork));
    command.addAll(options);
    command.add("site-generate");
    return command;
  }

  private static Run print(Run run) {
    System.out.println(run.row());
    return run;
  }

  private static void summary(List<Run> all, List<Integer> sizes) {
    System.out.println(
        "| papers | command line s | command line, no server s | one JVM s | mvn site-generate s |"
            + " mvn, no server s | mvn, fork=false s | mvn, C1 s | hugo s | command line / hugo |"
            + " mvn / hugo | mvn, C1 / hugo | rebuild, same s | rebuild, 1 edit s |"
            + " same content, new folder s | 1 edit, new folder s |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (int n : sizes) {
      double cli = median(all, CLI, n);
      double cliNoServer = median(all, CLI_NO_SERVER, n);
      double mvnNoServer = median(all, MVN_NO_SERVER, n);
      double oneJvm = median(all, CLI_ONE_JVM, n);
      double mvn = median(all, MVN, n);
      double inMaven = median(all, MVN_IN_MAVEN, n);
      double mvnC1 = median(all, MVN_C1, n);
      double hugo = median(all, HUGO, n);
      double same = median(all, REBUILD, n);
      double edited = median(all, REBUILD_EDIT, n);
      double kept = median(all, CLI_KEPT, n);
      double keptEdit = median(all, CLI_KEPT_EDIT, n);
      System.out.printf(
          Locale.ROOT,
          "| %,d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %s | %s | %s | %s | %.2f | %.2f"
              + " | %.2f | %.2f |%n",
          n,
          cli,
          cliNoServer,
          oneJvm,
          mvn,
          mvnNoServer,
          inMaven,
          mvnC1,
          figure(hugo),
          figure(cli / hugo),
          figure(mvn / hugo),
          figure(mvnC1 / hugo),
          same,
          edited,
          kept,
          keptEdit);
    }
  }

  /**
   * A comment added to the site's settings before each run, another each time: the site stays the
   * same, but a build server that kept the model of the content it built last finds a file changed
   * that the model cannot take, so that every run reads and checks all of the content, as a first
   * build of it does.
   */
  private static final class ContentChange {
    private final Path file;
    private final String original;
    private int count;

    ContentChange(Path file) throws IOException {
      this.file = file;
      this.original = Files.readString(file);
    }

    void next() throws IOException {
      String end = original.endsWith("\n") ? "" : "\n";
      Files.writeString(file, original + end + "# benchmark run " + ++count + "\n");
    }

    void undo() throws IOException {
      Files.writeString(file, original);
    }
  }

  /**
   * A build after one paper's title changed, as a user runs it after an edit: into the site the
   * server built last, which it changes in place, or into a new folder ({@code emptyCache}, as
   * clean builds run), which it renders whole from its model. The entry is put back after.
   */
  private static Run editedRebuild(
      String tool, int n, Path dir, Path cli, Path site, List<String> options, boolean emptyCache)
      throws IOException, InterruptedException {
    Path content = dir.resolve("papersite/content");
    Path entry = content.resolve("papers/paper-1.yaml");
    String original = Files.readString(entry);
    Files.writeString(entry, original.replaceFirst("(?m)^title: \"", "title: \"Edited: "));
    try {
      return time(
          tool, n, 1, dir, cliBuild(cli, content, site, options), site, MAVEN_OPTS, emptyCache);
    } finally {
      Files.writeString(entry, original);
    }
  }

  private static String figure(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
  }

  private static double median(List<Run> all, String tool, int n) {
    List<Double> walls =
        all.stream()
            .filter(r -> r.tool().equals(tool) && r.papers() == n)
            .map(Run::wall)
            .sorted()
            .toList();
    return walls.isEmpty() ? Double.NaN : walls.get(walls.size() / 2);
  }

  /** Runs a command under /usr/bin/time -v and reads its figures. */
  private static Run time(
      String tool, int papers, int run, Path dir, List<String> command, Path out)
      throws IOException, InterruptedException {
    return time(tool, papers, run, dir, command, out, MAVEN_OPTS);
  }

  private static Run time(
      String tool, int papers, int run, Path dir, List<String> command, Path out, String mavenOpts)
      throws IOException, InterruptedException {
    return time(tool, papers, run, dir, command, out, mavenOpts, true);
  }

  /**
   * @param emptyCache whether to empty the page cache first (clean builds), or keep what the
   *     previous build left in it (rebuilds)
   */
  private static Run time(
      String tool,
      int papers,
      int run,
      Path dir,
      List<String> command,
      Path out,
      String mavenOpts,
      boolean emptyCache)
      throws IOException, InterruptedException {
    // The previous build's files go to disk first, so that no run pays for another one's writing,
    // and, where allowed (as root), the page cache is emptied: a cache filling up with the earlier
    // runs' sites slowed the later runs of a round by a third.
    new ProcessBuilder("sync").inheritIO().start().waitFor();
    if (emptyCache && Files.isWritable(DROP_CACHES)) {
      Files.writeString(DROP_CACHES, "3");
    }
    List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-v"));
    timed.addAll(command);
    ProcessBuilder builder =
        new ProcessBuilder(timed).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().put("MAVEN_OPTS", mavenOpts);
    Map<Long, Duration> serversBefore = servers();
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException(tool + " failed:\n" + output);
    }
    // What the build server that served this command did is counted as the command's own: the
    // one whose CPU time grew most (the others, idle, grow by milliseconds). A server the command
    // started is not counted: it only begins its warm-up as the command ends.
    double serverCpu = 0;
    long serverRss = 0;
    if (command.stream()
        .anyMatch(a -> a.startsWith("-Dpapersite.buildServers=") && !a.endsWith("=none"))) {
      for (Map.Entry<Long, Duration> server : servers().entrySet()) {
        Duration before = serversBefore.get(server.getKey());
        if (before == null) {
          continue;
        }
        double grown = server.getValue().minus(before).toNanos() / 1e9;
        if (grown > Math.max(serverCpu, 0.05)) {
          serverCpu = grown;
          serverRss = residentKb(server.getKey());
        }
      }
    }
    Map<String, String> figures = new TreeMap<>();
    for (String line : output.lines().toList()) {
      int colon = line.lastIndexOf(": ");
      if (line.startsWith("\t") && colon > 0) {
        figures.put(
            line.strip().substring(0, colon - 1).strip(), line.substring(colon + 2).strip());
      }
    }
    double user = Double.parseDouble(figures.getOrDefault("User time (seconds)", "0"));
    double sys = Double.parseDouble(figures.getOrDefault("System time (seconds)", "0"));
    long rss = Long.parseLong(figures.getOrDefault("Maximum resident set size (kbytes)", "0"));
    Matcher pages = PAGES.matcher(output);
    // A build that found the site up to date wrote no page.
    int pageCount =
        pages.find()
            ? Integer.parseInt(pages.group(1))
            : output.contains(" is up to date") ? 0 : countPages(out);
    return new Run(
        tool,
        papers,
        run,
        wall(figures.get("Elapsed (wall clock) time (h:mm:ss or m:ss)")),
        user + sys + serverCpu,
        Math.max(rss, serverRss),
        pageCount);
  }

  private static int countPages(Path out) throws IOException {
    if (!Files.isDirectory(out)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(out)) {
      return (int) files.filter(f -> f.toString().endsWith(".html")).count();
    }
  }

  private static double wall(String text) {
    String[] parts = text.split(":");
    double seconds = 0;
    for (String part : parts) {
      seconds = seconds * 60 + Double.parseDouble(part);
    }
    return seconds;
  }

  private static Path cliJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("generator/target"))) {
      return files
          .filter(f -> f.getFileName().toString().endsWith("-cli.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("build first: mvn -B install -DskipTests"))
          .toAbsolutePath();
    }
  }

  private static boolean onPath(String program) {
    return Stream.of(System.getenv("PATH").split(":"))
        .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
  }

  private static String version(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String text = new String(process.getInputStream().readAllBytes()).strip();
    process.waitFor();
    return text.lines().findFirst().orElse("");
  }

  private static String machine() throws IOException {
    String cpu =
        Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
            .filter(l -> l.startsWith("model name"))
            .findFirst()
            .map(l -> l.substring(l.indexOf(':') + 2))
            .orElse("?");
    return Runtime.getRuntime().availableProcessors()
        + " cores ("
        + cpu
        + "), "
        + System.getProperty("java.version")
        + " "
        + System.getProperty("java.vm.name");
  }

  /** The command-line build of the corpus, in the 1 GiB heap the targets name. */
  private static List<String> cliBuild(Path cli, Path content, Path out, List<String> options) {
    List<String> command = new ArrayList<>(List.of("java", "-Xmx1g"));
    command.addAll(options);
    command.addAll(
        List.of(
            "-jar",
            cli.toString(),
            "build",
            "--content",
            content.toString(),
            "--out",
            out.toString()));
    return command;
  }

  private static void delete(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
