package io.papersite.bibtex;

import io.papersite.model.SourcePosition;
import java.util.List;
import java.util.Map;

/**
 * A paper as read from BibTeX, in Papersite's terms, before it is written as YAML. Absent values
 * are empty.
 *
 * @param date {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}
 * @param links by label, in the order found
 */
record ImportedPaper(
    String id,
    String citationKey,
    String title,
    List<String> authors,
    String date,
    String venue,
    String arxiv,
    String doi,
    Map<String, String> links,
    List<String> tags,
    String abstractText,
    SourcePosition source) {

  ImportedPaper withId(String newId) {
    return new ImportedPaper(
        newId,
        citationKey,
        title,
        authors,
        date,
        venue,
        arxiv,
        doi,
        links,
        tags,
        abstractText,
        source);
  }
}
