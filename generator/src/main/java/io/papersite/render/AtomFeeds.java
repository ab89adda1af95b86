package io.papersite.render;

import io.papersite.model.Paper;
import io.papersite.model.PaperDate;
import io.papersite.resolve.ResolvedPaper;
import io.papersite.resolve.SiteUrls;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Atom 1.0 feeds: one for the site and one per collection, newest papers first. Feeds need absolute
 * URLs, so they are written only when the base URL names a host.
 */
final class AtomFeeds {

  /** Feed readers want recent entries; a feed of a whole large collection would be megabytes. */
  static final int MAX_ENTRIES = 100;

  private final SiteUrls urls;
  private final String author;
  private final Instant undatedTime;

  /**
   * @param author the feed's author: the site's author, or its title
   * @param undatedTime the time given to papers without a date (Atom requires one for each entry)
   */
  AtomFeeds(SiteUrls urls, String author, Instant undatedTime) {
    this.urls = urls;
    this.author = author;
    this.undatedTime = undatedTime;
  }

  /**
   * @param pageUrl the page the feed belongs to (site home or a collection)
   * @param feedUrl where the feed itself is
   * @param papers in site order: newest first
   */
  String feed(
      String title, String subtitle, String pageUrl, String feedUrl, List<ResolvedPaper> papers) {
    List<ResolvedPaper> entries = papers.subList(0, Math.min(MAX_ENTRIES, papers.size()));
    XmlText xml = new XmlText();
    xml.open("feed", "xmlns", "http://www.w3.org/2005/Atom");
    xml.text("title", title);
    if (!subtitle.isEmpty()) {
      xml.text("subtitle", subtitle);
    }
    xml.empty(
        "link", "rel", "self", "type", "application/atom+xml", "href", urls.absolute(feedUrl));
    xml.empty("link", "rel", "alternate", "type", "text/html", "href", urls.absolute(pageUrl));
    xml.text("id", urls.absolute(feedUrl));
    xml.text(
        "updated",
        timestamp(entries.stream().map(this::updated).max(Instant::compareTo).orElse(undatedTime)));
    xml.open("author").text("name", author).close();
    xml.text("generator", "Papersite");
    for (ResolvedPaper resolved : entries) {
      entry(xml, resolved);
    }
    xml.close();
    return xml.finish();
  }

  private void entry(XmlText xml, ResolvedPaper resolved) {
    Paper paper = resolved.paper();
    String url = urls.absolute(urls.paper(paper.id()));
    xml.open("entry");
    xml.text("title", paper.title());
    xml.empty("link", "rel", "alternate", "type", "text/html", "href", url);
    xml.text("id", url);
    xml.text("updated", timestamp(updated(resolved)));
    paper.date().ifPresent(d -> xml.text("published", timestamp(startOf(d))));
    for (String name : paper.authors()) {
      xml.open("author").text("name", name).close();
    }
    if (!resolved.abstractText().isEmpty()) {
      xml.text("summary", resolved.abstractText(), "type", "text");
    }
    for (String tag : paper.tags()) {
      xml.empty("category", "term", tag);
    }
    xml.close();
  }

  private Instant updated(ResolvedPaper paper) {
    return paper.paper().date().map(AtomFeeds::startOf).orElse(undatedTime);
  }

  static Instant startOf(PaperDate date) {
    return LocalDate.of(date.year(), Math.max(1, date.month()), Math.max(1, date.day()))
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant();
  }

  private static String timestamp(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(
        instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }
}
