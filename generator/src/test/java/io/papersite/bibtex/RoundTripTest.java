package io.papersite.bibtex;

import static org.assertj.core.api.Assertions.assertThat;

import io.papersite.GenerateRequest;
import io.papersite.ImportRequest;
import io.papersite.Papersite;
import io.papersite.load.ContentLoader;
import io.papersite.model.Paper;
import io.papersite.model.Problems;
import io.papersite.parse.ContentParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export then import gives the same entries: what BibTeX can hold survives the trip. */
class RoundTripTest {

  static final Path GOLDEN_INPUT = Path.of("src/test/resources/golden/small/input");
  static final Path SAMPLE = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path temp;

  @Test
  void theGoldenFixtureSurvives() throws IOException {
    assertRoundTrip(GOLDEN_INPUT, GOLDEN_INPUT.resolve("content"));
  }

  @Test
  void theSampleCollectionSurvives() throws IOException {
    assertRoundTrip(SAMPLE, SAMPLE.resolve("content"));
  }

  private void assertRoundTrip(Path project, Path content) throws IOException {
    Path site = temp.resolve("site");
    Papersite.generate(
        GenerateRequest.forProject(project)
            .withContentDirectory(content)
            .withOutputDirectory(site));
    Path target = temp.resolve("imported");
    Files.createDirectories(target.resolve("content"));
    Files.copy(site.resolve("papers.bib"), target.resolve("papers.bib"));
    var result =
        Papersite.importBibtex(
            new ImportRequest(
                target, target.resolve("content"), List.of(Path.of("papers.bib")), false, null));
    assertThat(result.problems()).isEmpty();

    List<Paper> original = papers(project, content);
    List<Paper> imported = papers(target, target.resolve("content"));
    assertThat(imported).hasSameSizeAs(original);
    for (int i = 0; i < original.size(); i++) {
      Paper a = original.get(i);
      Paper b = imported.get(i);
      assertThat(b.id()).isEqualTo(a.id());
      assertThat(b.title()).as(a.id()).isEqualTo(a.title());
      assertThat(b.authors()).as(a.id()).isEqualTo(a.authors());
      assertThat(b.date()).as(a.id()).isEqualTo(a.date());
      assertThat(b.venue()).as(a.id()).isEqualTo(a.venue());
      assertThat(b.arxiv()).as(a.id()).isEqualTo(a.arxiv());
      assertThat(b.doi()).as(a.id()).isEqualTo(a.doi());
      assertThat(b.links()).as(a.id()).isEqualTo(a.links());
      assertThat(b.tags()).as(a.id()).isEqualTo(a.tags());
      assertThat(b.abstractText().source().strip().replaceAll("\\s+", " "))
          .as(a.id())
          .isEqualTo(a.abstractText().source().strip().replaceAll("\\s+", " "));
    }
  }

  private static List<Paper> papers(Path project, Path content) {
    Problems problems = new Problems();
    var files = new ContentLoader(project, problems).load(content);
    return new ContentParser(problems)
        .parse(files, "content").papers().stream().sorted(Comparator.comparing(Paper::id)).toList();
  }
}
