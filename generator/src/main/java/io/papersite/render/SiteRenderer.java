package io.papersite.render;

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
import io.papersite.model.Problems;
import io.papersite.model.SourcePosition;
import io.papersite.render.view.Pages;
import io.papersite.render.view.PaperView;
import io.papersite.render.view.SiteView;
import io.papersite.render.view.TagView;
import io.papersite.resolve.ResolvedCollection;
import io.papersite.resolve.ResolvedPaper;
import io.papersite.resolve.ResolvedSite;
import io.papersite.resolve.SiteUrls;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    return cfg;
  }

  /**
   * @param timestamp the build time, given to feed entries of papers without a date; null for the
   *     start of 1970, so that builds stay reproducible
   */
  public List<OutputFile> render(ResolvedSite site, Instant timestamp) {
    Map<String, byte[]> assets = theme.assets();
    SiteUrls urls = site.urls();
    List<String> stylesheets = new ArrayList<>();
    stylesheets.add(urls.file("assets/style.css"));
    if (assets.containsKey("assets/custom.css")) {
      stylesheets.add(urls.file("assets/custom.css"));
    }
    ViewBuilder views = new ViewBuilder(site);
    SiteView siteView = views.site(stylesheets);
    var settings = site.settings();

    List<OutputFile> files = new ArrayList<>();
    List<String> pageUrls = new ArrayList<>();
    var papers = views.papers();
    boolean dated = site.papers().stream().anyMatch(p -> p.paper().date().isPresent());
    page(
        files,
        pageUrls,
        urls,
        "home.ftlh",
        new Pages.Home(
            siteView,
            views.listing(
                "home",
                settings.title(),
                settings.description(),
                urls.home(),
                papers.subList(0, Math.min(HOME_PAPERS, papers.size()))),
            site.introHtml(),
            views.collections(),
            dated ? "Recent papers" : "Papers",
            papers.subList(0, Math.min(HOME_PAPERS, papers.size())),
            papers.size()));
    page(
        files,
        pageUrls,
        urls,
        "papers.ftlh",
        new Pages.PapersPage(
            siteView,
            views.page("papers", "All papers", "Every paper in " + settings.title(), urls.papers()),
            papers));
    for (var paper : papers) {
      page(
          files,
          pageUrls,
          urls,
          "paper.ftlh",
          new Pages.PaperPage(siteView, views.paperPage(paper), paper));
    }
    for (var collection : views.collections()) {
      page(
          files,
          pageUrls,
          urls,
          "collection.ftlh",
          new Pages.CollectionPage(siteView, views.collectionPage(collection), collection));
    }
    List<TagView> tags = views.tags();
    for (TagView tag : tags) {
      page(
          files,
          pageUrls,
          urls,
          "tag.ftlh",
          new Pages.TagPage(
              siteView,
              views.listing(
                  "tag",
                  "Tag: " + tag.name(),
                  "Papers tagged " + tag.name(),
                  tag.url(),
                  tag.papers()),
              tag));
    }
    page(
        files,
        pageUrls,
        urls,
        "tags.ftlh",
        new Pages.TagsPage(
            siteView,
            views.page("tags", "Tags", "Every tag in " + settings.title(), urls.tags()),
            tags));
    page(
        files,
        pageUrls,
        urls,
        "search.ftlh",
        new Pages.SearchPage(
            siteView,
            views.page(
                "search", "Search", "Search the papers of " + settings.title(), urls.search())));
    page(
        files,
        new ArrayList<>(),
        urls,
        "404.ftlh",
        new Pages.NotFoundPage(siteView, views.notFoundPage()));

    files.addAll(machineReadable(site, pageUrls, timestamp));
    boolean math = papers.stream().anyMatch(PaperView::math);
    FrontEndLibraries.files(math).forEach((path, bytes) -> files.add(new OutputFile(path, bytes)));
    assets.forEach((path, bytes) -> files.add(new OutputFile(path, bytes)));
    return files;
  }

  /** Feeds, sitemap, JSON exports, and the files GitHub Pages reads. */
  private static List<OutputFile> machineReadable(
      ResolvedSite site, List<String> pageUrls, Instant timestamp) {
    SiteUrls urls = site.urls();
    var settings = site.settings();
    List<OutputFile> files = new ArrayList<>();
    files.add(OutputFile.text(".nojekyll", ""));
    if (!settings.domain().isEmpty()) {
      files.add(OutputFile.text("CNAME", settings.domain() + "\n"));
    }
    files.add(OutputFile.text("robots.txt", Sitemap.robots(urls)));

    Map<String, ResolvedPaper> byId = site.papersById();
    for (ResolvedPaper paper : site.papers()) {
      files.add(
          OutputFile.text(
              urls.outputPath(urls.paperBibtex(paper.id())), BibTeX.entry(paper.paper())));
    }
    files.add(
        OutputFile.text(
            urls.outputPath(urls.bibtex()),
            BibTeX.entries(site.papers().stream().map(ResolvedPaper::paper).toList())));
    for (ResolvedCollection c : site.collections()) {
      files.add(
          OutputFile.text(
              urls.outputPath(urls.collectionBibtex(c.id())),
              BibTeX.entries(c.paperIds().stream().map(id -> byId.get(id).paper()).toList())));
    }
    JsonExport json = new JsonExport(urls);
    files.add(OutputFile.text("papers.csl.json", json.cslJson(site.papers())));
    AwesomeList awesome = new AwesomeList(site);
    files.add(OutputFile.text("awesome.md", awesome.site()));
    for (ResolvedCollection c : site.collections()) {
      files.add(
          OutputFile.text(
              urls.outputPath(urls.collection(c.id()) + "awesome.md"), awesome.collection(c)));
    }
    files.add(
        OutputFile.text(urls.outputPath(urls.searchIndex()), json.searchIndex(site.papers())));
    files.add(
        OutputFile.text(
            "papers.json",
            json.export(
                null, settings.title(), settings.description(), urls.home(), site.papers())));
    for (ResolvedCollection c : site.collections()) {
      List<ResolvedPaper> papers = c.paperIds().stream().map(byId::get).toList();
      String url = urls.collection(c.id());
      files.add(
          OutputFile.text(
              urls.outputPath(url + "papers.json"),
              json.export(
                  c.id(), c.collection().title(), c.collection().description(), url, papers)));
    }
    if (!urls.hasOrigin()) {
      return files; // sitemaps and feeds need absolute URLs
    }
    files.add(OutputFile.text("sitemap.xml", Sitemap.sitemap(urls, pageUrls)));
    AtomFeeds feeds =
        new AtomFeeds(
            urls,
            settings.author().isEmpty() ? settings.title() : settings.author(),
            timestamp == null ? Instant.EPOCH : timestamp);
    files.add(
        OutputFile.text(
            "feed.xml",
            feeds.feed(
                settings.title(),
                settings.description(),
                urls.home(),
                urls.feed(),
                site.papers())));
    for (ResolvedCollection c : site.collections()) {
      List<ResolvedPaper> papers =
          c.paperIds().stream().map(byId::get).sorted(bySiteOrder(site)).toList();
      String feedUrl = urls.collectionFeed(c.id());
      files.add(
          OutputFile.text(
              urls.outputPath(feedUrl),
              feeds.feed(
                  c.collection().title() + " · " + settings.title(),
                  c.collection().description(),
                  urls.collection(c.id()),
                  feedUrl,
                  papers)));
    }
    return files;
  }

  /** A collection lists its papers in its own order; its feed wants them newest first. */
  private static java.util.Comparator<ResolvedPaper> bySiteOrder(ResolvedSite site) {
    Map<String, Integer> position = new java.util.HashMap<>();
    for (int i = 0; i < site.papers().size(); i++) {
      position.put(site.papers().get(i).id(), i);
    }
    return java.util.Comparator.comparingInt(p -> position.get(p.id()));
  }

  private void page(
      List<OutputFile> files,
      List<String> pageUrls,
      SiteUrls urls,
      String templateName,
      Pages.Page model) {
    String url = model.page().url();
    pageUrls.add(url);
    try {
      Template template = freemarker.getTemplate(templateName);
      StringWriter out = new StringWriter();
      template.process(model, out);
      files.add(OutputFile.text(urls.outputPath(url), out.toString()));
    } catch (TemplateNotFoundException e) {
      problems.error(
          SourcePosition.ofFile(templatesDisplayPath + "/" + templateName),
          "template not found: " + e.getTemplateName());
    } catch (ParseException e) {
      problems.error(
          templatePosition(e.getTemplateName(), e.getLineNumber(), e.getColumnNumber()),
          "template syntax error: " + e.getEditorMessage());
    } catch (TemplateException e) {
      problems.error(
          templatePosition(e.getTemplateSourceName(), e.getLineNumber(), e.getColumnNumber()),
          "template error: " + firstLine(e.getMessageWithoutStackTop()));
    } catch (SecurityException e) {
      // Freemarker refuses a template that links outside the templates folder.
      problems.error(
          SourcePosition.ofFile(templatesDisplayPath + "/" + templateName),
          "a template links outside the templates folder, which is refused; copy the file in instead");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
