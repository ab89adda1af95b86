package io.papersite.write;

import io.papersite.render.OutputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/**
 * The write stage. The site is written to a fresh folder beside the output and swapped in only when
 * complete, so a failed build leaves the previous site as it was. Only folders that carry the
 * marker file are ever deleted: the generator never removes what it did not create.
 */
public final class SiteWriter {

  /** Marks a folder as written by Papersite; its presence is what allows replacing the folder. */
  public static final String MARKER = ".papersite";

  private final Path output;

  public SiteWriter(Path output) {
    this.output = output.toAbsolutePath().normalize();
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

  /**
   * Writes the files and swaps them in; returns how many files were written. While it writes, it
   * holds a lock beside the output folder, so that a second build of the same site waits its turn
   * instead of mixing its files in.
   */
  public int write(List<OutputFile> files) {
    String refusal = refusal();
    if (refusal != null) {
      throw new IllegalStateException(refusal);
    }
    String name = output.getFileName().toString();
    Path staging = output.resolveSibling("." + name + ".papersite-new");
    Path previous = output.resolveSibling("." + name + ".papersite-old");
    Path lockFile = output.resolveSibling("." + name + ".papersite-lock");
    try {
      Files.createDirectories(output.getParent());
      try (FileChannel channel =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = tryLock(channel)) {
        if (lock == null) {
          throw new UncheckedIOException(
              new IOException(
                  "another build is writing to "
                      + output
                      + " right now; wait for it to finish, then build again"));
        }
        boolean swapped = false;
        try (LockFileRemoval removal = () -> Files.deleteIfExists(lockFile)) {
          if (!Files.exists(output) && Files.exists(previous.resolve(MARKER))) {
            // A build was stopped between its two renames: bring the previous site back first.
            Files.move(previous, output, StandardCopyOption.ATOMIC_MOVE);
          }
          deleteOwnFolder(staging);
          deleteOwnFolder(previous);
          Files.createDirectories(staging);
          Files.writeString(
              staging.resolve(MARKER),
              "Written by Papersite; this folder is replaced on every build.\n");
          for (OutputFile file : files) {
            Path target = staging.resolve(file.path()).normalize();
            if (!target.startsWith(staging) || target.equals(staging)) {
              throw new IllegalArgumentException("output path escapes the site: " + file.path());
            }
            Files.createDirectories(target.getParent());
            Files.write(target, file.content());
          }
          if (Files.exists(output)) {
            Files.move(output, previous, StandardCopyOption.ATOMIC_MOVE);
          }
          Files.move(staging, output, StandardCopyOption.ATOMIC_MOVE);
          swapped = true;
          deleteOwnFolder(previous);
        } finally {
          if (!swapped) {
            deleteOwnFolder(staging); // a failed build leaves no half-written folder behind
          }
        }
      }
      return files.size();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the site to " + output + ": " + e.getMessage(), e);
    }
  }

  /** Removes the lock file when the build that holds the lock is done, however it ends. */
  private interface LockFileRemoval extends AutoCloseable {
    @Override
    void close() throws IOException;
  }

  /** The lock, or null when another process or thread of this JVM holds it. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  private static boolean isEmpty(Path directory) {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
