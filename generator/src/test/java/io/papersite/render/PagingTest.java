package io.papersite.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.papersite.render.view.Ref;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A page of a long list links the ends and its neighbours, so that it does not grow with the list.
 */
class PagingTest {

  private static String labels(int number, int count) {
    return String.join(
        " ", Paging.links("/papers/", number, count).stream().map(Ref::label).toList());
  }

  @Test
  void aPageLinksTheEndsAndTwoPagesOnEachSide() {
    assertThat(labels(1, 1000)).isEqualTo("1 2 3 … 1000");
    assertThat(labels(500, 1000)).isEqualTo("1 … 498 499 500 501 502 … 1000");
    assertThat(labels(1000, 1000)).isEqualTo("1 … 998 999 1000");
    assertThat(Paging.links("/papers/", 500, 1000)).hasSize(9);
  }

  @Test
  void aGapOfOnePageShowsThePageAndShortListsShowEveryPage() {
    assertThat(labels(4, 10)).isEqualTo("1 2 3 4 5 6 … 10");
    assertThat(labels(2, 3)).isEqualTo("1 2 3");
    assertThat(labels(1, 1)).isEqualTo("1");
    assertThat(labels(3, 7)).isEqualTo("1 2 3 4 5 6 7");
  }

  @Test
  void linksGoToTheFirstPageAtTheListsUrlAndGapsNowhere() {
    List<Ref> links = Paging.links("/tags/t/", 1, 8);
    assertThat(links)
        .containsExactly(
            new Ref("1", "/tags/t/"),
            new Ref("2", "/tags/t/page/2/"),
            new Ref("3", "/tags/t/page/3/"),
            new Ref("…", ""),
            new Ref("8", "/tags/t/page/8/"));
  }
}
