package io.papersite.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.papersite.model.Problems;
import io.papersite.resolve.ResolvedSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the exports' entries lie is noted only for a site whose entries fit the heap's share. */
class ExportEntriesTest {

  @TempDir Path project;

  @Test
  void theEntriesOfASiteAreNotedOnlyWhileTheyFitASixtyFourthOfTheHeap() throws IOException {
    Path content = project.resolve("content");
    Files.createDirectories(content.resolve("papers"));
    Files.createDirectories(content.resolve("collections"));
    Files.writeString(content.resolve("site.yaml"), "title: Entries\n");
    for (String id : new String[] {"a", "b", "c"}) {
      Files.writeString(content.resolve("papers/" + id + ".yaml"), "title: Paper " + id + "\n");
    }
    Files.writeString(content.resolve("collections/two.yaml"), "title: Two\npapers: [a, b]\n");
    Problems problems = new Problems();
    ResolvedSite site = Sites.resolve(project, content, problems);

    // five exports with an entry a paper, and the awesome list's lines: 6 * 3 + 2 entries
    long entries = 6 * 3 + 2;
    assertThat(ExportEntries.fit(site, entries * 40 * 64)).isTrue();
    assertThat(ExportEntries.fit(site, entries * 40 * 64 - 64)).isFalse();
  }
}
