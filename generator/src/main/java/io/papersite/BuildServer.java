package io.papersite;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A JVM that stays after a build to run the next ones, whose code the optimizing compiler has
 * compiled by then: at 10,000 papers a build takes less than half the time of a fresh JVM's. A
 * build that finds none runs in a JVM of its own, as fast as before, and starts one as it ends; the
 * new server builds that build's content to nothing until its code is compiled (or a build comes),
 * so that the next build is fast. It ends after {@link #IDLE} without a build, when its socket file
 * is deleted, or when {@link #stopAll told to}. One server a JDK, JVM options and class path (with
 * its files' sizes and times), so that an upgrade gets a new one; it runs one build at a time, and
 * keeps the last site it built ({@link ServedSite}; after its warm-up, the one the build that
 * started it built), so that a build after an edit of a few papers renders only what it changed.
 *
 * <p>The client sends one line, the command and its arguments as {@link ForkedBuild} takes them;
 * the server answers {@value #HELLO}, then the build's reports, then {@value #END}. A client that
 * goes away before the end stops the server, as a killed first JVM stops a second one.
 */
final class BuildServer {

  /** The system property that names the servers' folder, or turns them off with {@code none}. */
  static final String FOLDER = "papersite.buildServers";

  /**
   * How long a server keeps the heap a build grew to: about an edit and a look at its result. An
   * idle server then gives it back.
   */
  static final Duration KEEP_MEMORY = Duration.ofMinutes(5);

  /** How long a server waits for a build before it ends. */
  static final Duration IDLE = Duration.ofMinutes(30);

  /**
   * A warm-up stops after this many builds, or sooner once the compilers took less than a {@link
   * #COMPILED_SHARE}th of a build's time, or, where a JVM does not time its compilers, once a build
   * is no faster than the last.
   */
  static final int WARM_UP_BUILDS = 12;

  /**
   * At 10,000 papers compiling took as long as a new server's fifth build to nothing (2.6 s);
   * builds took 1.7-1.9 s once it took less than a sixth of their time, after 8 to 13 builds.
   */
  static final int COMPILED_SHARE = 6;

  static final String HELLO = "papersite-build-server";
  static final String END = "end";
  static final String STOP = "stop";

  /**
   * A Unix socket's path is limited to 107 bytes on Linux, 103 on macOS; a longer one gets none.
   */
  private static final int LONGEST_PATH = 103;

  private final SecondJvm jvm;
  private final Path socket;

  private BuildServer(SecondJvm jvm, Path socket) {
    this.jvm = jvm;
    this.socket = socket;
  }

  /**
   * The folder where servers keep their sockets and logs unless {@link #FOLDER} says otherwise: the
   * user's cache folder; none on a CI server, where every build is the only one on its machine.
   */
  static Optional<Path> folder() {
    return SecondJvm.servers(System.getProperty(FOLDER, ""));
  }

  /**
   * The server for {@code jvm}'s builds; empty when it has no servers' folder, or its class path
   * has a folder (whose classes change without its time changing, as in development).
   */
  static Optional<BuildServer> of(SecondJvm jvm) {
    if (jvm.servers().isEmpty() || !ClassDataArchive.jarsOnly(jvm.classPath())) {
      return Optional.empty();
    }
    try {
      String kind =
          ClassDataArchive.digest(
              String.join(
                  "\n",
                  jvm.javaHome().toString(),
                  String.join(" ", jvm.options()),
                  jvm.classPath(),
                  ClassDataArchive.versions(jvm)));
      Path socket = jvm.servers().get().resolve("build-" + kind + ".socket");
      return socket.toString().getBytes(StandardCharsets.UTF_8).length > LONGEST_PATH
          ? Optional.empty()
          : Optional.of(new BuildServer(jvm, socket));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  Path socket() {
    return socket;
  }

  /**
   * Where the server writes what it prints: the JVM's own messages, such as running out of memory.
   */
  Path log() {
    String name = socket.getFileName().toString();
    return socket.resolveSibling(name.substring(0, name.length() - ".socket".length()) + ".log");
  }

  /**
   * Runs {@code args} in the server, handing each line it reports to {@code reports}.
   *
   * @return whether the server ran the command; false when none runs, and the command is to run
   *     elsewhere
   * @throws IllegalStateException when the server ended in the middle of the command
   */
  boolean run(List<String> args, Consumer<String> reports) {
    try (SocketChannel channel = connect(socket).orElse(null)) {
      if (channel == null) {
        return false;
      }
      OutputStream out = Channels.newOutputStream(channel);
      out.write((ForkedBuild.line(args.toArray()) + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
      if (!HELLO.equals(lines.readLine())) {
        return false; // it was ending as this connected
      }
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.equals(END)) {
          return true;
        }
        reports.accept(line);
      }
      throw new IllegalStateException(
          "the build server ended before the build did; what it printed is in " + log());
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Starts the server unless one runs, to warm up on {@code args}, the command that just ran
   * elsewhere; does not wait for it.
   */
  void start(List<String> args) {
    Path lockFile = socket.resolveSibling(socket.getFileName() + ".lock");
    try {
      createPrivately(socket.getParent());
      try (FileChannel lock =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock held = lock.lock()) {
        if (accepts(socket)) {
          return; // another build started it meanwhile
        }
        Files.deleteIfExists(socket); // its server ended without deleting it
        dropAbandoned(socket.getParent());
        Process server =
            SecondJvm.processBuilder(
                    jvm.serverCommand(
                        BuildServer.class.getName(),
                        List.of(
                            socket.toString(),
                            String.valueOf(IDLE.toSeconds()),
                            ForkedBuild.line(args.toArray()))))
                .directory(socket.getParent().toFile()) // not a folder someone may want to delete
                .redirectErrorStream(true)
                .redirectOutput(log().toFile())
                .start();
        // Not waited for: of two servers started at once, the one whose socket file stays serves.
        server.getOutputStream().close();
      }
    } catch (OverlappingFileLockException e) {
      // another thread of this JVM is starting it
    } catch (IOException e) {
      // the next build runs in a JVM of its own again, and tries again
    }
  }

  /**
   * Deletes what servers of other versions left (a killed server leaves its socket file too): the
   * files of a server whose log is over a day old and whose socket takes no connection.
   */
  private static void dropAbandoned(Path folder) {
    java.time.Instant dayAgo = java.time.Instant.now().minus(Duration.ofDays(1));
    try (DirectoryStream<Path> logs = Files.newDirectoryStream(folder, "build-*.log")) {
      for (Path log : logs) {
        String name = log.getFileName().toString();
        Path socket = log.resolveSibling(name.substring(0, name.length() - 4) + ".socket");
        try {
          if (Files.getLastModifiedTime(log).toInstant().isBefore(dayAgo) && !accepts(socket)) {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(socket.resolveSibling(socket.getFileName() + ".lock"));
            Files.deleteIfExists(log);
          }
        } catch (IOException e) {
          // another user's, or gone already
        }
      }
    } catch (IOException e) {
      // nothing to tidy
    }
  }

  private static boolean accepts(Path socket) {
    try (SocketChannel channel = connect(socket).orElse(null)) {
      return channel != null;
    } catch (IOException e) {
      return true; // it connected
    }
  }

  /**
   * Creates the servers' folder readable by this user only: whoever can connect to a server can
   * have it read and write files as this user.
   */
  private static void createPrivately(Path folder) throws IOException {
    if (Files.isDirectory(folder)) {
      return;
    }
    Files.createDirectories(folder.getParent());
    try {
      Files.createDirectory(
          folder,
          java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
              java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException e) {
      Files.createDirectory(folder); // not POSIX: the user's own profile folder
    } catch (java.nio.file.FileAlreadyExistsException e) {
      // another build made it meanwhile
    }
  }

  /** A connection to the server at {@code socket}; empty when none runs there. */
  private static Optional<SocketChannel> connect(Path socket) {
    if (!Files.exists(socket)) {
      return Optional.empty();
    }
    try {
      return Optional.of(SocketChannel.open(UnixDomainSocketAddress.of(socket)));
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  /** Stops the servers in {@code folder}; how many were running. */
  static int stopAll(Path folder) {
    int stopped = 0;
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    try (DirectoryStream<Path> sockets = Files.newDirectoryStream(folder, "*.socket")) {
      for (Path socket : sockets) {
        try (SocketChannel channel = connect(socket).orElse(null)) {
          if (channel == null) {
            continue; // not running
          }
          channel.write(ByteBuffer.wrap((STOP + "\n").getBytes(StandardCharsets.UTF_8)));
          // it closes the connection as it ends
          while (channel.read(ByteBuffer.allocate(256)) >= 0) {
            // what it says does not matter
          }
          stopped++;
        } catch (IOException e) {
          // not running
        }
      }
    } catch (IOException e) {
      // no more to stop
    }
    return stopped;
  }

  /** The server: {@code BuildServer SOCKET IDLE-SECONDS [WARM-UP-COMMAND]}. */
  public static void main(String[] args) throws IOException {
    // Started from a terminal, it shares the group of processes that Ctrl-C and a closed terminal
    // stop; the build that started it has ended by then.
    for (String signal : List.of("INT", "HUP")) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(signal), sun.misc.SignalHandler.SIG_IGN);
      } catch (IllegalArgumentException e) {
        // not a signal of this system
      }
    }
    Path socket = Path.of(args[0]);
    Duration idle = Duration.ofSeconds(Long.parseLong(args[1]));
    // A rebuild's client need not wait while the site it replaced is deleted.
    io.papersite.write.SiteWriter.deleteReplacedSitesAfterwards();
    PrintStream log = System.out;
    System.setOut(System.err);
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      Object fileKey = identity(socket);
      Watch watch = new Watch(socket, fileKey, idle);
      Thread watching = new Thread(watch::run, "papersite-build-server-watch");
      watching.setDaemon(true);
      watching.start();
      log.println(
          "Papersite build server on "
              + socket
              + ", process "
              + ProcessHandle.current().pid()
              + ", JVM options "
              + ManagementFactory.getRuntimeMXBean().getInputArguments());
      log.flush();
      AtomicBoolean wanted = new AtomicBoolean();
      IdleMemory memory = IdleMemory.keptFor(KEEP_MEMORY);
      Thread warming = null;
      if (args.length > 2) {
        warming =
            new Thread(() -> warmUp(args[2], true, wanted::get, log, memory), "papersite-warm-up");
        warming.start();
      }
      while (true) {
        SocketChannel client = server.accept();
        if (!watch.busy()) {
          client.close(); // ending: the client starts another one
          continue;
        }
        String whole = null; // the request, if its build rendered the whole site
        long compiled = -1; // how long the compilers took in it, in ms
        long took = 0;
        try (client) {
          String request = firstLine(client);
          if (request == null) {
            continue;
          }
          if (request.equals(STOP)) {
            Files.deleteIfExists(socket);
            System.exit(0);
          }
          if (warming != null) {
            wanted.set(true); // it stops at its next file
            join(warming);
            warming = null;
          }
          memory.buildBegins();
          compiled = compilingMillis();
          long begun = System.nanoTime();
          serve(client, request, log);
          took = System.nanoTime() - begun;
          compiled = compiled < 0 ? -1 : compilingMillis() - compiled;
          whole = ServedSite.builtWholeSite() ? request : null;
        } finally {
          watch.idle();
        }
        memory.buildEnded(); // its garbage goes while no one waits
        Runtime heap = Runtime.getRuntime();
        if (whole != null
            && warmUpAgain(
                compiled, took, heap.totalMemory() - heap.freeMemory(), heap.maxMemory())) {
          String line = whole;
          wanted.set(false);
          warming =
              new Thread(() -> warmUp(line, false, wanted::get, log, memory), "papersite-warm-up");
          warming.start();
        }
      }
    } catch (UnsupportedOperationException e) {
      System.exit(1); // no Unix sockets here
    }
  }

  /**
   * Builds the content of {@code line}'s command to nothing, again while the compilers take a large
   * share of a build's time, so that the optimizing compiler has compiled the code that builds it
   * before the next build; stops when {@code wanted} says a build waits.
   */
  private static void warmUp(
      String line, boolean first, BooleanSupplier wanted, PrintStream log, IdleMemory memory) {
    long start = System.nanoTime();
    String[] args = ForkedBuild.fields(line);
    GenerateRequest request = ForkedBuild.request(Arrays.copyOfRange(args, 1, args.length));
    boolean timed = compilingMillis() >= 0;
    int builds = 0;
    String end = "done";
    long compiling = -1; // the share of the last build's time, in percent
    try {
      long last = 0;
      while (builds < WARM_UP_BUILDS) {
        long begun = System.nanoTime();
        long compiled = compilingMillis();
        if (!(first
            ? ServedSite.rehearse(request, wanted)
            : Papersite.rehearse(request, wanted, Papersite.Keeper.NONE))) {
          end = "stopped for a build";
          break;
        }
        builds++;
        long took = System.nanoTime() - begun;
        if (timed) {
          long millis = compilingMillis() - compiled;
          compiling = 100 * millis * 1_000_000 / Math.max(1, took);
          if (millis * 1_000_000 * COMPILED_SHARE < took) {
            break; // compiled
          }
        } else if (builds > 1 && took * 10 > last * 9) {
          break; // no faster: compiled
        }
        last = took;
      }
    } catch (ContentException e) {
      end = "ended: the content has errors";
    } catch (RuntimeException e) {
      end = "ended by " + e;
    }
    log.println(
        "Papersite: warm-up "
            + (first ? "on " : "again on ")
            + request.contentDirectory()
            + " "
            + end
            + " after "
            + builds
            + (builds == 1 ? " build, " : " builds, ")
            + (System.nanoTime() - start) / 1_000_000
            + " ms"
            + (compiling < 0 ? "" : ", compiling for " + compiling + "% of the last one"));
    log.flush();
    memory.buildEnded();
  }

  /** How long the compilers have taken so far, in ms; -1 where the JVM does not time them. */
  private static long compilingMillis() {
    CompilationMXBean compilers = ManagementFactory.getCompilationMXBean();
    return compilers != null && compilers.isCompilationTimeMonitoringSupported()
        ? compilers.getTotalCompilationTime()
        : -1;
  }

  /**
   * Whether to warm up again after a build of the whole site: when the compilers took a {@link
   * #COMPILED_SHARE}th or more of its time, {@code took} ns, as the first builds after a warm-up do
   * (a build recompiles what its warm-up compiled for builds to nothing). The server's heap, {@code
   * used} bytes of {@code max}, must have room for a second model beside the site it keeps.
   *
   * @param compiled how long the compilers took during the build, in ms, or -1 if not timed
   */
  static boolean warmUpAgain(long compiled, long took, long used, long max) {
    return compiled >= 0 && compiled * 1_000_000 * COMPILED_SHARE >= took && used <= max / 4;
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void serve(SocketChannel client, String request, PrintStream log) {
    PrintStream report =
        new PrintStream(Channels.newOutputStream(client), true, StandardCharsets.UTF_8);
    report.println(HELLO);
    // The client sends nothing more: its connection ends only when it ends.
    AtomicBoolean done = new AtomicBoolean();
    Thread lifeline =
        new Thread(
            () -> {
              try {
                if (client.read(ByteBuffer.allocate(1)) < 0 && !done.get()) {
                  io.papersite.write.SiteWriter.haltOutsideCommits(1);
                }
              } catch (IOException e) {
                // closed by this side once the command is done
              }
            },
            "papersite-build-server-client");
    lifeline.setDaemon(true);
    lifeline.start();
    long start = System.nanoTime();
    String[] args = ForkedBuild.fields(request);
    ForkedBuild.report(args, report, ServedSite::generate);
    log.println(
        "Papersite: "
            + args[0]
            + " of "
            + (args.length > 2 ? args[2] : "")
            + " served in "
            + (System.nanoTime() - start) / 1_000_000
            + " ms");
    log.flush(); // before the end is sent: the log says so once the client has its result
    done.set(true);
    report.println(END);
    report.flush();
  }

  /** The request line, read byte by byte so that nothing after it is taken from the channel. */
  private static String firstLine(SocketChannel client) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    ByteBuffer one = ByteBuffer.allocate(1);
    while (true) {
      one.clear();
      if (client.read(one) < 0) {
        return null;
      }
      if (one.get(0) == '\n') {
        return line.toString(StandardCharsets.UTF_8);
      }
      line.write(one.get(0));
    }
  }

  /** Ends the server when it has waited too long, or its socket file is gone or another's. */
  private static final class Watch {
    private final Path socket;
    private final Object fileKey;
    private final long idleNanos;
    private boolean building;
    private long since = System.nanoTime();

    Watch(Path socket, Object fileKey, Duration idle) {
      this.socket = socket;
      this.fileKey = fileKey;
      this.idleNanos = idle.toNanos();
    }

    /** Marks a build begun; false when the server is ending. */
    synchronized boolean busy() {
      if (ending()) {
        return false;
      }
      building = true;
      return true;
    }

    synchronized void idle() {
      building = false;
      since = System.nanoTime();
    }

    private boolean ending() {
      if (building) {
        return false;
      }
      try {
        return System.nanoTime() - since > idleNanos || !fileKey.equals(identity(socket));
      } catch (IOException | RuntimeException e) {
        return true;
      }
    }

    void run() {
      while (true) {
        synchronized (this) {
          if (ending()) {
            try {
              if (fileKey.equals(identity(socket))) {
                Files.delete(socket);
              }
            } catch (IOException | RuntimeException e) {
              // gone already
            }
            System.exit(0);
          }
        }
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /** What tells this socket file from another made at the same path. */
  private static Object identity(Path socket) throws IOException {
    var attributes =
        Files.readAttributes(socket, java.nio.file.attribute.BasicFileAttributes.class);
    return attributes.fileKey() != null ? attributes.fileKey() : attributes.creationTime();
  }
}
