package io.papersite.render;

import io.papersite.model.Paper;
import io.papersite.render.view.CollectionView;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the template views from the resolved site, once, so that pages share them. */
final class ViewBuilder {

  private final ResolvedSite site;
  private final SiteUrls urls;
  private final Map<String, ResolvedCollection> collectionsById = new LinkedHashMap<>();
  private final Map<String, PaperView> papers = new LinkedHashMap<>();

  ViewBuilder(ResolvedSite site) {
    this.site = site;
    this.urls = site.urls();
    site.collections().forEach(c -> collectionsById.put(c.id(), c));
    site.papers().forEach(p -> papers.put(p.id(), paper(p)));
  }

  SiteView site(List<String> stylesheets) {
    var settings = site.settings();
    List<Ref> nav =
        List.of(
            new Ref("Collections", urls.home() + "#collections"),
            new Ref("Papers", urls.papers()),
            new Ref("Tags", urls.tags()));
    return new SiteView(
        settings.title(),
        settings.description(),
        settings.author(),
        urls.home(),
        urls.papers(),
        urls.tags(),
        urls.basePath(),
        stylesheets,
        nav,
        "Papersite");
  }

  PageMeta page(String kind, String title, String description, String url) {
    return new PageMeta(kind, title, description, url, urls.absolute(url));
  }

  List<PaperView> papers() {
    return List.copyOf(papers.values());
  }

  List<PaperView> papers(List<String> ids) {
    return ids.stream().map(papers::get).toList();
  }

  PaperView paper(String id) {
    return papers.get(id);
  }

  List<CollectionView> collections() {
    return site.collections().stream().map(this::collection).toList();
  }

  CollectionView collection(ResolvedCollection c) {
    var collection = c.collection();
    return new CollectionView(
        collection.id(),
        collection.title(),
        collection.description(),
        urls.collection(collection.id()),
        c.introHtml(),
        papers(c.paperIds()));
  }

  List<TagView> tags() {
    return site.tags().stream().map(this::tag).toList();
  }

  TagView tag(TagGroup group) {
    return new TagView(group.name(), urls.tag(group.name()), papers(group.paperIds()));
  }

  private PaperView paper(ResolvedPaper resolved) {
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
        p.tags().stream().map(t -> new Ref(t, urls.tag(t))).toList(),
        resolved.collectionIds().stream()
            .map(collectionsById::get)
            .map(c -> new Ref(c.collection().title(), urls.collection(c.id())))
            .toList(),
        resolved.abstractHtml(),
        resolved.notesHtml());
  }
}
