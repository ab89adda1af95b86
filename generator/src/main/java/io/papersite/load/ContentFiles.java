package io.papersite.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files of a content folder, each list sorted by path so that builds are reproducible.
 *
 * @param staticDirectory {@code static/}, copied verbatim to the site root, when present
 */
public record ContentFiles(
    Optional<SourceFile> site,
    Optional<SourceFile> intro,
    List<SourceFile> papers,
    List<SourceFile> paperNotes,
    List<SourceFile> collections,
    List<SourceFile> collectionIntros,
    Optional<Path> staticDirectory) {}
