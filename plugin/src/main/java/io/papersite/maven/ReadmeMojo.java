package io.papersite.maven;

import io.papersite.GenerateRequest;
import io.papersite.Papersite;
import java.io.File;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the collection as an awesome list (a section per collection, a line per paper with its
 * links) into a Markdown file such as the repository's README, between the lines {@code <!--
 * papersite:begin -->} and {@code <!-- papersite:end -->}; the rest of the file stays as it is.
 */
@Mojo(name = "readme", requiresProject = true, threadSafe = true)
public class ReadmeMojo extends AbstractCheckingMojo {

  /** The Markdown file to write into. */
  @Parameter(
      property = "papersite.readme.file",
      defaultValue = "${project.basedir}/README.md",
      required = true)
  private File readme;

  @Override
  protected String run(GenerateRequest request) {
    boolean changed =
        secondJvm(request)
            .map(jvm -> Papersite.updateReadme(request, readme.toPath(), jvm))
            .orElseGet(() -> Papersite.updateReadme(request, readme.toPath()));
    return "Papersite: "
        + (changed ? "wrote the list of papers into " : "the list of papers is up to date in ")
        + readme;
  }
}
