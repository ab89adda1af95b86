package io.papersite.render.view;

import java.util.List;

/**
 * A collection with its papers; {@code introHtml} is rendered Markdown.
 *
 * @param layout how its page lists the papers: {@code cards}, {@code list} or {@code table}
 * @param tags the tags of its papers, most frequent first, for the page's tag filter
 * @param bibtexUrl the BibTeX of all its papers
 */
public record CollectionView(
    String id,
    String title,
    String description,
    String url,
    String introHtml,
    String layout,
    List<Ref> tags,
    String bibtexUrl,
    List<PaperView> papers) {

  public int paperCount() {
    return papers.size();
  }

  /** Whether any of its papers has math, so that KaTeX is loaded. */
  public boolean math() {
    return papers.stream().anyMatch(PaperView::math);
  }
}
