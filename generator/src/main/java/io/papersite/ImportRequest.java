package io.papersite;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to import: BibTeX files into a content folder.
 *
 * <pre>{@code
 * Papersite.importBibtex(new ImportRequest(
 *     Path.of("."), Path.of("content"), List.of(Path.of("refs.bib")), false, "reading-list"));
 * }</pre>
 *
 * @param update fill the fields an existing entry lacks, instead of skipping it
 * @param collection a collection id to add the imported papers to; null for none
 */
public record ImportRequest(
    Path projectDirectory,
    Path contentDirectory,
    List<Path> files,
    boolean update,
    String collection) {

  public ImportRequest {
    Objects.requireNonNull(projectDirectory, "projectDirectory");
    Objects.requireNonNull(contentDirectory, "contentDirectory");
    files = List.copyOf(files);
  }
}
