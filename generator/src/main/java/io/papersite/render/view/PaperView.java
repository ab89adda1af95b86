package io.papersite.render.view;

import java.util.List;

/**
 * A paper as templates see it: every value ready to print, URLs built, Markdown rendered to HTML
 * ({@code abstractHtml}, {@code notesHtml}: print with {@code ?no_esc}). Absent values are empty;
 * {@code arxivUrl} and {@code doiUrl} link to the abstract page and the DOI resolver.
 */
public record PaperView(
    String id,
    String title,
    String url,
    List<String> authors,
    String date,
    String venue,
    String arxiv,
    String arxivUrl,
    String doi,
    String doiUrl,
    List<Ref> links,
    List<Ref> tags,
    List<Ref> collections,
    String abstractHtml,
    String notesHtml) {}
