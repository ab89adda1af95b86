package io.papersite.resolve;

import io.papersite.model.MarkdownText;
import io.papersite.model.Paper;
import java.util.List;

/**
 * A paper with its Markdown rendered and the collections that include it. The text without markup
 * is made when asked for, not kept, so that a large collection fits in memory.
 */
public record ResolvedPaper(
    Paper paper,
    String abstractHtml,
    String notesHtml,
    List<String> collectionIds,
    PlainText plainText) {

  public ResolvedPaper {
    collectionIds = List.copyOf(collectionIds);
  }

  /** Markdown without its markup, on one line. */
  @FunctionalInterface
  public interface PlainText {
    String of(MarkdownText markdown);
  }

  public String id() {
    return paper.id();
  }

  /** The abstract without markup, for descriptions, feeds, metadata and search. */
  public String abstractText() {
    return plainText.of(paper.abstractText());
  }

  /** The notes without markup, for search. */
  public String notesText() {
    return plainText.of(paper.notes());
  }
}
