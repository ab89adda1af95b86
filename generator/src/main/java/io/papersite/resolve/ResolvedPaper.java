package io.papersite.resolve;

import io.papersite.model.Paper;
import java.util.List;

/**
 * A paper with its Markdown rendered and the collections that include it.
 *
 * @param abstractText the abstract without markup, for descriptions, feeds and metadata
 * @param notesText the notes without markup, for the search index
 */
public record ResolvedPaper(
    Paper paper,
    String abstractHtml,
    String abstractText,
    String notesHtml,
    String notesText,
    List<String> collectionIds) {

  public ResolvedPaper {
    collectionIds = List.copyOf(collectionIds);
  }

  public String id() {
    return paper.id();
  }
}
