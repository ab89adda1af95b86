package io.papersite.write;

import io.papersite.render.OutputFile;
import io.papersite.render.SiteOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The write stage. The site is written to a fresh folder beside the output and swapped in only when
 * complete, so a failed build leaves the previous site as it was. Only folders that carry the
 * marker file are ever deleted: the generator never removes what it did not create.
 */
public final class SiteWriter {

  /** Marks a folder as written by Papersite; its presence is what allows replacing the folder. */
  public static final String MARKER = ".papersite";

  private static final String MARKER_HEADING =
      "Written by Papersite; this folder is replaced on every build.\n";

  private final Path output;
  private final Path staging;
  private final Path previous;
  private final Path lockFile;

  public SiteWriter(Path output) {
    this.output = output.toAbsolutePath().normalize();
    String name = this.output.getFileName().toString();
    this.staging = this.output.resolveSibling("." + name + ".papersite-new");
    this.previous = this.output.resolveSibling("." + name + ".papersite-old");
    this.lockFile = this.output.resolveSibling("." + name + ".papersite-lock");
  }

  /**
   * Deletes the sites that commits replaced, one after another, once their builds have returned.
   * Null until {@link #deleteReplacedSitesAfterwards()}: each commit deletes the site it replaced
   * before it returns.
   */
  private static volatile java.util.concurrent.ExecutorService afterwards;

  /**
   * Held while a commit renames files: a JVM told to end lets the renames finish first, so that a
   * site updated in place is never left half renamed by Ctrl-C or a build's client going away.
   */
  private static final Object RENAMING = new Object();

  static {
    // Ctrl-C and SIGTERM halt the JVM once its shutdown hooks have ended: this one waits.
    Runtime.getRuntime()
        .addShutdownHook(new Thread(SiteWriter::awaitRenames, "papersite-renames-exit"));
  }

  private static void awaitRenames() {
    synchronized (RENAMING) {
      // entering is the wait: a commit holds it while it renames
    }
  }

  /** Ends this JVM at once, as {@link Runtime#halt} does, but not among a commit's renames. */
  public static void haltOutsideCommits(int status) {
    synchronized (RENAMING) {
      Runtime.getRuntime().halt(status);
    }
  }

  /** The replaced sites that this JVM is deleting or is about to. */
  private static final Set<Path> DISCARDED = ConcurrentHashMap.newKeySet();

  /**
   * From now on, a commit leaves the site it replaced under a name of its own beside the output,
   * and that is deleted on a thread of this JVM after the build has returned: for a JVM that
   * outlives its builds (a build server), whose callers need not wait for the deletion (about a
   * second at 10,000 papers). A deletion cut short is finished by the next build of that site. The
   * JVM finishes the deletions it has begun before it exits.
   */
  public static synchronized void deleteReplacedSitesAfterwards() {
    if (afterwards != null) {
      return;
    }
    java.util.concurrent.ExecutorService executor =
        java.util.concurrent.Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "papersite-replaced-sites");
              thread.setDaemon(true);
              return thread;
            });
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  executor.shutdown();
                  try {
                    executor.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "papersite-replaced-sites-exit"));
    afterwards = executor;
  }

  /** Waits until the replaced sites handed to the deleting thread so far are gone. */
  static void awaitReplacedSites() {
    java.util.concurrent.ExecutorService executor = afterwards;
    if (executor == null) {
      return;
    }
    try {
      executor.submit(() -> {}).get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Back to deleting a replaced site before the commit returns, once those handed over are gone.
   */
  static synchronized void deleteReplacedSitesAtOnce() {
    awaitReplacedSites();
    afterwards = null;
  }

  /** Whether a build that was stopped left its folders or its lock beside the output. */
  public boolean hasLeftovers() {
    return Files.exists(staging) || Files.exists(previous) || Files.exists(lockFile);
  }

  /**
   * Why the output folder may not be written, or null when it may: it exists, is not empty, and was
   * not made by Papersite.
   */
  public String refusal() {
    if (Files.isRegularFile(output)) {
      return "output " + output + " is a file, not a folder";
    }
    if (Files.isDirectory(output) && !Files.exists(output.resolve(MARKER)) && !isEmpty(output)) {
      return "output folder "
          + output
          + " already holds files that Papersite did not write; "
          + "choose an empty or new folder, or move those files away";
    }
    return null;
  }

  /** Writes the files and swaps them in; returns how many files were written. */
  public int write(List<OutputFile> files) {
    try (Staging site = open()) {
      for (OutputFile file : files) {
        site.bytes(file.path(), file.content());
      }
      return site.commit();
    }
  }

  /**
   * Starts writing a new site beside the output. While it is open it holds a lock, so that a second
   * build of the same site is turned away instead of mixing its files in. Close it without {@link
   * Staging#commit()} and nothing changes.
   */
  public Staging open() {
    String refusal = refusal();
    if (refusal != null) {
      throw new IllegalStateException(refusal);
    }
    return new Staging(null);
  }

  /**
   * A site rendered by the very code a build runs, down to its UTF-8 bytes, and written nowhere: a
   * build server's warm-up, whose compiled code should be the code its builds run (a warm-up
   * through another output left the first builds after it a quarter slower). Takes no lock and
   * makes no folder; asks {@code stop} before each file and throws {@link Stopped} when it says so.
   */
  public Staging rehearsal(java.util.function.BooleanSupplier stop) {
    return new Staging(java.util.Objects.requireNonNull(stop));
  }

  /** Where a rehearsal writes its files, so that the code that writes them is compiled too. */
  private static final Path NOWHERE =
      Files.isWritable(Path.of("/dev/null")) ? Path.of("/dev/null") : null;

  /** What a rehearsal throws when it was told to stop. */
  public static final class Stopped extends RuntimeException {
    private Stopped() {
      super("the rehearsal was stopped", null, false, false);
    }
  }

  /** A site being written; {@link #commit()} swaps it in. */
  public final class Staging implements SiteOutput, AutoCloseable {

    private final BuildLock lock;
    private final java.util.function.BooleanSupplier stop; // null unless rehearsing
    private final Set<String> paths = ConcurrentHashMap.newKeySet();
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();
    private final AtomicInteger pages = new AtomicInteger();
    private final AtomicInteger unchanged = new AtomicInteger();
    // Without a current site there is nothing to compare with: no file is looked up before writing.
    private final boolean hasCurrent;
    private boolean committed;

    private Staging(java.util.function.BooleanSupplier stop) {
      this.stop = stop;
      if (stop != null) {
        lock = null;
        hasCurrent = false;
        return;
      }
      try {
        lock = new BuildLock();
        if (!Files.exists(output) && Files.exists(previous.resolve(MARKER))) {
          // A build was stopped between its two renames: bring the previous site back first.
          Files.move(previous, output, StandardCopyOption.ATOMIC_MOVE);
        }
        deleteOwnFolder(staging);
        deleteOwnFolder(previous);
        deleteLeftoverReplacedSites();
        hasCurrent = Files.isDirectory(output);
        Files.createDirectories(staging);
        Files.writeString(staging.resolve(MARKER), MARKER_HEADING);
      } catch (IOException e) {
        throw cannotWrite(e);
      }
    }

    /** Whether a file of this path has been written. */
    public boolean has(String path) {
      return paths.contains(path);
    }

    /** How many files and how many HTML pages have been written. */
    public int files() {
      return paths.size();
    }

    public int pages() {
      return pages.get();
    }

    /**
     * Renders the text into memory and hands it to {@link #store}; a file larger than {@link
     * #IN_MEMORY} goes straight to disk instead.
     */
    @Override
    public void text(String path, TextContent content) {
      Path target = target(path);
      ByteBuffer bytes = render(target, destination(target), content);
      if (bytes != null) {
        store(path, target, bytes);
      }
    }

    @Override
    public void bytes(String path, byte[] content) {
      store(path, target(path), ByteBuffer.wrap(content));
    }

    /**
     * Writes a file, unless the current site has the same bytes at the same path: then the new site
     * shares that file (a hard link), so it is not rewritten and keeps its time.
     */
    private void store(String path, Path target, ByteBuffer content) {
      try {
        Path current = output.resolve(path);
        if (hasCurrent && sameBytes(current, content)) {
          try {
            Files.createLink(target, current);
            unchanged.incrementAndGet();
            return;
          } catch (UnsupportedOperationException | IOException e) {
            // no hard links on this file system: write the file
          }
        }
        Path destination = destination(target);
        if (destination != null) {
          writeFile(destination, content);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
      }
    }

    /** How many files are the same as in the current site, and so were not rewritten. */
    public int unchanged() {
      return unchanged.get();
    }

    /** Where a file of {@code target} goes: there, or for a rehearsal {@link #NOWHERE}. */
    private Path destination(Path target) {
      return stop == null ? target : NOWHERE;
    }

    private Path target(String path) {
      if (stop != null && stop.getAsBoolean()) {
        throw new Stopped();
      }
      Path target = within(staging, path);
      paths.add(path);
      if (path.endsWith(".html")) {
        pages.incrementAndGet();
      }
      makeParent(target);
      return target;
    }

    @Override
    public void folderOf(String path) {
      makeParent(within(staging, path));
    }

    private void makeParent(Path target) {
      try {
        if (!folders.contains(target.getParent())) {
          if (stop == null) {
            Files.createDirectories(target.getParent());
          }
          folders.add(target.getParent());
        }
      } catch (FileAlreadyExistsException e) {
        // another thread made it first
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
      }
    }

    /** Swaps the new site in; returns how many files it has. */
    public int commit() {
      return commit("", "/");
    }

    /**
     * Swaps the new site in, recording the fingerprint of what it was built from; returns how many
     * files it has.
     */
    public int commit(String fingerprint, String basePath) {
      if (stop != null) {
        throw new IllegalStateException("a rehearsal has nothing to commit");
      }
      try {
        Files.writeString(
            staging.resolve(MARKER),
            MARKER_HEADING
                + Fingerprint.BASE_PATH
                + basePath
                + "\n"
                + (fingerprint.isEmpty() ? "" : Fingerprint.markerLine(fingerprint)));
        synchronized (RENAMING) {
          if (Files.exists(output)) {
            Files.move(output, previous, StandardCopyOption.ATOMIC_MOVE);
          }
          Files.move(staging, output, StandardCopyOption.ATOMIC_MOVE);
        }
        committed = true;
        discard(previous);
        return paths.size();
      } catch (IOException e) {
        throw cannotWrite(e);
      }
    }

    /** Removes the unfinished site unless it was committed, and lets the next build in. */
    @Override
    public void close() {
      if (lock == null) {
        return; // a rehearsal: nothing was written
      }
      // A failed build leaves no half-written folder behind.
      lock.release(committed, () -> deleteOwnFolder(staging));
    }
  }

  /**
   * Starts changing some files of the current site in place, for a live preview where a full swap
   * would cost more than the few pages an edit touches. Each file is written beside its target and
   * renamed over it only at {@link Update#commit()}; close without it and nothing changes.
   */
  public Update update() {
    if (!Files.exists(output.resolve(MARKER))) {
      throw new IllegalStateException("no site to update at " + output + "; build it first");
    }
    return new Update();
  }

  /** Files being replaced in the current site. */
  public final class Update implements SiteOutput, AutoCloseable {
    private final BuildLock lock;
    private final Map<Path, Path> pending = new ConcurrentHashMap<>();
    private final AtomicInteger same = new AtomicInteger();
    private boolean committed;

    private Update() {
      try {
        lock = new BuildLock();
      } catch (IOException e) {
        throw cannotWrite(e);
      }
    }

    @Override
    public void text(String path, TextContent content) {
      Path target = within(output, path);
      Path temporary = temporary(target);
      ByteBuffer bytes = render(target, temporary, content);
      if (bytes == null) {
        pending.put(target, temporary);
      } else {
        bytes(target, temporary, bytes);
      }
    }

    @Override
    public void bytes(String path, byte[] content) {
      Path target = within(output, path);
      bytes(target, temporary(target), ByteBuffer.wrap(content));
    }

    private void bytes(Path target, Path temporary, ByteBuffer content) {
      try {
        if (sameBytes(target, content)) {
          same.incrementAndGet(); // kept as it is, with its time
          return;
        }
        Files.createDirectories(target.getParent());
        writeFile(temporary, content);
        pending.put(target, temporary);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
      }
    }

    /**
     * Writes the file anew from the current one, its parts replaced: the unchanged stretches are
     * copied by the file system, not read into memory (a 100,000-paper export is a quarter of a
     * gigabyte).
     */
    @Override
    public boolean splice(String path, long size, List<Splice> parts) {
      Path target = within(output, path);
      Path temporary = temporary(target);
      try (FileChannel current = FileChannel.open(target, StandardOpenOption.READ)) {
        if (current.size() != size || !holds(current, parts)) {
          return false;
        }
        try (FileChannel spliced =
            FileChannel.open(
                temporary,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
          long at = 0;
          for (Splice part : parts) {
            copy(current, at, part.start(), spliced);
            ByteBuffer replacement = ByteBuffer.wrap(part.replacement());
            while (replacement.hasRemaining()) {
              spliced.write(replacement);
            }
            at = part.end();
          }
          copy(current, at, size, spliced);
        }
        pending.put(target, temporary);
        return true;
      } catch (java.nio.file.NoSuchFileException e) {
        return false;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
      }
    }

    /** Whether the file has each part's expected bytes where the part says, in order. */
    private static boolean holds(FileChannel file, List<Splice> parts) throws IOException {
      long at = 0;
      for (Splice part : parts) {
        if (part.start() < at
            || part.end() > file.size()
            || part.end() - part.start() != part.expected().length) {
          return false;
        }
        ByteBuffer found = ByteBuffer.allocate(part.expected().length);
        while (found.hasRemaining() && file.read(found, part.start() + found.position()) >= 0) {
          // reads until full or at the end
        }
        if (!found.flip().equals(ByteBuffer.wrap(part.expected()))) {
          return false;
        }
        at = part.end();
      }
      return true;
    }

    private static void copy(FileChannel from, long start, long end, FileChannel to)
        throws IOException {
      for (long at = start; at < end; ) {
        long copied = from.transferTo(at, end - at, to);
        if (copied <= 0) {
          throw new IOException("the file ended before byte " + end);
        }
        at += copied;
      }
    }

    private static Path temporary(Path target) {
      return target.resolveSibling("." + target.getFileName() + ".papersite-tmp");
    }

    /** Files this large are moved aside before their new version takes their place. */
    private static final long LARGE = 1 << 20;

    /** A folder of Papersite's own beside the output, for the files a commit replaces. */
    private Path newAside() throws IOException {
      Path aside = output.resolveSibling(replacedPrefix() + Long.toString(System.nanoTime(), 36));
      Files.createDirectory(aside);
      Files.writeString(aside.resolve(MARKER), MARKER_HEADING);
      return aside;
    }

    /** How many files differ from the current site; those are replaced at commit. */
    public int changed() {
      return pending.size();
    }

    /** How many files came out the same as in the current site. */
    public int unchanged() {
      return same.get();
    }

    /**
     * Renames every new file over its old one. The site no longer matches the fingerprint it was
     * built from, so that is forgotten: the next full build does all its work.
     */
    public int commit() {
      return commit("");
    }

    /**
     * Renames every new file over its old one, then remembers {@code fingerprint} (when not empty)
     * as the one the site is now built from. The old fingerprint is forgotten first: a build killed
     * among the renames leaves a site that the next build builds again whole.
     */
    public int commit(String fingerprint) {
      try {
        Path marker = output.resolve(MARKER);
        String kept =
            Files.readString(marker)
                .lines()
                .filter(line -> !line.startsWith(Fingerprint.PREFIX))
                .map(line -> line + "\n")
                .collect(java.util.stream.Collectors.joining());
        Path aside = null;
        synchronized (RENAMING) {
          Files.writeString(marker, kept);
          int moved = 0;
          for (Map.Entry<Path, Path> file : pending.entrySet()) {
            Path target = file.getKey();
            if (Files.size(file.getValue()) >= LARGE
                && Files.isRegularFile(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
              // Renamed over, a large file is freed, and its successor's blocks allocated and
              // written out, before the rename returns (ext4: 25-33 ms for 25 MB, against a
              // tenth of a millisecond): the old one goes aside, to be deleted afterwards.
              if (aside == null) {
                aside = newAside();
              }
              Files.move(target, aside.resolve(Integer.toString(moved++)));
            }
            Files.move(
                file.getValue(),
                target,
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
          }
          if (!fingerprint.isEmpty()) {
            Files.writeString(marker, kept + Fingerprint.markerLine(fingerprint));
          }
        }
        committed = true;
        if (aside != null) {
          deleteLater(aside);
        }
        return pending.size();
      } catch (IOException e) {
        throw cannotWrite(e);
      }
    }

    @Override
    public void close() {
      lock.release(
          committed,
          () -> {
            for (Path temporary : pending.values()) {
              Files.deleteIfExists(temporary);
            }
          });
    }
  }

  /** What a writer throws when the file system refuses it: the site it was writing, and why. */
  private UncheckedIOException cannotWrite(IOException e) {
    return new UncheckedIOException(
        "cannot write the site to " + output + ": " + e.getMessage(), e);
  }

  /**
   * The lock files this JVM holds. A second build in the same JVM is turned away here, before it
   * opens the file: closing any channel of a locked file lets go of the JVM's lock on it, and a
   * build in another process could then come in.
   */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  /** Keeps a second build of the same site out while one writes to it. */
  private final class BuildLock {
    private final FileChannel channel;

    BuildLock() throws IOException {
      if (!HELD.add(lockFile)) {
        throw busy();
      }
      try {
        Files.createDirectories(output.getParent());
        channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held;
        try {
          held = channel.tryLock();
        } catch (OverlappingFileLockException e) {
          held = null;
        }
        if (held == null) {
          channel.close();
          throw busy();
        }
      } catch (IOException | RuntimeException e) {
        HELD.remove(lockFile);
        throw e;
      }
    }

    private IOException busy() {
      return new IOException(
          "another build is writing to "
              + output
              + " right now; wait for it to finish, then build again");
    }

    /** Undoes what an uncommitted writer left, then lets the next build in. */
    void release(boolean committed, Undo undo) {
      try {
        if (!committed) {
          undo.run();
        }
        Files.deleteIfExists(lockFile);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot clean up beside " + output + ": " + e.getMessage(), e);
      } finally {
        // The lock goes whatever happened, or no later build of this JVM could write the site.
        try {
          channel.close(); // releases the lock
        } catch (IOException e) {
          // the process's lock goes with the channel's file descriptor all the same
        } finally {
          HELD.remove(lockFile);
        }
      }
    }
  }

  /** What a writer removes when it is closed without a commit. */
  @FunctionalInterface
  private interface Undo {
    void run() throws IOException;
  }

  /** The file a site path names under {@code root}; a path that leads out of it is refused. */
  private static Path within(Path root, String path) {
    Path target = root.resolve(path).normalize();
    if (!target.startsWith(root) || target.equals(root)) {
      throw new IllegalArgumentException("output path escapes the site: " + path);
    }
    return target;
  }

  /**
   * Writes a file in one system call where the file system takes it, not in the 8 KiB pieces of
   * {@link Files#write}: a 10,000-paper site is half a gigabyte.
   */
  private static void writeFile(Path file, ByteBuffer content) throws IOException {
    try (FileChannel channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer buffer = content.duplicate();
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    }
  }

  /**
   * Renders every text file as a build does, down to its UTF-8 bytes, and keeps none: the live
   * preview's warm-up, whose edits are written by an {@link Update}, not a {@link Staging}.
   */
  public static SiteOutput discarding() {
    return new SiteOutput() {
      @Override
      public void text(String path, TextContent content) {
        render(Path.of(path), null, content);
      }

      @Override
      public void bytes(String path, byte[] content) {}
    };
  }

  /** Whether the file exists with exactly these bytes. */
  private static boolean sameBytes(Path file, ByteBuffer content) throws IOException {
    return Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
        && Files.size(file) == content.remaining()
        && ByteBuffer.wrap(Files.readAllBytes(file)).equals(content);
  }

  /**
   * Renders a text file's content: its bytes, or null when it grew past {@link #IN_MEMORY} and went
   * to {@code spillTo} instead (nowhere when that is null). The bytes are this thread's buffer,
   * good until it renders the next file.
   */
  private static ByteBuffer render(Path target, Path spillTo, SiteOutput.TextContent content) {
    SpillingWriter buffer = new SpillingWriter(spillTo);
    try (buffer) {
      content.writeTo(buffer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
    return buffer.spilled() ? null : buffer.bytes();
  }

  /** Files up to this many bytes are compared with the current site before they are written. */
  static final int IN_MEMORY = 4 << 20;

  /**
   * Encodes a file's text to UTF-8 as it comes, piece by piece, and keeps the bytes in memory until
   * they grow past {@link #IN_MEMORY}, then writes them out in chunks. Pieces of plain ASCII are
   * copied as they are. Text is never gathered in a {@code StringBuilder} first: one character
   * beyond Latin-1 (an ellipsis in a page's description) turned a whole page into two bytes a
   * character, and every later piece into a slow copy.
   */
  private static final class SpillingWriter extends Writer implements SiteOutput.Positioned {
    private static final int CHUNK = 1 << 16;

    /** A long string is encoded this many characters at a time, so that it can spill as it goes. */
    private static final int SLICE = 1 << 13;

    // One set a thread, kept from file to file: growing a new buffer for each file, and copying its
    // bytes out at the end, was 3% of a 10,000-paper build's samples.
    private static final ThreadLocal<Buffers> BUFFERS = new ThreadLocal<>();

    /** What a thread keeps from one file to the next. */
    private static final class Buffers {
      private byte[] bytes = new byte[1 << 14];
      final char[] chars = new char[SLICE];
      // Wrapped once, and again only when grown: a wrapper for each piece written was a tenth of a
      // build's allocations.
      final CharBuffer pieces = CharBuffer.wrap(chars);
      private ByteBuffer out = ByteBuffer.wrap(bytes);
      // The JDK's encoder copies runs of ASCII with vector instructions; a lone half of a
      // surrogate pair becomes '?', as String.getBytes makes it.
      final CharsetEncoder encoder =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE);

      /**
       * Makes room for at least {@code length} bytes: twice as many, but not past what a file kept
       * in memory needs (beyond that it spills), so that a large file does not grow it to twice
       * that. Kept for the thread's next files.
       */
      void grow(int length) {
        int enough = IN_MEMORY + 4 * SLICE; // a slice takes at most three bytes a character
        int grown = bytes.length < enough ? Math.min(bytes.length * 2, enough) : bytes.length * 2;
        bytes = java.util.Arrays.copyOf(bytes, Math.max(grown, length));
        out = ByteBuffer.wrap(bytes);
      }
    }

    private final Path target;
    private final Buffers kept;
    private int size;
    private char highSurrogate; // the first half of a pair whose second half is still to come
    private OutputStream file;
    private long spilledBytes;

    SpillingWriter(Path target) {
      this.target = target;
      Buffers buffers = BUFFERS.get();
      kept = buffers != null ? buffers : new Buffers();
      BUFFERS.set(null); // taken: a file rendered while this one is gets buffers of its own
      kept.encoder.reset();
    }

    @Override
    public void write(int c) throws IOException {
      write(String.valueOf((char) c));
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
      for (int at = offset, end = offset + length; at < end; at += SLICE) {
        int slice = Math.min(SLICE, end - at);
        System.arraycopy(chars, at, kept.chars, 0, slice);
        encode(slice);
        spillIfLarge();
      }
    }

    @Override
    public void write(String string, int offset, int length) throws IOException {
      for (int at = offset, end = offset + length; at < end; at += SLICE) {
        int slice = Math.min(SLICE, end - at);
        string.getChars(at, at + slice, kept.chars, 0);
        encode(slice);
        spillIfLarge();
      }
    }

    @Override
    public Writer append(CharSequence chars) throws IOException {
      write(String.valueOf(chars));
      return this;
    }

    /** Encodes the first {@code length} of the kept characters, completing a pair begun before. */
    private void encode(int length) {
      int offset = 0;
      while (highSurrogate != 0 && offset < length) {
        char[] pair = {highSurrogate, kept.chars[offset]};
        highSurrogate = 0;
        encode(CharBuffer.wrap(pair));
        offset++;
      }
      if (offset < length) {
        CharBuffer in = kept.pieces;
        in.limit(length).position(offset);
        encode(in);
      }
    }

    /** Encodes what {@code in} holds, but for a last high surrogate, kept for the next piece. */
    private void encode(CharBuffer in) {
      while (true) {
        ByteBuffer out = kept.out;
        out.limit(kept.bytes.length).position(size);
        CoderResult result = kept.encoder.encode(in, out, false);
        size = out.position();
        if (!result.isOverflow()) {
          break;
        }
        kept.grow(kept.bytes.length + 1);
      }
      if (in.hasRemaining()) {
        highSurrogate = in.get(); // the encoder leaves only a high surrogate whose pair may follow
      }
    }

    private void spillIfLarge() throws IOException {
      if (file == null && size > IN_MEMORY) {
        file = target == null ? OutputStream.nullOutputStream() : Files.newOutputStream(target);
      }
      if (file != null && size >= CHUNK) {
        file.write(kept.bytes, 0, size);
        spilledBytes += size;
        size = 0;
      }
    }

    boolean spilled() {
      return file != null;
    }

    @Override
    public long position() {
      return spilledBytes + size;
    }

    ByteBuffer bytes() {
      return ByteBuffer.wrap(kept.bytes, 0, size);
    }

    @Override
    public void flush() {}

    @Override
    public void close() throws IOException {
      if (highSurrogate != 0) {
        // A half without its other half, encoded as String.getBytes does.
        if (size == kept.bytes.length) {
          kept.grow(size + 1);
        }
        kept.bytes[size++] = '?';
        highSurrogate = 0;
      }
      if (file != null) {
        file.write(kept.bytes, 0, size);
        size = 0;
        file.close();
      }
      BUFFERS.set(kept);
    }
  }

  private static boolean isEmpty(Path directory) {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The prefix of the names under which replaced sites wait beside the output for deletion. */
  private String replacedPrefix() {
    return previous.getFileName() + "-";
  }

  /**
   * Deletes the site a commit replaced: now, or when {@link #deleteReplacedSitesAfterwards()} was
   * called, after the build under a name of its own.
   */
  private void discard(Path replaced) throws IOException {
    java.util.concurrent.ExecutorService executor = afterwards;
    if (executor == null || !Files.isDirectory(replaced)) {
      deleteOwnFolder(replaced);
      return;
    }
    Path aside = replaced.resolveSibling(replacedPrefix() + Long.toString(System.nanoTime(), 36));
    try {
      Files.move(replaced, aside, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteOwnFolder(replaced); // no other name to be had: delete it now
      return;
    }
    deleteLater(aside);
  }

  /**
   * Deletes a folder of replaced files, named as a replaced site is: after the build when {@link
   * #deleteReplacedSitesAfterwards()} was called, else now.
   */
  private static void deleteLater(Path aside) throws IOException {
    java.util.concurrent.ExecutorService executor = afterwards;
    if (executor == null) {
      deleteOwnFolder(aside);
      return;
    }
    DISCARDED.add(aside);
    try {
      executor.execute(
          () -> {
            try {
              deleteOwnFolder(aside);
            } catch (IOException | UncheckedIOException e) {
              // left for the next build of this site to delete
            } finally {
              DISCARDED.remove(aside);
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      DISCARDED.remove(aside); // the JVM is ending: the next build deletes it
    }
  }

  /** Deletes the replaced sites that a JVM which ended left beside the output. */
  private void deleteLeftoverReplacedSites() throws IOException {
    String prefix = replacedPrefix();
    List<Path> leftovers;
    try (Stream<Path> siblings = Files.list(output.getParent())) {
      leftovers =
          siblings
              .filter(p -> p.getFileName().toString().startsWith(prefix))
              .filter(p -> !DISCARDED.contains(p) && Files.exists(p.resolve(MARKER)))
              .toList();
    }
    for (Path leftover : leftovers) {
      try {
        deleteOwnFolder(leftover);
      } catch (IOException e) {
        // another JVM's deletion of it under way: a leftover is never part of a site
      }
    }
  }

  /** Deletes a folder only if Papersite made it (it has the marker), or if it is empty. */
  private static void deleteOwnFolder(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    Path marker = folder.resolve(MARKER);
    if (!Files.exists(marker) && !isEmpty(folder)) {
      throw new IOException(folder + " was not made by Papersite; move it away and build again");
    }
    // The marker goes last, so that a deletion cut short still marks the folder as ours.
    Files.walkFileTree(
        folder,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (!file.equals(marker)) {
              Files.delete(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (!dir.equals(folder)) {
              Files.delete(dir);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    Files.deleteIfExists(marker);
    Files.delete(folder);
  }
}
