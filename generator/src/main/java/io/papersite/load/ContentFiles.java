package io.papersite.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The files of a content folder, each list sorted by path so that builds are reproducible.
 *
 * @param staticFiles the files under {@code static/}, copied as they are to the site root, by their
 *     path relative to it
 */
public record ContentFiles(
    Optional<SourceFile> site,
    Optional<SourceFile> intro,
    List<SourceFile> papers,
    List<SourceFile> paperNotes,
    List<SourceFile> collections,
    List<SourceFile> collectionIntros,
    SortedMap<String, Path> staticFiles) {

  /**
   * The same files without their texts, once parsed: a large collection's texts would otherwise
   * stay in memory for the rest of the build.
   */
  public ContentFiles withoutTexts() {
    return new ContentFiles(
        site.map(SourceFile::withoutText),
        intro.map(SourceFile::withoutText),
        papers.stream().map(SourceFile::withoutText).toList(),
        paperNotes.stream().map(SourceFile::withoutText).toList(),
        collections.stream().map(SourceFile::withoutText).toList(),
        collectionIntros.stream().map(SourceFile::withoutText).toList(),
        staticFiles);
  }
}
