package io.papersite.render.view;

import java.util.List;

/**
 * A paper as templates see it: every value ready to print, URLs built, Markdown rendered to HTML
 * ({@code abstractHtml}, {@code notesHtml}: print with {@code ?no_esc}). Absent values are empty.
 *
 * @param arxivUrl the arXiv abstract page, when the paper has an arXiv id
 * @param doiUrl the DOI resolver's URL, when the paper has a DOI
 * @param tagNames the tags separated by spaces, for {@code data-} attributes that scripts read
 * @param related papers that share tags and collections with this one, most related first
 * @param bibtexUrl the paper's BibTeX entry as a file (the paper page has the entry itself)
 * @param math whether the abstract or notes contain math, so that KaTeX is loaded
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
    String tagNames,
    List<Ref> collections,
    String abstractHtml,
    String notesHtml,
    List<Ref> related,
    String bibtexUrl,
    boolean math) {}
