package io.papersite;

import io.papersite.bibtex.BibTeXImporter;
import io.papersite.load.ContentFiles;
import io.papersite.load.ContentLoader;
import io.papersite.model.Content;
import io.papersite.model.Futures;
import io.papersite.model.Problems;
import io.papersite.model.SiteSettings;
import io.papersite.model.SourcePosition;
import io.papersite.parse.ContentParser;
import io.papersite.publish.BranchPublisher;
import io.papersite.render.AwesomeList;
import io.papersite.render.SiteRenderer;
import io.papersite.resolve.ResolvedSite;
import io.papersite.resolve.Resolver;
import io.papersite.resolve.SiteUrls;
import io.papersite.write.Fingerprint;
import io.papersite.write.SiteWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The generator's entry point. A build is a recipe of stages: load the files, parse them into the
 * model, resolve cross-references, render the pages, write the site. When the content has errors,
 * both methods throw a {@link ContentException} that lists every problem, and nothing is written.
 *
 * <pre>{@code
 * GenerateResult result = Papersite.generate(GenerateRequest.forProject(Path.of("my-papers")));
 * System.out.println(result.summary());
 * }</pre>
 */
public final class Papersite {

  private Papersite() {}

  /** Checks the content and builds the site. */
  public static GenerateResult generate(GenerateRequest request) {
    return generate(request, Progress.NONE);
  }

  /** Checks the content and builds the site, telling {@code progress} how the rendering goes. */
  public static GenerateResult generate(GenerateRequest request, Progress progress) {
    return generate(request, progress, Keeper.NONE, null);
  }

  /**
   * Builds as {@link #generate(GenerateRequest, Progress)} does, in {@code jvm}, a second JVM that
   * the caller found faster for this collection ({@link SecondJvm#paysFor}); in this one when the
   * second JVM cannot be started.
   */
  public static GenerateResult generate(GenerateRequest request, Progress progress, SecondJvm jvm) {
    return ForkedBuild.run(request, progress, jvm, System.out::println)
        .orElseGet(() -> generate(request, progress));
  }

  /**
   * Checks {@code request}'s content and renders every page of it to nothing, writing no file: what
   * a new {@link BuildServer} does to have its code compiled before its first build. Returns false
   * when {@code stop} said so before the end (it is asked before each file); else hands what it
   * made to {@code keeper}.
   *
   * @throws ContentException when the content has errors
   */
  static boolean rehearse(
      GenerateRequest request, java.util.function.BooleanSupplier stop, Keeper keeper) {
    java.time.Instant begun = java.time.Instant.now();
    // As a clean build: the content digested as it is read, for the fingerprint.
    Build build = check(request, false, true);
    Fingerprint.Snapshot files = snapshot(request, build.loader.digests(), begun);
    try (SiteWriter.Staging nothing = new SiteWriter(request.outputDirectory()).rehearsal(stop)) {
      SiteRenderer.Views views = build.renderer.views(build.site);
      build.renderer.render(views, nothing, request.timestamp(), Progress.NONE);
      keeper.keep(build, views, files);
      return true;
    } catch (SiteWriter.Stopped e) {
      return false;
    }
  }

  /** What a live preview keeps of a build, to render again only what an edit changes. */
  interface Keeper {
    /**
     * @param files the content and template files the build read, with their digests
     */
    void keep(Build build, SiteRenderer.Views views, Fingerprint.Snapshot files);

    /**
     * Keeps nothing: a clean build lets go of its files' snapshot as soon as their fingerprint is
     * made (at 100,000 papers, tens of megabytes of a heap that the site nearly fills).
     */
    Keeper NONE = (build, views, files) -> {};
  }

  /** The files a build read, when kept, and their fingerprint. */
  private record Listed(Fingerprint.Snapshot files, String fingerprint) {}

  /**
   * Builds as {@link #generate(GenerateRequest, Progress)}, handing what it made to {@code keeper}.
   *
   * @param read the content and template files as just read, or null to read them here
   */
  static GenerateResult generate(
      GenerateRequest request, Progress progress, Keeper keeper, Fingerprint.Snapshot read) {
    return generate(request, progress, keeper, read, null);
  }

  /**
   * The model a build made, with its views, for a next build of the same content: a build server
   * keeps it, to render the whole site again without reading and checking the content again.
   */
  record Model(Build build, SiteRenderer.Views views) {}

  /**
   * Builds as {@link #generate(GenerateRequest, Progress, Keeper, Fingerprint.Snapshot)}; from
   * {@code model} when it is not null, which the content files {@code read} (then not null) were
   * made into and checked, without warnings, by earlier builds and edits.
   */
  static GenerateResult generate(
      GenerateRequest request,
      Progress progress,
      Keeper keeper,
      Fingerprint.Snapshot read,
      Model model) {
    long start = System.nanoTime();
    java.time.Instant begun = java.time.Instant.now();
    String previous = Fingerprint.of(request.outputDirectory().toAbsolutePath().normalize());
    // With nothing to compare with, the content files are digested as they are read, not twice.
    Fingerprint.Snapshot files =
        model != null
            ? java.util.Objects.requireNonNull(read)
            : previous.isEmpty() ? null : read != null ? read : snapshot(request, Map.of(), begun);
    String fingerprint = files == null ? "" : fingerprint(request, files);
    if (!fingerprint.isEmpty()
        && !new SiteWriter(request.outputDirectory()).hasLeftovers()
        && fingerprint.equals(previous)) {
      return new GenerateResult(
          request.outputDirectory(),
          0,
          0,
          0,
          0,
          true,
          List.of(),
          Fingerprint.basePath(request.outputDirectory().toAbsolutePath().normalize()),
          Duration.ofNanos(System.nanoTime() - start),
          List.of());
    }
    boolean keeping = keeper != Keeper.NONE;
    // A build that keeps nothing lets go of the snapshot it compared: at 100,000 papers, the 80 MB
    // of 200,000 files' entries that a rebuild into an earlier site ran out of memory for.
    Listed compared = files == null ? null : new Listed(keeping ? files : null, fingerprint);
    files = null;
    Build build =
        model != null
            ? withOutputChecked(request, model.build())
            : check(request, true, previous.isEmpty());
    // A clean build lists its folders for the fingerprint while it renders, not before (a tenth
    // of a second of one core at 10,000 papers); only the commit needs it.
    java.util.concurrent.Future<Listed> listing =
        compared == null
            ? inBackground(
                () -> {
                  Fingerprint.Snapshot listed = snapshot(request, build.loader.digests(), begun);
                  build.loader.digests().clear(); // in the snapshot now
                  return new Listed(keeping ? listed : null, fingerprint(request, listed));
                })
            : java.util.concurrent.CompletableFuture.completedFuture(compared);
    long checked = System.nanoTime();
    String papers = GenerateResult.count(build.site.papers().size(), "paper");
    progress.stageDone(
        model != null ? "reused the last build's model of " + papers : "checked " + papers,
        Duration.ofNanos(checked - start));
    try (SiteWriter.Staging output = new SiteWriter(request.outputDirectory()).open()) {
      SiteRenderer.Views views = model != null ? model.views() : build.renderer.views(build.site);
      build.renderer.render(views, output, request.timestamp(), progress);
      addStaticFiles(build.files.staticFiles(), output, build);
      progress.stageDone(
          "rendered " + GenerateResult.count(output.files(), "file"),
          Duration.ofNanos(System.nanoTime() - checked));
      build.failOnErrors(); // a template error: nothing is swapped in
      int pages = output.pages();
      int unchanged = output.unchanged();
      List<io.papersite.model.Problem> warnings = build.problems.sorted();
      Listed listed = Futures.get(listing, "the build was interrupted");
      // A build with warnings is not remembered as done, so that they are shown again next time.
      int written =
          output.commit(
              warnings.isEmpty() ? listed.fingerprint() : "", build.site.urls().basePath());
      keeper.keep(build, views, listed.files());
      return new GenerateResult(
          request.outputDirectory(),
          build.site.papers().size(),
          pages,
          written,
          unchanged,
          false,
          warnings,
          build.site.urls().basePath(),
          Duration.ofNanos(System.nanoTime() - start),
          List.of());
    }
  }

  /** Runs {@code task} on a thread of its own, which ends with it. */
  private static <T> java.util.concurrent.Future<T> inBackground(
      java.util.concurrent.Callable<T> task) {
    var future = new java.util.concurrent.FutureTask<>(task);
    Thread thread = new Thread(future, "papersite-fingerprint");
    thread.setDaemon(true);
    thread.start();
    return future;
  }

  /**
   * Checks as {@link #validate(GenerateRequest)} does, in {@code jvm}, as {@link
   * #generate(GenerateRequest, Progress, SecondJvm)} builds.
   */
  public static ValidateResult validate(GenerateRequest request, SecondJvm jvm) {
    return ForkedBuild.validate(request, jvm, System.out::println)
        .orElseGet(() -> validate(request));
  }

  /** Checks the content as {@link #generate} does, without rendering or writing anything. */
  public static ValidateResult validate(GenerateRequest request) {
    long start = System.nanoTime();
    Build build = check(request, false);
    return new ValidateResult(
        build.site.papers().size(),
        build.site.collections().size(),
        build.problems.sorted(),
        Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * Commits a built site onto a branch (such as {@code gh-pages}) and pushes it when a remote is
   * given, leaving the work tree and the current branch alone.
   *
   * @throws PublishException when it cannot, saying why; nothing is changed then
   */
  public static PublishResult publish(PublishRequest request) {
    return new BranchPublisher(request).publish();
  }

  /**
   * Imports BibTeX files as paper entries of the content folder, never overwriting one.
   *
   * @return what was created, updated and skipped, and the entries that could not be read
   */
  public static ImportResult importBibtex(ImportRequest request) {
    return new BibTeXImporter(request).run();
  }

  /** The marker lines between which {@link #updateReadme} writes the list of papers. */
  public static final String README_BEGIN = "<!-- papersite:begin -->";

  public static final String README_END = "<!-- papersite:end -->";

  /**
   * Writes the collection as an awesome list into a Markdown file (a repository's README) between
   * the lines {@value #README_BEGIN} and {@value #README_END}; the rest of the file stays as it is.
   *
   * @return whether the file changed
   * @throws ContentException when the content has errors, or the file lacks the marker lines
   */
  public static boolean updateReadme(GenerateRequest request, Path readme) {
    Build build = check(request, false);
    String shown = build.loader.displayPath(readme);
    String text;
    try {
      text = Files.exists(readme) ? Files.readString(readme) : "";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + readme, e);
    }
    int begin = text.indexOf(README_BEGIN);
    int end = text.indexOf(README_END);
    if (begin < 0 || end < begin) {
      build.problems.error(
          SourcePosition.ofFile(shown),
          "add the two lines "
              + README_BEGIN
              + " and "
              + README_END
              + " where the list of papers should go");
      build.failOnErrors();
    }
    String list = new AwesomeList(build.site).body(2);
    String updated =
        text.substring(0, begin + README_BEGIN.length()) + "\n" + list + text.substring(end);
    if (updated.equals(text)) {
      return false;
    }
    try {
      Files.writeString(readme, updated);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + readme, e);
    }
    return true;
  }

  /**
   * Writes the list of papers as {@link #updateReadme(GenerateRequest, Path)} does, in {@code jvm},
   * as {@link #generate(GenerateRequest, Progress, SecondJvm)} builds.
   */
  public static boolean updateReadme(GenerateRequest request, Path readme, SecondJvm jvm) {
    return ForkedBuild.updateReadme(request, readme, jvm, System.out::println)
        .orElseGet(() -> updateReadme(request, readme));
  }

  /** What the build reads and how it is set: when this has not changed, neither has the site. */
  static String fingerprint(GenerateRequest request, Fingerprint.Snapshot files) {
    return Fingerprint.of(
        List.of(
            String.valueOf(request.baseUrl()),
            String.valueOf(request.theme()),
            String.valueOf(request.strict()),
            String.valueOf(request.timestamp())),
        files);
  }

  /**
   * The content and template files with their digests, taken from {@code digested} (by absolute
   * path) for the files read already, since {@code begun}.
   */
  static Fingerprint.Snapshot snapshot(
      GenerateRequest request, Map<Path, byte[]> digested, java.time.Instant begun) {
    return Fingerprint.Snapshot.of(read(request), digested, begun);
  }

  /** The content and template files, read again only when touched since {@code before}. */
  static Fingerprint.Snapshot snapshotSince(GenerateRequest request, Fingerprint.Snapshot before) {
    return Fingerprint.Snapshot.since(read(request), before);
  }

  private static List<Path> read(GenerateRequest request) {
    return List.of(request.contentDirectory(), request.templatesDirectory());
  }

  /** The stages up to resolve, which find every content problem. */
  static Build check(GenerateRequest request, boolean writing) {
    return check(request, writing, false);
  }

  /**
   * @param digesting keep the digests of the content files read, for the build's fingerprint
   */
  static Build check(GenerateRequest request, boolean writing, boolean digesting) {
    Problems problems = new Problems();
    ContentLoader loader = new ContentLoader(request.projectDirectory(), problems);
    if (digesting) {
      loader.keepDigests();
    }
    if (writing) {
      checkOutput(request, loader, problems);
    }
    ContentFiles files = loader.load(request.contentDirectory());
    Content parsed =
        new ContentParser(problems).parse(files, loader.displayPath(request.contentDirectory()));
    SiteSettings settings = parsed.settings().withOverrides(request.baseUrl(), request.theme());
    Content content = new Content(settings, parsed.intro(), parsed.papers(), parsed.collections());
    SiteUrls urls = urls(request, settings, problems);
    SiteRenderer renderer =
        new SiteRenderer(
            settings.theme(),
            Optional.of(request.templatesDirectory()),
            loader.displayPath(request.templatesDirectory()),
            problems);
    if (!renderer.themeExists()) {
      problems.error(
          settingPosition(request.theme(), settings.themePosition()),
          "theme '"
              + settings.theme()
              + "' does not exist; built-in themes: "
              + String.join(", ", SiteRenderer.builtInThemes()));
    }
    Resolver resolver = new Resolver(problems);
    ResolvedSite site =
        resolver.resolve(content, files.paperNotes(), files.staticFiles().keySet(), urls);
    Build build =
        new Build(
            problems, loader, files.withoutTexts(), renderer, resolver, site, request.strict());
    build.failOnErrors();
    return build;
  }

  /** What the checking stages produced, for the stages that follow. */
  record Build(
      Problems problems,
      ContentLoader loader,
      ContentFiles files,
      SiteRenderer renderer,
      Resolver resolver,
      ResolvedSite site,
      boolean strict) {

    void failOnErrors() {
      if (problems.hasErrors() || (strict && !problems.sorted().isEmpty())) {
        throw new ContentException(strict ? problems.sortedAsErrors() : problems.sorted());
      }
    }
  }

  /** Where a setting came from: site.yaml, or the build's own parameter when it overrides it. */
  private static SourcePosition settingPosition(String override, SourcePosition inSiteFile) {
    return override == null || override.isBlank()
        ? inSiteFile
        : SourcePosition.ofFile("(build parameter)");
  }

  private static SiteUrls urls(GenerateRequest request, SiteSettings settings, Problems problems) {
    try {
      return SiteUrls.of(settings.baseUrl());
    } catch (IllegalArgumentException e) {
      problems.error(
          settingPosition(request.baseUrl(), settings.baseUrlPosition()), e.getMessage());
      return SiteUrls.of("/");
    }
  }

  /**
   * The checks of a build's output folder, for a build from {@code checked}, a model whose content
   * an earlier build checked: that one may have written elsewhere.
   */
  private static Build withOutputChecked(GenerateRequest request, Build checked) {
    Problems problems = new Problems();
    checkOutput(request, checked.loader, problems);
    if (problems.hasErrors()) {
      throw new ContentException(problems.sorted());
    }
    return checked;
  }

  /** The output must not hold the project's own files: refuse it before anything is done. */
  private static void checkOutput(
      GenerateRequest request, ContentLoader loader, Problems problems) {
    Path output = request.outputDirectory().toAbsolutePath().normalize();
    SourcePosition shown = SourcePosition.ofFile(loader.displayPath(output));
    for (Path own :
        List.of(
            request.projectDirectory(), request.contentDirectory(), request.templatesDirectory())) {
      Path dir = own.toAbsolutePath().normalize();
      if (dir.startsWith(output)) {
        problems.error(
            shown,
            "the output folder contains "
                + loader.displayPath(dir)
                + ", which a build would replace; choose an output folder of its own, such as"
                + " target/papersite");
        return;
      }
    }
    String refusal = new SiteWriter(output).refusal();
    if (refusal != null) {
      problems.error(shown, refusal);
    }
  }

  private static void addStaticFiles(
      Map<String, Path> staticFiles, SiteWriter.Staging output, Build build) {
    staticFiles.forEach(
        (path, file) -> {
          if (output.has(path)) {
            build.problems.error(
                SourcePosition.ofFile(build.loader.displayPath(file)),
                "static file " + path + " would replace a generated file; rename or move it");
            return;
          }
          try {
            output.bytes(path, Files.readAllBytes(file));
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
          }
        });
  }
}
