package io.papersite.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.papersite.model.MarkdownText;
import io.papersite.model.Paper;
import io.papersite.model.PaperDate;
import io.papersite.model.SourcePosition;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Papers come newest first, and papers of one date by title as a reader sorts them. */
class SiteOrderTest {

  private static final SourcePosition HERE = SourcePosition.ofFile("papers/x.yaml");

  private static Paper paper(String id, String title, String date) {
    return new Paper(
        id,
        title,
        List.of(),
        PaperDate.parse(date),
        "",
        "",
        "",
        List.of(),
        List.of(),
        MarkdownText.none(HERE),
        MarkdownText.none(HERE),
        HERE);
  }

  @Test
  void titlesOfOneDateSortAsTheRootCollatorSortsThemAsciiOrNot() {
    List<String> titles =
        List.of(
            "Zebra",
            "apple",
            "Éclair",
            "E\u0301clair b", // decomposed: an accent of its own
            "eclair",
            "Ábaco",
            "abaco",
            "Apple pie",
            "apple-pie",
            "Ωmega",
            "10 things",
            "#hash",
            "Œuvre",
            "oeuvre",
            "straße",
            "strasse",
            // canonically the same title, marks in either order: equal, so by id
            "Ka\u0323\u0301",
            "Ka\u0301\u0323",
            "La\u0301\u0323",
            "La\u0323\u0301");
    List<Paper> papers = new ArrayList<>();
    for (int i = 0; i < titles.size(); i++) {
      papers.add(paper(String.format("p%02d", i), titles.get(i), "2024-01-01"));
    }
    papers.add(paper("older", "Aardvark", "2023-12-31"));
    papers.add(paper("newer", "Zz", "2024-01-02"));

    Collator reader = Collator.getInstance(Locale.ROOT);
    reader.setStrength(Collator.SECONDARY);
    List<String> sameDay = new ArrayList<>(titles);
    sameDay.sort(
        Comparator.<String, java.text.CollationKey>comparing(reader::getCollationKey)
            .thenComparing(t -> String.format("p%02d", titles.indexOf(t))));
    List<String> expected = new ArrayList<>();
    expected.add("Zz");
    expected.addAll(sameDay);
    expected.add("Aardvark");

    assertThat(Resolver.inSiteOrder(papers).stream().map(Paper::title).toList())
        .isEqualTo(expected);
  }
}
