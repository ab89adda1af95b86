package io.papersite;

import io.papersite.load.Checksums;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A class-data sharing archive for a {@link SecondJvm}: the classes a command loads, saved by its
 * first run and mapped by the later ones, which then start a quarter of a second sooner. One
 * archive a JDK, class path (with its files' sizes and times) and command; a new one replaces those
 * of older class paths. An archive is only kept once a JVM has mapped it: a broken one would crash
 * the JVM that maps it.
 */
final class ClassDataArchive {

  /** The system property that names the archives' folder, or turns them off with {@code none}. */
  static final String FOLDER = "papersite.jvmArchives";

  /** The free space a folder needs for an archive to be saved there: ten times its size. */
  private static final long ROOM = 160L << 20;

  /** The JVM's own CDS messages (an archive that no longer matches) would mix with reports. */
  private static final String QUIET = "-Xlog:cds*=off";

  private final SecondJvm jvm;
  private final Path file;
  private final Path dumping;

  /**
   * @param file the archive to map, or when saving, its name up to its length
   * @param dumping where the JVM saves the archive, or null when it maps one
   */
  private ClassDataArchive(SecondJvm jvm, Path file, Path dumping) {
    this.jvm = jvm;
    this.file = file;
    this.dumping = dumping;
  }

  /**
   * The folder where archives are kept unless {@link #FOLDER} says otherwise: the user's cache
   * folder, as {@code XDG_CACHE_HOME} or {@code ~/.cache}; none on a CI server (the {@code CI}
   * variable set, as GitHub Actions and GitLab set it), where every build is a first one and would
   * only pay for saving an archive.
   */
  static Optional<Path> folder() {
    return cacheFolder(System.getProperty(FOLDER, ""), System::getenv, "jvm");
  }

  /**
   * The folder {@code chosen} names ({@code none}: none); when it names none, {@code name} in the
   * user's cache folder, and none on a CI server.
   */
  static Optional<Path> cacheFolder(
      String chosen, java.util.function.UnaryOperator<String> env, String name) {
    if (chosen.equals("none")) {
      return Optional.empty();
    }
    if (!chosen.isEmpty()) {
      return Optional.of(Path.of(chosen).toAbsolutePath());
    }
    String ci = env.apply("CI");
    if (ci != null && !ci.isEmpty() && !ci.equalsIgnoreCase("false") && !ci.equals("0")) {
      return Optional.empty();
    }
    String xdg = env.apply("XDG_CACHE_HOME");
    // the XDG specification: a relative path there is to be ignored
    Path cache =
        xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return cache.isAbsolute()
        ? Optional.of(cache.resolve("papersite").resolve(name))
        : Optional.empty();
  }

  /**
   * The archive for running {@code command} of {@code mainClass} in {@code jvm}, in {@code folder}:
   * mapped when there is one, otherwise saved by this run. Empty when there is no folder or it
   * cannot be written.
   */
  static Optional<ClassDataArchive> of(
      Optional<Path> folder, SecondJvm jvm, String mainClass, String command) {
    if (folder.isEmpty() || !jarsOnly(jvm.classPath())) {
      return Optional.empty();
    }
    try {
      String kind = digest(jvm.javaHome() + "\n" + jvm.classPath() + "\n" + mainClass);
      String version = digest(versions(jvm));
      String prefix = name(command) + "-" + kind + "-" + version + "-";
      Optional<Path> kept = kept(folder.get(), prefix);
      if (kept.isPresent()) {
        return Optional.of(new ClassDataArchive(jvm, kept.get(), null));
      }
      // A JVM that cannot write its archive at its end exits with status 1 after the command has
      // done its work, and one that cannot save any (a JDK without its own archive, -Xshare:off
      // among the options) does not start: save one only where this user can create a file,
      // there is room, and a JVM with these options saved a first small one.
      Path unable =
          folder.get().resolve(prefix + digest(String.join("\n", jvm.options())) + ".unable");
      if (Files.exists(unable)) {
        return Optional.empty();
      }
      Files.createDirectories(folder.get());
      dropAbandoned(folder.get());
      if (Files.getFileStore(folder.get()).getUsableSpace() < ROOM) {
        return Optional.empty();
      }
      Path dumping = Files.createFile(folder.get().resolve(prefix + UUID.randomUUID() + ".tmp"));
      ClassDataArchive archive = new ClassDataArchive(jvm, folder.get().resolve(prefix), dumping);
      if (!archive.javaVersion("-XX:ArchiveClassesAtExit=" + dumping)) {
        Files.deleteIfExists(dumping);
        Files.writeString(unable, "A JVM with these options cannot save a class-data archive.\n");
        return Optional.empty();
      }
      return Optional.of(archive);
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // no archive: the JVM starts as it would without one
    }
  }

  /**
   * The archive kept under {@code prefix}, whose name ends with its length: a JVM that maps a
   * shortened archive crashes, so one whose length differs is deleted rather than mapped.
   */
  private static Optional<Path> kept(Path folder, String prefix) throws IOException {
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    try (DirectoryStream<Path> archives = Files.newDirectoryStream(folder, prefix + "*.jsa")) {
      for (Path archive : archives) {
        String name = archive.getFileName().toString();
        String length = name.substring(prefix.length(), name.length() - ".jsa".length());
        if (length.matches("[0-9]{1,18}") && Files.size(archive) == Long.parseLong(length)) {
          return Optional.of(archive);
        }
        Files.deleteIfExists(archive);
      }
    }
    return Optional.empty();
  }

  /** The second JVM's options that map this archive, or save it at its end. */
  List<String> options() {
    return dumping == null
        ? List.of("-XX:SharedArchiveFile=" + file, "-XX:+VerifySharedSpaces", QUIET)
        : List.of("-XX:ArchiveClassesAtExit=" + dumping, "-XX:+VerifySharedSpaces", QUIET);
  }

  /**
   * After the second JVM ended with {@code status}: keeps a saved archive once a JVM has mapped it,
   * and drops an archive whose JVM crashed, so that the next run saves it anew.
   */
  void ended(int status) {
    try {
      if (dumping == null) {
        if (status == 134 || status == 135 || status == 139) {
          // aborted, or killed by SIGBUS or SIGSEGV, as a JVM that maps a damaged archive is
          Files.deleteIfExists(file);
        }
        return;
      }
      // A command that found errors in the content (status 1) loaded its classes all the same; a
      // JVM that could not write the archive also ends with 1, but its file does not map.
      if (status < 128
          && Files.isRegularFile(dumping)
          && javaVersion(
              "-Xshare:on", "-XX:SharedArchiveFile=" + dumping, "-XX:+VerifySharedSpaces")) {
        Path kept = file.resolveSibling(file.getFileName() + "" + Files.size(dumping) + ".jsa");
        Files.move(dumping, kept, StandardCopyOption.ATOMIC_MOVE);
        dropOthers(kept);
      }
    } catch (IOException | RuntimeException e) {
      // the archive is a speed-up only: the next run tries again
    } finally {
      if (dumping != null) {
        try {
          Files.deleteIfExists(dumping);
        } catch (IOException e) {
          // the folder is gone or read-only: nothing was kept there
        }
      }
    }
  }

  /** Whether the class path lists files only: a JVM with a folder in it refuses any archive. */
  static boolean jarsOnly(String classPath) {
    for (String entry : classPath.split(java.io.File.pathSeparator, -1)) {
      if (entry.isEmpty() || !Files.isRegularFile(Path.of(entry))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a JVM with the second JVM's options and {@code cds} options starts and ends well, doing
   * no more than print its version (50-150 ms): with {@code -Xshare:on}, whether it maps and checks
   * an archive; with {@code -XX:ArchiveClassesAtExit}, whether it saves one.
   */
  private boolean javaVersion(String... cds) throws IOException {
    List<String> command = new ArrayList<>(List.of(cds));
    command.addAll(List.of(QUIET, "-cp", jvm.classPath(), "-version"));
    Process process =
        new ProcessBuilder(jvm.java(command))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return false;
      }
      return process.exitValue() == 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return false;
    }
  }

  /**
   * Deletes archives being saved for over an hour: their JVMs were stopped before the first one
   * could keep or delete them (a save takes seconds).
   */
  private static void dropAbandoned(Path folder) throws IOException {
    java.time.Instant hourAgo = java.time.Instant.now().minus(java.time.Duration.ofHours(1));
    try (DirectoryStream<Path> saving = Files.newDirectoryStream(folder, "*.tmp")) {
      for (Path file : saving) {
        try {
          if (Files.getLastModifiedTime(file).toInstant().isBefore(hourAgo)) {
            Files.deleteIfExists(file);
          }
        } catch (IOException e) {
          // another user's, or gone already
        }
      }
    }
  }

  /** Deletes the other archives of the same command and class path, made for older files. */
  private static void dropOthers(Path kept) throws IOException {
    String name = kept.getFileName().toString();
    String sameKind = name.substring(0, name.indexOf('-', name.indexOf('-') + 1) + 1);
    try (DirectoryStream<Path> archives =
        Files.newDirectoryStream(kept.getParent(), sameKind + "*.jsa")) {
      for (Path other : archives) {
        if (!other.equals(kept)) {
          try {
            Files.deleteIfExists(other);
          } catch (AccessDeniedException e) {
            // another user's: theirs to replace
          }
        }
      }
    }
  }

  /** What an archive depends on beyond its kind: the JVM's build and the class path's files. */
  static String versions(SecondJvm jvm) throws IOException {
    StringBuilder versions = new StringBuilder();
    List<Path> files = new ArrayList<>();
    files.add(jvm.javaHome().resolve("lib").resolve("modules")); // changes with a JDK update
    for (String entry : jvm.classPath().split(java.io.File.pathSeparator)) {
      files.add(Path.of(entry));
    }
    for (Path path : files) {
      if (Files.exists(path)) {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        versions
            .append(attributes.size())
            .append(' ')
            .append(attributes.lastModifiedTime().toMillis())
            .append('\n');
      }
    }
    return versions.toString();
  }

  private static String name(String command) {
    return command.replaceAll("[^A-Za-z0-9]", "_");
  }

  /**
   * Sixteen hex digits that tell apart the JVMs, class paths and versions that name archives and
   * servers: they name files and keep no secret, so {@link Checksums} do.
   */
  static String digest(String text) {
    return HexFormat.of().toHexDigits(Checksums.of(text.getBytes(StandardCharsets.UTF_8)));
  }
}
