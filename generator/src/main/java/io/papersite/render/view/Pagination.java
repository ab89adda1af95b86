package io.papersite.render.view;

import java.util.List;

/**
 * Where a page of a long list is: long lists (a collection, a tag, all papers) are split into pages
 * so that no page grows with the size of the whole collection.
 *
 * @param number this page, from 1
 * @param count how many pages the list has
 * @param first the position in the whole list of this page's first paper, from 1
 * @param previousUrl the page before, or empty
 * @param nextUrl the page after, or empty
 * @param pages the first and the last page and the two on each side of this one, as their number
 *     and URL; where two or more pages are left out between them, a gap: the label "…" and no URL
 */
public record Pagination(
    int number, int count, int first, String previousUrl, String nextUrl, List<Ref> pages) {

  public Pagination {
    pages = List.copyOf(pages);
  }

  /** Whether there is more than one page, and so anything to show. */
  public boolean paged() {
    return count > 1;
  }
}
