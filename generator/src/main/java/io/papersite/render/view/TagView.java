package io.papersite.render.view;

import java.util.List;

/** A tag with its papers. */
public record TagView(String name, String url, List<PaperView> papers) {

  public int paperCount() {
    return papers.size();
  }
}
