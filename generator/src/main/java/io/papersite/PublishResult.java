package io.papersite;

/**
 * What a publish did.
 *
 * @param commit the new commit's id, or empty when the site was already published as it is
 * @param changedFiles files added, changed or removed since the branch's previous commit
 * @param pushedTo the remote the branch was pushed to, or empty
 */
public record PublishResult(String branch, String commit, int changedFiles, String pushedTo) {

  public boolean unchanged() {
    return commit.isEmpty();
  }

  /** One line for a log. */
  public String summary() {
    String where = pushedTo.isEmpty() ? "" : " and pushed to " + pushedTo;
    return unchanged()
        ? "Papersite: " + branch + " already holds this site; nothing to publish"
        : "Papersite: published "
            + GenerateResult.count(changedFiles, "changed file")
            + " as "
            + commit.substring(0, 12)
            + " on "
            + branch
            + where;
  }
}
