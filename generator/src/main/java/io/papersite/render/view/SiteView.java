package io.papersite.render.view;

import java.util.List;

/**
 * What every template knows of the site. URLs are ready to print.
 *
 * @param stylesheets the theme's CSS, then the user's {@code assets/custom.css} when present
 * @param nav the main navigation
 * @param script the theme's own script (colour scheme toggle, filters, search, copy buttons)
 * @param searchIndexUrl the search data (titles, authors, dates, tags), fetched by the search page
 *     when it opens
 * @param searchTextUrl the abstracts and notes as plain text, fetched after the search data
 * @param bibtexUrl the BibTeX of every paper
 * @param vendor the browser libraries copied from WebJars
 */
public record SiteView(
    String title,
    String description,
    String author,
    String homeUrl,
    String papersUrl,
    String tagsUrl,
    String searchUrl,
    String searchIndexUrl,
    String searchTextUrl,
    String bibtexUrl,
    String baseUrl,
    List<String> stylesheets,
    String script,
    Vendor vendor,
    List<Ref> nav,
    String generator) {

  /** URLs of the vendored libraries: lunr for search, KaTeX for math. */
  public record Vendor(String lunr, String katexStylesheet, String katex, String katexAutoRender) {}
}
