package io.papersite.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.papersite.render.SiteOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files reach the disk whole and exact, whatever their size, and updates replace only changes. */
class SiteWriterTest {

  @TempDir Path root;

  /** Text of about {@code chars} characters, with a pair of surrogates every few characters. */
  private static String text(int chars) {
    StringBuilder text = new StringBuilder(chars + 16);
    for (int i = 0; text.length() < chars; i++) {
      text.append(i % 7 == 0 ? "\uD835\uDC9C" : "é").append((char) ('a' + i % 26));
    }
    return text.toString();
  }

  /** The bytes of a file written into a new site as {@code content} writes it. */
  private byte[] written(SiteOutput.TextContent content) throws IOException {
    Path site = root.resolve("site");
    try (SiteWriter.Staging out = new SiteWriter(site).open()) {
      out.text("file.txt", content);
      out.commit();
    }
    return Files.readAllBytes(site.resolve("file.txt"));
  }

  @Test
  void aLargeTextIsWrittenInChunksWithoutSplittingACharacter() throws IOException {
    String large = text(SiteWriter.IN_MEMORY + 200_001);
    // Written in pieces of odd sizes, so that chunk ends fall inside surrogate pairs.
    byte[] bytes =
        written(
            w -> {
              for (int i = 0; i < large.length(); i += 4093) {
                w.write(large, i, Math.min(4093, large.length() - i));
              }
            });
    assertThat(bytes).isEqualTo(large.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theFilesAfterALargeOneAreWholeAndCharArraysOfAnySizeComeOutWhole() throws IOException {
    // A thread keeps its buffer from file to file, grown for the large one.
    String large = text(SiteWriter.IN_MEMORY + 70_001);
    assertThat(written(w -> w.write(large))).isEqualTo(large.getBytes(StandardCharsets.UTF_8));
    String small = text(30_000);
    assertThat(written(w -> w.write(small.toCharArray(), 0, small.length())))
        .isEqualTo(small.getBytes(StandardCharsets.UTF_8));
    char[] chars = large.toCharArray();
    int split = 20_011; // inside a surrogate pair
    assertThat(Character.isHighSurrogate(chars[split - 1])).isTrue();
    assertThat(
            written(
                w -> {
                  w.write(chars, 1, split - 1);
                  w.write(chars, split, chars.length - split);
                }))
        .isEqualTo(new String(chars, 1, chars.length - 1).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aDiscardingOutputRendersEveryTextLargeOrSmallAndWritesNothing() throws IOException {
    String large = text(SiteWriter.IN_MEMORY + 10);
    java.util.concurrent.atomic.AtomicInteger rendered =
        new java.util.concurrent.atomic.AtomicInteger();
    Path here = Path.of("").toAbsolutePath();
    try (Stream<Path> before = Files.list(here)) {
      long files = before.count();
      SiteOutput nothing = SiteWriter.discarding();
      nothing.text(
          "large.html",
          w ->
              w.write(
                  large
                      .chars()
                      .peek(c -> rendered.incrementAndGet())
                      .collect(
                          StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                      .toString()));
      nothing.text("papers/small.html", w -> w.write("small"));
      nothing.bytes("font.woff2", new byte[] {1, 2});
      assertThat(rendered).hasValue(large.length());
      try (Stream<Path> after = Files.list(here)) {
        assertThat(after.count()).isEqualTo(files);
      }
    }
    assertThat(here.resolve("large.html")).doesNotExist();
    assertThat(here.resolve("papers")).doesNotExist();
  }

  @Test
  void aRehearsalRendersAsABuildWritesNothingTakesNoLockAndStopsWhenTold() throws IOException {
    Path site = root.resolve("site");
    byte[] before = written(w -> w.write("the current site"));
    String large = text(SiteWriter.IN_MEMORY + 10);
    java.util.concurrent.atomic.AtomicInteger asked =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger rendered =
        new java.util.concurrent.atomic.AtomicInteger();
    try (SiteWriter.Staging rehearsal =
        new SiteWriter(site).rehearsal(() -> asked.incrementAndGet() > 3)) {
      rehearsal.text(
          "large.html",
          w -> {
            for (int i = 0; i < large.length(); i += 4093) {
              rendered.addAndGet(Math.min(4093, large.length() - i));
              w.write(large, i, Math.min(4093, large.length() - i));
            }
          });
      rehearsal.text("papers/small.html", w -> w.write("small"));
      rehearsal.bytes("file.txt", new byte[] {1, 2});
      rehearsal.folderOf("papers/a/index.html");
      assertThat(rendered).hasValue(large.length());
      assertThat(List.of(rehearsal.files(), rehearsal.pages())).isEqualTo(List.of(3, 2));
      // a build of the same site is not kept out meanwhile
      try (SiteWriter.Staging build = new SiteWriter(site).open()) {
        build.text("file.txt", w -> w.write("the current site"));
        build.commit();
      }
      assertThatThrownBy(() -> rehearsal.text("one-more.html", w -> w.write("no")))
          .isInstanceOf(SiteWriter.Stopped.class);
      assertThatThrownBy(rehearsal::commit).isInstanceOf(IllegalStateException.class);
    }
    try (Stream<Path> files = Files.walk(root)) {
      assertThat(files.map(root::relativize).map(Path::toString))
          .containsExactlyInAnyOrder("", "site", "site/.papersite", "site/file.txt");
    }
    assertThat(Files.readAllBytes(site.resolve("file.txt"))).isEqualTo(before);
  }

  @Test
  void aFolderMadeAheadIsNoFileAndGoesWithAFailedBuild() throws IOException {
    Path site = root.resolve("site");
    try (SiteWriter.Staging build = new SiteWriter(site).open()) {
      build.folderOf("papers/a/index.html");
      build.folderOf("papers/b/index.html");
      build.text("papers/a/index.html", w -> w.write("a"));
      assertThat(List.of(build.files(), build.pages())).isEqualTo(List.of(1, 1));
      build.commit();
    }
    try (Stream<Path> files = Files.walk(site)) {
      assertThat(files.map(site::relativize).map(Path::toString))
          .containsExactlyInAnyOrder(
              "", ".papersite", "papers", "papers/a", "papers/a/index.html", "papers/b");
    }
    try (SiteWriter.Staging failed = new SiteWriter(site).open()) {
      failed.folderOf("papers/c/index.html");
    } // closed without a commit
    try (Stream<Path> files = Files.walk(root)) {
      assertThat(files.map(root::relativize).map(Path::toString))
          .noneMatch(path -> path.endsWith("papers/c"));
    }
  }

  @Test
  void filesRenderedOneAfterAnotherOrOneWithinAnotherKeepTheirOwnBytes() throws IOException {
    Path site = root.resolve("site");
    String large = "a".repeat(SiteWriter.IN_MEMORY - 1000);
    try (SiteWriter.Staging out = new SiteWriter(site).open()) {
      out.text("large.txt", w -> w.write(large));
      out.text("small.txt", w -> w.write("small"));
      out.text(
          "outer.txt",
          w -> {
            w.write("outer, ");
            out.text("inner.txt", inner -> inner.write("inner"));
            w.write("outer again");
          });
      out.commit();
    }
    assertThat(Files.readString(site.resolve("large.txt"))).isEqualTo(large);
    assertThat(Files.readString(site.resolve("small.txt"))).isEqualTo("small");
    assertThat(Files.readString(site.resolve("outer.txt"))).isEqualTo("outer, outer again");
    assertThat(Files.readString(site.resolve("inner.txt"))).isEqualTo("inner");
  }

  @Test
  void anyTextInAnyPiecesComesOutAsStringGetBytesMakesItWhole() throws IOException {
    java.util.Random random = new java.util.Random(20261128);
    char[] alphabet = {
      'a', 'Z', ' ', '<', 'é', 'ÿ', '…', '中', '\uD835', '\uDC9C', '\uDBFF', '\uDC00'
    };
    for (int round = 0; round < 300; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(round % 10 == 0 ? 30_000 : 60);
      for (int i = 0; i < length; i++) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String whole = text.toString();
      byte[] bytes =
          written(
              w -> {
                for (int at = 0; at < whole.length(); ) {
                  int piece = Math.min(1 + random.nextInt(9000), whole.length() - at);
                  switch (random.nextInt(3)) {
                    case 0 -> w.write(whole, at, piece);
                    case 1 -> w.write(whole.toCharArray(), at, piece);
                    default -> {
                      w.write(whole.charAt(at));
                      piece = 1;
                    }
                  }
                  at += piece;
                }
              });
      assertThat(bytes).as("round %d", round).isEqualTo(whole.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void textWrittenAsCharactersStringsAndSingleCharsComesOutAsOneString() throws IOException {
    String small = "ASCII, Latin-1 é·, an ellipsis …, \uD835\uDC9C split and a lone \uD835";
    byte[] bytes =
        written(
            w -> {
              char[] chars = small.toCharArray();
              int split = small.indexOf('\uDC9C');
              w.write(chars, 0, split); // ends with the first half of a pair
              w.write(chars[split]); // its second half alone
              w.write(small, split + 1, small.length() - split - 1); // ends with a lone half
            });
    assertThat(bytes).isEqualTo(small.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anUpdateReplacesOnlyWhatChangedAndForgetsTheFingerprint() throws IOException {
    Path site = root.resolve("site");
    try (SiteWriter.Staging out = new SiteWriter(site).open()) {
      out.text("a/index.html", w -> w.write("first"));
      out.text("b/index.html", w -> w.write("same"));
      out.commit("f00d", "/");
    }
    assertThat(Fingerprint.of(site)).isEqualTo("f00d");
    long before = Files.getLastModifiedTime(site.resolve("b/index.html")).toMillis();

    try (SiteWriter.Update update = new SiteWriter(site).update()) {
      update.text("a/index.html", w -> w.write("second"));
      update.text("b/index.html", w -> w.write("same"));
      assertThat(update.changed()).isEqualTo(1);
      assertThat(update.unchanged()).isEqualTo(1);
      assertThat(Files.readString(site.resolve("a/index.html"))).isEqualTo("first");
      update.commit();
    }

    assertThat(Files.readString(site.resolve("a/index.html"))).isEqualTo("second");
    assertThat(Files.getLastModifiedTime(site.resolve("b/index.html")).toMillis())
        .isEqualTo(before);
    assertThat(Fingerprint.of(site)).isEmpty();
    assertThat(Fingerprint.basePath(site)).isEqualTo("/");
    assertThat(leftovers(site)).isEmpty();
  }

  @Test
  void anUpdateCommittedWithAFingerprintRemembersItOnlyOnceEveryFileIsReplaced()
      throws IOException {
    Path site = root.resolve("site");
    try (SiteWriter.Staging out = new SiteWriter(site).open()) {
      out.text("a/index.html", w -> w.write("first"));
      out.commit("f00d", "/base/");
    }
    try (SiteWriter.Update update = new SiteWriter(site).update()) {
      update.text("a/index.html", w -> w.write("second"));
      update.commit("beef");
    }
    assertThat(Fingerprint.of(site)).isEqualTo("beef");
    assertThat(Fingerprint.basePath(site)).isEqualTo("/base/");

    // A rename that fails, as one cut short by a kill: the site is no longer the one
    // fingerprinted, and the next build must not take it for up to date.
    try (SiteWriter.Update update = new SiteWriter(site).update()) {
      update.text("a/index.html", w -> w.write("third"));
      Files.delete(site.resolve("a/.index.html.papersite-tmp"));
      assertThatThrownBy(() -> update.commit("cafe"))
          .isInstanceOf(java.io.UncheckedIOException.class);
    }
    assertThat(Fingerprint.of(site)).isEmpty();
    assertThat(Fingerprint.basePath(site)).isEqualTo("/base/");
  }

  @Test
  void aJvmHaltedWhileACommitRenamesFinishesTheRenamesFirst() throws Exception {
    Path site = root.resolve("site");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                HaltAmongRenames.class.getName(),
                site.toString(),
                "2000")
            .redirectErrorStream(true)
            .start();
    String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor()).as(printed).isEqualTo(3);
    try (Stream<Path> files = Files.list(site)) {
      assertThat(files.filter(f -> f.toString().endsWith(".html")).map(SiteWriterTest::read))
          .hasSize(2000)
          .containsOnly("new");
    }
    assertThat(Fingerprint.of(site)).isEqualTo("beef");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void anUpdateSplicesAFileOnlyWhereItHoldsWhatEachPartExpects() throws IOException {
    Path site = root.resolve("site");
    String large = "é".repeat(SiteWriter.IN_MEMORY); // copied around the parts, never read whole
    try (SiteWriter.Staging out = new SiteWriter(site).open()) {
      out.text("papers.bib", w -> w.write("[é1][b2][c3]" + large));
      out.commit("f00d", "/");
    }
    long size = Files.size(site.resolve("papers.bib"));
    byte[] b2 = "[b2]".getBytes(StandardCharsets.UTF_8);
    byte[] c3 = "[c3]".getBytes(StandardCharsets.UTF_8);
    List<SiteOutput.Splice> parts =
        List.of(
            new SiteOutput.Splice(5, 9, b2, "[b2 → new]".getBytes(StandardCharsets.UTF_8)),
            new SiteOutput.Splice(9, 13, c3, new byte[0]));

    try (SiteWriter.Update update = new SiteWriter(site).update()) {
      assertThat(update.splice("papers.bib", size + 1, parts)).isFalse(); // another length
      assertThat(update.splice("papers.bib", size, List.of(new SiteOutput.Splice(0, 4, b2, c3))))
          .isFalse(); // other bytes where the part expects "[b2]"
      assertThat(update.splice("missing.bib", size, parts)).isFalse();
      assertThat(update.changed()).isZero();
      assertThat(update.splice("papers.bib", size, parts)).isTrue();
      assertThat(Files.readString(site.resolve("papers.bib"))).startsWith("[é1][b2][c3]");
      update.commit();
    }

    assertThat(Files.readString(site.resolve("papers.bib"))).isEqualTo("[é1][b2 → new]" + large);
    assertThat(Fingerprint.of(site)).isEmpty();
    assertThat(leftovers(site)).isEmpty();
  }

  @Test
  void aWriterTellsHowManyBytesItHasTakenSmallOrSpilled() throws IOException {
    String large = text(SiteWriter.IN_MEMORY + 70_000);
    List<Long> positions = new java.util.ArrayList<>();
    byte[] bytes =
        written(
            w -> {
              for (int i = 0; i < large.length(); i += 50_000) {
                w.write(large, i, Math.min(50_000, large.length() - i));
                positions.add(((SiteOutput.Positioned) w).position());
              }
            });
    List<Long> expected = new java.util.ArrayList<>();
    for (int i = 0; i < large.length(); i += 50_000) {
      int end = Math.min(i + 50_000, large.length());
      // pieces end inside surrogate pairs: the pair's first half waits for its second
      String done = large.substring(0, end);
      if (Character.isHighSurrogate(done.charAt(done.length() - 1))) {
        done = done.substring(0, done.length() - 1);
      }
      expected.add((long) done.getBytes(StandardCharsets.UTF_8).length);
    }
    assertThat(positions).isEqualTo(expected);
    assertThat(bytes).hasSize((int) (long) expected.get(expected.size() - 1));
  }

  @Test
  void anUpdateClosedWithoutCommitChangesNothing() throws IOException {
    Path site = committed("first");
    String large = text(SiteWriter.IN_MEMORY + 10);
    try (SiteWriter.Update update = new SiteWriter(site).update()) {
      update.text("a/index.html", w -> w.write("second"));
      update.text("a/big.json", w -> w.write(large));
    }
    assertThat(Files.readString(site.resolve("a/index.html"))).isEqualTo("first");
    assertThat(site.resolve("a/big.json")).doesNotExist();
    assertThat(leftovers(site)).isEmpty();
  }

  @Test
  void aServerDeletesTheSiteACommitReplacedAfterTheCommitHasReturned() throws IOException {
    Path site = committed("first");
    SiteWriter.deleteReplacedSitesAfterwards();
    try {
      for (String text : List.of("second", "third")) {
        committed(text);
        assertThat(Files.readString(site.resolve("a/index.html"))).isEqualTo(text);
      }
      SiteWriter.awaitReplacedSites();
      assertThat(siblings()).containsExactly("site");
      assertThat(new SiteWriter(site).hasLeftovers()).isFalse();
    } finally {
      SiteWriter.deleteReplacedSitesAtOnce();
    }
  }

  @Test
  void anUpdateMovesTheLargeFilesItReplacesAsideAndDeletesThemAfterwardsOrAtOnce()
      throws IOException {
    Path site = committed("first");
    String large = text(1 << 20);
    try (SiteWriter.Update update = new SiteWriter(site).update()) {
      update.text("papers.json", w -> w.write(large));
      update.commit();
    }
    assertThat(siblings()).containsExactly("site"); // no server: deleted before commit returned
    SiteWriter.deleteReplacedSitesAfterwards();
    try {
      for (String next : List.of("second " + large, "third " + large)) {
        try (SiteWriter.Update update = new SiteWriter(site).update()) {
          update.text("papers.json", w -> w.write(next));
          update.text("a/index.html", w -> w.write(next.substring(0, 6)));
          update.commit();
        }
        assertThat(Files.readString(site.resolve("papers.json"))).isEqualTo(next);
        assertThat(Files.readString(site.resolve("a/index.html"))).isEqualTo(next.substring(0, 6));
      }
      SiteWriter.awaitReplacedSites();
      assertThat(siblings()).containsExactly("site");
      assertThat(leftovers(site)).isEmpty();
      assertThat(new SiteWriter(site).hasLeftovers()).isFalse();
    } finally {
      SiteWriter.deleteReplacedSitesAtOnce();
    }
  }

  @Test
  void aReplacedSiteThatAnEndedServerLeftIsDeletedByTheNextBuildAndNothingElse()
      throws IOException {
    Path site = root.resolve("site");
    Path left = Files.createDirectories(root.resolve(".site.papersite-old-k2x9/papers/a"));
    Files.writeString(left.resolve("index.html"), "old");
    Files.writeString(root.resolve(".site.papersite-old-k2x9").resolve(SiteWriter.MARKER), "");
    // the same kind of name, but no folder of Papersite's: not touched
    Path foreign = Files.createDirectories(root.resolve(".site.papersite-old-mine"));
    Files.writeString(foreign.resolve("notes.txt"), "mine");

    try (SiteWriter.Staging out = new SiteWriter(site).open()) {
      out.text("index.html", w -> w.write("new"));
      out.commit();
    }
    assertThat(siblings()).containsExactly(".site.papersite-old-mine", "site");
    assertThat(Files.readString(foreign.resolve("notes.txt"))).isEqualTo("mine");
  }

  /** The site, built anew with {@code text} as its one page, {@code a/index.html}. */
  private Path committed(String text) throws IOException {
    Path site = root.resolve("site");
    try (SiteWriter.Staging out = new SiteWriter(site).open()) {
      out.text("a/index.html", w -> w.write(text));
      out.commit();
    }
    return site;
  }

  private List<String> siblings() throws IOException {
    try (Stream<Path> files = Files.list(root)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private static java.util.List<Path> leftovers(Path site) throws IOException {
    try (Stream<Path> files = Files.walk(site)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".papersite-tmp")).toList();
    }
  }
}
