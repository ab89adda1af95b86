package io.papersite;

import io.papersite.load.ContentFiles;
import io.papersite.load.ContentLoader;
import io.papersite.model.Content;
import io.papersite.model.Problems;
import io.papersite.model.SiteSettings;
import io.papersite.model.SourcePosition;
import io.papersite.parse.ContentParser;
import io.papersite.render.OutputFile;
import io.papersite.render.SiteRenderer;
import io.papersite.resolve.ResolvedSite;
import io.papersite.resolve.Resolver;
import io.papersite.resolve.SiteUrls;
import io.papersite.write.SiteWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The generator's entry point. A build is a recipe of stages: load the files, parse them into the
 * model, resolve cross-references, render the pages, write the site.
 *
 * <pre>{@code
 * GenerateResult result = Papersite.generate(GenerateRequest.forProject(Path.of("my-papers")));
 * System.out.println(result.summary());
 * }</pre>
 *
 * @throws ContentException (from {@link #generate}) listing every problem when the content has
 *     errors; nothing is written then
 */
public final class Papersite {

  private Papersite() {}

  public static GenerateResult generate(GenerateRequest request) {
    long start = System.nanoTime();
    Problems problems = new Problems();
    ContentLoader loader = new ContentLoader(request.projectDirectory(), problems);
    checkOutput(request, loader, problems);

    ContentFiles files = loader.load(request.contentDirectory());
    Content parsed =
        new ContentParser(problems).parse(files, loader.displayPath(request.contentDirectory()));
    SiteSettings settings = parsed.settings().withOverrides(request.baseUrl(), request.theme());
    Content content = new Content(settings, parsed.intro(), parsed.papers(), parsed.collections());
    String siteFile = loader.displayPath(request.contentDirectory().resolve("site.yaml"));
    SiteUrls urls = urls(settings, siteFile, problems);
    SiteRenderer renderer =
        new SiteRenderer(
            settings.theme(),
            Optional.of(request.templatesDirectory()),
            loader.displayPath(request.templatesDirectory()),
            problems);
    if (!renderer.themeExists()) {
      problems.error(
          SourcePosition.ofFile(siteFile),
          "theme '"
              + settings.theme()
              + "' does not exist; built-in themes: "
              + String.join(", ", SiteRenderer.builtInThemes()));
    }
    ResolvedSite site = new Resolver(problems).resolve(content, files.paperNotes(), urls);
    failOnErrors(problems);

    List<OutputFile> output = new ArrayList<>(renderer.render(site));
    files.staticDirectory().ifPresent(dir -> addStaticFiles(dir, output, loader, problems));
    failOnErrors(problems);

    int written = new SiteWriter(request.outputDirectory()).write(output);
    int pages = (int) output.stream().filter(f -> f.path().endsWith(".html")).count();
    return new GenerateResult(
        request.outputDirectory(),
        site.papers().size(),
        pages,
        written,
        problems.sorted(),
        Duration.ofNanos(System.nanoTime() - start));
  }

  private static void failOnErrors(Problems problems) {
    if (problems.hasErrors()) {
      throw new ContentException(problems.sorted());
    }
  }

  private static SiteUrls urls(SiteSettings settings, String siteFile, Problems problems) {
    try {
      return SiteUrls.of(settings.baseUrl());
    } catch (IllegalArgumentException e) {
      problems.error(SourcePosition.ofFile(siteFile), e.getMessage());
      return SiteUrls.of("/");
    }
  }

  /** The output must not hold the project's own files: refuse it before anything is done. */
  private static void checkOutput(
      GenerateRequest request, ContentLoader loader, Problems problems) {
    Path output = request.outputDirectory().toAbsolutePath().normalize();
    Path shown = Path.of(loader.displayPath(output));
    for (Path protectedDir :
        List.of(
            request.projectDirectory(), request.contentDirectory(), request.templatesDirectory())) {
      Path dir = protectedDir.toAbsolutePath().normalize();
      if (dir.startsWith(output)) {
        problems.error(
            SourcePosition.ofFile(shown.toString()),
            "the output folder contains "
                + loader.displayPath(dir)
                + ", which a build would replace; choose an output folder of its own, such as target/papersite");
        return;
      }
    }
    String refusal = new SiteWriter(output).refusal();
    if (refusal != null) {
      problems.error(SourcePosition.ofFile(shown.toString()), refusal);
    }
  }

  private static void addStaticFiles(
      Path dir, List<OutputFile> output, ContentLoader loader, Problems problems) {
    Set<String> generated = new HashSet<>();
    output.forEach(f -> generated.add(f.path()));
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        String path = dir.relativize(file).toString().replace('\\', '/');
        if (generated.contains(path)) {
          problems.error(
              SourcePosition.ofFile(loader.displayPath(file)),
              "static file " + path + " would replace a generated page; rename or move it");
        } else {
          output.add(new OutputFile(path, Files.readAllBytes(file)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir, e);
    }
  }
}
