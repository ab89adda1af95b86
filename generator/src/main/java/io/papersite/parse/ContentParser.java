package io.papersite.parse;

import io.papersite.load.ContentFiles;
import io.papersite.load.SourceFile;
import io.papersite.model.Collection;
import io.papersite.model.Content;
import io.papersite.model.MarkdownText;
import io.papersite.model.Paper;
import io.papersite.model.Problems;
import io.papersite.model.SiteSettings;
import io.papersite.model.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The parse stage: turns the loaded files into the content model, reporting every problem. */
public final class ContentParser {

  private final Problems problems;
  private final YamlTreeReader yaml;

  public ContentParser(Problems problems) {
    this.problems = problems;
    this.yaml = new YamlTreeReader(problems);
  }

  public Content parse(ContentFiles files, String contentDisplayPath) {
    SiteSettings settings =
        files
            .site()
            .map(this::parseSite)
            .orElseGet(
                () -> {
                  problems.error(
                      SourcePosition.ofFile(contentDisplayPath + "/site.yaml"),
                      "site.yaml is missing; create it with at least a line such as: title: Our reading list");
                  return SiteParser.defaults(contentDisplayPath + "/site.yaml");
                });
    MarkdownText intro =
        files
            .intro()
            .map(ContentParser::wholeFile)
            .orElse(MarkdownText.none(SourcePosition.ofFile(contentDisplayPath)));

    PaperParser paperParser = new PaperParser(problems);
    // Files are parsed on every core; the list keeps their order, so problems read the same.
    List<Paper> papers =
        files.papers().parallelStream()
            .flatMap(
                file ->
                    yaml
                        .read(file)
                        .map(root -> paperParser.parse(file, root))
                        .orElse(List.of())
                        .stream())
            .toList();

    Map<String, SourceFile> intros =
        files.collectionIntros().stream()
            .collect(Collectors.toMap(SourceFile::baseName, Function.identity()));
    List<Collection> collections = new ArrayList<>();
    CollectionParser collectionParser = new CollectionParser(problems);
    for (SourceFile file : files.collections()) {
      Optional<SourceFile> introFile = Optional.ofNullable(intros.get(file.baseName()));
      yaml.read(file)
          .flatMap(root -> collectionParser.parse(file, root, introFile))
          .ifPresent(collections::add);
    }
    return new Content(settings, intro, papers, collections);
  }

  /** The papers of one file: for a live preview, after an edit. */
  public List<Paper> papersOf(SourceFile file) {
    return yaml.read(file)
        .map(root -> new PaperParser(problems).parse(file, root))
        .orElse(List.of());
  }

  /** A Markdown file as a whole, with exact line numbers for its problems. */
  public static MarkdownText wholeFile(SourceFile file) {
    return new MarkdownText(file.text(), new SourcePosition(file.displayPath(), 1, 1), true);
  }

  private SiteSettings parseSite(SourceFile file) {
    return yaml.read(file)
        .map(root -> new SiteParser(problems).parse(file, root))
        .orElseGet(() -> SiteParser.defaults(file.displayPath()));
  }
}
