package io.papersite.site;

import io.papersite.GenerateRequest;
import io.papersite.Papersite;
import java.nio.file.Path;
import java.time.Instant;

/** The repository's sample collection, built for a given base URL. */
final class SampleSite {

  static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

  private SampleSite() {}

  static Path build(String baseUrl, Path output) {
    Papersite.generate(
        GenerateRequest.forProject(PROJECT)
            .withContentDirectory(PROJECT.resolve("content"))
            .withOutputDirectory(output)
            .withBaseUrl(baseUrl)
            .withTimestamp(Instant.parse("2026-01-01T00:00:00Z")));
    return output;
  }
}
