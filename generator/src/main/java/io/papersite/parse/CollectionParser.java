package io.papersite.parse;

import io.papersite.load.SourceFile;
import io.papersite.model.Collection;
import io.papersite.model.MarkdownText;
import io.papersite.model.Problems;
import io.papersite.model.Slug;
import io.papersite.model.SourcePosition;
import io.papersite.model.Spelling;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Parses {@code collections/<id>.yaml}. */
final class CollectionParser {

  static final Set<String> KEYS =
      Set.of("title", "description", "papers", "tags", "order", "layout");

  private final Problems problems;

  CollectionParser(Problems problems) {
    this.problems = problems;
  }

  Optional<Collection> parse(SourceFile file, YamlNode root, Optional<SourceFile> introFile) {
    if (!(root instanceof YamlNode.Mapping mapping)) {
      problems.error(
          root.position(),
          "a collection file must be a mapping with 'title' and 'papers', not " + root.kind());
      return Optional.empty();
    }
    String id = file.baseName();
    if (!Slug.isValid(id)) {
      problems.error(
          SourcePosition.ofFile(file.displayPath()),
          "collection id '"
              + id
              + "' is not a slug (lowercase letters, digits and single hyphens); rename the file to "
              + Slug.of(id)
              + ".yaml");
      return Optional.empty();
    }
    if (Slug.isReservedOnWindows(id)) {
      problems.error(
          SourcePosition.ofFile(file.displayPath()), MappingReader.reserved("collection id", id));
      return Optional.empty();
    }
    MappingReader fields = new MappingReader(mapping, KEYS, problems);
    String title = fields.text("title");
    if (title.isEmpty()) {
      problems.error(
          fields.node("title").map(YamlNode::position).orElse(mapping.position()),
          "collection '" + id + "' has no title; add a line such as: title: Recommender systems");
    }
    List<String> paperIds = new ArrayList<>();
    List<SourcePosition> positions = new ArrayList<>();
    for (YamlNode.Scalar scalar : fields.scalars("papers")) {
      String paperId = scalar.text().strip();
      if (paperIds.contains(paperId)) {
        problems.error(
            scalar.position(), "paper '" + paperId + "' is listed twice in this collection");
        continue;
      }
      paperIds.add(paperId);
      positions.add(scalar.position());
    }
    List<String> tags = fields.slugs("tags", "tag");
    MarkdownText intro =
        introFile
            .map(f -> new MarkdownText(f.text(), new SourcePosition(f.displayPath(), 1, 1), true))
            .orElse(MarkdownText.none(mapping.position()));
    return Optional.of(
        new Collection(
            id,
            title,
            fields.text("description"),
            paperIds,
            positions,
            tags,
            order(fields),
            layout(fields),
            intro,
            mapping.position()));
  }

  private String layout(MappingReader fields) {
    return fields
        .scalar("layout")
        .map(
            s -> {
              String layout = s.text().strip();
              if (!Collection.LAYOUTS.contains(layout)) {
                problems.error(
                    s.position(),
                    "layout '"
                        + layout
                        + "' does not exist; use one of: "
                        + String.join(", ", Collection.LAYOUTS)
                        + Spelling.hint(layout, Collection.LAYOUTS));
                return Collection.LAYOUTS.get(0);
              }
              return layout;
            })
        .orElse(Collection.LAYOUTS.get(0));
  }

  private int order(MappingReader fields) {
    Optional<YamlNode.Scalar> scalar = fields.scalar("order");
    if (scalar.isEmpty()) {
      return Integer.MAX_VALUE;
    }
    try {
      return Integer.parseInt(scalar.get().text().strip());
    } catch (NumberFormatException e) {
      problems.error(scalar.get().position(), "order must be a whole number, such as: order: 1");
      return Integer.MAX_VALUE;
    }
  }
}
