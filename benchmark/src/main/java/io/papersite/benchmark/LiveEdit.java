package io.papersite.benchmark;

import io.papersite.GenerateRequest;
import io.papersite.LiveSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Times what the live preview does after an edit: builds a generated collection once, then edits
 * one paper's abstract several times and prints each change's log line (the generator's time until
 * the pages are written) and the time the feeds and exports take after it.
 *
 * <pre>{@code java -cp ... io.papersite.benchmark.LiveEdit target/benchmark/n10000/papersite 5}
 * </pre>
 */
public final class LiveEdit {

  private LiveEdit() {}

  public static void main(String[] args) throws Exception {
    Path project = Path.of(args[0]).toAbsolutePath();
    int edits = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path output = project.resolve("target/live-edit");
    LiveSite site = new LiveSite(GenerateRequest.forProject(project).withOutputDirectory(output));
    System.out.println(site.build().summary());
    site.warmUp(); // as the preview server does after its first build
    Path paper = project.resolve("content/papers/paper-7.yaml");
    String original = Files.readString(paper);
    try {
      for (int i = 1; i <= edits; i++) {
        String edited = original.replace("abstract: >-\n  ", "abstract: >-\n  Edit " + i + ". ");
        if (edited.equals(original)) {
          throw new IllegalStateException(paper + " has no folded abstract to edit");
        }
        Files.writeString(paper, edited);
        LiveSite.Change change = site.update(Set.of(paper));
        System.out.println(
            change.summary()
                + "; feeds and exports followed in "
                + site.finishExports().toMillis()
                + " ms");
      }
    } finally {
      Files.writeString(paper, original);
    }
  }
}
