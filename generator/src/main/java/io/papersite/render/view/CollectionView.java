package io.papersite.render.view;

import java.util.List;

/** A collection with its papers; {@code introHtml} is rendered Markdown. */
public record CollectionView(
    String id,
    String title,
    String description,
    String url,
    String introHtml,
    List<PaperView> papers) {

  public int paperCount() {
    return papers.size();
  }
}
