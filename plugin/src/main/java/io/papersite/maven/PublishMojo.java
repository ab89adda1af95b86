package io.papersite.maven;

import io.papersite.Papersite;
import io.papersite.PublishException;
import io.papersite.PublishRequest;
import io.papersite.PublishResult;
import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Commits the built site onto a branch such as {@code gh-pages} (created as an orphan branch when
 * missing) and pushes it when a remote is given, for GitHub Pages sites published from a branch.
 * The work tree and the current branch are left alone. Run it after the site is built: {@code mvn
 * site-generate papersite:publish -Dpapersite.publish.remote=origin}.
 */
@Mojo(name = "publish", requiresProject = true, threadSafe = true)
public class PublishMojo extends AbstractMojo {

  /** The built site to publish. */
  @Parameter(
      property = "papersite.outputDirectory",
      defaultValue = "${project.build.directory}/papersite",
      required = true)
  private File outputDirectory;

  /** A folder inside the git repository to publish into. */
  @Parameter(
      property = "papersite.publish.repository",
      defaultValue = "${project.basedir}",
      required = true)
  private File repository;

  /** The branch that holds the published site. */
  @Parameter(property = "papersite.publish.branch", defaultValue = "gh-pages", required = true)
  private String branch;

  /**
   * A remote's name (such as origin) or URL to push the branch to; without it, only the local
   * branch is updated.
   */
  @Parameter(property = "papersite.publish.remote")
  private String remote;

  /** The commit message. */
  @Parameter(
      property = "papersite.publish.message",
      defaultValue = "Publish the site",
      required = true)
  private String message;

  /** Skips the goal. */
  @Parameter(property = "papersite.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoFailureException {
    if (skip) {
      getLog().info("Papersite: skipped");
      return;
    }
    try {
      PublishResult result =
          Papersite.publish(
              new PublishRequest(
                  outputDirectory.toPath(), repository.toPath(), branch, remote, message));
      getLog().info(result.summary());
    } catch (PublishException e) {
      throw new MojoFailureException("Papersite: " + e.getMessage());
    }
  }
}
