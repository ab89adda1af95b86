package io.papersite.model;

import java.util.List;

/** Everything parsed from a content folder, before cross-references are resolved. */
public record Content(
    SiteSettings settings, MarkdownText intro, List<Paper> papers, List<Collection> collections) {

  public Content {
    papers = List.copyOf(papers);
    collections = List.copyOf(collections);
  }
}
