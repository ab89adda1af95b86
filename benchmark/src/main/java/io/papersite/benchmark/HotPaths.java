package io.papersite.benchmark;

import io.papersite.load.ContentFiles;
import io.papersite.load.ContentLoader;
import io.papersite.load.SourceFile;
import io.papersite.model.Content;
import io.papersite.model.Paper;
import io.papersite.model.Problems;
import io.papersite.parse.ContentParser;
import io.papersite.render.SiteOutput;
import io.papersite.render.SiteRenderer;
import io.papersite.resolve.ResolvedPaper;
import io.papersite.resolve.ResolvedSite;
import io.papersite.resolve.Resolver;
import io.papersite.resolve.SiteUrls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Micro-benchmarks of the paths a build runs for every paper, on a generated collection of 200
 * papers: reading one entry's YAML, resolving an edited paper again (its abstract and notes
 * rendered as HTML and as plain text), and rendering the pages that show one paper (what the live
 * preview does after an edit).
 *
 * <pre>{@code benchmark/jmh}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotPaths {

  private SourceFile entry;
  private ResolvedPaper paper;
  private Resolver resolver;
  private ResolvedSite site;
  private SiteRenderer renderer;
  private SiteRenderer.Views views;

  @Setup
  public void setUp() throws IOException {
    Path dir = Files.createTempDirectory("papersite-hot-paths");
    Corpus.main(new String[] {"200", dir.toString(), "content"});
    Path project = dir.resolve("papersite");
    Problems problems = new Problems();
    ContentFiles files = new ContentLoader(project, problems).load(project.resolve("content"));
    Content content = new ContentParser(problems).parse(files, "content");
    resolver = new Resolver(problems);
    site =
        resolver.resolve(
            content, files.paperNotes(), files.staticFiles().keySet(), SiteUrls.of("/"));
    if (!problems.sorted().isEmpty()) {
      throw new IllegalStateException("the corpus has problems: " + problems.sorted());
    }
    entry = files.papers().get(7);
    paper = site.papers().get(7);
    renderer = new SiteRenderer("default", Optional.empty(), "templates", problems);
    views = renderer.views(site);
  }

  @Benchmark
  public List<Paper> parseOneEntry() {
    return new ContentParser(new Problems()).papersOf(entry);
  }

  @Benchmark
  public Optional<ResolvedPaper> resolveAnEditedPaper() {
    return resolver.replace(site, paper.paper(), new Problems());
  }

  @Benchmark
  public int renderThePagesOfOnePaper() {
    return renderer.renderPagesOf(
        views, Set.of(paper.id()), Set.of(paper.id()), SiteOutput.DISCARD);
  }
}
