package io.papersite.render;

import io.papersite.resolve.SiteUrls;
import java.util.List;

/** {@code sitemap.xml} (sitemaps.org 0.9) and the {@code robots.txt} that points at it. */
final class Sitemap {

  private Sitemap() {}

  /**
   * @param pageUrls the site paths of every page to list
   */
  static String sitemap(SiteUrls urls, List<String> pageUrls) {
    XmlText xml = new XmlText();
    xml.open("urlset", "xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9");
    for (String url : pageUrls.stream().sorted().toList()) {
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
