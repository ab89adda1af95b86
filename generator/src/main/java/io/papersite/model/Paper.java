package io.papersite.model;

import java.util.List;
import java.util.Optional;

/**
 * One paper entry as written in {@code papers/<id>.yaml}, with its Markdown still unrendered.
 * Optional fields are empty strings or empty lists, never null.
 */
public record Paper(
    String id,
    String title,
    List<String> authors,
    Optional<PaperDate> date,
    String venue,
    String arxiv,
    String doi,
    List<Link> links,
    List<String> tags,
    MarkdownText abstractText,
    MarkdownText notes,
    SourcePosition position) {

  public Paper {
    authors = List.copyOf(authors);
    links = List.copyOf(links);
    tags = List.copyOf(tags);
  }

  /** The same paper with notes taken from its sibling {@code .md} file. */
  public Paper withNotes(MarkdownText newNotes) {
    return new Paper(
        id, title, authors, date, venue, arxiv, doi, links, tags, abstractText, newNotes, position);
  }
}
