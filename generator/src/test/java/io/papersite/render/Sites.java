package io.papersite.render;

import io.papersite.load.ContentFiles;
import io.papersite.load.ContentLoader;
import io.papersite.model.Problems;
import io.papersite.parse.ContentParser;
import io.papersite.resolve.ResolvedSite;
import io.papersite.resolve.Resolver;
import io.papersite.resolve.SiteUrls;
import java.nio.file.Path;

/** Content folders of the render stage's tests, loaded, parsed and resolved. */
final class Sites {

  private Sites() {}

  /** The site of {@code content} under {@code project}, at the root URL, with its problems. */
  static ResolvedSite resolve(Path project, Path content, Problems problems) {
    ContentFiles files = new ContentLoader(project, problems).load(content);
    return new Resolver(problems)
        .resolve(
            new ContentParser(problems).parse(files, "content"),
            files.paperNotes(),
            files.staticFiles().keySet(),
            SiteUrls.of("/"));
  }
}
