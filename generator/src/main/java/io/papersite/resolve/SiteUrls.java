package io.papersite.resolve;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Builds every URL of the site from its base URL, so that a site served from a sub-path ({@code
 * https://user.github.io/repo/}) links correctly. Page URLs end with a slash: each page is an
 * {@code index.html} in its own folder.
 *
 * <pre>{@code
 * SiteUrls urls = SiteUrls.of("https://user.github.io/repo/");
 * urls.paper("gear");          // "/repo/papers/gear/"
 * urls.absolute(urls.paper("gear")); // "https://user.github.io/repo/papers/gear/"
 * }</pre>
 */
public final class SiteUrls {

  private final String origin;
  private final String basePath;

  private SiteUrls(String origin, String basePath) {
    this.origin = origin;
    this.basePath = basePath;
  }

  /**
   * @param baseUrl an absolute http(s) URL, or a path starting with a slash
   * @throws IllegalArgumentException when it is neither
   */
  public static SiteUrls of(String baseUrl) {
    URI uri;
    try {
      uri = new URI(baseUrl.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("baseUrl '" + baseUrl + "' is not a URL");
    }
    if (uri.getQuery() != null || uri.getFragment() != null) {
      throw new IllegalArgumentException(
          "baseUrl '" + baseUrl + "' must not have a query or fragment");
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (!path.endsWith("/")) {
      path += "/";
    }
    if (uri.getScheme() == null && uri.getHost() == null && path.startsWith("/")) {
      return new SiteUrls("", path);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "baseUrl '"
              + baseUrl
              + "' must be an http(s) URL such as https://user.github.io/repo/, or a path such as /repo/");
    }
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    return new SiteUrls(scheme + "://" + uri.getHost() + port, path);
  }

  /** The path under which the site is served, starting and ending with a slash. */
  public String basePath() {
    return basePath;
  }

  /** Whether the base URL names a host, so that absolute URLs (canonical, feeds) can be made. */
  public boolean hasOrigin() {
    return !origin.isEmpty();
  }

  public String home() {
    return basePath;
  }

  public String paper(String id) {
    return basePath + "papers/" + id + "/";
  }

  public String papers() {
    return basePath + "papers/";
  }

  public String collection(String id) {
    return basePath + "collections/" + id + "/";
  }

  public String tag(String tag) {
    return basePath + "tags/" + tag + "/";
  }

  public String tags() {
    return basePath + "tags/";
  }

  /** The Atom feed of the whole site. */
  public String feed() {
    return basePath + "feed.xml";
  }

  /** The Atom feed of one collection. */
  public String collectionFeed(String id) {
    return collection(id) + "feed.xml";
  }

  public String search() {
    return basePath + "search/";
  }

  public String searchIndex() {
    return basePath + "search-index.json";
  }

  /** The abstracts and notes the search page fetches after the index, to search them too. */
  public String searchText() {
    return basePath + "search-text.json";
  }

  /** A paper's BibTeX entry, beside its page. */
  public String paperBibtex(String id) {
    return basePath + "papers/" + id + ".bib";
  }

  public String collectionBibtex(String id) {
    return basePath + "collections/" + id + ".bib";
  }

  /** The BibTeX of every paper. */
  public String bibtex() {
    return basePath + "papers.bib";
  }

  /** The page GitHub Pages serves for every missing path. */
  public String notFound() {
    return basePath + "404.html";
  }

  /** A file of the site, such as {@code assets/style.css}. */
  public String file(String relativePath) {
    return basePath + relativePath;
  }

  /** The full URL of a site path, or the path itself when the base URL has no host. */
  public String absolute(String sitePath) {
    return origin + sitePath;
  }

  /** The output file for a page URL made by this object: {@code papers/x/index.html}. */
  public String outputPath(String pageUrl) {
    if (!pageUrl.startsWith(basePath)) {
      throw new IllegalArgumentException(pageUrl + " is not under " + basePath);
    }
    String relative = pageUrl.substring(basePath.length());
    return relative.isEmpty() || relative.endsWith("/") ? relative + "index.html" : relative;
  }
}
