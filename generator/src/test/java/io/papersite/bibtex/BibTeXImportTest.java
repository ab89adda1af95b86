package io.papersite.bibtex;

import static org.assertj.core.api.Assertions.assertThat;

import io.papersite.GenerateRequest;
import io.papersite.ImportRequest;
import io.papersite.ImportResult;
import io.papersite.Papersite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Imports real and tricky .bib files and compares every YAML file written with {@code
 * src/test/resources/bibtex/expected/<bib file>/} (rewritten by {@code
 * -Dpapersite.golden.update=true}).
 */
class BibTeXImportTest {

  static final Path FIXTURES = Path.of("src/test/resources/bibtex");

  @TempDir Path project;
  private Path content;

  @BeforeEach
  void emptyCollection() throws IOException {
    content = project.resolve("content");
    Files.createDirectories(content.resolve("papers"));
    Files.writeString(content.resolve("site.yaml"), "title: Imported\n");
    for (String bib : List.of("al-folio-papers.bib", "icsf-survey-citation.bib", "tricky.bib")) {
      Files.copy(FIXTURES.resolve(bib), project.resolve(bib));
    }
  }

  private ImportResult importing(boolean update, String collection, String... files) {
    return Papersite.importBibtex(
        new ImportRequest(
            project, content, Stream.of(files).map(Path::of).toList(), update, collection));
  }

  private Map<String, String> papers() throws IOException {
    Map<String, String> papers = new TreeMap<>();
    try (Stream<Path> files = Files.list(content.resolve("papers"))) {
      for (Path file : files.toList()) {
        papers.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return papers;
  }

  @ParameterizedTest
  @ValueSource(strings = {"al-folio-papers.bib", "icsf-survey-citation.bib", "tricky.bib"})
  void writesTheExpectedYaml(String bib) throws IOException {
    importing(false, null, bib);
    Path expected = FIXTURES.resolve("expected").resolve(bib.replace(".bib", ""));
    if (Boolean.getBoolean("papersite.golden.update")) {
      Files.createDirectories(expected);
      try (Stream<Path> old = Files.list(expected)) {
        for (Path file : old.toList()) {
          Files.delete(file);
        }
      }
      for (var paper : papers().entrySet()) {
        Files.writeString(
            expected.resolve(paper.getKey()), paper.getValue(), StandardCharsets.UTF_8);
      }
    }
    Map<String, String> want = new TreeMap<>();
    try (Stream<Path> files = Files.list(expected)) {
      for (Path file : files.toList()) {
        want.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    assertThat(papers()).isEqualTo(want);
    // What import writes, the generator reads without a problem.
    assertThat(Papersite.validate(GenerateRequest.forProject(project)).papers())
        .isEqualTo(want.size());
  }

  @Test
  void reportsWhatItDidAndEveryEntryItCouldNotRead() {
    ImportResult result = importing(false, null, "tricky.bib");
    assertThat(result.created())
        .containsExactly("vaswani2017", "goedel1931", "chapter-one", "goedel1931-2");
    assertThat(result.problems())
        .extracting(Object::toString)
        .containsExactly(
            "tricky.bib:22:3: error: cannot read entry 'broken-entry' at 'author'; is a comma or a"
                + " closing brace missing before it? The entry was skipped",
            "tricky.bib:47:1: warning: citation key 'Goedel1931' gives the id 'goedel1931', already taken by"
                + " 'Goedel1931' at tricky.bib:26:1; this entry became 'goedel1931-2'");
    assertThat(result.report().get(0))
        .isEqualTo("Papersite: import: 4 created, 0 updated, 0 skipped, 1 entry could not be read");
  }

  @Test
  void aSecondImportChangesNothing() throws IOException {
    importing(false, null, "al-folio-papers.bib", "tricky.bib");
    Map<String, String> before = papers();
    ImportResult again = importing(false, null, "al-folio-papers.bib", "tricky.bib");
    assertThat(again.created()).isEmpty();
    assertThat(again.skipped()).hasSize(before.size());
    assertThat(papers()).isEqualTo(before);
  }

  @Test
  void anUpdateFillsOnlyMissingFieldsAndKeepsHandEdits() throws IOException {
    Path file = content.resolve("papers/vaswani2017.yaml");
    String handEdited =
        "# My own notes on this one.\n"
            + "title: \"Attention is all you need (my title)\"\n"
            + "tags: [favourite]\n";
    Files.writeString(file, handEdited);

    ImportResult skipped = importing(false, null, "tricky.bib");
    assertThat(skipped.skipped()).contains("vaswani2017");
    assertThat(Files.readString(file)).isEqualTo(handEdited);

    ImportResult updated = importing(true, null, "tricky.bib");
    assertThat(updated.updated()).contains("vaswani2017");
    String text = Files.readString(file);
    assertThat(text)
        .startsWith(handEdited)
        .contains("authors:\n  - \"Ashish Vaswani\"\n")
        .contains("arxiv: \"1706.03762\"\n")
        .doesNotContain("title: \"Attention Is All You Need\"")
        .doesNotContain("tags: [transformers");

    ImportResult third = importing(true, null, "tricky.bib");
    assertThat(third.updated()).doesNotContain("vaswani2017");
    assertThat(Files.readString(file)).isEqualTo(text);
  }

  @Test
  void addsTheImportedPapersToACollection() throws IOException {
    Files.createDirectories(content.resolve("collections"));
    Files.writeString(
        content.resolve("collections/reading.yaml"),
        "# Our reading list\ntitle: Reading\npapers:\n  - existing # keep this comment\norder: 1\n");
    Files.writeString(content.resolve("papers/existing.yaml"), "title: Existing\n");

    importing(false, "reading", "icsf-survey-citation.bib");
    importing(false, "fresh", "icsf-survey-citation.bib");

    assertThat(Files.readString(content.resolve("collections/reading.yaml")))
        .isEqualTo(
            "# Our reading list\ntitle: Reading\npapers:\n  - existing # keep this comment\n"
                + "  - liang2024internal\norder: 1\n");
    assertThat(Files.readString(content.resolve("collections/fresh.yaml")))
        .isEqualTo("title: \"Fresh\"\npapers:\n  - liang2024internal\n");
    assertThat(Papersite.validate(GenerateRequest.forProject(project)).collections()).isEqualTo(2);
  }
}
