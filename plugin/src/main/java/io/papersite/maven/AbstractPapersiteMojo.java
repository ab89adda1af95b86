package io.papersite.maven;

import io.papersite.BuildTimestamp;
import io.papersite.ContentException;
import io.papersite.GenerateRequest;
import io.papersite.model.Problem;
import java.io.File;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters every goal shares, and the one place where exceptions become Maven's. */
abstract class AbstractPapersiteMojo extends AbstractMojo {

  /** The project folder: problems name files relative to it. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  private File projectDirectory;

  /** The content folder: site.yaml, papers/, collections/, static/. */
  @Parameter(
      property = "papersite.contentDirectory",
      defaultValue = "${project.basedir}/content",
      required = true)
  private File contentDirectory;

  /** Your template overrides: a file here replaces the theme's file of the same path. */
  @Parameter(
      property = "papersite.templatesDirectory",
      defaultValue = "${project.basedir}/templates",
      required = true)
  private File templatesDirectory;

  /** Where the site is written. Not target/site, which belongs to maven-site-plugin. */
  @Parameter(
      property = "papersite.outputDirectory",
      defaultValue = "${project.build.directory}/papersite",
      required = true)
  private File outputDirectory;

  /** The URL the site is served from, such as https://user.github.io/repo/; overrides site.yaml. */
  @Parameter(property = "papersite.baseUrl")
  private String baseUrl;

  /** A built-in theme; overrides site.yaml. */
  @Parameter(property = "papersite.theme")
  private String theme;

  /** Turns warnings (such as a paper in no collection) into errors, for CI. */
  @Parameter(property = "papersite.strict", defaultValue = "false")
  private boolean strict;

  /**
   * The build time for feed entries of papers without a date: Maven's reproducible-build timestamp
   * (ISO-8601, or seconds since 1970). Without it such entries get the start of 1970, so that two
   * builds stay byte-identical.
   */
  @Parameter(defaultValue = "${project.build.outputTimestamp}", readonly = true)
  private String outputTimestamp;

  /** Skips the goal. */
  @Parameter(property = "papersite.skip", defaultValue = "false")
  private boolean skip;

  /** Runs the generator with the request; returns the summary line to log. */
  protected abstract String run(GenerateRequest request);

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Papersite: skipped");
      return;
    }
    GenerateRequest request =
        new GenerateRequest(
            projectDirectory.toPath(),
            contentDirectory.toPath(),
            templatesDirectory.toPath(),
            outputDirectory.toPath(),
            baseUrl,
            theme,
            strict,
            BuildTimestamp.parse(outputTimestamp));
    try {
      getLog().info(run(request));
    } catch (ContentException e) {
      log(e.problems());
      throw new MojoFailureException(
          "Papersite: the content has "
              + e.errorCount()
              + (e.errorCount() == 1 ? " error" : " errors")
              + " (listed above); fix them and build again. The previous site is unchanged.");
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException("Papersite: " + e.getMessage(), e);
    }
  }

  /** Logs problems one a line, as editors and CI annotations read them. */
  protected void log(List<Problem> problems) {
    for (Problem problem : problems) {
      if (problem.isError()) {
        getLog().error(problem.toString());
      } else {
        getLog().warn(problem.toString());
      }
    }
  }
}
