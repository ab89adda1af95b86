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

  static <T> List<Part<T>> split(List<T> items, int size, String firstUrl, SiteUrls urls) {
    int count = Math.max(1, (items.size() + size - 1) / size);
    List<Ref> pages = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      pages.add(new Ref(String.valueOf(n), url(firstUrl, n)));
    }
    List<Part<T>> parts = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      List<T> slice =
          items.subList(Math.min(items.size(), (n - 1) * size), Math.min(items.size(), n * size));
      Pagination pagination =
          new Pagination(
              n,
              count,
              n > 1 ? url(firstUrl, n - 1) : "",
              n < count ? url(firstUrl, n + 1) : "",
              pages);
      parts.add(new Part<>(slice, url(firstUrl, n), pagination));
    }
    return parts;
  }

  static String url(String firstUrl, int n) {
    return n == 1 ? firstUrl : firstUrl + "page/" + n + "/";
  }
}
