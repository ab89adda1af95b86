package io.papersite.parse;

import io.papersite.load.SourceFile;
import io.papersite.model.Link;
import io.papersite.model.MarkdownText;
import io.papersite.model.Paper;
import io.papersite.model.PaperDate;
import io.papersite.model.Problems;
import io.papersite.model.Slug;
import io.papersite.model.SourcePosition;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses {@code papers/*.yaml}: one paper as a mapping, or several as a list of mappings with ids.
 */
final class PaperParser {

  static final Set<String> KEYS =
      Set.of(
          "id",
          "title",
          "authors",
          "date",
          "venue",
          "arxiv",
          "doi",
          "links",
          "tags",
          "abstract",
          "notes");

  private static final Pattern ARXIV_NEW = Pattern.compile("\\d{4}\\.\\d{4,5}(v\\d+)?");
  private static final Pattern ARXIV_OLD =
      Pattern.compile("[a-z]+(-[a-z]+)*(\\.[A-Z]{2})?/\\d{7}(v\\d+)?");
  private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");

  private final Problems problems;

  PaperParser(Problems problems) {
    this.problems = problems;
  }

  List<Paper> parse(SourceFile file, YamlNode root) {
    if (root instanceof YamlNode.Mapping mapping) {
      return parseOne(file, mapping, false).map(List::of).orElse(List.of());
    }
    if (root instanceof YamlNode.Sequence sequence) {
      List<Paper> papers = new ArrayList<>();
      for (YamlNode item : sequence.items()) {
        if (item instanceof YamlNode.Mapping mapping) {
          parseOne(file, mapping, true).ifPresent(papers::add);
        } else {
          problems.error(
              item.position(),
              "each item of a paper list must be a mapping with 'id' and 'title', not "
                  + item.kind());
        }
      }
      return papers;
    }
    problems.error(
        root.position(),
        "a paper file must be a mapping with at least 'title', not " + root.kind());
    return List.of();
  }

  private Optional<Paper> parseOne(SourceFile file, YamlNode.Mapping mapping, boolean inList) {
    MappingReader fields = new MappingReader(mapping, KEYS, problems);
    String id = id(file, fields, inList);
    String title = fields.text("title");
    if (title.isEmpty()) {
      problems.error(
          fields.node("title").map(YamlNode::position).orElse(mapping.position()),
          "paper '" + id + "' has no title; add a line such as: title: \"The paper's title\"");
    }
    Paper paper =
        new Paper(
            id,
            title,
            fields.scalars("authors").stream().map(s -> s.text().strip()).toList(),
            date(fields),
            fields.text("venue"),
            arxiv(fields),
            doi(fields),
            links(fields),
            fields.slugs("tags", "tag"),
            markdown(fields, "abstract"),
            markdown(fields, "notes"),
            mapping.position());
    return id.isEmpty() ? Optional.empty() : Optional.of(paper);
  }

  private String id(SourceFile file, MappingReader fields, boolean inList) {
    Optional<YamlNode.Scalar> explicit = fields.scalar("id");
    if (inList && explicit.isEmpty()) {
      problems.error(
          fields.position(), "a paper in a list needs an 'id', such as: id: my-paper-2024");
      return "";
    }
    String id = explicit.map(s -> s.text().strip()).orElse(file.baseName());
    SourcePosition at =
        explicit.map(YamlNode::position).orElse(SourcePosition.ofFile(file.displayPath()));
    if (!Slug.isValid(id)) {
      problems.error(
          at,
          "paper id '"
              + id
              + "' is not a slug (lowercase letters, digits and single hyphens)"
              + (explicit.isEmpty()
                  ? "; rename the file to " + suggestedSlug(id) + ".yaml"
                  : "; use '" + suggestedSlug(id) + "'"));
      return "";
    }
    if (Slug.isReservedOnWindows(id)) {
      problems.error(at, MappingReader.reserved("paper id", id));
      return "";
    }
    return id;
  }

  private static String suggestedSlug(String text) {
    String slug = Slug.of(text);
    return slug.isEmpty() ? "paper" : slug;
  }

  private Optional<PaperDate> date(MappingReader fields) {
    Optional<YamlNode.Scalar> scalar = fields.scalar("date");
    if (scalar.isEmpty()) {
      return Optional.empty();
    }
    Optional<PaperDate> date = PaperDate.parse(scalar.get().text());
    if (date.isEmpty()) {
      problems.error(
          scalar.get().position(),
          "date '" + scalar.get().text() + "' is not a real date as YYYY, YYYY-MM or YYYY-MM-DD");
    }
    return date;
  }

  private String arxiv(MappingReader fields) {
    return checked(
        fields,
        "arxiv",
        text -> {
          String id = text.replaceFirst("^(?i)arxiv:", "");
          return ARXIV_NEW.matcher(id).matches() || ARXIV_OLD.matcher(id).matches() ? id : null;
        },
        "is not an arXiv identifier such as 2407.14507 or hep-th/9901001");
  }

  private String doi(MappingReader fields) {
    return checked(
        fields,
        "doi",
        text -> {
          String doi = text.replaceFirst("^(?i)(https?://(dx\\.)?doi\\.org/|doi:)", "");
          return DOI.matcher(doi).matches() ? doi : null;
        },
        "is not a DOI such as 10.1145/3292500.3330919");
  }

  private String checked(
      MappingReader fields,
      String key,
      java.util.function.UnaryOperator<String> normalise,
      String complaint) {
    Optional<YamlNode.Scalar> scalar = fields.scalar(key);
    if (scalar.isEmpty()) {
      return "";
    }
    String value = normalise.apply(scalar.get().text().strip());
    if (value == null) {
      problems.error(
          scalar.get().position(), key + " '" + scalar.get().text().strip() + "' " + complaint);
      return "";
    }
    return value;
  }

  private List<Link> links(MappingReader fields) {
    List<Link> links = new ArrayList<>();
    for (YamlNode.Entry entry : fields.entries("links")) {
      if (!(entry.value() instanceof YamlNode.Scalar s) || s.text() == null || s.text().isBlank()) {
        problems.error(entry.value().position(), "link '" + entry.key() + "' must be a URL");
        continue;
      }
      String url = s.text().strip();
      if (!isWebUrl(url)) {
        problems.error(
            s.position(),
            "link '" + entry.key() + "' must be an absolute http or https URL, not '" + url + "'");
        continue;
      }
      links.add(new Link(entry.key(), url));
    }
    return links;
  }

  static boolean isWebUrl(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static MarkdownText markdown(MappingReader fields, String key) {
    return fields
        .scalar(key)
        .map(
            s ->
                new MarkdownText(
                    s.text(), s.block() ? s.position().plus(1, 1) : s.position(), false))
        .orElse(MarkdownText.none(fields.position()));
  }
}
