package io.papersite;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to publish where: a built site, committed onto a branch of a git repository, and pushed to a
 * remote when one is given.
 *
 * <pre>{@code
 * Papersite.publish(new PublishRequest(
 *     Path.of("target/papersite"), Path.of("."), "gh-pages", "origin", "Publish the site"));
 * }</pre>
 *
 * @param repositoryDirectory a folder inside the repository (its work tree or a sub-folder)
 * @param remote a remote's name or URL to push to; null to only update the local branch
 */
public record PublishRequest(
    Path siteDirectory, Path repositoryDirectory, String branch, String remote, String message) {

  public PublishRequest {
    Objects.requireNonNull(siteDirectory, "siteDirectory");
    Objects.requireNonNull(repositoryDirectory, "repositoryDirectory");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(message, "message");
  }
}
