package io.papersite.load;

import io.papersite.model.Problems;
import io.papersite.model.SourcePosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The load stage: finds the content files of a collection and reads them as UTF-8 text. */
public final class ContentLoader {

  /** Larger files are refused: a hand-edited entry is a few kilobytes. */
  static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

  private final Path projectDirectory;
  private final Problems problems;

  public ContentLoader(Path projectDirectory, Problems problems) {
    this.projectDirectory = projectDirectory.toAbsolutePath().normalize();
    this.problems = problems;
  }

  public ContentFiles load(Path contentDirectory) {
    Path content = contentDirectory.toAbsolutePath().normalize();
    return new ContentFiles(
        read(content.resolve("site.yaml")),
        read(content.resolve("index.md")),
        readAll(content.resolve("papers"), ".yaml"),
        readAll(content.resolve("papers"), ".md"),
        readAll(content.resolve("collections"), ".yaml"),
        readAll(content.resolve("collections"), ".md"),
        staticFiles(content.resolve("static")));
  }

  /** How problems name a file: relative to the project when inside it, with forward slashes. */
  public String displayPath(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path shown =
        absolute.startsWith(projectDirectory) ? projectDirectory.relativize(absolute) : absolute;
    return shown.toString().replace('\\', '/');
  }

  private static SortedMap<String, Path> staticFiles(Path directory) {
    SortedMap<String, Path> files = new TreeMap<>();
    if (!Files.isDirectory(directory)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      walk.filter(Files::isRegularFile)
          .forEach(f -> files.put(directory.relativize(f).toString().replace('\\', '/'), f));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
    return files;
  }

  private List<SourceFile> readAll(Path directory, String extension) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<SourceFile> files = new ArrayList<>();
    try (Stream<Path> entries = Files.list(directory)) {
      for (Path path : entries.sorted().toList()) {
        if (path.getFileName().toString().endsWith(extension) && Files.isRegularFile(path)) {
          read(path).ifPresent(files::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
    return files;
  }

  private Optional<SourceFile> read(Path path) {
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    String shown = displayPath(path);
    try {
      if (Files.size(path) > MAX_FILE_BYTES) {
        problems.error(
            SourcePosition.ofFile(shown),
            "file is larger than "
                + MAX_FILE_BYTES / (1024 * 1024)
                + " MiB; split it into smaller files");
        return Optional.empty();
      }
      byte[] bytes = Files.readAllBytes(path);
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      return Optional.of(new SourceFile(path, shown, text));
    } catch (CharacterCodingException e) {
      problems.error(SourcePosition.ofFile(shown), "file is not UTF-8 text; save it as UTF-8");
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
