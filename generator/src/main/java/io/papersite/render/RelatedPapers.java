package io.papersite.render;

import io.papersite.resolve.ResolvedPaper;
import io.papersite.resolve.ResolvedSite;
import java.util.ArrayList;
import java.util.Arrays;
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

  private final List<String> ids = new ArrayList<>();
  private final Map<String, Integer> position = new HashMap<>();
  private final Map<String, Group> groups = new HashMap<>();

  /** A tag's or collection's papers, by their place in site order, and each one's place in it. */
  private record Group(int points, int[] members, Map<String, Integer> indexOf) {}

  RelatedPapers(ResolvedSite site) {
    for (ResolvedPaper paper : site.papers()) {
      position.put(paper.id(), ids.size());
      ids.add(paper.id());
    }
    site.tags().forEach(t -> groups.put("tag:" + t.name(), group(1, t.paperIds(), position)));
    site.collections()
        .forEach(c -> groups.put("collection:" + c.id(), group(2, c.paperIds(), position)));
  }

  private static Group group(int points, List<String> paperIds, Map<String, Integer> position) {
    int[] members = new int[paperIds.size()];
    Map<String, Integer> indexOf = new HashMap<>();
    for (int i = 0; i < members.length; i++) {
      members[i] = position.get(paperIds.get(i));
      indexOf.put(paperIds.get(i), i);
    }
    return new Group(points, members, indexOf);
  }

  List<String> of(ResolvedPaper paper) {
    List<Group> memberships = new ArrayList<>();
    paper.paper().tags().forEach(t -> memberships.add(groups.get("tag:" + t)));
    paper.collectionIds().forEach(c -> memberships.add(groups.get("collection:" + c)));
    // Each candidate's points, as place in site order times four plus points: sorted, the
    // entries of one paper come together and are added up.
    long[] candidates = new long[memberships.size() * (2 * NEIGHBOURS + 1)];
    int count = 0;
    int self = position.get(paper.id());
    for (Group group : memberships) {
      int at = group.indexOf().getOrDefault(paper.id(), 0);
      int to = Math.min(group.members().length, at + NEIGHBOURS + 1);
      for (int i = Math.max(0, at - NEIGHBOURS); i < to; i++) {
        if (group.members()[i] != self) {
          candidates[count++] = (long) group.members()[i] * 4 + group.points();
        }
      }
    }
    Arrays.sort(candidates, 0, count);
    // The best, by points and then by site order: a short list kept sorted.
    int[] best = new int[COUNT];
    int[] bestPoints = new int[COUNT];
    int kept = 0;
    for (int i = 0; i < count; ) {
      long place = candidates[i] / 4;
      int points = 0;
      for (; i < count && candidates[i] / 4 == place; i++) {
        points += (int) (candidates[i] % 4);
      }
      // Candidates come in site order, so an equal score never displaces an earlier paper.
      int slot = kept;
      while (slot > 0 && bestPoints[slot - 1] < points) {
        slot--;
      }
      if (slot < COUNT) {
        int moved = Math.min(kept, COUNT - 1) - slot;
        System.arraycopy(best, slot, best, slot + 1, moved);
        System.arraycopy(bestPoints, slot, bestPoints, slot + 1, moved);
        best[slot] = (int) place;
        bestPoints[slot] = points;
        kept = Math.min(kept + 1, COUNT);
      }
    }
    List<String> related = new ArrayList<>(kept);
    for (int i = 0; i < kept; i++) {
      related.add(ids.get(best[i]));
    }
    return related;
  }
}
