package io.papersite.resolve;

import io.papersite.model.Paper;
import java.util.List;

/** A paper with its Markdown rendered and the collections that include it. */
public record ResolvedPaper(
    Paper paper, String abstractHtml, String notesHtml, List<String> collectionIds) {

  public ResolvedPaper {
    collectionIds = List.copyOf(collectionIds);
  }

  public String id() {
    return paper.id();
  }
}
