package io.papersite.render.view;

import java.util.List;

/**
 * What the layout needs of the current page.
 *
 * @param kind home, collection, paper, papers, tag, tags or not-found; themes use it for styling
 * @param canonicalUrl absolute when the base URL names a host, else the page's path
 * @param feeds the Atom feeds this page offers, for {@code <link rel="alternate">}
 * @param meta the page's {@code <meta>} tags: description, Open Graph, Twitter, and Google
 *     Scholar's {@code citation_*} tags on paper pages
 * @param jsonLd schema.org data for {@code <script type="application/ld+json">}, already escaped
 *     for that context (print with {@code ?no_esc}); empty when the page has none
 * @param indexable false for pages search engines should not list (the 404 page)
 * @param math whether the page shows math, so that the layout loads KaTeX
 */
public record PageMeta(
    String kind,
    String title,
    String description,
    String url,
    String canonicalUrl,
    List<Ref> feeds,
    List<Meta> meta,
    String jsonLd,
    boolean indexable,
    boolean math) {

  public PageMeta {
    feeds = List.copyOf(feeds);
    meta = List.copyOf(meta);
  }
}
