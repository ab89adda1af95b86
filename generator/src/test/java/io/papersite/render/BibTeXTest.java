package io.papersite.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.papersite.model.Link;
import io.papersite.model.MarkdownText;
import io.papersite.model.Paper;
import io.papersite.model.PaperDate;
import io.papersite.model.SourcePosition;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BibTeXTest {

  private static final SourcePosition HERE = SourcePosition.ofFile("papers/x.yaml");

  private static Paper paper(
      String id, String title, String venue, String arxiv, String doi, String date) {
    return new Paper(
        id,
        title,
        List.of("Ada Lovelace", "Grace Hopper"),
        date == null ? Optional.empty() : PaperDate.parse(date),
        venue,
        arxiv,
        doi,
        List.of(new Link("code", "https://github.com/x/y")),
        List.of("retrieval", "llm"),
        MarkdownText.none(HERE),
        MarkdownText.none(HERE),
        HERE);
  }

  @Test
  void aConferencePaperIsInproceedings() {
    assertThat(
            BibTeX.entry(
                paper(
                    "gear",
                    "GeAR: Generation Augmented Retrieval",
                    "SIGIR",
                    "",
                    "10.1145/3292500.3330919",
                    "2024-07")))
        .isEqualTo(
            "@inproceedings{gear,\n"
                + "  title = {GeAR: Generation Augmented Retrieval},\n"
                + "  author = {Ada Lovelace and Grace Hopper},\n"
                + "  booktitle = {SIGIR},\n"
                + "  year = {2024},\n"
                + "  month = jul,\n"
                + "  doi = {10.1145/3292500.3330919},\n"
                + "  url = {https://doi.org/10.1145/3292500.3330919},\n"
                + "  code = {https://github.com/x/y},\n"
                + "  keywords = {retrieval, llm},\n"
                + "}\n");
  }

  @Test
  void aJournalPaperIsAnArticleAndAnArxivOnlyPaperIsMisc() {
    assertThat(BibTeX.entry(paper("a", "T", "Journal of Fixtures", "", "", "2023")))
        .startsWith("@article{a,")
        .contains("  journal = {Journal of Fixtures},\n");
    assertThat(BibTeX.entry(paper("b", "T", "", "2407.14507", "", null)))
        .startsWith("@misc{b,")
        .contains(
            "  eprint = {2407.14507},\n  archivePrefix = {arXiv},\n  url = {https://arxiv.org/abs/2407.14507},\n");
  }

  @Test
  void escapesWhatLatexWouldReadAsCommands() {
    assertThat(BibTeX.escape("50% of R&D_x {a} $5 #1 ^ ~ \\end"))
        .isEqualTo(
            "50\\% of R\\&D\\_x \\{a\\} \\$5 \\#1 \\textasciicircum{} \\textasciitilde{} \\textbackslash{}end");
    assertThat(BibTeX.entry(paper("c", "How <SEG> Works }{", "", "", "", null)))
        .contains("  title = {How <SEG> Works \\}\\{},\n");
  }
}
