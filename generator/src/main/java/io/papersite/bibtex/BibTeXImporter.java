package io.papersite.bibtex;

import io.papersite.ImportRequest;
import io.papersite.ImportResult;
import io.papersite.load.ContentLoader;
import io.papersite.load.SourceFile;
import io.papersite.model.Paper;
import io.papersite.model.Problems;
import io.papersite.model.SourcePosition;
import io.papersite.parse.ContentParser;
import io.papersite.parse.YamlNode;
import io.papersite.parse.YamlTreeReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports BibTeX files as {@code papers/<id>.yaml} entries. It never overwrites: an id that exists
 * is skipped, or in update mode given only the fields it lacks, appended so that the file's
 * comments, order and hand-edited values stay.
 */
public final class BibTeXImporter {

  private final ImportRequest request;
  private final Problems problems = new Problems();
  private final ContentLoader loader;

  public BibTeXImporter(ImportRequest request) {
    this.request = request;
    this.loader = new ContentLoader(request.projectDirectory(), new Problems());
  }

  public ImportResult run() {
    Path papersDir = request.contentDirectory().resolve("papers");
    Set<String> existing = existingIds();
    List<ImportedPaper> papers = new ArrayList<>();
    for (Path file : request.files()) {
      Path bib = request.projectDirectory().resolve(file);
      String shown = loader.displayPath(bib);
      if (!Files.isRegularFile(bib)) {
        problems.error(
            SourcePosition.ofFile(shown), "there is no such file; check papersite.import.files");
        continue;
      }
      for (BibRecord record : new BibFile(shown, problems).read(text(bib, shown))) {
        ImportedPaper paper = EntryMapping.map(record);
        if (paper.title().isEmpty()) {
          problems.error(
              record.position(), "entry '" + record.key() + "' has no title; it was skipped");
          continue;
        }
        papers.add(paper);
      }
    }

    List<String> created = new ArrayList<>();
    List<String> updated = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    Map<String, ImportedPaper> thisRun = new HashMap<>();
    List<String> collectionIds = new ArrayList<>();
    for (ImportedPaper imported : papers) {
      ImportedPaper paper = uniqueInThisRun(imported, thisRun);
      collectionIds.add(paper.id());
      if (existing.contains(paper.id())) {
        if (request.update() && fillMissing(papersDir.resolve(paper.id() + ".yaml"), paper)) {
          updated.add(paper.id());
        } else {
          skipped.add(paper.id());
        }
        continue;
      }
      write(papersDir.resolve(paper.id() + ".yaml"), PaperYaml.document(paper));
      created.add(paper.id());
    }
    if (request.collection() != null && !request.collection().isBlank()) {
      new CollectionFile(request.contentDirectory(), request.collection(), loader, problems)
          .add(collectionIds);
    }
    return new ImportResult(created, updated, skipped, problems.sorted());
  }

  /** A second entry with the same id in one import gets a stable suffix: -2, -3, ... */
  private ImportedPaper uniqueInThisRun(ImportedPaper paper, Map<String, ImportedPaper> thisRun) {
    String id = paper.id();
    for (int n = 2; thisRun.containsKey(id); n++) {
      id = paper.id() + "-" + n;
    }
    if (!id.equals(paper.id())) {
      ImportedPaper first = thisRun.get(paper.id());
      problems.warning(
          paper.source(),
          "citation key '"
              + paper.citationKey()
              + "' gives the id '"
              + paper.id()
              + "', already taken by '"
              + first.citationKey()
              + "' at "
              + first.source()
              + "; this entry became '"
              + id
              + "'");
    }
    ImportedPaper unique = paper.withId(id);
    thisRun.put(id, unique);
    return unique;
  }

  private Set<String> existingIds() {
    Problems ignored = new Problems();
    var files =
        new ContentLoader(request.projectDirectory(), ignored).load(request.contentDirectory());
    Set<String> ids = new HashSet<>();
    new ContentParser(ignored).parse(files, "").papers().stream().map(Paper::id).forEach(ids::add);
    // A file that does not parse still holds its id: never overwrite it.
    files.papers().forEach(f -> ids.add(f.baseName()));
    return ids;
  }

  /** Appends the fields the entry lacks; false when it has them all or is not a file of its own. */
  private boolean fillMissing(Path file, ImportedPaper paper) {
    if (!Files.isRegularFile(file)) {
      problems.warning(
          paper.source(),
          "paper '"
              + paper.id()
              + "' is in a list of papers, not a file of its own; update it by hand");
      return false;
    }
    String text = text(file, loader.displayPath(file));
    Problems yamlProblems = new Problems();
    var root =
        new YamlTreeReader(yamlProblems).read(new SourceFile(file, loader.displayPath(file), text));
    if (root.isEmpty() || !(root.get() instanceof YamlNode.Mapping mapping)) {
      problems.warning(
          paper.source(),
          loader.displayPath(file) + " does not parse as a paper; it was left as it is");
      return false;
    }
    Set<String> keys = new LinkedHashSet<>();
    mapping.entries().forEach(e -> keys.add(e.key()));
    String missing = PaperYaml.missing(paper, keys);
    if (missing.isEmpty()) {
      return false;
    }
    try {
      Files.writeString(
          file,
          (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + missing,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update " + file, e);
    }
    return true;
  }

  private static void write(Path file, String yaml) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, yaml, StandardOpenOption.CREATE_NEW);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * The file as UTF-8, or as Latin-1 (with a warning) when it is not valid UTF-8, as older .bib
   * files are.
   */
  private String text(Path file, String shown) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes))
            .toString()
            .replaceFirst("^\uFEFF", "");
      } catch (CharacterCodingException e) {
        problems.warning(SourcePosition.ofFile(shown), "file is not UTF-8; it was read as Latin-1");
        return new String(bytes, StandardCharsets.ISO_8859_1);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
