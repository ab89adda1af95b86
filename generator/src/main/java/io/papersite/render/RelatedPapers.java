package io.papersite.render;

import io.papersite.resolve.ResolvedPaper;
import io.papersite.resolve.ResolvedSite;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For each paper, the papers most like it: one point per shared tag, two per shared collection.
 * Candidates come from an index of tags and collections; a large group contributes only its papers
 * nearest in site order, so the cost stays linear in the number of papers.
 */
final class RelatedPapers {

  static final int COUNT = 5;
  private static final int NEIGHBOURS = 20;

  private final Map<String, List<String>> groups = new HashMap<>();
  private final Map<String, Integer> position = new HashMap<>();
  private final Map<String, Map<String, Integer>> indexInGroup = new HashMap<>();

  RelatedPapers(ResolvedSite site) {
    for (int i = 0; i < site.papers().size(); i++) {
      position.put(site.papers().get(i).id(), i);
    }
    site.tags().forEach(t -> groups.put("tag:" + t.name(), t.paperIds()));
    site.collections().forEach(c -> groups.put("collection:" + c.id(), c.paperIds()));
    groups.forEach(
        (name, ids) -> {
          Map<String, Integer> index = new HashMap<>();
          for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
          }
          indexInGroup.put(name, index);
        });
  }

  List<String> of(ResolvedPaper paper) {
    Map<String, Integer> scores = new HashMap<>();
    List<String> memberships = new ArrayList<>();
    paper.paper().tags().forEach(t -> memberships.add("tag:" + t));
    paper.collectionIds().forEach(c -> memberships.add("collection:" + c));
    for (String group : memberships) {
      List<String> ids = groups.getOrDefault(group, List.of());
      int points = group.startsWith("collection:") ? 2 : 1;
      int at = indexInGroup.get(group).getOrDefault(paper.id(), 0);
      int from = Math.max(0, at - NEIGHBOURS);
      int to = Math.min(ids.size(), at + NEIGHBOURS + 1);
      for (String other : ids.subList(from, to)) {
        if (!other.equals(paper.id())) {
          scores.merge(other, points, Integer::sum);
        }
      }
    }
    return scores.entrySet().stream()
        .sorted(
            Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue())
                .thenComparing(e -> position.get(e.getKey())))
        .limit(COUNT)
        .map(Map.Entry::getKey)
        .toList();
  }
}
