package io.papersite.resolve;

import io.papersite.model.Paper;
import java.util.List;

/**
 * A paper with its Markdown rendered, as HTML and as plain text on one line, and the collections
 * that include it.
 *
 * @param abstractText the abstract without markup, for descriptions, feeds, metadata and search
 * @param notesText the notes without markup, for search
 */
public record ResolvedPaper(
    Paper paper,
    String abstractHtml,
    String notesHtml,
    String abstractText,
    String notesText,
    List<String> collectionIds) {

  public ResolvedPaper {
    collectionIds = List.copyOf(collectionIds);
  }

  public String id() {
    return paper.id();
  }
}
