package io.papersite.resolve;

import io.papersite.model.SiteSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The whole site with every cross-reference resolved: what the render stage needs and nothing more.
 * Papers are in site order: newest first, undated last, then by title.
 */
public record ResolvedSite(
    SiteSettings settings,
    SiteUrls urls,
    String introHtml,
    List<ResolvedPaper> papers,
    List<ResolvedCollection> collections,
    List<TagGroup> tags) {

  public ResolvedSite {
    papers = List.copyOf(papers);
    collections = List.copyOf(collections);
    tags = List.copyOf(tags);
  }

  public Map<String, ResolvedPaper> papersById() {
    return papers.stream()
        .collect(
            Collectors.toMap(
                ResolvedPaper::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }
}
