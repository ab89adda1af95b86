package io.papersite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.papersite.render.SiteOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live preview renders again only the pages an edit touches, and the site it leaves is the one
 * a full build of the edited content makes, byte for byte.
 */
class LiveSiteTest {

  @TempDir Path project;
  @TempDir Path reference;
  private Path papers;
  private LiveSite site;

  @BeforeEach
  void sample() throws IOException {
    TreeComparison.copyTree(SampleSiteTest.CONTENT, project.resolve("content"));
    papers = project.resolve("content/papers");
    site = new LiveSite(request(project));
    site.build();
  }

  private static GenerateRequest request(Path root) {
    return TreeComparison.siteOf(root);
  }

  private Path edit(String file, String from, String to) throws IOException {
    return TreeComparison.replaceIn(papers.resolve(file), from, to);
  }

  @Test
  void anEditedAbstractRendersOnlyThePagesThatShowIt() throws IOException {
    Path untouched = project.resolve("site/papers/cream/index.html");
    FileTime before = Files.getLastModifiedTime(untouched);
    Path changed = edit("autoint.yaml", "Click-through rate (CTR)", "Click-through rate, or CTR,");

    LiveSite.Change change = site.update(Set.of(changed));

    assertThat(change.incremental()).isTrue();
    assertThat(change.papers()).containsExactly("autoint");
    // Its page, and the lists it is on: all papers, its collection, its three tags.
    assertThat(change.pages()).isBetween(4, 8);
    assertThat(change.summary())
        .matches(
            "Papersite: 1 paper changed \\(autoint\\); \\d pages rendered, \\d+ files written in \\d+ ms");
    assertThat(Files.readString(project.resolve("site/papers/autoint/index.html")))
        .contains("Click-through rate, or CTR,");
    assertThat(Files.getLastModifiedTime(untouched)).isEqualTo(before);

    site.finishExports();
    TreeComparison.assertSameAsFullBuild(project, reference);
  }

  @Test
  void theExportsAfterAnEditAreTheSitesAndThoseOfThePapersCollections() {
    Papersite.Build build = Papersite.check(request(project), false);
    java.util.List<String> written = java.util.Collections.synchronizedList(new ArrayList<>());
    SiteOutput recorder =
        new SiteOutput() {
          @Override
          public void text(String path, TextContent content) {
            written.add(path);
          }

          @Override
          public void bytes(String path, byte[] content) {
            written.add(path);
          }
        };
    build
        .renderer()
        .renderExports(
            build.renderer().views(build.site()),
            recorder,
            null,
            "recommender-systems"::equals,
            java.util.Map.of());

    assertThat(written).contains("papers.json", "papers.bib", "search-index.json", "awesome.md");
    assertThat(written)
        .filteredOn(path -> path.startsWith("collections/"))
        .isNotEmpty()
        .allMatch(path -> path.startsWith("collections/recommender-systems"));
  }

  @Test
  void aNewTitleAlsoChangesTheRelatedPapersThatNameIt() throws IOException {
    Path changed = edit("autoint.yaml", "AutoInt: Automatic", "AutoInt: Automatic, Explained");

    LiveSite.Change change = site.update(Set.of(changed));
    site.finishExports();

    assertThat(change.incremental()).isTrue();
    assertThat(change.pages()).isGreaterThan(8);
    TreeComparison.assertSameAsFullBuild(project, reference);
  }

  @Test
  void editedNotesRenderTheirPaperAgain() throws IOException {
    Path notes = papers.resolve("autoint.md");
    Files.writeString(notes, Files.readString(notes) + "\nOne more thought, in *italics*.\n");

    LiveSite.Change change = site.update(Set.of(notes));
    site.finishExports();

    assertThat(change.incremental()).isTrue();
    assertThat(Files.readString(project.resolve("site/papers/autoint/index.html")))
        .contains("One more thought, in <em>italics</em>.");
    TreeComparison.assertSameAsFullBuild(project, reference);
  }

  @Test
  void warmingUpWritesNothing() throws IOException {
    var before = TreeComparison.read(project.resolve("site"));
    Path page = project.resolve("site/papers/autoint/index.html");
    FileTime time = Files.getLastModifiedTime(page);

    site.warmUp();

    assertThat(TreeComparison.read(project.resolve("site"))).containsExactlyEntriesOf(before);
    assertThat(Files.getLastModifiedTime(page)).isEqualTo(time);
  }

  @Test
  void aFileSavedWithoutAChangeRendersNothing() throws IOException {
    Path entry = papers.resolve("autoint.yaml");
    Path notes = papers.resolve("autoint.md");
    Files.writeString(entry, Files.readString(entry));
    Files.writeString(notes, Files.readString(notes));

    LiveSite.Change change = site.update(Set.of(entry, notes));

    assertThat(change.incremental()).isTrue();
    assertThat(change.papers()).isEmpty();
    assertThat(change.pages()).isZero();
    assertThat(change.summary())
        .matches("Papersite: no paper changed; nothing to render \\(\\d+ ms\\)");
  }

  @Test
  void twoNeighboursRetitledTogetherAreCheckedAgainstEachOther() throws IOException {
    // Two neighbours in site order (the only dated papers), renamed in one change so that they
    // swap places, though each new title alone still fits between the old neighbours.
    Path first = Files.writeString(papers.resolve("zz-b.yaml"), "title: Zz b\ndate: 1990-01-01\n");
    Path second = Files.writeString(papers.resolve("zz-d.yaml"), "title: Zz d\ndate: 1990-01-01\n");
    site.build();
    Files.writeString(first, "title: Zz c3\ndate: 1990-01-01\n");
    Files.writeString(second, "title: Zz c1\ndate: 1990-01-01\n");

    LiveSite.Change change = site.update(Set.of(first, second));

    assertThat(change.incremental()).isFalse();
    TreeComparison.assertSameAsFullBuild(project, reference);
  }

  @Test
  void changesThatMoveAPaperBuildTheWholeSite() throws IOException {
    Path changed = edit("autoint.yaml", "tags: [recommender-systems, ", "tags: [");

    LiveSite.Change change = site.update(Set.of(changed));

    assertThat(change.incremental()).isFalse();
    assertThat(change.summary()).startsWith("Papersite: 60 papers,");
    TreeComparison.assertSameAsFullBuild(project, reference);
  }

  @Test
  void aNewPaperBuildsTheWholeSiteAndEditorFilesAreIgnored() throws IOException {
    Path swap = Files.writeString(papers.resolve(".autoint.yaml.swp"), "editor state");
    assertThat(site.update(Set.of(swap)).incremental()).isTrue();

    Path added =
        Files.writeString(papers.resolve("added.yaml"), "title: Added\ntags: [attention]\n");
    LiveSite.Change change = site.update(Set.of(added));

    assertThat(change.incremental()).isFalse();
    assertThat(project.resolve("site/papers/added/index.html")).exists();
  }

  @Test
  void aSiteRemovedMeanwhileIsBuiltAgainWhole() throws IOException {
    TreeComparison.deleteTree(project.resolve("site"));
    Path changed = edit("autoint.yaml", "Click-through rate (CTR)", "Click-through rate, or CTR,");

    LiveSite.Change change = site.update(Set.of(changed));

    assertThat(change.incremental()).isFalse();
    TreeComparison.assertSameAsFullBuild(project, reference);
  }

  @Test
  void aMistakeIsReportedAndTheSiteStaysAsItWas() throws IOException {
    byte[] page = Files.readAllBytes(project.resolve("site/papers/autoint/index.html"));
    Path changed = edit("autoint.yaml", "tags:", "date: 2024-13\ntags:");

    assertThatThrownBy(() -> site.update(Set.of(changed)))
        .isInstanceOf(ContentException.class)
        .hasMessageContaining("content/papers/autoint.yaml:");
    assertThat(Files.readAllBytes(project.resolve("site/papers/autoint/index.html")))
        .isEqualTo(page);
  }
}
