package io.papersite.render;

import io.papersite.model.Link;
import io.papersite.model.Paper;
import io.papersite.resolve.ResolvedCollection;
import io.papersite.resolve.ResolvedPaper;
import io.papersite.resolve.ResolvedSite;
import io.papersite.resolve.SiteUrls;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The collection as an "awesome list" in Markdown, ready for a repository's README: a section per
 * collection, a line per paper with its links.
 */
public final class AwesomeList {

  private final ResolvedSite site;
  private final SiteUrls urls;
  private final Map<String, ResolvedPaper> papers;
  private final Fragments lines;

  public AwesomeList(ResolvedSite site) {
    this(site, Fragments.none());
  }

  /**
   * @param lines where a paper's line is kept, for the other lists it is on
   */
  AwesomeList(ResolvedSite site, Fragments lines) {
    this.site = site;
    this.urls = site.urls();
    this.papers = site.papersById();
    this.lines = lines;
  }

  /**
   * The whole site: a table of contents, then each collection, then papers in none; each paper's
   * lines noted by {@code entries}.
   */
  void site(Writer out, ExportEntries.Recorder entries) throws IOException {
    out.write("# " + escape(site.settings().title()) + "\n\n");
    if (!site.settings().description().isEmpty()) {
      out.write(escape(site.settings().description()) + "\n\n");
    }
    body(out, 2, entries);
  }

  /** The sections alone, headed at the given level: what goes between a README's markers. */
  public String body(int level) {
    StringWriter out = new StringWriter();
    try {
      body(out, level);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The sections, written line by line: a large collection is never one string. */
  public void body(Writer out, int level) throws IOException {
    body(out, level, ExportEntries.Recorder.NONE);
  }

  private void body(Writer out, int level, ExportEntries.Recorder entries) throws IOException {
    String heading = "#".repeat(level) + " ";
    Set<String> listed = new HashSet<>();
    List<ResolvedCollection> collections = site.collections();
    boolean first = true;
    if (collections.size() > 1) {
      for (ResolvedCollection c : collections) {
        out.write(
            "- ["
                + escape(c.collection().title())
                + "](#"
                + anchor(c.collection().title())
                + ")\n");
      }
      first = false;
    }
    for (ResolvedCollection c : collections) {
      out.write((first ? "" : "\n") + heading + escape(c.collection().title()) + "\n\n");
      first = false;
      if (!c.collection().description().isEmpty()) {
        out.write(escape(c.collection().description()) + "\n\n");
      }
      for (String id : c.paperIds()) {
        entry(out, papers.get(id), entries);
      }
      listed.addAll(c.paperIds());
    }
    boolean others = false;
    for (ResolvedPaper p : site.papers()) {
      if (listed.contains(p.id())) {
        continue;
      }
      if (!others) {
        out.write(
            (first ? "" : "\n")
                + heading
                + (collections.isEmpty() ? "Papers" : "Other papers")
                + "\n\n");
        others = true;
      }
      entry(out, p, entries);
    }
  }

  private void entry(Writer out, ResolvedPaper paper, ExportEntries.Recorder entries)
      throws IOException {
    entries.begin(ExportEntries.WRITTEN);
    out.write(line(paper));
    entries.end(paper.id(), ExportEntries.WRITTEN);
    out.write('\n');
  }

  /** A paper's line as this version of it makes it, never a kept one: an edit's new line. */
  String lineOf(ResolvedPaper paper) {
    return makeLine(paper);
  }

  /** One collection, headed by its title. */
  public void collection(Writer out, ResolvedCollection c) throws IOException {
    out.write("# " + escape(c.collection().title()) + "\n\n");
    if (!c.collection().description().isEmpty()) {
      out.write(escape(c.collection().description()) + "\n\n");
    }
    for (String id : c.paperIds()) {
      out.write(line(papers.get(id)) + "\n");
    }
  }

  private String line(ResolvedPaper resolved) {
    return lines.text("md/" + resolved.id(), () -> makeLine(resolved));
  }

  /** {@code - [Title](url) — Authors · Venue · 2024 · [code](...) · [arXiv](...)}. */
  private String makeLine(ResolvedPaper resolved) {
    Paper p = resolved.paper();
    StringBuilder line = new StringBuilder("- ");
    String target = target(p);
    line.append(
        target.isEmpty()
            ? "**" + escape(p.title()) + "**"
            : "[" + escape(p.title()) + "](" + target + ")");
    List<String> parts = new ArrayList<>();
    if (!p.authors().isEmpty()) {
      parts.add(escape(String.join(", ", p.authors())));
    }
    if (!p.venue().isEmpty()) {
      parts.add(escape(p.venue()));
    }
    p.date().ifPresent(d -> parts.add(String.valueOf(d.year())));
    for (Link link : p.links()) {
      parts.add("[" + escape(link.label()) + "](" + link.url() + ")");
    }
    if (!p.arxiv().isEmpty()) {
      parts.add("[arXiv](https://arxiv.org/abs/" + p.arxiv() + ")");
    }
    if (!p.doi().isEmpty()) {
      parts.add("[DOI](https://doi.org/" + p.doi() + ")");
    }
    if (!parts.isEmpty()) {
      line.append(" — ").append(String.join(" · ", parts));
    }
    return line.toString();
  }

  /** The paper's page when the site has a host to link to, else its best outside address. */
  private String target(Paper p) {
    if (urls.hasOrigin()) {
      return urls.absolute(urls.paper(p.id()));
    }
    if (!p.doi().isEmpty()) {
      return "https://doi.org/" + p.doi();
    }
    if (!p.arxiv().isEmpty()) {
      return "https://arxiv.org/abs/" + p.arxiv();
    }
    return p.links().isEmpty() ? "" : p.links().get(0).url();
  }

  /** Backslashes before what Markdown would read as markup or raw HTML. */
  static String escape(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (MARKDOWN.indexOf(text.charAt(i)) >= 0) {
        return SPECIAL.matcher(text).replaceAll("\\\\$1");
      }
    }
    return text; // most titles and names have none of them
  }

  private static final String MARKDOWN = "\\`*_[]<>#|";
  private static final java.util.regex.Pattern SPECIAL =
      java.util.regex.Pattern.compile("([\\\\`*_\\[\\]<>#|])");

  /** The id GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
  static String anchor(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
  }
}
