package io.papersite.render;

import io.papersite.model.Link;
import io.papersite.model.Paper;
import java.util.ArrayList;
import java.util.List;

/**
 * BibTeX entries made from papers: {@code @inproceedings} for a conference venue, {@code @article}
 * for a journal, {@code @misc} otherwise (arXiv-only papers carry {@code eprint}). The paper's id
 * is the citation key. Values are escaped for BibTeX, so any title survives a LaTeX run.
 */
final class BibTeX {

  private static final String[] MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };

  /** Field names that mean something else: a link with such a label is not written as a field. */
  private static final java.util.Set<String> RESERVED =
      java.util.Set.of(
          "title",
          "author",
          "editor",
          "journal",
          "booktitle",
          "year",
          "month",
          "date",
          "doi",
          "eprint",
          "archiveprefix",
          "keywords",
          "abstract",
          "note",
          "volume",
          "number",
          "pages",
          "publisher",
          "crossref",
          "howpublished",
          "type",
          "key");

  private static final java.util.regex.Pattern FIELD_NAME =
      java.util.regex.Pattern.compile("[a-z]+");

  private BibTeX() {}

  /** The entry to cite the paper with: no abstract. */
  static String entry(Paper paper) {
    return entry(paper, false);
  }

  /** The entry with the abstract too, for a whole export that an import reads back. */
  static String exportEntry(Paper paper) {
    return entry(paper, true);
  }

  private static String entry(Paper paper, boolean withAbstract) {
    List<String[]> fields = new ArrayList<>();
    fields.add(field("title", escape(paper.title())));
    if (!paper.authors().isEmpty()) {
      fields.add(field("author", escape(String.join(" and ", paper.authors()))));
    }
    String type = "misc";
    if (!paper.venue().isEmpty()) {
      boolean conference = ScholarlyMetadata.isConference(paper.venue());
      type = conference ? "inproceedings" : "article";
      fields.add(field(conference ? "booktitle" : "journal", escape(paper.venue())));
    }
    paper
        .date()
        .ifPresent(
            d -> {
              fields.add(field("year", String.valueOf(d.year())));
              if (d.month() > 0) {
                fields.add(new String[] {"month", MONTHS[d.month() - 1]});
              }
              if (d.day() > 0) {
                fields.add(field("date", d.iso())); // biblatex's field keeps the day
              }
            });
    if (!paper.doi().isEmpty()) {
      fields.add(field("doi", escape(paper.doi())));
    }
    if (!paper.arxiv().isEmpty()) {
      fields.add(field("eprint", paper.arxiv()));
      fields.add(field("archivePrefix", "arXiv"));
    }
    boolean ownUrl = paper.links().stream().anyMatch(l -> l.label().equals("url"));
    if (!ownUrl) {
      url(paper).ifPresent(u -> fields.add(field("url", escapeUrl(u))));
    }
    for (Link link : paper.links()) {
      String name = link.label().toLowerCase(java.util.Locale.ROOT);
      if (FIELD_NAME.matcher(name).matches() && !RESERVED.contains(name)) {
        fields.add(field(name, escapeUrl(link.url())));
      }
    }
    if (!paper.tags().isEmpty()) {
      fields.add(field("keywords", escape(String.join(", ", paper.tags()))));
    }
    if (withAbstract && !paper.abstractText().isBlank()) {
      fields.add(field("abstract", escape(paper.abstractText().source().strip())));
    }
    StringBuilder bib =
        new StringBuilder("@").append(type).append('{').append(paper.id()).append(",\n");
    for (String[] f : fields) {
      bib.append("  ").append(f[0]).append(" = ").append(f[1]).append(",\n");
    }
    return bib.append("}\n").toString();
  }

  /** The entries that {@code entries} gives, one after another. */
  static void write(
      java.io.Writer out,
      Iterable<Paper> papers,
      java.util.function.Function<Paper, String> entries)
      throws java.io.IOException {
    write(out, papers, entries, ExportEntries.Recorder.NONE);
  }

  /** The entries that {@code entries} gives, one after another, noted by {@code places}. */
  static void write(
      java.io.Writer out,
      Iterable<Paper> papers,
      java.util.function.Function<Paper, String> entries,
      ExportEntries.Recorder places)
      throws java.io.IOException {
    boolean first = true;
    for (Paper paper : papers) {
      if (!first) {
        out.write('\n');
      }
      first = false;
      places.begin(ExportEntries.WRITTEN);
      out.write(entries.apply(paper));
      places.end(paper.id(), ExportEntries.WRITTEN);
    }
  }

  private static String[] field(String name, String value) {
    return new String[] {name, "{" + value + "}"};
  }

  /** The paper's best URL: its DOI, its arXiv page, else its first link (when none is "url"). */
  private static java.util.Optional<String> url(Paper paper) {
    if (!paper.doi().isEmpty()) {
      return java.util.Optional.of("https://doi.org/" + paper.doi());
    }
    if (!paper.arxiv().isEmpty()) {
      return java.util.Optional.of("https://arxiv.org/abs/" + paper.arxiv());
    }
    return paper.links().stream().map(Link::url).findFirst();
  }

  /**
   * LaTeX's special characters as commands, and braces balanced by construction. Ligatures that
   * LaTeX would make of {@code --}, {@code ``} and {@code ''} are broken with {@code {}}, so the
   * text reads back as written.
   */
  static String escape(String text) {
    if (!needsEscape(text)) {
      return text; // most titles and abstracts: nothing to change
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    char previous = 0;
    for (char c : text.toCharArray()) {
      if ((c == '-' || c == '`' || c == '\'') && previous == c) {
        out.append("{}");
      }
      previous = c;
      switch (c) {
        case '\\' -> out.append("\\textbackslash{}");
        case '{' -> out.append("\\{");
        case '}' -> out.append("\\}");
        case '&', '%', '$', '#', '_' -> out.append('\\').append(c);
        case '^' -> out.append("\\textasciicircum{}");
        case '~' -> out.append("\\textasciitilde{}");
        case '\n', '\r' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean needsEscape(String text) {
    char previous = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\', '{', '}', '&', '%', '$', '#', '_', '^', '~', '\n', '\r' -> {
          return true;
        }
        case '-', '`', '\'' -> {
          if (previous == c) {
            return true;
          }
        }
        default -> {}
      }
      previous = c;
    }
    return false;
  }

  /** URLs keep their characters (the url package reads them verbatim) but not unbalanced braces. */
  private static String escapeUrl(String url) {
    return url.replace("{", "%7B").replace("}", "%7D").replace(" ", "%20");
  }
}
