package io.papersite.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.papersite.model.Problems;
import io.papersite.resolve.ResolvedSite;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The papers' folder gets its entries, each paper's page folder and BibTeX file, from one thread,
 * so that the rendering threads do not wait on that folder's lock; every page still gets its file.
 */
class PaperFilesTest {

  @TempDir Path project;

  /** What was asked of an output, by path: by which threads, as a folder hint or as a file. */
  private static final class Recording implements SiteOutput {
    final Set<String> papersFolderThreads = ConcurrentHashMap.newKeySet();
    final Map<String, String> texts = new ConcurrentHashMap<>();
    final Set<String> folders = ConcurrentHashMap.newKeySet();

    @Override
    public void text(String path, TextContent content) {
      StringWriter text = new StringWriter();
      try {
        content.writeTo(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      texts.put(path, text.toString());
      if (path.indexOf('/', "papers/".length()) < 0) {
        noteThread(path); // a file of the papers' folder itself, not a page in a paper's folder
      }
    }

    @Override
    public void bytes(String path, byte[] content) {}

    @Override
    public void folderOf(String path) {
      folders.add(path);
      noteThread(path);
    }

    private void noteThread(String path) {
      if (path.startsWith("papers/paper-")) {
        papersFolderThreads.add(Thread.currentThread().getName());
      }
    }
  }

  private ResolvedSite site(int papers) throws IOException {
    Path content = project.resolve("content");
    Files.createDirectories(content.resolve("papers"));
    Files.writeString(content.resolve("site.yaml"), "title: Folders\n");
    for (int i = 0; i < papers; i++) {
      Files.writeString(
          content.resolve("papers/paper-" + i + ".yaml"),
          "title: Paper " + i + "\nabstract: The abstract of paper " + i + ".\n");
    }
    Problems problems = new Problems();
    ResolvedSite site = Sites.resolve(project, content, problems);
    assertThat(problems.sorted()).isEmpty();
    return site;
  }

  @Test
  void oneThreadMakesEveryPapersFolderAndBibTeXFileAndEachPageIsRendered() throws IOException {
    int papers = 400;
    ResolvedSite site = site(papers);
    Problems problems = new Problems();
    SiteRenderer renderer = new SiteRenderer("default", Optional.empty(), "templates", problems);
    Recording out = new Recording();

    renderer.render(site, out, null, io.papersite.Progress.NONE);

    assertThat(problems.sorted()).isEmpty();
    List<String> ids = IntStream.range(0, papers).mapToObj(i -> "paper-" + i).toList();
    assertThat(out.folders)
        .containsExactlyInAnyOrderElementsOf(
            ids.stream().map(id -> "papers/" + id + "/index.html").toList());
    for (String id : ids) {
      assertThat(out.texts.get("papers/" + id + ".bib")).startsWith("@misc{" + id + ",");
      assertThat(out.texts.get("papers/" + id + "/index.html")).contains("<h1>Paper ");
    }
    assertThat(out.papersFolderThreads).hasSize(1);
    assertThat(
            out.texts.keySet().stream()
                .filter(path -> path.endsWith(".bib") && path.startsWith("papers/"))
                .collect(Collectors.toSet()))
        .hasSize(papers);
  }

  @Test
  void anEditWritesTheBibTeXFilesOfTheEditedPapersOnly() throws IOException {
    ResolvedSite site = site(5);
    Problems problems = new Problems();
    SiteRenderer renderer = new SiteRenderer("default", Optional.empty(), "templates", problems);
    SiteRenderer.Views views = renderer.views(site);
    Recording out = new Recording();

    int pages = renderer.renderPagesOf(views, Set.of("paper-2"), Set.of("paper-2"), out);

    assertThat(out.folders).containsExactly("papers/paper-2/index.html");
    assertThat(out.texts.keySet().stream().filter(path -> path.endsWith(".bib")))
        .containsExactly("papers/paper-2.bib");
    assertThat(out.texts).containsKey("papers/paper-2/index.html");
    assertThat(pages).isEqualTo(out.texts.size() - 1); // every file but the BibTeX one is a page
  }
}
