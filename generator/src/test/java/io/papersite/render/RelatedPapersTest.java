package io.papersite.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.papersite.model.Problems;
import io.papersite.resolve.ResolvedPaper;
import io.papersite.resolve.ResolvedSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Related papers: a point per shared tag and two per shared collection, ties in site order, and in
 * a large group only the nearest papers count. Sixty papers share the tag {@code big}; p00, p01 and
 * p50 also share {@code small}, and p00 and p50 the collection {@code c}.
 */
class RelatedPapersTest {

  @TempDir Path project;

  private ResolvedSite site() throws IOException {
    Path content = project.resolve("content");
    Files.createDirectories(content.resolve("papers"));
    Files.createDirectories(content.resolve("collections"));
    Files.writeString(content.resolve("site.yaml"), "title: Related\n");
    for (int i = 0; i < 60; i++) {
      String tags = List.of(0, 1, 50).contains(i) ? "[big, small]" : "[big]";
      Files.writeString(
          content.resolve("papers/" + id(i) + ".yaml"),
          "title: Paper "
              + i
              + "\ndate: "
              + String.format("2020-01-%02d", 1 + i % 28)
              + "\ntags: "
              + tags
              + "\n");
    }
    Files.writeString(
        content.resolve("collections/c.yaml"), "title: C\npapers: [" + id(0) + ", p50]\n");
    Problems problems = new Problems();
    ResolvedSite site = Sites.resolve(project, content, problems);
    assertThat(problems.hasErrors()).isFalse(); // warnings: papers in no collection
    return site;
  }

  private static String id(int i) {
    return String.format("p%02d", i);
  }

  private static ResolvedPaper paper(ResolvedSite site, String id) {
    return site.papers().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }

  /** The papers of the tag {@code big}, in the tag's order. */
  private static List<String> big(ResolvedSite site) {
    return site.tags().stream()
        .filter(t -> t.name().equals("big"))
        .findFirst()
        .orElseThrow()
        .paperIds();
  }

  /** The ids given, in site order. */
  private static List<String> inSiteOrder(ResolvedSite site, Stream<String> ids) {
    List<String> order = site.papers().stream().map(ResolvedPaper::id).toList();
    return ids.sorted(Comparator.comparing(order::indexOf)).toList();
  }

  @Test
  void morePointsFirstThenSiteOrderAndOnlyNeighboursOfALargeGroup() throws IOException {
    ResolvedSite site = site();
    RelatedPapers related = new RelatedPapers(site);
    // p00's neighbours in big: the twenty either side of it in the tag's list.
    List<String> big = big(site);
    int at = big.indexOf("p00");
    List<String> near =
        inSiteOrder(
            site,
            IntStream.rangeClosed(Math.max(0, at - 20), Math.min(big.size() - 1, at + 20))
                .mapToObj(big::get)
                .filter(id -> !List.of("p00", "p01", "p50").contains(id)));

    List<String> ofFirst = related.of(paper(site, "p00"));

    // p50: small and c (3 points) though far in big; p01: big and small (2); then big's nearest.
    assertThat(ofFirst).hasSize(RelatedPapers.COUNT).doesNotContain("p00");
    assertThat(ofFirst.subList(0, 2)).containsExactly("p50", "p01");
    assertThat(ofFirst.subList(2, 5)).containsExactlyElementsOf(near.subList(0, 3));
  }

  @Test
  void aPaperWithOneSharedGroupGetsItsNeighboursInSiteOrder() throws IOException {
    ResolvedSite site = site();
    List<String> big = big(site);
    int at = 30;
    while (List.of("p00", "p01", "p50").contains(big.get(at))) {
      at++; // one with the tag big only
    }
    String middle = big.get(at);
    List<String> near =
        inSiteOrder(site, IntStream.rangeClosed(at - 20, at + 20).mapToObj(big::get)).stream()
            .filter(id -> !id.equals(middle))
            .toList();

    assertThat(new RelatedPapers(site).of(paper(site, middle)))
        .containsExactlyElementsOf(near.subList(0, RelatedPapers.COUNT));
  }
}
