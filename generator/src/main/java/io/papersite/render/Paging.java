package io.papersite.render;

import io.papersite.render.view.Pagination;
import io.papersite.render.view.Ref;
import io.papersite.resolve.SiteUrls;
import java.util.ArrayList;
import java.util.List;

/** Splits a long list into pages: the first at the list's URL, the others at {@code page/N/}. */
final class Paging {

  private Paging() {}

  /** One page of a list. */
  record Part<T>(List<T> items, String url, Pagination pagination) {

    /** The page's title: the list's, with "page N" after the first. */
    String title(String listTitle) {
      return pagination.number() == 1
          ? listTitle
          : listTitle + " (page " + pagination.number() + ")";
    }
  }

  /** How many pages on each side of the current one its page links show. */
  static final int NEAR = 2;

  static <T> List<Part<T>> split(List<T> items, int size, String firstUrl, SiteUrls urls) {
    int count = Math.max(1, (items.size() + size - 1) / size);
    List<Part<T>> parts = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      List<T> slice =
          items.subList(Math.min(items.size(), (n - 1) * size), Math.min(items.size(), n * size));
      Pagination pagination =
          new Pagination(
              n,
              count,
              (n - 1) * size + 1,
              n > 1 ? url(firstUrl, n - 1) : "",
              n < count ? url(firstUrl, n + 1) : "",
              links(firstUrl, n, count));
      parts.add(new Part<>(slice, url(firstUrl, n), pagination));
    }
    return parts;
  }

  /**
   * The links a page of a long list shows: the first and the last page and those near this one,
   * with a gap (an empty URL, labelled "…") where two or more are left out. Listing every page made
   * each page grow with the list, and all of them together with its square.
   */
  static List<Ref> links(String firstUrl, int number, int count) {
    java.util.TreeSet<Integer> shown = new java.util.TreeSet<>(List.of(1, count));
    for (int n = Math.max(1, number - NEAR); n <= Math.min(count, number + NEAR); n++) {
      shown.add(n);
    }
    List<Ref> links = new ArrayList<>();
    int previous = 0;
    for (int n : shown) {
      if (n - previous == 2) {
        links.add(new Ref(String.valueOf(n - 1), url(firstUrl, n - 1))); // rather than a gap
      } else if (n - previous > 2) {
        links.add(new Ref("…", ""));
      }
      links.add(new Ref(String.valueOf(n), url(firstUrl, n)));
      previous = n;
    }
    return links;
  }

  static String url(String firstUrl, int n) {
    return n == 1 ? firstUrl : firstUrl + "page/" + n + "/";
  }
}
