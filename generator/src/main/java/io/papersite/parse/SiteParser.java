package io.papersite.parse;

import io.papersite.load.SourceFile;
import io.papersite.model.Problems;
import io.papersite.model.SiteSettings;
import io.papersite.model.SourcePosition;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses {@code site.yaml}. */
final class SiteParser {

  static final Set<String> KEYS =
      Set.of("title", "description", "baseUrl", "theme", "author", "domain", "markdown");

  private static final Pattern DOMAIN =
      Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

  private final Problems problems;

  SiteParser(Problems problems) {
    this.problems = problems;
  }

  SiteSettings parse(SourceFile file, YamlNode root) {
    if (!(root instanceof YamlNode.Mapping mapping)) {
      problems.error(
          root.position(), "site.yaml must be a mapping with at least 'title', not " + root.kind());
      return defaults(file.displayPath());
    }
    MappingReader fields = new MappingReader(mapping, KEYS, problems);
    String title = fields.text("title");
    if (title.isEmpty()) {
      problems.error(
          mapping.position(),
          "site.yaml has no title; add a line such as: title: Our reading list");
    }
    String theme = fields.text("theme");
    SourcePosition whole = SourcePosition.ofFile(file.displayPath());
    return new SiteSettings(
        title,
        fields.text("description"),
        fields.text("baseUrl").isEmpty() ? "/" : fields.text("baseUrl"),
        theme.isEmpty() ? "default" : theme,
        fields.text("author"),
        domain(fields),
        allowHtml(fields),
        fields.scalar("baseUrl").map(YamlNode::position).orElse(whole),
        fields.scalar("theme").map(YamlNode::position).orElse(whole));
  }

  /** {@code markdown: {allowHtml: true}}; anything but true or false is a mistake. */
  private boolean allowHtml(MappingReader fields) {
    var markdown = fields.node("markdown");
    if (markdown.isEmpty()) {
      return false;
    }
    if (!(markdown.get() instanceof YamlNode.Mapping mapping)) {
      problems.error(
          markdown.get().position(),
          "'markdown' must be a mapping, such as: markdown: {allowHtml: false}");
      return false;
    }
    var allow = new MappingReader(mapping, Set.of("allowHtml"), problems).scalar("allowHtml");
    if (allow.isEmpty()) {
      return false;
    }
    String value = allow.get().text().strip();
    if (!value.equals("true") && !value.equals("false")) {
      problems.error(
          allow.get().position(), "allowHtml must be true or false, not '" + value + "'");
      return false;
    }
    return value.equals("true");
  }

  private String domain(MappingReader fields) {
    return fields
        .scalar("domain")
        .map(
            s -> {
              String domain = s.text().strip().toLowerCase(java.util.Locale.ROOT);
              if (!DOMAIN.matcher(domain).matches()) {
                problems.error(
                    s.position(),
                    "domain '"
                        + s.text().strip()
                        + "' is not a domain name such as papers.example.org (no scheme, no path)");
                return "";
              }
              return domain;
            })
        .orElse("");
  }

  static SiteSettings defaults(String siteFile) {
    SourcePosition whole = SourcePosition.ofFile(siteFile);
    return new SiteSettings("", "", "/", "default", "", "", false, whole, whole);
  }
}
