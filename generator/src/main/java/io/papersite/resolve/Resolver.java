package io.papersite.resolve;

import io.papersite.load.SourceFile;
import io.papersite.model.Collection;
import io.papersite.model.Content;
import io.papersite.model.MarkdownText;
import io.papersite.model.Paper;
import io.papersite.model.PaperDate;
import io.papersite.model.Problems;
import io.papersite.model.SourcePosition;
import io.papersite.model.Spelling;
import java.text.CollationKey;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The resolve stage: checks references across files (paper ids, notes, collections, tags), orders
 * everything, and renders Markdown once every page URL is known.
 */
public final class Resolver {

  private final Problems problems;
  private LinkTargets linkTargets;
  private boolean allowHtml;

  public Resolver(Problems problems) {
    this.problems = problems;
  }

  /**
   * @param notes the {@code papers/<id>.md} files, attached to the paper with that id
   * @param staticFiles the files of {@code static/}, relative to it, which links may point at
   * @param urls the site's URLs, from its base URL
   */
  public ResolvedSite resolve(
      Content content, List<SourceFile> notes, Set<String> staticFiles, SiteUrls urls) {
    Map<String, Paper> papers = uniquePapers(content.papers());
    attachNotes(papers, notes);
    checkUniqueIdentifiers(papers.values());
    List<Paper> ordered = inSiteOrder(papers.values());

    List<Collection> collections =
        content.collections().stream()
            .sorted(
                Comparator.comparingInt(Collection::order)
                    .thenComparing(Collection::title)
                    .thenComparing(Collection::id))
            .toList();
    Map<String, List<String>> tags = new TreeMap<>();
    for (Paper paper : ordered) {
      for (String tag : paper.tags()) {
        tags.computeIfAbsent(tag, t -> new ArrayList<>()).add(paper.id());
      }
    }
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      position.put(ordered.get(i).id(), i);
    }
    Map<String, List<String>> collectionPapers = new LinkedHashMap<>();
    for (Collection collection : collections) {
      collectionPapers.put(collection.id(), papersOf(collection, papers, tags, position));
    }

    Map<String, List<String>> collectionsOfPaper = new HashMap<>();
    collectionPapers.forEach(
        (collection, ids) ->
            ids.forEach(
                id ->
                    collectionsOfPaper
                        .computeIfAbsent(id, k -> new ArrayList<>())
                        .add(collection)));

    Set<String> siteFiles =
        sitePages(urls, papers.keySet(), collectionPapers.keySet(), tags.keySet());
    siteFiles.addAll(staticFiles);
    linkTargets =
        new LinkTargets(urls, papers.keySet(), collectionPapers.keySet(), tags.keySet(), siteFiles);
    allowHtml = content.settings().allowHtml();
    MarkdownRenderer markdown = new MarkdownRenderer(linkTargets, allowHtml, problems);
    // Markdown is rendered on every core; the parser and renderer are safe to share.
    List<ResolvedPaper> resolvedPapers =
        ordered.parallelStream()
            .map(
                paper -> {
                  List<String> in = collectionsOfPaper.getOrDefault(paper.id(), List.of());
                  if (in.isEmpty() && !collections.isEmpty()) {
                    problems.warning(
                        paper.position(),
                        "paper '"
                            + paper.id()
                            + "' is in no collection; list it in one of collections/*.yaml");
                  }
                  return resolved(paper, in, markdown, urls.paper(paper.id()));
                })
            .toList();
    List<ResolvedCollection> resolvedCollections =
        collections.stream()
            .map(
                c ->
                    new ResolvedCollection(
                        c,
                        markdown.render(c.intro(), urls.collection(c.id())),
                        collectionPapers.get(c.id())))
            .toList();
    List<TagGroup> tagGroups =
        tags.entrySet().stream().map(e -> new TagGroup(e.getKey(), e.getValue())).toList();
    return new ResolvedSite(
        content.settings(),
        urls,
        markdown.render(content.intro(), urls.home()),
        resolvedPapers,
        resolvedCollections,
        tagGroups);
  }

  /**
   * The site this resolver resolved, with one paper replaced by a new version of it, when nothing
   * else in the site depends on the change: the same id, date, tags, arXiv id and DOI, and the same
   * place in site order. Empty when the whole site must be resolved again.
   *
   * @param problems where the problems of the paper's Markdown go
   */
  public Optional<ResolvedPaper> replace(ResolvedSite site, Paper updated, Problems problems) {
    List<ResolvedPaper> papers = site.papers();
    int at = 0;
    while (at < papers.size() && !papers.get(at).id().equals(updated.id())) {
      at++;
    }
    if (linkTargets == null || at == papers.size()) {
      return Optional.empty();
    }
    Paper old = papers.get(at).paper();
    if (!old.date().equals(updated.date())
        || !old.tags().equals(updated.tags())
        || !old.arxiv().equals(updated.arxiv())
        || !old.doi().equals(updated.doi())) {
      return Optional.empty();
    }
    if (!old.title().equals(updated.title())) {
      List<Paper> around = new ArrayList<>();
      if (at > 0) {
        around.add(papers.get(at - 1).paper());
      }
      around.add(updated);
      if (at + 1 < papers.size()) {
        around.add(papers.get(at + 1).paper());
      }
      if (!inSiteOrder(around).equals(around)) {
        return Optional.empty();
      }
    }
    MarkdownRenderer markdown = new MarkdownRenderer(linkTargets, allowHtml, problems);
    String url = site.urls().paper(updated.id());
    return Optional.of(resolved(updated, papers.get(at).collectionIds(), markdown, url));
  }

  private static ResolvedPaper resolved(
      Paper paper, List<String> collectionIds, MarkdownRenderer markdown, String url) {
    MarkdownRenderer.Rendered abstractText = markdown.renderWithText(paper.abstractText(), url);
    MarkdownRenderer.Rendered notes = markdown.renderWithText(paper.notes(), url);
    return new ResolvedPaper(
        paper, abstractText.html(), notes.html(), abstractText.text(), notes.text(), collectionIds);
  }

  /** The site with one paper's resolved version in place of the one it had. */
  public static ResolvedSite with(ResolvedSite site, ResolvedPaper updated) {
    List<ResolvedPaper> papers = new ArrayList<>(site.papers());
    papers.replaceAll(p -> p.id().equals(updated.id()) ? updated : p);
    return new ResolvedSite(
        site.settings(), site.urls(), site.introHtml(), papers, site.collections(), site.tags());
  }

  /** The pages and files the render stage writes that links may point at, relative to the root. */
  private static Set<String> sitePages(
      SiteUrls urls, Set<String> papers, Set<String> collections, Set<String> tags) {
    Set<String> pages = new HashSet<>();
    pages.add(urls.outputPath(urls.home()));
    pages.add(urls.outputPath(urls.papers()));
    pages.add(urls.outputPath(urls.tags()));
    pages.add(urls.outputPath(urls.search()));
    pages.add(urls.outputPath(urls.bibtex()));
    papers.forEach(id -> pages.add(urls.outputPath(urls.paper(id))));
    papers.forEach(id -> pages.add(urls.outputPath(urls.paperBibtex(id))));
    collections.forEach(id -> pages.add(urls.outputPath(urls.collection(id))));
    collections.forEach(id -> pages.add(urls.outputPath(urls.collectionBibtex(id))));
    tags.forEach(tag -> pages.add(urls.outputPath(urls.tag(tag))));
    return pages;
  }

  /**
   * Newest first, undated last, then by title as a reader would sort it, then by id. Each title's
   * collation key is made once: comparing titles through the collator each time dominated the sort.
   */
  static List<Paper> inSiteOrder(java.util.Collection<Paper> papers) {
    Collator collator = Collator.getInstance(Locale.ROOT);
    collator.setStrength(Collator.SECONDARY);
    record Keyed(Paper paper, CollationKey title) {}
    Comparator<Keyed> byDate =
        Comparator.comparing(
            (Keyed k) -> k.paper().date().orElse(null),
            Comparator.nullsLast(Comparator.<PaperDate>reverseOrder()));
    // Titles are compared only between papers of the same date: only those need a collation key,
    // which is slow to make; keys are made on every core, each with its own collator (a collator
    // serves one thread at a time).
    Map<Optional<PaperDate>, Integer> perDate = new HashMap<>();
    papers.forEach(p -> perDate.merge(p.date(), 1, Integer::sum));
    ThreadLocal<Collator> collators = ThreadLocal.withInitial(() -> (Collator) collator.clone());
    List<Keyed> keyed =
        papers.parallelStream()
            .map(
                p ->
                    new Keyed(
                        p,
                        perDate.get(p.date()) > 1
                            ? collators.get().getCollationKey(p.title())
                            : null))
            .toList();
    return keyed.stream()
        .sorted(byDate.thenComparing(Keyed::title).thenComparing(k -> k.paper().id()))
        .map(Keyed::paper)
        .toList();
  }

  private Map<String, Paper> uniquePapers(List<Paper> all) {
    Map<String, Paper> byId = new LinkedHashMap<>();
    for (Paper paper : all) {
      Paper first = byId.putIfAbsent(paper.id(), paper);
      if (first != null) {
        problems.error(
            paper.position(),
            "paper id '"
                + paper.id()
                + "' is already used at "
                + first.position()
                + "; ids must be unique");
      }
    }
    return byId;
  }

  private void attachNotes(Map<String, Paper> papers, List<SourceFile> notes) {
    for (SourceFile file : notes) {
      String id = file.baseName();
      Paper paper = papers.get(id);
      SourcePosition at = SourcePosition.ofFile(file.displayPath());
      if (paper == null) {
        problems.error(
            at,
            "notes for paper '"
                + id
                + "', which does not exist; rename the file to a paper's id or add papers/"
                + id
                + ".yaml"
                + Spelling.hint(id, papers.keySet()));
      } else if (!paper.notes().isBlank()) {
        problems.error(
            at, "paper '" + id + "' already has notes in its YAML entry; keep one of the two");
      } else {
        papers.put(
            id,
            paper.withNotes(
                new MarkdownText(file.text(), new SourcePosition(file.displayPath(), 1, 1), true)));
      }
    }
  }

  private void checkUniqueIdentifiers(java.util.Collection<Paper> papers) {
    Map<String, Paper> arxiv = new TreeMap<>();
    Map<String, Paper> doi = new TreeMap<>();
    for (Paper paper : papers) {
      if (!paper.arxiv().isEmpty()) {
        Paper other = arxiv.putIfAbsent(paper.arxiv().replaceFirst("v\\d+$", ""), paper);
        if (other != null) {
          problems.error(
              paper.position(),
              "arXiv id "
                  + paper.arxiv()
                  + " is also the arXiv id of paper '"
                  + other.id()
                  + "'; merge the two entries");
        }
      }
      if (!paper.doi().isEmpty()) {
        Paper other = doi.putIfAbsent(paper.doi().toLowerCase(Locale.ROOT), paper);
        if (other != null) {
          problems.error(
              paper.position(),
              "DOI "
                  + paper.doi()
                  + " is also the DOI of paper '"
                  + other.id()
                  + "'; merge the two entries");
        }
      }
    }
  }

  /**
   * The papers a collection lists, in its order, then those with one of its tags, in site order.
   * Tagged papers come from the tag lists, so the cost is that of the papers taken.
   */
  private List<String> papersOf(
      Collection collection,
      Map<String, Paper> papers,
      Map<String, List<String>> tags,
      Map<String, Integer> position) {
    Set<String> ids = new LinkedHashSet<>();
    for (int i = 0; i < collection.paperIds().size(); i++) {
      String id = collection.paperIds().get(i);
      if (papers.containsKey(id)) {
        ids.add(id);
      } else {
        problems.error(
            collection.paperIdPositions().get(i),
            "collection '"
                + collection.id()
                + "' lists paper '"
                + id
                + "', which does not exist"
                + Spelling.hint(id, papers.keySet()));
      }
    }
    if (collection.tags().isEmpty()) {
      return List.copyOf(ids);
    }
    Set<String> tagged = new HashSet<>();
    for (String tag : collection.tags()) {
      tagged.addAll(tags.getOrDefault(tag, List.of()));
    }
    tagged.stream().sorted(Comparator.comparing(position::get)).forEach(ids::add);
    return List.copyOf(ids);
  }
}
