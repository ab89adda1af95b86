package io.papersite.render;

import io.papersite.model.Link;
import io.papersite.model.Paper;
import io.papersite.resolve.ResolvedCollection;
import io.papersite.resolve.ResolvedPaper;
import io.papersite.resolve.ResolvedSite;
import io.papersite.resolve.SiteUrls;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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

  public AwesomeList(ResolvedSite site) {
    this.site = site;
    this.urls = site.urls();
    this.papers = site.papersById();
  }

  /** The whole site: a table of contents, then each collection, then papers in none. */
  public void site(java.io.Writer out) throws java.io.IOException {
    out.write(site());
  }

  String site() {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(escape(site.settings().title())).append("\n\n");
    if (!site.settings().description().isEmpty()) {
      md.append(escape(site.settings().description())).append("\n\n");
    }
    md.append(body(2));
    return md.toString();
  }

  /** The sections alone, headed at the given level: what goes between a README's markers. */
  public String body(int level) {
    StringBuilder md = new StringBuilder();
    String heading = "#".repeat(level) + " ";
    Set<String> listed = new LinkedHashSet<>();
    List<ResolvedCollection> collections = site.collections();
    if (collections.size() > 1) {
      for (ResolvedCollection c : collections) {
        md.append("- [")
            .append(escape(c.collection().title()))
            .append("](#")
            .append(anchor(c.collection().title()))
            .append(")\n");
      }
      md.append('\n');
    }
    for (ResolvedCollection c : collections) {
      md.append(heading).append(escape(c.collection().title())).append("\n\n");
      if (!c.collection().description().isEmpty()) {
        md.append(escape(c.collection().description())).append("\n\n");
      }
      c.paperIds().forEach(id -> md.append(line(papers.get(id))).append('\n'));
      md.append('\n');
      listed.addAll(c.paperIds());
    }
    List<ResolvedPaper> others = new ArrayList<>();
    site.papers().stream().filter(p -> !listed.contains(p.id())).forEach(others::add);
    if (!others.isEmpty()) {
      md.append(heading).append(collections.isEmpty() ? "Papers" : "Other papers").append("\n\n");
      others.forEach(p -> md.append(line(p)).append('\n'));
      md.append('\n');
    }
    return md.toString().stripTrailing() + "\n";
  }

  /** One collection, headed by its title. */
  public String collection(ResolvedCollection c) {
    StringBuilder md =
        new StringBuilder("# ").append(escape(c.collection().title())).append("\n\n");
    if (!c.collection().description().isEmpty()) {
      md.append(escape(c.collection().description())).append("\n\n");
    }
    c.paperIds().forEach(id -> md.append(line(papers.get(id))).append('\n'));
    return md.toString();
  }

  /** {@code - [Title](url) — Authors · Venue · 2024 · [code](...) · [arXiv](...)}. */
  private String line(ResolvedPaper resolved) {
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
    return text.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1");
  }

  /** The id GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
  static String anchor(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
  }
}
