package io.papersite.bibtex;

import io.papersite.model.Problems;
import java.util.List;

/** Reads BibTeX text as the importer does, for tests in other packages: the titles it holds. */
public final class BibTeXProbe {

  private BibTeXProbe() {}

  public static List<String> read(String bib, Problems problems) {
    return new BibFile("probe.bib", problems)
        .read(bib).stream().map(r -> LatexText.toUnicode(r.field("title"))).toList();
  }
}
