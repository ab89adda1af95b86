package io.papersite.render;

import io.papersite.model.Paper;
import io.papersite.render.view.CollectionView;
import io.papersite.render.view.Meta;
import io.papersite.render.view.PageMeta;
import io.papersite.render.view.PaperView;
import io.papersite.render.view.Ref;
import io.papersite.render.view.SiteView;
import io.papersite.render.view.TagView;
import io.papersite.resolve.ResolvedCollection;
import io.papersite.resolve.ResolvedPaper;
import io.papersite.resolve.ResolvedSite;
import io.papersite.resolve.SiteUrls;
import io.papersite.resolve.TagGroup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the template views from the resolved site, once, so that pages share them. */
final class ViewBuilder {

  private ResolvedSite site;
  private final SiteUrls urls;
  private final Map<String, PaperView> papers = new LinkedHashMap<>();
  private final Map<String, ResolvedPaper> resolvedPapers = new LinkedHashMap<>();
  private final Map<String, Ref> tagRefs = new HashMap<>();
  private final Map<String, Ref> collectionRefs = new HashMap<>();
  private final RelatedPapers related;
  private final Map<String, CollectionView> collectionViews = new LinkedHashMap<>();
  private final Map<String, TagView> tagViews = new LinkedHashMap<>();
  private static final int SUMMARY_LENGTH = 300;

  ViewBuilder(ResolvedSite site) {
    this.site = site;
    this.urls = site.urls();
    site.papers().forEach(p -> resolvedPapers.put(p.id(), p));
    site.tags().forEach(t -> tagRefs.put(t.name(), new Ref(t.name(), urls.tag(t.name()))));
    site.collections()
        .forEach(
            c ->
                collectionRefs.put(
                    c.id(), new Ref(c.collection().title(), urls.collection(c.id()))));
    this.related = new RelatedPapers(site);
    // Views are made on every core; the maps they read are complete before this.
    site.papers().parallelStream()
        .map(p -> paper(p, related))
        .toList()
        .forEach(view -> papers.put(view.id(), view));
    listViews();
  }

  /** The views of every collection and tag, which list the papers' views. */
  private void listViews() {
    site.collections().forEach(c -> collectionViews.put(c.id(), collection(c)));
    site.tags().forEach(t -> tagViews.put(t.name(), tag(t)));
  }

  /**
   * Takes a new version of one paper whose place in the site is the same (same tags, collections
   * and position): its view is made again, and so are the views that name it in their related
   * papers when its title changed. Returns the ids of the papers whose views were made again.
   */
  java.util.Set<String> replace(ResolvedSite newSite, ResolvedPaper updated) {
    this.site = newSite;
    ResolvedPaper old = resolvedPapers.put(updated.id(), updated);
    papers.put(updated.id(), paper(updated, related));
    java.util.Set<String> remade = new java.util.HashSet<>(java.util.Set.of(updated.id()));
    if (old != null && !old.paper().title().equals(updated.paper().title())) {
      String url = urls.paper(updated.id());
      for (PaperView view : List.copyOf(papers.values())) {
        if (view.related().stream().anyMatch(r -> r.url().equals(url))) {
          papers.put(view.id(), paper(resolvedPapers.get(view.id()), related));
          remade.add(view.id());
        }
      }
      listViews(); // other papers' views changed too
      return remade;
    }
    // Only the lists the paper is on hold its old view.
    for (var c : newSite.collections()) {
      if (updated.collectionIds().contains(c.id())) {
        collectionViews.put(c.id(), collection(c));
      }
    }
    for (TagGroup t : newSite.tags()) {
      if (updated.paper().tags().contains(t.name())) {
        tagViews.put(t.name(), tag(t));
      }
    }
    return remade;
  }

  SiteView site(List<String> stylesheets) {
    var settings = site.settings();
    List<Ref> nav =
        List.of(
            new Ref("Collections", urls.home() + "#collections"),
            new Ref("Papers", urls.papers()),
            new Ref("Tags", urls.tags()),
            new Ref("Search", urls.search()));
    String vendor = urls.file("assets/vendor/");
    return new SiteView(
        settings.title(),
        settings.description(),
        settings.author(),
        urls.home(),
        urls.papers(),
        urls.tags(),
        urls.search(),
        urls.searchIndex(),
        urls.searchText(),
        urls.bibtex(),
        urls.basePath(),
        stylesheets,
        urls.file("assets/site.js"),
        new SiteView.Vendor(
            vendor + "lunr/lunr.min.js",
            vendor + "katex/katex.min.css",
            vendor + "katex/katex.min.js",
            vendor + "katex/contrib/auto-render.min.js"),
        nav,
        "Papersite");
  }

  /** A page with the site's feed and the common metadata. */
  PageMeta page(String kind, String title, String description, String url) {
    return page(kind, title, description, url, siteFeeds(), List.of(), "", false);
  }

  /** A page that lists papers, and so needs KaTeX when any of them has math. */
  PageMeta listing(
      String kind, String title, String description, String url, List<PaperView> list) {
    return page(
        kind,
        title,
        description,
        url,
        siteFeeds(),
        List.of(),
        "",
        list.stream().anyMatch(PaperView::math));
  }

  PageMeta paperPage(PaperView view) {
    ResolvedPaper resolved = resolvedPapers.get(view.id());
    String title = site.settings().title();
    return page(
        "paper",
        view.title(),
        resolved.abstractText(),
        view.url(),
        siteFeeds(),
        ScholarlyMetadata.citationTags(resolved, urls),
        ScholarlyMetadata.jsonLd(resolved, title, urls),
        view.math());
  }

  /** One page of a collection: its own feed too, and KaTeX when its papers have math. */
  PageMeta collectionPage(CollectionView view, Paging.Part<PaperView> part) {
    List<Ref> feeds = new ArrayList<>(siteFeeds());
    if (urls.hasOrigin()) {
      feeds.add(
          new Ref(view.title() + " · " + site.settings().title(), urls.collectionFeed(view.id())));
    }
    return page(
        "collection",
        part.title(view.title()),
        view.description(),
        part.url(),
        feeds,
        List.of(),
        "",
        part.items().stream().anyMatch(PaperView::math));
  }

  PageMeta notFoundPage() {
    String url = urls.notFound();
    return new PageMeta(
        "not-found",
        "Page not found",
        "",
        url,
        urls.absolute(url),
        siteFeeds(),
        List.of(),
        "",
        false,
        false);
  }

  private PageMeta page(
      String kind,
      String title,
      String description,
      String url,
      List<Ref> feeds,
      List<Meta> extraMeta,
      String jsonLd,
      boolean math) {
    String canonical = urls.absolute(url);
    String summary = summary(description);
    List<Meta> meta = new ArrayList<>();
    if (!summary.isEmpty()) {
      meta.add(Meta.name("description", summary));
    }
    meta.add(Meta.property("og:type", kind.equals("paper") ? "article" : "website"));
    meta.add(Meta.property("og:title", title));
    if (!summary.isEmpty()) {
      meta.add(Meta.property("og:description", summary));
    }
    meta.add(Meta.property("og:url", canonical));
    meta.add(Meta.property("og:site_name", site.settings().title()));
    meta.add(Meta.name("twitter:card", "summary"));
    meta.add(Meta.name("twitter:title", title));
    if (!summary.isEmpty()) {
      meta.add(Meta.name("twitter:description", summary));
    }
    meta.addAll(extraMeta);
    return new PageMeta(kind, title, description, url, canonical, feeds, meta, jsonLd, true, math);
  }

  /** The site's feed, when the base URL names a host (feeds need absolute URLs). */
  private List<Ref> siteFeeds() {
    return urls.hasOrigin() ? List.of(new Ref(site.settings().title(), urls.feed())) : List.of();
  }

  /** A description short enough for search results and link previews, cut at a word. */
  static String summary(String text) {
    if (text.length() <= SUMMARY_LENGTH) {
      return text;
    }
    int cut = text.lastIndexOf(' ', SUMMARY_LENGTH - 1);
    return text.substring(0, cut > 0 ? cut : SUMMARY_LENGTH - 1).stripTrailing() + "…";
  }

  List<PaperView> papers() {
    return List.copyOf(papers.values());
  }

  List<PaperView> papers(List<String> ids) {
    return ids.stream().map(papers::get).toList();
  }

  ResolvedPaper resolved(String id) {
    return resolvedPapers.get(id);
  }

  PaperView paper(String id) {
    return papers.get(id);
  }

  List<CollectionView> collections() {
    return List.copyOf(collectionViews.values());
  }

  CollectionView collection(ResolvedCollection c) {
    var collection = c.collection();
    List<PaperView> list = papers(c.paperIds());
    Map<String, Long> counts = new HashMap<>();
    list.forEach(p -> p.tags().forEach(t -> counts.merge(t.label(), 1L, Long::sum)));
    List<Ref> tags =
        counts.entrySet().stream()
            .sorted(
                Comparator.comparing((Map.Entry<String, Long> e) -> -e.getValue())
                    .thenComparing(Map.Entry::getKey))
            .map(e -> new Ref(e.getKey(), urls.tag(e.getKey())))
            .toList();
    return new CollectionView(
        collection.id(),
        collection.title(),
        collection.description(),
        urls.collection(collection.id()),
        c.introHtml(),
        collection.layout(),
        tags,
        urls.collectionBibtex(collection.id()),
        list);
  }

  List<TagView> tags() {
    return List.copyOf(tagViews.values());
  }

  TagView tag(TagGroup group) {
    return new TagView(group.name(), urls.tag(group.name()), papers(group.paperIds()));
  }

  private PaperView paper(ResolvedPaper resolved, RelatedPapers related) {
    Paper p = resolved.paper();
    return new PaperView(
        p.id(),
        p.title(),
        urls.paper(p.id()),
        p.authors(),
        p.date().map(Object::toString).orElse(""),
        p.venue(),
        p.arxiv(),
        p.arxiv().isEmpty() ? "" : "https://arxiv.org/abs/" + p.arxiv(),
        p.doi(),
        p.doi().isEmpty() ? "" : "https://doi.org/" + p.doi(),
        p.links().stream().map(l -> new Ref(l.label(), l.url())).toList(),
        p.tags().stream().map(this::tagRef).toList(),
        String.join(" ", p.tags()),
        resolved.collectionIds().stream().map(collectionRefs::get).toList(),
        resolved.abstractHtml(),
        resolved.notesHtml(),
        related.of(resolved).stream()
            .map(resolvedPapers::get)
            .map(r -> new Ref(r.paper().title(), urls.paper(r.id())))
            .toList(),
        urls.paperBibtex(p.id()),
        hasMath(resolved.abstractHtml()) || hasMath(resolved.notesHtml()));
  }

  /** One Ref per tag, shared by every paper that has it. */
  private Ref tagRef(String tag) {
    return tagRefs.get(tag);
  }

  private static boolean hasMath(String html) {
    return html.contains("<span class=\"math ");
  }
}
