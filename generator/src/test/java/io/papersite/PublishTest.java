package io.papersite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing onto gh-pages, against a local bare repository standing for GitHub. */
class PublishTest {

  @TempDir Path temp;
  private Path project;
  private Path remote;
  private Path site;
  private Git git;

  @BeforeEach
  void createRepositories() throws Exception {
    project = temp.resolve("project");
    remote = temp.resolve("remote.git");
    site = project.resolve("target/papersite");
    Git.init().setBare(true).setDirectory(remote.toFile()).setInitialBranch("main").call().close();
    git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call();
    Files.writeString(project.resolve("README.md"), "my papers\n");
    git.add().addFilepattern("README.md").call();
    git.commit()
        .setMessage("Start")
        .setSign(false)
        .setAuthor("A", "a@example.org")
        .setCommitter("A", "a@example.org")
        .call();
    git.push().setRemote(remote.toString()).setRefSpecs(new RefSpec("main:main")).call();
    Files.createDirectories(site.resolve("papers/one"));
    Files.writeString(site.resolve("index.html"), "<h1>Home</h1>\n");
    Files.writeString(site.resolve("papers/one/index.html"), "<h1>One</h1>\n");
    Files.writeString(site.resolve(".nojekyll"), "");
    Files.writeString(site.resolve(".papersite"), "marker\n");
  }

  @AfterEach
  void close() {
    git.close();
  }

  private PublishResult publish(String remoteName) {
    return Papersite.publish(
        new PublishRequest(site, project, "gh-pages", remoteName, "Publish the site"));
  }

  @Test
  void twoPublishesMakeTwoCommitsTheSecondWithOnlyTheChangedFiles() throws Exception {
    PublishResult first = publish(remote.toString());
    assertThat(first.changedFiles()).isEqualTo(3);
    assertThat(first.pushedTo()).isEqualTo(remote.toString());

    Files.writeString(site.resolve("papers/one/index.html"), "<h1>One, revised</h1>\n");
    PublishResult second = publish(remote.toString());
    assertThat(second.changedFiles()).isEqualTo(1);
    assertThat(second.summary())
        .startsWith("Papersite: published 1 changed file as ")
        .endsWith(" on gh-pages and pushed to " + remote);

    try (Repository bare = Git.open(remote.toFile()).getRepository();
        RevWalk walk = new RevWalk(bare)) {
      RevCommit head = walk.parseCommit(bare.resolve("refs/heads/gh-pages"));
      assertThat(head.name()).isEqualTo(second.commit());
      assertThat(head.getParentCount()).isEqualTo(1);
      RevCommit root = walk.parseCommit(head.getParent(0));
      assertThat(root.name()).isEqualTo(first.commit());
      assertThat(root.getParentCount()).isZero();
      assertThat(files(bare, root))
          .containsExactly(".nojekyll", "index.html", "papers/one/index.html");
      List<DiffEntry> diff =
          Git.wrap(bare)
              .diff()
              .setOldTree(treeParser(bare, root))
              .setNewTree(treeParser(bare, head))
              .call();
      assertThat(diff).extracting(DiffEntry::getNewPath).containsExactly("papers/one/index.html");
      assertThat(head.getFullMessage()).isEqualTo("Publish the site\n");
    }
  }

  @Test
  void publishingAgainWithoutChangesMakesNoCommit() {
    PublishResult first = publish(remote.toString());
    PublishResult again = publish(remote.toString());
    assertThat(again.unchanged()).isTrue();
    assertThat(again.summary())
        .isEqualTo("Papersite: gh-pages already holds this site; nothing to publish");
    assertThat(first.unchanged()).isFalse();
  }

  @Test
  void leavesTheWorkTreeAndTheCurrentBranchAlone() throws Exception {
    ObjectId mainBefore = git.getRepository().resolve("refs/heads/main");
    publish(remote.toString());
    assertThat(git.getRepository().getBranch()).isEqualTo("main");
    assertThat(git.getRepository().resolve("refs/heads/main")).isEqualTo(mainBefore);
    var status = git.status().call();
    assertThat(status.getModified()).isEmpty();
    assertThat(status.getAdded()).isEmpty();
    assertThat(status.getChanged()).isEmpty();
    assertThat(Files.readString(project.resolve("README.md"))).isEqualTo("my papers\n");
    assertThat(git.getRepository().resolve("refs/heads/gh-pages")).isNotNull();
  }

  @Test
  void buildsOnTheRemoteHistoryWhenTheLocalBranchIsMissing() throws Exception {
    PublishResult first = publish(remote.toString());
    Path clone = temp.resolve("clone");
    try (Git other =
        Git.cloneRepository()
            .setURI(remote.toUri().toString())
            .setDirectory(clone.toFile())
            .call()) {
      Files.writeString(site.resolve("index.html"), "<h1>Home 2</h1>\n");
      PublishResult second =
          Papersite.publish(new PublishRequest(site, clone, "gh-pages", "origin", "Again"));
      try (RevWalk walk = new RevWalk(other.getRepository())) {
        RevCommit head = walk.parseCommit(ObjectId.fromString(second.commit()));
        assertThat(head.getParent(0).name()).isEqualTo(first.commit());
      }
    }
  }

  @Test
  void publishesToTheLocalBranchOnlyWithoutARemote() throws Exception {
    PublishResult result = publish(null);
    assertThat(result.pushedTo()).isEmpty();
    assertThat(git.getRepository().resolve("refs/heads/gh-pages").name())
        .isEqualTo(result.commit());
    try (Repository bare = Git.open(remote.toFile()).getRepository()) {
      assertThat(bare.resolve("refs/heads/gh-pages")).isNull();
    }
  }

  @Test
  void refusesToPublishOntoTheCheckedOutBranch() throws Exception {
    git.checkout().setCreateBranch(true).setName("gh-pages").call();
    assertThatThrownBy(() -> publish(null))
        .isInstanceOf(PublishException.class)
        .hasMessage(
            "the current branch is gh-pages; switch to another branch before publishing, so that your work tree is left alone");
  }

  @Test
  void explainsAMissingSiteAndAMissingRepository() throws IOException {
    assertThatThrownBy(
            () ->
                Papersite.publish(
                    new PublishRequest(temp.resolve("none"), project, "gh-pages", null, "m")))
        .isInstanceOf(PublishException.class)
        .hasMessageEndingWith("to publish; build it first, e.g. mvn site-generate");
    Path plain = Files.createDirectories(temp.resolve("plain"));
    assertThatThrownBy(
            () -> Papersite.publish(new PublishRequest(site, plain, "gh-pages", null, "m")))
        .isInstanceOf(PublishException.class)
        .hasMessageContaining("is not in a git repository");
  }

  private static List<String> files(Repository repository, RevCommit commit) throws IOException {
    try (TreeWalk walk = new TreeWalk(repository)) {
      walk.addTree(commit.getTree());
      walk.setRecursive(true);
      List<String> paths = new java.util.ArrayList<>();
      while (walk.next()) {
        paths.add(walk.getPathString());
      }
      return paths;
    }
  }

  private static org.eclipse.jgit.treewalk.AbstractTreeIterator treeParser(
      Repository repository, RevCommit commit) throws IOException {
    var parser = new org.eclipse.jgit.treewalk.CanonicalTreeParser();
    try (var reader = repository.newObjectReader()) {
      parser.reset(reader, commit.getTree().getId());
    }
    return parser;
  }
}
