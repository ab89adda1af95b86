package io.papersite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.papersite.write.Fingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build server's next build of the site it built last renders only what an edit of a few papers
 * changed, and leaves the site a full build of the edited content makes, byte for byte; anything
 * else builds the whole site.
 */
class ServedSiteTest {

  @TempDir Path project;
  @TempDir Path reference;
  private Path papers;

  @BeforeEach
  void sample() throws IOException {
    TreeComparison.copyTree(SampleSiteTest.CONTENT, project.resolve("content"));
    papers = project.resolve("content/papers");
  }

  private static GenerateRequest request(Path root) {
    return TreeComparison.siteOf(root);
  }

  private GenerateResult served() {
    return ServedSite.generate(request(project), Progress.NONE);
  }

  /** Builds through the server's path, whole, into the site a full build makes. */
  private void assertBuiltWhole() throws IOException {
    assertThat(served().papersChanged()).isEmpty();
    TreeComparison.assertSameAsFullBuild(project, reference);
  }

  /** Builds through the server's path, rendering only what an edit of {@code id} changed. */
  private void assertRenderedOnly(String id) throws IOException {
    assertThat(served().papersChanged()).containsExactly(id);
    TreeComparison.assertSameAsFullBuild(project, reference);
  }

  private Path edit(String file, String from, String to) throws IOException {
    return TreeComparison.replaceIn(papers.resolve(file), from, to);
  }

  @Test
  void anEditOfOnePaperRendersOnlyWhatItChanged() throws IOException {
    GenerateResult whole = served();
    assertThat(whole.papersChanged()).isEmpty();
    assertThat(ServedSite.builtWholeSite())
        .as("a build server may warm up again after it")
        .isTrue();
    assertThat(ServedSite.builtWholeSite()).as("asked once").isFalse();
    Path untouched = project.resolve("site/papers/cream/index.html");
    FileTime before = Files.getLastModifiedTime(untouched);
    edit("autoint.yaml", "AutoInt: Automatic", "AutoInt: Automatic, Explained");

    GenerateResult edited = served();

    assertThat(edited.papersChanged()).containsExactly("autoint");
    assertThat(ServedSite.builtWholeSite()).isFalse();
    assertThat(edited.papers()).isEqualTo(60);
    // its page, its lists, the papers that name it as related, the feeds and exports
    assertThat(edited.filesWritten()).isBetween(10, 60);
    assertThat(edited.filesUnchanged()).isLessThan(edited.filesWritten());
    assertThat(edited.summary())
        .matches(
            "Papersite: 1 of 60 papers changed \\(autoint\\); \\d+ files rendered, \\d+ written to"
                + " .*site in \\d+ ms");
    assertThat(Files.getLastModifiedTime(untouched)).isEqualTo(before);
    TreeComparison.assertSameAsFullBuild(project, reference);

    // the site remembers what it is built from: built again, it is up to date
    assertThat(served().upToDate()).isTrue();
    assertThat(ServedSite.builtWholeSite()).isFalse();
    Path entry = papers.resolve("autoint.yaml");
    Files.writeString(
        entry, Files.readString(entry) + "# a comment, which the site does not show\n");
    assertThat(served().upToDate()).isTrue();
    assertThat(served().upToDate()).isTrue();
    Path notes = papers.resolve("autoint.md");
    Files.writeString(notes, Files.readString(notes) + "\nOne more thought, in *italics*.\n");
    assertRenderedOnly("autoint");
    assertThat(Fingerprint.of(project.resolve("site"))).isNotEmpty();
  }

  @Test
  void editsBeyondAsciiReplaceTheirEntriesInTheExportsByteForByteOneAfterAnother()
      throws IOException {
    served();
    edit("autoint.yaml", "AutoInt: Automatic", "AutoInt — Ünïcode 自动 \uD835\uDC9C, Automatic");
    assertRenderedOnly("autoint");
    // entries after the replaced one have moved; so has the replaced one's end
    edit("cream.yaml", "Recent self-rewarding", "Recent, self-rewarding");
    assertRenderedOnly("cream");
    edit("autoint.yaml", "AutoInt — Ünïcode 自动 \uD835\uDC9C, Automatic", "AutoInt: Automatic");
    assertRenderedOnly("autoint");
    Path notes = papers.resolve("autoint.md");
    Files.writeString(notes, Files.readString(notes) + "\nNotes now end in «ü».\n");
    assertRenderedOnly("autoint");
  }

  @Test
  void editsRewriteOnlyTheirOwnEntriesOfTheSiteWideExports() throws IOException {
    served();
    Path bib = project.resolve("site/papers.bib");
    String other = "CREAM: Consistency Regularized";
    assertThat(Files.readString(bib)).contains(other);
    // the same length, elsewhere in the file: edits copy it as it is, not knowing of it
    Files.writeString(bib, Files.readString(bib).replace(other, "CREAM: Consistency regularized"));
    edit("autoint.yaml", "AutoInt: Automatic", "AutoInt: Automatic, Explained");

    assertThat(served().papersChanged()).containsExactly("autoint");
    assertThat(Files.readString(bib))
        .contains("CREAM: Consistency regularized")
        .contains("AutoInt: Automatic, Explained");

    // the second edit finds the entry where the first one left it, longer than before
    edit("autoint.yaml", "AutoInt: Automatic, Explained", "AutoInt: Automatic, Once More");
    assertThat(served().papersChanged()).containsExactly("autoint");
    assertThat(Files.readString(bib))
        .contains("CREAM: Consistency regularized")
        .contains("AutoInt: Automatic, Once More");
  }

  @Test
  void anExportChangedOnDiskIsWrittenWholeWhenItsEntriesAreNotWhereTheyWere() throws IOException {
    served();
    Path json = project.resolve("site/papers.json");
    String before = Files.readString(json);
    // every entry one byte further, and the file as long as it was
    Files.writeString(json, " " + before.substring(0, before.length() - 1));
    Path csl = project.resolve("site/papers.csl.json");
    Files.writeString(csl, Files.readString(csl) + " ");
    edit("autoint.yaml", "AutoInt: Automatic", "AutoInt: Automatic, Explained");

    assertRenderedOnly("autoint");
  }

  @Test
  void aSiteBuiltBeforeTheServerWasStartedIsKeptByItsFirstFullBuild() throws IOException {
    Papersite.generate(request(project)); // the build that started the server, in a JVM of its own
    assertThat(served().upToDate()).isTrue(); // nothing to keep: nothing was built
    edit("cream.yaml", "Recent self-rewarding", "Recent, self-rewarding");
    assertThat(served().papersChanged()).isEmpty(); // a full build, now kept

    edit("cream.yaml", "Recent, self-rewarding", "Recent self-rewarding");
    assertRenderedOnly("cream");
  }

  @Test
  void theWarmUpKeepsTheSiteThatTheBuildWhichStartedTheServerBuilt() throws IOException {
    Papersite.generate(request(project)); // the build that started the server, in a JVM of its own
    assertThat(ServedSite.rehearse(request(project), () -> false)).isTrue();
    edit("cream.yaml", "Recent self-rewarding", "Recent, self-rewarding");

    assertRenderedOnly("cream");
  }

  @Test
  void theWarmUpKeepsNothingOfContentEditedSinceThatBuildOrWhenStopped() throws IOException {
    Papersite.generate(request(project));
    edit("cream.yaml", "Recent self-rewarding", "Recent, self-rewarding");
    assertThat(ServedSite.rehearse(request(project), () -> false)).isTrue();
    edit("autoint.yaml", "Click-through rate (CTR)", "Click-through rate, or CTR,");
    assertBuiltWhole(); // the site on disk lacks the first edit

    assertThat(ServedSite.rehearse(request(project), () -> true)).isFalse();
    edit("cream.yaml", "Recent, self-rewarding", "Recent self-rewarding");
    assertBuiltWhole();
  }

  @Test
  void changesAnEditCannotTakeBuildTheWholeSite() throws IOException {
    served();
    edit("autoint.yaml", "tags: [recommender-systems, ", "tags: [");
    GenerateResult moved = served();
    assertThat(moved.papersChanged()).isEmpty();
    assertThat(moved.summary()).startsWith("Papersite: 60 papers,");
    TreeComparison.assertSameAsFullBuild(project, reference);

    Files.writeString(papers.resolve("added.yaml"), "title: Added\ntags: [attention]\n");
    Files.writeString(
        project.resolve("content/collections/added.yaml"), "title: Added\npapers: [added]\n");
    GenerateResult added = served();
    assertThat(added.papersChanged()).isEmpty();
    assertThat(added.papers()).isEqualTo(61);
    TreeComparison.assertSameAsFullBuild(project, reference);

    // and the site kept after a full build takes the next edit
    edit("autoint.yaml", "Click-through rate (CTR)", "Click-through rate, or CTR,");
    assertRenderedOnly("autoint");
  }

  @Test
  void aSiteThatAnotherBuildReplacedIsBuiltWhole() throws IOException {
    served();
    // another JVM's build into the same folder, with another base URL
    Papersite.generate(request(project).withBaseUrl("https://example.org/elsewhere/"));
    edit("cream.yaml", "Recent self-rewarding", "Recent, self-rewarding");

    GenerateResult after = served();

    assertThat(after.papersChanged()).isEmpty();
    TreeComparison.assertSameAsFullBuild(project, reference);
  }

  @Test
  void aSiteWhereABuildWasStoppedIsBuiltWhole() throws IOException {
    served();
    // what a build killed in the middle of an update leaves: its lock, its unfinished files
    Path debris = project.resolve("site/papers/autoint/.index.html.papersite-tmp");
    Files.writeString(debris, "half");
    Files.writeString(project.resolve(".site.papersite-lock"), "");
    edit("autoint.yaml", "Click-through rate (CTR)", "Click-through rate, or CTR,");

    assertBuiltWhole();
    assertThat(debris).doesNotExist();
  }

  @Test
  void aSiteRemovedMeanwhileIsBuiltAgainWhole() throws IOException {
    served();
    TreeComparison.deleteTree(project.resolve("site"));
    edit("autoint.yaml", "Click-through rate (CTR)", "Click-through rate, or CTR,");

    assertBuiltWhole();
  }

  /** A build through the server's path, and the stage it reported first. */
  private record Staged(GenerateResult result, String firstStage) {}

  private static Staged servedWithStages(GenerateRequest request) {
    List<String> heard = new ArrayList<>();
    GenerateResult result = ServedSite.generate(request, ForkedBuildTest.heard(heard));
    assertThat(heard).isNotEmpty();
    return new Staged(result, heard.get(0)); // stages come before the rendering's counts
  }

  private static final String REUSED = "reused the last build's model of 60 papers";

  @Test
  void aCleanBuildOfUnchangedContentRendersTheWholeSiteFromTheKeptModel() throws IOException {
    served();
    TreeComparison.deleteTree(project.resolve("site")); // as `mvn clean` does

    Staged again = servedWithStages(request(project));

    assertThat(again.firstStage()).isEqualTo(REUSED);
    assertThat(again.result().upToDate()).isFalse();
    assertThat(again.result().papersChanged()).isEmpty();
    assertThat(ServedSite.builtWholeSite()).isTrue();
    TreeComparison.assertSameAsFullBuild(project, reference);
    // kept for the next edit, in place
    edit("autoint.yaml", "Click-through rate (CTR)", "Click-through rate, or CTR,");
    assertRenderedOnly("autoint");
  }

  @Test
  void aBuildIntoAnotherFolderRendersFromTheKeptModelAndThenKeepsThatFolder() throws IOException {
    served();
    edit("autoint.yaml", "Click-through rate (CTR)", "Click-through rate, or CTR,");
    assertRenderedOnly("autoint"); // the model now holds an edited paper
    Path elsewhere = project.resolve("elsewhere");

    Staged built = servedWithStages(request(project).withOutputDirectory(elsewhere));

    assertThat(built.firstStage()).isEqualTo(REUSED);
    TreeComparison.assertSameTree(project.resolve("site"), elsewhere);
    assertThat(Fingerprint.of(elsewhere)).isEqualTo(Fingerprint.of(project.resolve("site")));
    // the kept site is the one written last: an edit renders only what it changed there
    edit("cream.yaml", "Recent self-rewarding", "Recent, self-rewarding");
    GenerateResult edited =
        ServedSite.generate(request(project).withOutputDirectory(elsewhere), Progress.NONE);
    assertThat(edited.papersChanged()).containsExactly("cream");
    TreeComparison.assertSameAsFullBuild(project, reference, elsewhere);
  }

  @Test
  void aSiteWhereABuildWasStoppedIsRenderedWholeFromTheKeptModelAndItsDebrisGoes()
      throws IOException {
    served();
    Path debris = project.resolve("site/papers/autoint/.index.html.papersite-tmp");
    Files.writeString(debris, "half");
    Files.writeString(project.resolve(".site.papersite-lock"), "");

    Staged built = servedWithStages(request(project));

    assertThat(built.firstStage()).isEqualTo(REUSED);
    assertThat(debris).doesNotExist();
    TreeComparison.assertSameAsFullBuild(project, reference);
  }

  @Test
  void aCleanBuildAfterAnEditOfPapersTakesItIntoTheKeptModel() throws IOException {
    served();
    TreeComparison.deleteTree(project.resolve("site"));
    edit("autoint.yaml", "Click-through rate (CTR)", "Click-through rate, or CTR,");
    Path notes = papers.resolve("cream.md");
    Files.writeString(notes, Files.readString(notes) + "\nOne more thought.\n");

    Staged built = servedWithStages(request(project));

    assertThat(built.firstStage()).isEqualTo(REUSED);
    assertThat(built.result().papersChanged()).as("the whole site").isEmpty();
    TreeComparison.assertSameAsFullBuild(project, reference);
    // the model holds the edits: the next one in place renders only what it changed
    edit("autoint.yaml", "Click-through rate, or CTR,", "Click-through rate (CTR)");
    assertRenderedOnly("autoint");
  }

  @Test
  void aCleanBuildAfterAChangeTheModelCannotTakeReadsAndChecksTheContentAgain() throws IOException {
    served();
    TreeComparison.deleteTree(project.resolve("site"));
    edit("autoint.yaml", "tags: [recommender-systems, ", "tags: [");

    Staged built = servedWithStages(request(project));

    assertThat(built.firstStage()).isEqualTo("checked 60 papers");
    TreeComparison.assertSameAsFullBuild(project, reference);

    Path settings = project.resolve("content/site.yaml");
    Files.writeString(settings, Files.readString(settings) + "# a comment\n");
    Path elsewhere = project.resolve("elsewhere");

    Staged elsewhereBuilt = servedWithStages(request(project).withOutputDirectory(elsewhere));

    assertThat(elsewhereBuilt.firstStage()).isEqualTo("checked 60 papers");
    TreeComparison.assertSameAsFullBuild(project, reference, elsewhere);
  }

  @Test
  void aBuildFromTheKeptModelStillRefusesAnOutputFolderThatIsNotASite() throws IOException {
    served();
    Path notASite = project.resolve("notes");
    Files.createDirectories(notASite);
    Files.writeString(notASite.resolve("mine.txt"), "my own file");

    assertThatThrownBy(
            () ->
                ServedSite.generate(request(project).withOutputDirectory(notASite), Progress.NONE))
        .isInstanceOf(ContentException.class)
        .hasMessageContaining("notes");
    assertThat(notASite.resolve("mine.txt")).hasContent("my own file");
  }

  @Test
  void aBuildOfAnotherSiteInBetweenDropsTheKeptOne() throws IOException {
    served();
    TreeComparison.copyTree(project.resolve("content"), reference.resolve("content"));
    ServedSite.generate(request(reference), Progress.NONE);
    edit("autoint.yaml", "Click-through rate (CTR)", "Click-through rate, or CTR,");

    assertBuiltWhole();
  }

  @Test
  void aSiteBuiltWithWarningsIsBuiltWholeToShowThemAgain() throws IOException {
    Files.writeString(papers.resolve("alone.yaml"), "title: Alone\n");
    assertThat(served().warnings()).hasSize(1);
    assertThat(ServedSite.builtWholeSite()).as("whole, but not kept").isFalse();
    edit("autoint.yaml", "Click-through rate (CTR)", "Click-through rate, or CTR,");

    GenerateResult again = served();

    assertThat(again.papersChanged()).isEmpty();
    assertThat(again.warnings()).hasSize(1);
  }

  @Test
  void aMistakeIsReportedAndTheSiteAndWhatIsKeptStayAsTheyWere() throws IOException {
    served();
    Path page = project.resolve("site/papers/autoint/index.html");
    byte[] before = Files.readAllBytes(page);
    Path entry = papers.resolve("autoint.yaml");
    String good = Files.readString(entry);
    edit("autoint.yaml", "tags:", "date: 2024-13\ntags:");

    assertThatThrownBy(this::served)
        .isInstanceOf(ContentException.class)
        .hasMessageContaining("content/papers/autoint.yaml:");
    assertThat(Files.readAllBytes(page)).isEqualTo(before);

    // Mended: the failed build kept nothing, so this one is whole, and the site is right.
    Files.writeString(entry, good.replace("Click-through rate (CTR)", "CTR"));
    assertBuiltWhole();
  }

  @Test
  void reportsFromABuildServerNameTheChangedPapers() throws IOException {
    served();
    edit("autoint.yaml", "Click-through rate (CTR)", "Click-through rate, or CTR,");
    List<String> args = new ArrayList<>();
    args.add("generate");
    args.addAll(ForkedBuild.arguments(request(project)));
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.io.PrintStream report = new java.io.PrintStream(bytes, true, "UTF-8");

    ForkedBuild.report(args.toArray(String[]::new), report, ServedSite::generate);

    List<String> lines = bytes.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(lines.size() - 1)).startsWith("result\t60\t").endsWith("\tautoint");
  }
}
