package io.papersite;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * What to build: where the content, the user's templates and the output are, and the settings a
 * build may override. Paths in problems are shown relative to {@code projectDirectory}.
 *
 * <pre>{@code
 * GenerateRequest request = GenerateRequest.forProject(Path.of("."))
 *     .withBaseUrl("https://user.github.io/repo/");
 * }</pre>
 *
 * @param baseUrl overrides {@code baseUrl} of site.yaml when not null
 * @param theme overrides {@code theme} of site.yaml when not null
 * @param strict turns warnings into errors, for CI
 * @param timestamp when the build happened, for feeds of papers without a date; null for none, so
 *     that two builds of the same content are byte-identical (see {@link #withTimestamp})
 */
public record GenerateRequest(
    Path projectDirectory,
    Path contentDirectory,
    Path templatesDirectory,
    Path outputDirectory,
    String baseUrl,
    String theme,
    boolean strict,
    Instant timestamp) {

  public GenerateRequest {
    Objects.requireNonNull(projectDirectory, "projectDirectory");
    Objects.requireNonNull(contentDirectory, "contentDirectory");
    Objects.requireNonNull(templatesDirectory, "templatesDirectory");
    Objects.requireNonNull(outputDirectory, "outputDirectory");
  }

  /**
   * The conventional layout: {@code content/}, {@code templates/} and {@code target/papersite/}.
   */
  public static GenerateRequest forProject(Path projectDirectory) {
    return new GenerateRequest(
        projectDirectory,
        projectDirectory.resolve("content"),
        projectDirectory.resolve("templates"),
        projectDirectory.resolve("target").resolve("papersite"),
        null,
        null,
        false,
        null);
  }

  public GenerateRequest withContentDirectory(Path directory) {
    return new GenerateRequest(
        projectDirectory,
        directory,
        templatesDirectory,
        outputDirectory,
        baseUrl,
        theme,
        strict,
        timestamp);
  }

  public GenerateRequest withTemplatesDirectory(Path directory) {
    return new GenerateRequest(
        projectDirectory,
        contentDirectory,
        directory,
        outputDirectory,
        baseUrl,
        theme,
        strict,
        timestamp);
  }

  public GenerateRequest withOutputDirectory(Path directory) {
    return new GenerateRequest(
        projectDirectory,
        contentDirectory,
        templatesDirectory,
        directory,
        baseUrl,
        theme,
        strict,
        timestamp);
  }

  public GenerateRequest withBaseUrl(String url) {
    return new GenerateRequest(
        projectDirectory,
        contentDirectory,
        templatesDirectory,
        outputDirectory,
        url,
        theme,
        strict,
        timestamp);
  }

  public GenerateRequest withTheme(String name) {
    return new GenerateRequest(
        projectDirectory,
        contentDirectory,
        templatesDirectory,
        outputDirectory,
        baseUrl,
        name,
        strict,
        timestamp);
  }

  public GenerateRequest withStrict(boolean isStrict) {
    return new GenerateRequest(
        projectDirectory,
        contentDirectory,
        templatesDirectory,
        outputDirectory,
        baseUrl,
        theme,
        isStrict,
        timestamp);
  }

  /** A build time, such as Maven's {@code project.build.outputTimestamp}. */
  public GenerateRequest withTimestamp(Instant time) {
    return new GenerateRequest(
        projectDirectory,
        contentDirectory,
        templatesDirectory,
        outputDirectory,
        baseUrl,
        theme,
        strict,
        time);
  }
}
