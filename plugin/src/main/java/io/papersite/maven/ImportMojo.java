package io.papersite.maven;

import io.papersite.ImportRequest;
import io.papersite.ImportResult;
import io.papersite.Papersite;
import io.papersite.model.Problem;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Imports BibTeX files as paper entries: {@code mvn papersite:import
 * -Dpapersite.import.files=refs.bib}. Existing entries are never overwritten.
 */
@Mojo(name = "import", requiresProject = true, threadSafe = true)
public class ImportMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  private File projectDirectory;

  /** The content folder to write {@code papers/<id>.yaml} into. */
  @Parameter(
      property = "papersite.contentDirectory",
      defaultValue = "${project.basedir}/content",
      required = true)
  private File contentDirectory;

  /** The .bib files to import, relative to the project, separated by commas. */
  @Parameter(property = "papersite.import.files", required = true)
  private List<String> files;

  /** Fill the fields that existing entries lack, keeping everything they have. */
  @Parameter(property = "papersite.import.update", defaultValue = "false")
  private boolean update;

  /** A collection to add the imported papers to; created when missing. */
  @Parameter(property = "papersite.import.collection")
  private String collection;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    ImportResult result;
    try {
      result =
          Papersite.importBibtex(
              new ImportRequest(
                  projectDirectory.toPath(),
                  contentDirectory.toPath(),
                  files.stream().map(String::strip).map(Path::of).toList(),
                  update,
                  collection));
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException("Papersite: " + e.getMessage(), e);
    }
    List<String> report = result.report();
    getLog().info(report.get(0));
    for (String line : report.subList(1, report.size())) {
      if (line.contains(": error: ")) {
        getLog().error(line);
      } else if (line.contains(": warning: ")) {
        getLog().warn(line);
      } else {
        getLog().info(line);
      }
    }
    if (result.problems().stream().anyMatch(Problem::isError)
        && result.created().isEmpty()
        && result.updated().isEmpty()
        && result.skipped().isEmpty()) {
      throw new MojoFailureException(
          "Papersite: nothing could be imported (problems listed above)");
    }
  }
}
