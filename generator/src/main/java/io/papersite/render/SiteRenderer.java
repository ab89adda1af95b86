package io.papersite.render;

import freemarker.core.Environment;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import io.papersite.Progress;
import io.papersite.model.Futures;
import io.papersite.model.Problems;
import io.papersite.model.SourcePosition;
import io.papersite.render.view.CollectionView;
import io.papersite.render.view.Pages;
import io.papersite.render.view.PaperView;
import io.papersite.render.view.SiteView;
import io.papersite.render.view.TagView;
import io.papersite.resolve.ResolvedCollection;
import io.papersite.resolve.ResolvedPaper;
import io.papersite.resolve.ResolvedSite;
import io.papersite.resolve.SiteUrls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The render stage: turns the resolved site into output files through the theme's Freemarker
 * templates. Every template is HTML auto-escaped ({@code .ftlh}) and cannot reach Java classes.
 */
public final class SiteRenderer {

  private static final int HOME_PAPERS = 12;

  private final Theme theme;
  private final String templatesDisplayPath;
  private final Problems problems;
  private final Configuration freemarker;

  /**
   * @param themeName a built-in theme
   * @param userTemplates the user's {@code templates/} folder, whose files override the theme's
   * @param templatesDisplayPath how problems name that folder
   */
  public SiteRenderer(
      String themeName,
      Optional<Path> userTemplates,
      String templatesDisplayPath,
      Problems problems) {
    this.theme = new Theme(themeName, userTemplates, templatesDisplayPath, problems);
    this.templatesDisplayPath = templatesDisplayPath;
    this.problems = problems;
    this.freemarker = configure(theme);
  }

  /** Whether the theme is known; otherwise {@link #render} has nothing to render with. */
  public boolean themeExists() {
    return theme.exists();
  }

  public static List<String> builtInThemes() {
    return Theme.builtIn();
  }

  private static Configuration configure(Theme theme) {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_35);
    try {
      cfg.setTemplateLoader(theme.templateLoader());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DefaultObjectWrapperBuilder wrapper =
        new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_35);
    // Record accessors read as values (site.title), also at the root of the data model.
    wrapper.setRecordZeroArgumentNonVoidMethodPolicy(
        ZeroArgumentNonVoidMethodPolicy.PROPERTY_ONLY_UNLESS_BEAN_PROPERTY_READ_METHOD);
    wrapper.setMemberAccessPolicy(new ViewOnlyAccessPolicy());
    cfg.setObjectWrapper(wrapper.build());
    cfg.setDefaultEncoding("UTF-8");
    cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
    cfg.setRecognizeStandardFileExtensions(true);
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    // Templates may come from a pull request: no object construction, no ?api.
    cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    cfg.setAPIBuiltinEnabled(false);
    cfg.setSharedVariable(Fragments.DIRECTIVE, Fragments.CACHED);
    return cfg;
  }

  /** Long lists are split into pages of this many papers. */
  static final int PAGE_SIZE = 100;

  /** A paper's BibTeX entry, kept among {@code pieces} for the other files that show it. */
  private static String bibtexEntry(Fragments pieces, io.papersite.model.Paper paper) {
    return pieces.text("bib/" + paper.id(), () -> BibTeX.entry(paper));
  }

  /**
   * Renders every page and file into {@code out}, on all cores.
   *
   * @param timestamp the build time, given to feed entries of papers without a date; null for the
   *     start of 1970, so that builds stay reproducible
   * @param progress told how many of the files are done, now and then
   */
  public void render(ResolvedSite site, SiteOutput out, Instant timestamp, Progress progress) {
    render(views(site), out, timestamp, progress);
  }

  /** Renders every page and file of the site these views were made for. */
  public void render(Views views, SiteOutput out, Instant timestamp, Progress progress) {
    ResolvedSite site = views.site;
    SiteUrls urls = site.urls();
    List<String> pageUrls = java.util.Collections.synchronizedList(new ArrayList<>());
    // The papers' folder, then the exports, the longest tasks: first, so that pages fill the other
    // cores meanwhile.
    // A paper's BibTeX entry and list line, kept between the files that show them.
    Fragments pieces = Fragments.forThisHeap(site.papers().size());
    Edit whole =
        new Edit(
            Map.of(),
            Map.of(),
            new java.util.concurrent.ConcurrentHashMap<>(),
            ExportEntries.fit(site));
    List<Runnable> tasks = new ArrayList<>();
    tasks.add(paperFiles(views, out, paper -> true, pieces));
    tasks.addAll(machineReadable(site, out, timestamp, c -> true, pieces, whole));
    pageTasks(views, out, pageUrls, paper -> true, pieces).forEach(task -> tasks.add(task.run()));

    runInParallel(tasks, progress);
    views.exports = Map.copyOf(whole.next());

    if (urls.hasOrigin()) {
      Sitemap.files(urls, pageUrls).forEach((path, xml) -> out.text(path, w -> w.write(xml)));
    }
    boolean math = views.builder.papers().stream().anyMatch(PaperView::math);
    FrontEndLibraries.files(math).forEach(out::bytes);
    views.assets.forEach(out::bytes);
  }

  /**
   * The template views of a site, made once and kept between the builds of a live preview, where
   * one edited paper changes only its own views.
   */
  public static final class Views {
    private final ViewBuilder builder;
    private final SiteView siteView;
    private final Map<String, byte[]> assets;
    private ResolvedSite site;
    // Where each paper's entries lie in the site-wide exports as last written, by file.
    private Map<String, ExportEntries> exports = Map.of();

    private Views(
        ResolvedSite site, ViewBuilder builder, SiteView siteView, Map<String, byte[]> assets) {
      this.site = site;
      this.builder = builder;
      this.siteView = siteView;
      this.assets = assets;
    }

    public ResolvedSite site() {
      return site;
    }

    /** The paper of this id as the views know it, or null. */
    public ResolvedPaper paper(String id) {
      return builder.resolved(id);
    }

    /**
     * Takes a new version of a paper whose tags, collections and place in site order are kept;
     * returns the ids of the papers whose pages change with it (itself, and those that name it
     * among related papers when its title changed).
     */
    public Set<String> replace(ResolvedSite newSite, ResolvedPaper updated) {
      site = newSite;
      return builder.replace(newSite, updated);
    }
  }

  /** Makes the views of every page of the site. */
  public Views views(ResolvedSite site) {
    Map<String, byte[]> assets = theme.assets();
    SiteUrls urls = site.urls();
    List<String> stylesheets = new ArrayList<>();
    stylesheets.add(urls.file("assets/style.css"));
    if (assets.containsKey("assets/custom.css")) {
      stylesheets.add(urls.file("assets/custom.css"));
    }
    ViewBuilder builder = new ViewBuilder(site);
    return new Views(site, builder, builder.site(stylesheets), assets);
  }

  /**
   * Renders again the lists that show one of the papers {@code shown} and the pages of the papers
   * {@code paperPages}; not the exports. Returns how many pages.
   */
  public int renderPagesOf(Views views, Set<String> shown, Set<String> paperPages, SiteOutput out) {
    Predicate<PaperView> papers = paper -> paperPages.contains(paper.id());
    Fragments none = Fragments.none();
    List<Runnable> pages =
        pageTasks(views, out, new ArrayList<>(), papers, none).stream()
            .filter(task -> shown.stream().anyMatch(task.shows()))
            .map(PageTask::run)
            .toList();
    List<Runnable> tasks = new ArrayList<>();
    if (!shown.isEmpty()) {
      tasks.add(paperFiles(views, out, papers, none));
    }
    tasks.addAll(pages);
    runInParallel(tasks, Progress.NONE);
    return pages.size();
  }

  /**
   * The task that makes the folders of the papers' pages and writes their BibTeX files, all of them
   * in the papers' folder, before the pages are rendered into them. With one thread for that
   * folder, the others do not wait on its lock: on ext4 a waiting thread spins, 2.5-9% of a
   * 10,000-paper build's CPU samples when every thread added its papers' entries.
   */
  private Runnable paperFiles(
      Views views, SiteOutput out, Predicate<PaperView> paperPages, Fragments pieces) {
    SiteUrls urls = views.site.urls();
    return () -> {
      for (PaperView paper : views.builder.papers()) {
        if (paperPages.test(paper)) {
          out.folderOf(urls.outputPath(paper.url()));
          String bibtex = bibtexEntry(pieces, views.builder.resolved(paper.id()).paper());
          out.text(urls.outputPath(urls.paperBibtex(paper.id())), w -> w.write(bibtex));
        }
      }
    };
  }

  /**
   * Renders the feeds, exports and lists of the whole site, which every paper is part of, and those
   * of the collections {@code collections} accepts, by id: the others did not change. In the
   * site-wide exports, the entries of the papers {@code before} names (as the files on disk show
   * them) are replaced in place where {@code out} can; the files are written whole otherwise.
   *
   * @return what to run once {@code out} has committed the files: the views then know where the new
   *     entries lie
   */
  public Runnable renderExports(
      Views views,
      SiteOutput out,
      Instant timestamp,
      Predicate<String> collections,
      Map<String, ResolvedPaper> before) {
    ResolvedSite site = views.site;
    Edit edit =
        new Edit(
            views.exports,
            before,
            new java.util.concurrent.ConcurrentHashMap<>(views.exports),
            ExportEntries.fit(site));
    runInParallel(
        machineReadable(
            site, out, timestamp, collections, Fragments.forThisHeap(site.papers().size()), edit),
        Progress.NONE);
    return () -> views.exports = Map.copyOf(edit.next());
  }

  /**
   * The exports as a build last wrote them ({@code kept}), the papers an edit changed as those show
   * them ({@code before}; none for a whole build), where the entries lie once written ({@code
   * next}), and whether that is noted at all ({@code noting}: not for a site too large).
   */
  private record Edit(
      Map<String, ExportEntries> kept,
      Map<String, ResolvedPaper> before,
      Map<String, ExportEntries> next,
      boolean noting) {}

  /**
   * The task of a site-wide export of an entry or more a paper: after an edit, its changed entries
   * are replaced in place when the file is as the last build left it; otherwise it is written
   * whole, its entries noted.
   */
  private static Runnable entries(
      SiteOutput out,
      String path,
      ExportEntries.Whole whole,
      ExportEntries.Kind kind,
      ResolvedSite site,
      Map<String, ResolvedPaper> byId,
      Edit edit) {
    return () -> {
      ExportEntries kept = edit.kept().get(path);
      if (kept != null && !edit.before().isEmpty()) {
        try {
          List<SiteOutput.Splice> parts = kept.splices(kind, edit.before(), byId);
          if (parts.isEmpty()) {
            return; // none of its entries changed
          }
          if (out.splice(path, kept.size(), parts)) {
            edit.next().put(path, kept.after(parts));
            return;
          }
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      out.text(
          path,
          w -> {
            ExportEntries.Recorder entries =
                edit.noting() ? ExportEntries.Recorder.of(w) : ExportEntries.Recorder.NONE;
            whole.write(w, site.papers(), entries);
            ExportEntries done = entries.done();
            if (done == null) {
              edit.next().remove(path);
            } else {
              edit.next().put(path, done);
            }
          });
    };
  }

  /** A page to render, and which papers it shows, by id. */
  private record PageTask(Runnable run, Predicate<String> shows) {}

  private static Predicate<String> showsAny(List<PaperView> papers) {
    return id -> papers.stream().anyMatch(p -> p.id().equals(id));
  }

  /** The page tasks: of every list, and of the papers {@code paperPages} accepts. */
  private List<PageTask> pageTasks(
      Views views,
      SiteOutput out,
      List<String> pageUrls,
      Predicate<PaperView> paperPages,
      Fragments pieces) {
    ResolvedSite site = views.site;
    ViewBuilder builder = views.builder;
    SiteView siteView = views.siteView;
    SiteUrls urls = site.urls();
    var settings = site.settings();
    List<PageTask> tasks = new ArrayList<>();
    PageTasks pages = new PageTasks(tasks, out, urls, pageUrls, site.papers().size());

    List<PaperView> papers = builder.papers();
    boolean dated = site.papers().stream().anyMatch(p -> p.paper().date().isPresent());
    List<PaperView> recent = papers.subList(0, Math.min(HOME_PAPERS, papers.size()));
    pages.add(
        "home.ftlh",
        showsAny(recent),
        () ->
            new Pages.Home(
                siteView,
                builder.listing(
                    "home", settings.title(), settings.description(), urls.home(), recent),
                site.introHtml(),
                builder.collections(),
                dated ? "Recent papers" : "Papers",
                recent,
                papers.size()));
    for (Paging.Part<PaperView> part : Paging.split(papers, PAGE_SIZE, urls.papers(), urls)) {
      pages.add(
          "papers.ftlh",
          showsAny(part.items()),
          () ->
              new Pages.PapersPage(
                  siteView,
                  builder.page(
                      "papers",
                      part.title("All papers"),
                      "Every paper in " + settings.title(),
                      part.url()),
                  part.items(),
                  papers.size(),
                  part.pagination()));
    }
    for (PaperView paper : papers) {
      if (!paperPages.test(paper)) {
        continue;
      }
      tasks.add(
          new PageTask(
              () -> {
                String bibtex = bibtexEntry(pieces, builder.resolved(paper.id()).paper());
                pages.page(
                    pageUrls,
                    "paper.ftlh",
                    new Pages.PaperPage(siteView, builder.paperPage(paper), paper, bibtex));
              },
              id -> true)); // chosen by paperPages already
    }
    for (CollectionView collection : builder.collections()) {
      for (Paging.Part<PaperView> part :
          Paging.split(collection.papers(), PAGE_SIZE, collection.url(), urls)) {
        pages.add(
            "collection.ftlh",
            showsAny(part.items()),
            () ->
                new Pages.CollectionPage(
                    siteView,
                    builder.collectionPage(collection, part),
                    collection,
                    part.items(),
                    part.pagination()));
      }
    }
    List<TagView> tags = builder.tags();
    for (TagView tag : tags) {
      for (Paging.Part<PaperView> part : Paging.split(tag.papers(), PAGE_SIZE, tag.url(), urls)) {
        pages.add(
            "tag.ftlh",
            showsAny(part.items()),
            () ->
                new Pages.TagPage(
                    siteView,
                    builder.listing(
                        "tag",
                        part.title("Tag: " + tag.name()),
                        "Papers tagged " + tag.name(),
                        part.url(),
                        part.items()),
                    tag,
                    part.items(),
                    part.pagination()));
      }
    }
    Predicate<String> none = id -> false;
    pages.add(
        "tags.ftlh",
        none,
        () ->
            new Pages.TagsPage(
                siteView,
                builder.page("tags", "Tags", "Every tag in " + settings.title(), urls.tags()),
                tags));
    pages.add(
        "search.ftlh",
        none,
        () ->
            new Pages.SearchPage(
                siteView,
                builder.page(
                    "search",
                    "Search",
                    "Search the papers of " + settings.title(),
                    urls.search())));
    pages.addUnlisted("404.ftlh", () -> new Pages.NotFoundPage(siteView, builder.notFoundPage()));
    return tasks;
  }

  /** Adds the rendering of a page to the tasks; its model is made when the task runs. */
  private final class PageTasks {
    private final List<PageTask> tasks;
    private final SiteOutput out;
    private final SiteUrls urls;
    private final List<String> pageUrls;
    // Fragments kept for this rendering only: the next one may show papers changed since.
    private final Fragments fragments;

    PageTasks(
        List<PageTask> tasks, SiteOutput out, SiteUrls urls, List<String> pageUrls, int papers) {
      this.fragments = Fragments.forThisHeap(papers);
      this.tasks = tasks;
      this.out = out;
      this.urls = urls;
      this.pageUrls = pageUrls;
    }

    /** A page that the sitemap lists. */
    void add(String template, Predicate<String> shows, Supplier<Pages.Page> model) {
      tasks.add(new PageTask(() -> page(pageUrls, template, model.get()), shows));
    }

    /** A page that the sitemap leaves out, such as the 404 page. */
    void addUnlisted(String template, Supplier<Pages.Page> model) {
      tasks.add(new PageTask(() -> page(new ArrayList<>(), template, model.get()), id -> false));
    }

    /** Renders a page now; a template's mistake becomes a problem at its file and line. */
    void page(List<String> pageUrls, String templateName, Pages.Page model) {
      String url = model.page().url();
      pageUrls.add(url);
      try {
        Template template = freemarker.getTemplate(templateName);
        out.text(
            urls.outputPath(url),
            w -> {
              try {
                Environment env = template.createProcessingEnvironment(model, w);
                fragments.serve(env);
                env.process();
              } catch (TemplateException e) {
                throw new TemplateFailure(e);
              }
            });
      } catch (UncheckedIOException wrapped) {
        if (!(wrapped.getCause() instanceof TemplateFailure failure)) {
          throw wrapped;
        }
        TemplateException e = failure.exception;
        problems.error(
            templatePosition(e.getTemplateSourceName(), e.getLineNumber(), e.getColumnNumber()),
            "template error: " + firstLine(e.getMessageWithoutStackTop()));
      } catch (TemplateNotFoundException e) {
        problems.error(
            SourcePosition.ofFile(templatesDisplayPath + "/" + templateName),
            "template not found: " + e.getTemplateName());
      } catch (ParseException e) {
        problems.error(
            templatePosition(e.getTemplateName(), e.getLineNumber(), e.getColumnNumber()),
            "template syntax error: " + e.getEditorMessage());
      } catch (SecurityException e) {
        // Freemarker refuses a template that links outside the templates folder.
        problems.error(
            SourcePosition.ofFile(templatesDisplayPath + "/" + templateName),
            "a template links outside the templates folder, which is refused; copy the file in instead");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Runs the tasks on every core, in their order: each thread takes the next task when it is done
   * with one, so a long task at the start does not leave a core idle at the end. The first failure
   * stops the build.
   */
  private static void runInParallel(List<Runnable> tasks, Progress progress) {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    int step = Math.max(1, tasks.size() / 10);
    int threads = Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement();
                      i < tasks.size();
                      i = next.getAndIncrement()) {
                    try {
                      tasks.get(i).run();
                    } catch (RuntimeException | Error e) {
                      next.set(tasks.size()); // the other threads stop after their current task
                      throw e;
                    }
                    int n = done.incrementAndGet();
                    if (n % step == 0) {
                      progress.done(n, tasks.size());
                    }
                  }
                }));
      }
      for (Future<?> worker : workers) {
        Futures.get(worker, "the build was interrupted");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Feeds, JSON exports, BibTeX, lists, and the files GitHub Pages reads: a task each. */
  private static List<Runnable> machineReadable(
      ResolvedSite site,
      SiteOutput out,
      Instant timestamp,
      Predicate<String> collections,
      Fragments pieces,
      Edit edit) {
    SiteUrls urls = site.urls();
    var settings = site.settings();
    List<Runnable> tasks = new ArrayList<>();
    tasks.add(() -> out.text(".nojekyll", w -> {}));
    if (!settings.domain().isEmpty()) {
      tasks.add(() -> out.text("CNAME", w -> w.write(settings.domain() + "\n")));
    }
    tasks.add(() -> out.text("robots.txt", w -> w.write(Sitemap.robots(urls))));

    Map<String, ResolvedPaper> byId = site.papersById();
    JsonExport json = new JsonExport(urls);
    Map<String, ExportEntries.Whole> exports = new java.util.LinkedHashMap<>();
    exports.put(
        urls.outputPath(urls.bibtex()),
        (w, papers, entries) ->
            BibTeX.write(
                w,
                papers.stream().map(ResolvedPaper::paper).toList(),
                BibTeX::exportEntry,
                entries));
    exports.put(
        "papers.json",
        (w, papers, entries) ->
            json.export(
                w, null, settings.title(), settings.description(), urls.home(), papers, entries));
    exports.put("papers.csl.json", json::cslJson);
    exports.put(urls.outputPath(urls.searchIndex()), json::searchIndex);
    exports.put(urls.outputPath(urls.searchText()), json::searchText);
    exports.forEach(
        (path, export) ->
            tasks.add(
                entries(out, path, export, ExportEntries.asWrittenBy(export), site, byId, edit)));
    AwesomeList awesome = new AwesomeList(site, pieces);
    tasks.add(
        entries(
            out,
            "awesome.md",
            (w, papers, entries) -> awesome.site(w, entries),
            (paper, first) -> awesome.lineOf(paper),
            site,
            byId,
            edit));
    AtomFeeds feeds =
        new AtomFeeds(
            urls,
            settings.author().isEmpty() ? settings.title() : settings.author(),
            timestamp == null ? Instant.EPOCH : timestamp);
    if (urls.hasOrigin()) {
      tasks.add(
          () ->
              out.text(
                  "feed.xml",
                  w ->
                      w.write(
                          feeds.feed(
                              settings.title(),
                              settings.description(),
                              urls.home(),
                              urls.feed(),
                              site.papers()))));
    }
    java.util.Comparator<ResolvedPaper> siteOrder = bySiteOrder(site);
    for (ResolvedCollection c : site.collections()) {
      if (!collections.test(c.id())) {
        continue;
      }
      List<ResolvedPaper> papers = c.paperIds().stream().map(byId::get).toList();
      String url = urls.collection(c.id());
      tasks.add(
          () -> {
            out.text(
                urls.outputPath(urls.collectionBibtex(c.id())),
                w ->
                    BibTeX.write(
                        w,
                        papers.stream().map(ResolvedPaper::paper).toList(),
                        p -> bibtexEntry(pieces, p)));
            out.text(
                urls.outputPath(url + "papers.json"),
                w ->
                    json.export(
                        w,
                        c.id(),
                        c.collection().title(),
                        c.collection().description(),
                        url,
                        papers,
                        ExportEntries.Recorder.NONE));
            out.text(urls.outputPath(url + "awesome.md"), w -> awesome.collection(w, c));
            if (urls.hasOrigin()) {
              String feedUrl = urls.collectionFeed(c.id());
              List<ResolvedPaper> newest = papers.stream().sorted(siteOrder).toList();
              out.text(
                  urls.outputPath(feedUrl),
                  w ->
                      w.write(
                          feeds.feed(
                              c.collection().title() + " · " + settings.title(),
                              c.collection().description(),
                              url,
                              feedUrl,
                              newest)));
            }
          });
    }
    return tasks;
  }

  /** A collection lists its papers in its own order; its feed wants them newest first. */
  private static java.util.Comparator<ResolvedPaper> bySiteOrder(ResolvedSite site) {
    Map<String, Integer> position = new java.util.HashMap<>();
    for (int i = 0; i < site.papers().size(); i++) {
      position.put(site.papers().get(i).id(), i);
    }
    return java.util.Comparator.comparingInt(p -> position.get(p.id()));
  }

  /** Carries a template's failure out of the writer callback, to be reported as a problem. */
  private static final class TemplateFailure extends java.io.IOException {
    private final transient TemplateException exception;

    TemplateFailure(TemplateException exception) {
      super(exception);
      this.exception = exception;
    }
  }

  private SourcePosition templatePosition(String name, Integer line, Integer column) {
    String file = name == null ? templatesDisplayPath : templatesDisplayPath + "/" + name;
    return line == null || line < 1
        ? SourcePosition.ofFile(file)
        : new SourcePosition(file, line, column == null || column < 1 ? 1 : column);
  }

  private static String firstLine(String message) {
    String line = message.strip().lines().findFirst().orElse(message);
    return line.replaceAll("\\s+", " ");
  }
}
