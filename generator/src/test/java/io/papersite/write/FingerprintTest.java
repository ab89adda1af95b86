package io.papersite.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.papersite.load.ContentLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {

  @TempDir Path root;

  private Path content() throws IOException {
    Path content = root.resolve("content");
    Files.createDirectories(content.resolve("papers"));
    Files.writeString(content.resolve("site.yaml"), "title: A\n");
    Files.writeString(content.resolve("papers/a.yaml"), "title: A paper\n");
    Files.writeString(content.resolve("papers/a.md"), "Notes.\n");
    return content;
  }

  private static String of(Path folder) {
    return of(folder, "setting", Map.of());
  }

  /**
   * The fingerprint of {@code folder}'s files with one setting, taking the {@code known} digests.
   */
  private static String of(Path folder, String setting, Map<Path, byte[]> known) {
    return Fingerprint.of(
        List.of(setting), Fingerprint.Snapshot.of(List.of(folder), known, Instant.now()));
  }

  @Test
  void changesWithAnyFileItsNameOrASetting() throws IOException {
    Path content = content();
    String before = of(content);
    assertThat(of(content)).isEqualTo(before);
    assertThat(of(content, "other", Map.of())).isNotEqualTo(before);

    Files.writeString(content.resolve("papers/a.md"), "Other notes.\n");
    String edited = of(content);
    assertThat(edited).isNotEqualTo(before);

    Files.writeString(content.resolve("papers/b.yaml"), "title: B\n");
    String added = of(content);
    assertThat(added).isNotEqualTo(edited);

    Files.move(content.resolve("papers/b.yaml"), content.resolve("papers/c.yaml"));
    assertThat(of(content)).isNotEqualTo(added);
  }

  @Test
  void takesTheDigestsOfFilesAlreadyReadInsteadOfReadingThemAgain() throws IOException {
    Path content = content();
    Map<Path, byte[]> read = new HashMap<>();
    for (String file : List.of("site.yaml", "papers/a.yaml", "papers/a.md")) {
      Path path = content.resolve(file).toAbsolutePath().normalize();
      read.put(path, ContentLoader.digest(Files.readAllBytes(path)));
    }
    assertThat(of(content, "setting", read)).isEqualTo(of(content));

    // A known digest is taken as it is: the file, still as it was, is not read again.
    read.put(
        content.resolve("papers/a.md").toAbsolutePath().normalize(),
        ContentLoader.digest("Other notes.\n".getBytes(StandardCharsets.UTF_8)));
    String fromDigests = of(content, "setting", read);
    Files.writeString(content.resolve("papers/a.md"), "Other notes.\n");
    assertThat(fromDigests).isEqualTo(of(content));
  }

  @Test
  void countsLinkedFilesAndTheFilesOfALinkedFolder() throws IOException {
    Path content = content();
    Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("shared.md"), "Shared.\n");
    Files.createSymbolicLink(content.resolve("papers/shared.md"), elsewhere.resolve("shared.md"));
    String linked = of(content);
    Files.writeString(elsewhere.resolve("shared.md"), "Changed.\n");
    assertThat(of(content)).isNotEqualTo(linked);

    // content -> a folder elsewhere: its files count as the build reads them.
    Path link = Files.createSymbolicLink(root.resolve("linked-content"), content);
    String throughLink = of(link);
    Files.writeString(content.resolve("papers/a.yaml"), "title: Edited\n");
    assertThat(of(link)).isNotEqualTo(throughLink);
  }

  @Test
  void aSnapshotSinceAnotherReadsAgainOnlyTheFilesTouchedSince() throws IOException {
    Path content = content();
    Path notes = content.resolve("papers/a.md");
    Path entry = content.resolve("papers/a.yaml");
    FileTime old = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
    Files.setLastModifiedTime(notes, old);
    Files.setLastModifiedTime(entry, old);
    Fingerprint.Snapshot before = Fingerprint.Snapshot.since(List.of(content), null);

    // The same size, time and file: taken for untouched, its digest not made again. Only a
    // deliberate reset of its time can hide an edit so.
    Files.writeString(notes, "Notez.\n");
    Files.setLastModifiedTime(notes, old);
    assertThat(Fingerprint.Snapshot.since(List.of(content), before).changedSince(before)).isEmpty();
    assertThat(
            Fingerprint.Snapshot.of(List.of(content), Map.of(), Instant.now()).changedSince(before))
        .containsExactly(notes.toAbsolutePath().normalize());

    // Any other edit shows: another size, another time, a file renamed over it.
    Files.writeString(entry, "title: An edited paper\n");
    Files.setLastModifiedTime(entry, old);
    Path replaced = Files.writeString(content.resolve("papers/new.md"), "Notez.\n");
    Files.setLastModifiedTime(replaced, old);
    Files.move(replaced, notes, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(content.resolve("site.yaml"), "title: B\n");
    Fingerprint.Snapshot after = Fingerprint.Snapshot.since(List.of(content), before);
    assertThat(after.changedSince(before))
        .containsExactlyInAnyOrder(
            entry.toAbsolutePath().normalize(),
            notes.toAbsolutePath().normalize(),
            content.resolve("site.yaml").toAbsolutePath().normalize());
  }

  @Test
  void aFileTouchedAroundTheTimeItWasLastReadIsReadAgain() throws IOException {
    Path content = content();
    Path notes = content.resolve("papers/a.md");
    FileTime recent = Files.getLastModifiedTime(notes);
    Fingerprint.Snapshot before = Fingerprint.Snapshot.since(List.of(content), null);

    // Edited within a tick of the clock after it was read: its time may not have moved.
    Files.writeString(notes, "Notez.\n");
    Files.setLastModifiedTime(notes, recent);

    assertThat(Fingerprint.Snapshot.since(List.of(content), before).changedSince(before))
        .containsExactly(notes.toAbsolutePath().normalize());
  }

  @Test
  void aMissingFolderCountsAsEmpty() {
    Path missing = root.resolve("templates");
    assertThat(of(missing)).isEqualTo(of(missing)).hasSize(64);
  }
}
