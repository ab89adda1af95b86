package io.papersite.render;

import io.papersite.resolve.SiteUrls;
import java.util.List;

/**
 * {@code sitemap.xml} (sitemaps.org 0.9) and the {@code robots.txt} that points at it. A site with
 * more pages than one sitemap may hold gets a sitemap index over several sitemaps.
 */
final class Sitemap {

  /** The most URLs one sitemap may list. */
  static final int MAX_URLS = 50_000;

  private Sitemap() {}

  /** The sitemap files by their path: one, or an index and its parts. */
  static java.util.Map<String, String> files(SiteUrls urls, List<String> pageUrls) {
    List<String> sorted = pageUrls.stream().sorted().toList();
    java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
    if (sorted.size() <= MAX_URLS) {
      files.put("sitemap.xml", sitemap(urls, sorted));
      return files;
    }
    XmlText index = new XmlText();
    index.open("sitemapindex", "xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9");
    for (int part = 0; part * MAX_URLS < sorted.size(); part++) {
      String name = "sitemap-" + (part + 1) + ".xml";
      files.put(
          name,
          sitemap(
              urls,
              sorted.subList(part * MAX_URLS, Math.min(sorted.size(), (part + 1) * MAX_URLS))));
      index.open("sitemap").text("loc", urls.absolute(urls.file(name))).close();
    }
    index.close();
    files.put("sitemap.xml", index.finish());
    return files;
  }

  private static String sitemap(SiteUrls urls, List<String> pageUrls) {
    XmlText xml = new XmlText();
    xml.open("urlset", "xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9");
    for (String url : pageUrls) {
      xml.open("url").text("loc", urls.absolute(url)).close();
    }
    xml.close();
    return xml.finish();
  }

  static String robots(SiteUrls urls) {
    String sitemap =
        urls.hasOrigin() ? "\nSitemap: " + urls.absolute(urls.file("sitemap.xml")) + "\n" : "";
    return "User-agent: *\nAllow: /\n" + sitemap;
  }
}
