package io.papersite.render.view;

import java.util.List;

/** The data model of each page template: one record per kind of page, never a loose map. */
public final class Pages {

  private Pages() {}

  /** What every page model has: the page's own metadata, including its URL. */
  public interface Page {
    PageMeta page();
  }

  /**
   * {@code home.ftlh}. {@code papersTitle} names the list: "Recent papers" when papers are dated.
   */
  public record Home(
      SiteView site,
      PageMeta page,
      String introHtml,
      List<CollectionView> collections,
      String papersTitle,
      List<PaperView> papers,
      int paperCount)
      implements Page {}

  /** {@code collection.ftlh}: one page of a collection's papers. */
  public record CollectionPage(
      SiteView site,
      PageMeta page,
      CollectionView collection,
      List<PaperView> papers,
      Pagination pagination)
      implements Page {}

  /** {@code paper.ftlh}; {@code bibtex} is the paper's BibTeX entry. */
  public record PaperPage(SiteView site, PageMeta page, PaperView paper, String bibtex)
      implements Page {}

  /** {@code papers.ftlh}: one page of every paper; {@code total} counts them all. */
  public record PapersPage(
      SiteView site, PageMeta page, List<PaperView> papers, int total, Pagination pagination)
      implements Page {}

  /** {@code tag.ftlh}: one page of a tag's papers. */
  public record TagPage(
      SiteView site, PageMeta page, TagView tag, List<PaperView> papers, Pagination pagination)
      implements Page {}

  /** {@code tags.ftlh}: the tag index. */
  public record TagsPage(SiteView site, PageMeta page, List<TagView> tags) implements Page {}

  /** {@code 404.ftlh}: what GitHub Pages shows for a missing path, at any depth. */
  public record NotFoundPage(SiteView site, PageMeta page) implements Page {}

  /** {@code search.ftlh}: searches as the reader types, with the search index. */
  public record SearchPage(SiteView site, PageMeta page) implements Page {}
}
