package io.papersite;

import io.papersite.load.ContentLoader;
import io.papersite.load.SourceFile;
import io.papersite.model.MarkdownText;
import io.papersite.model.Paper;
import io.papersite.model.Problems;
import io.papersite.model.SourcePosition;
import io.papersite.parse.ContentParser;
import io.papersite.render.SiteRenderer;
import io.papersite.resolve.ResolvedPaper;
import io.papersite.resolve.ResolvedSite;
import io.papersite.resolve.Resolver;
import io.papersite.write.Fingerprint;
import io.papersite.write.SiteWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A site kept in memory between builds, for the live preview and build servers ({@link
 * ServedSite}). An edit to the entry or the notes of papers that keeps their ids, dates, tags,
 * identifiers and places in the site renders again only the pages that show them, written in place;
 * the feeds and exports, which hold every paper, follow in {@link #finishExports()}. Any other
 * change builds the whole site, as {@link Papersite#generate} does.
 */
public final class LiveSite {

  /** More changed papers than this make a full build. */
  static final int MAX_PAPERS = 50;

  private final GenerateRequest request;
  private final Path content;
  private final Path papersFolder;
  private final Path templates;
  private Papersite.Build build;
  private SiteRenderer.Views views;
  private Fingerprint.Snapshot files;
  private final Set<Path> paperFiles = new HashSet<>();
  // Papers changed since the feeds and exports were last written, as those show them: their
  // entries there and their collections' files wait.
  private final Map<String, ResolvedPaper> exportsPending = new HashMap<>();

  public LiveSite(GenerateRequest request) {
    this.request = request;
    this.content = request.contentDirectory().toAbsolutePath().normalize();
    this.papersFolder = content.resolve("papers");
    this.templates = request.templatesDirectory().toAbsolutePath().normalize();
  }

  /**
   * What one change did.
   *
   * @param incremental whether only the pages of the changed papers were rendered
   * @param papers the ids of the papers changed, when incremental
   * @param pages how many pages were rendered, when incremental
   * @param filesWritten how many files differed and were replaced, when incremental
   * @param filesUnchanged how many files were rendered the same as they were, when incremental
   * @param fullBuild the whole build's result, when not incremental
   */
  public record Change(
      boolean incremental,
      List<String> papers,
      int pages,
      int filesWritten,
      int filesUnchanged,
      Duration duration,
      GenerateResult fullBuild) {

    /** One line for the log. */
    public String summary() {
      if (!incremental) {
        return fullBuild.summary();
      }
      if (papers.isEmpty()) {
        return "Papersite: no paper changed; nothing to render (" + duration.toMillis() + " ms)";
      }
      return String.format(
          "Papersite: %s changed (%s); %s rendered, %s written in %d ms",
          GenerateResult.count(papers.size(), "paper"),
          String.join(", ", papers),
          GenerateResult.count(pages, "page"),
          GenerateResult.count(filesWritten, "file"),
          duration.toMillis());
    }
  }

  /** Builds the whole site and keeps its model for the next change. */
  public GenerateResult build() {
    build = null;
    views = null;
    files = null;
    exportsPending.clear();
    GenerateResult result = build(Progress.NONE, null);
    if (build == null) { // the site was up to date: nothing was rendered, so nothing is kept yet
      Papersite.Build checked = Papersite.check(request, false);
      keep(checked, checked.renderer().views(checked.site()), null);
    }
    return result;
  }

  /**
   * Builds the whole site as {@link Papersite#generate} does and keeps its model; when the site was
   * up to date, or the build fails, the model kept before stays, as the site does.
   *
   * @param read the content and template files as just read, or null to read them here
   */
  GenerateResult build(Progress progress, Fingerprint.Snapshot read) {
    return build(progress, read, null);
  }

  /**
   * Builds the whole site from the kept model, made of the files as {@code read} found them (with
   * an edit {@link #takeEdit} took): the content is neither read nor checked again. As {@link
   * #build(Progress, Fingerprint.Snapshot)} otherwise.
   */
  GenerateResult buildFromModel(Progress progress, Fingerprint.Snapshot read) {
    return build(progress, read, new Papersite.Model(build, views));
  }

  private GenerateResult build(
      Progress progress, Fingerprint.Snapshot read, Papersite.Model model) {
    GenerateResult result = Papersite.generate(request, progress, this::keep, read, model);
    if (result.upToDate() && build != null && read != null) {
      files = read; // the same files, looked at later
    }
    return result;
  }

  /** This site's kept model, for a build of the same content into {@code other}'s output. */
  LiveSite movedTo(GenerateRequest other) {
    LiveSite moved = new LiveSite(other);
    moved.build = build;
    moved.views = views;
    moved.files = files;
    moved.paperFiles.addAll(paperFiles);
    return moved;
  }

  /**
   * Builds the site to nothing, as a new build server warms up ({@link Papersite#rehearse}), and
   * keeps its model; false, keeping nothing, when {@code stop} stopped it.
   */
  boolean rehearse(java.util.function.BooleanSupplier stop) {
    return Papersite.rehearse(request, stop, this::keep);
  }

  private void keep(Papersite.Build kept, SiteRenderer.Views keptViews, Fingerprint.Snapshot read) {
    exportsPending.clear(); // a full build wrote them
    if (kept != build) { // a build from the kept model has the same files
      paperFiles.clear();
      for (SourceFile file : kept.files().papers()) {
        paperFiles.add(file.path().toAbsolutePath().normalize());
      }
      for (SourceFile file : kept.files().paperNotes()) {
        paperFiles.add(file.path().toAbsolutePath().normalize());
      }
    }
    build = kept;
    views = keptViews;
    files = read;
  }

  /** How many papers the kept site has. */
  int papers() {
    return views.site().papers().size();
  }

  /** Whether a model is kept; the files it was built from, when the build said. */
  Optional<Fingerprint.Snapshot> keptFiles() {
    return build == null ? Optional.empty() : Optional.ofNullable(files);
  }

  /**
   * Renders again the pages of the papers that {@code changed} edited, with the feeds and exports,
   * and replaces the files that changed, remembering {@code now} as the files the site is built
   * from; empty, with nothing written, when the change needs a full build.
   */
  Optional<Change> edit(Set<Path> changed, Fingerprint.Snapshot now, String fingerprint) {
    Optional<Change> change = incremental(changed, System.nanoTime(), fingerprint);
    change.ifPresent(done -> files = now);
    return change;
  }

  /**
   * Takes the files that changed: renders again only the pages of the edited papers when it can,
   * else builds the whole site.
   *
   * @throws ContentException when the content has errors; the site is then as it was
   */
  public Change update(Set<Path> changed) {
    long start = System.nanoTime();
    Optional<Change> fast = incremental(changed, start, null);
    if (fast.isPresent()) {
      return fast.get();
    }
    GenerateResult result = build();
    return new Change(
        false, List.of(), 0, 0, 0, Duration.ofNanos(System.nanoTime() - start), result);
  }

  /**
   * Runs the steps of an edit once on the first paper, writing nothing, so that the reader's first
   * edit finds them loaded and compiled.
   */
  public void warmUp() {
    if (build == null || views.site().papers().isEmpty()) {
      return;
    }
    ResolvedPaper first = views.site().papers().get(0);
    Problems problems = new Problems();
    Path file =
        build.files().papers().stream()
            .filter(f -> f.displayPath().equals(first.paper().position().file()))
            .map(SourceFile::path)
            .findFirst()
            .orElse(null);
    if (file != null) {
      new ContentLoader(request.projectDirectory(), problems)
          .readAgain(content, file)
          .ifPresent(source -> new ContentParser(problems).papersOf(source));
    }
    build.resolver().replace(views.site(), first.paper(), problems);
    build
        .renderer()
        .renderPagesOf(views, Set.of(first.id()), Set.of(first.id()), SiteWriter.discarding());
  }

  /** Writes the feeds, exports and lists that the last incremental change left behind. */
  public Duration finishExports() {
    long start = System.nanoTime();
    if (!exportsPending.isEmpty()) {
      try (SiteWriter.Update out = new SiteWriter(request.outputDirectory()).update()) {
        Runnable written = renderExports(out, Map.copyOf(exportsPending));
        out.commit();
        written.run();
      }
      exportsPending.clear();
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /**
   * Renders the site's feeds and exports, those of the collections of the papers {@code shown}
   * names, and replaces those papers' entries (as the files show them); returns what to run once
   * {@code out} has committed.
   */
  private Runnable renderExports(SiteWriter.Update out, Map<String, ResolvedPaper> shown) {
    Set<String> collections = new HashSet<>();
    shown.keySet().forEach(id -> collections.addAll(views.paper(id).collectionIds()));
    return build
        .renderer()
        .renderExports(views, out, request.timestamp(), collections::contains, shown);
  }

  /**
   * @param fingerprint null to leave the feeds and exports for {@link #finishExports()}; else they
   *     are rendered too, and the site remembers this fingerprint
   */
  private Optional<Change> incremental(Set<Path> changed, long start, String fingerprint) {
    if (build == null) {
      return Optional.empty();
    }
    try {
      return renderChanged(changed, start, fingerprint);
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      return Optional.empty(); // the site on disk is gone, or being written by another build
    }
  }

  /**
   * The papers that the files {@code changed} edited, checked, and the site with them: empty when
   * the change needs a full build. The kept model is not changed yet.
   *
   * @param updated the edited papers by id, in the site, resolved
   * @param site the site with all of them
   */
  private record Edited(Map<String, ResolvedPaper> updated, ResolvedSite site) {}

  private Optional<Edited> edited(Set<Path> changed) {
    Map<String, Paper> updated = new LinkedHashMap<>();
    Map<Path, SourceFile> reread = new HashMap<>();
    Problems problems = new Problems();
    ResolvedSite site = views.site();
    ContentLoader loader = new ContentLoader(request.projectDirectory(), problems);
    for (Path path : changed) {
      Path file = path.toAbsolutePath().normalize();
      if (!paperFiles.contains(file)) {
        if (mayMatter(file)) {
          return Optional.empty();
        }
        continue;
      }
      if (!Files.isRegularFile(file)) {
        return Optional.empty(); // a paper was removed
      }
      Optional<SourceFile> again = loader.readAgain(content, file);
      if (again.isEmpty() || problems(problems)) {
        return Optional.empty();
      }
      reread.put(file, again.get());
    }
    for (SourceFile file : reread.values()) {
      if (!file.displayPath().endsWith(".yaml")) {
        continue;
      }
      List<Paper> papers = new ContentParser(problems).papersOf(file);
      List<String> before =
          site.papers().stream()
              .filter(p -> p.paper().position().file().equals(file.displayPath()))
              .map(ResolvedPaper::id)
              .toList();
      if (problems(problems)
          || papers.size() != 1
          || !before.equals(List.of(papers.get(0).id()))
          || !papers.get(0).notes().isBlank()) {
        return Optional.empty();
      }
      Paper paper = papers.get(0);
      Paper now = views.paper(paper.id()).paper();
      Paper withNotes = now.notes().isBlank() ? paper : paper.withNotes(now.notes());
      if (!withNotes.equals(now)) { // else saved without a change
        updated.put(paper.id(), withNotes);
      }
    }
    for (SourceFile file : reread.values()) {
      if (!file.displayPath().endsWith(".md")) {
        continue;
      }
      String id = file.baseName();
      Paper paper = updated.getOrDefault(id, views.paper(id).paper());
      if (!file.text().equals(paper.notes().source())) {
        updated.put(
            id,
            paper.withNotes(
                new MarkdownText(file.text(), new SourcePosition(file.displayPath(), 1, 1), true)));
      }
    }
    if (updated.size() > MAX_PAPERS) {
      return Optional.empty(); // a checkout or a search-and-replace: a full build is as quick
    }
    Map<String, ResolvedPaper> resolved = new LinkedHashMap<>();
    for (Paper paper : updated.values()) {
      // Each paper is checked against its neighbours as the papers before it left them.
      Optional<ResolvedPaper> one = build.resolver().replace(site, paper, problems);
      if (one.isEmpty() || problems(problems)) {
        return Optional.empty();
      }
      site = Resolver.with(site, one.get());
      resolved.put(paper.id(), one.get());
    }
    return Optional.of(new Edited(resolved, site));
  }

  /**
   * Takes the edit of the files {@code changed} into the kept model, writing nothing, for a build
   * of the whole site from it ({@link #buildFromModel}) elsewhere; false when the change needs a
   * full build.
   */
  boolean takeEdit(Set<Path> changed) {
    Optional<Edited> edit = edited(changed);
    edit.ifPresent(e -> e.updated().values().forEach(paper -> views.replace(e.site(), paper)));
    return edit.isPresent();
  }

  /** What {@link #incremental} does, throwing when the site on disk is not the kept one. */
  private Optional<Change> renderChanged(Set<Path> changed, long start, String fingerprint) {
    Optional<Edited> edit = edited(changed);
    if (edit.isEmpty()) {
      return Optional.empty();
    }
    Map<String, ResolvedPaper> updated = edit.get().updated();
    if (updated.isEmpty()) {
      if (fingerprint != null) { // the site is as it was, and now built from these files
        try (SiteWriter.Update out = new SiteWriter(request.outputDirectory()).update()) {
          out.commit(fingerprint);
        }
      }
      return Optional.of(
          new Change(true, List.of(), 0, 0, 0, Duration.ofNanos(System.nanoTime() - start), null));
    }
    Map<String, ResolvedPaper> shown = new HashMap<>(exportsPending);
    updated.keySet().forEach(id -> shown.putIfAbsent(id, views.paper(id)));
    Set<String> paperPages = new HashSet<>();
    for (ResolvedPaper paper : updated.values()) {
      paperPages.addAll(views.replace(edit.get().site(), paper));
    }
    int pages;
    int written;
    int same;
    try (SiteWriter.Update out = new SiteWriter(request.outputDirectory()).update()) {
      pages = build.renderer().renderPagesOf(views, updated.keySet(), paperPages, out);
      Runnable exportsWritten = () -> {};
      if (fingerprint != null) {
        exportsWritten = renderExports(out, shown);
      }
      if (build.problems().hasErrors()) {
        return Optional.empty(); // a template failed: the full build reports it
      }
      same = out.unchanged();
      written = fingerprint == null ? out.commit() : out.commit(fingerprint);
      exportsWritten.run();
    }
    if (fingerprint == null) {
      exportsPending.putAll(shown);
    } else {
      exportsPending.clear();
    }
    return Optional.of(
        new Change(
            true,
            List.copyOf(updated.keySet()),
            pages,
            written,
            same,
            Duration.ofNanos(System.nanoTime() - start),
            null));
  }

  /** Any problem sends the change to a full build, which reports every problem of the site. */
  private static boolean problems(Problems problems) {
    return !problems.sorted().isEmpty();
  }

  /** Whether a changed file that no paper came from may change the site. */
  private boolean mayMatter(Path file) {
    if (file.startsWith(templates)) {
      return true;
    }
    if (!file.startsWith(content)) {
      return false;
    }
    if (file.getParent().equals(papersFolder)) {
      String name = file.getFileName().toString();
      // A new entry or notes file; editors' own files beside them are no content.
      return (name.endsWith(".yaml") || name.endsWith(".md")) && Files.exists(file);
    }
    return !Files.isDirectory(file) || !file.startsWith(papersFolder);
  }
}
