package io.papersite.publish;

import io.papersite.PublishException;
import io.papersite.PublishRequest;
import io.papersite.PublishResult;
import io.papersite.write.SiteWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.util.io.NullOutputStream;

/**
 * Commits a built site onto a branch such as {@code gh-pages}, as its whole tree, on top of the
 * branch's history (an orphan branch when it does not exist yet). Only git objects and the branch
 * ref are written: the work tree, the index and the current branch stay as they are.
 */
public final class BranchPublisher {

  /** Where a remote's branch is fetched to before the new commit is made on top of it. */
  private static final String FETCHED = "refs/papersite/fetched";

  private final PublishRequest request;

  public BranchPublisher(PublishRequest request) {
    this.request = request;
  }

  public PublishResult publish() {
    Path site = request.siteDirectory().toAbsolutePath().normalize();
    if (!Files.isDirectory(site)) {
      throw new PublishException(
          "there is no site at " + site + " to publish; build it first, e.g. mvn site-generate");
    }
    try (Repository repository = open();
        Git git = new Git(repository)) {
      String branchRef = Constants.R_HEADS + request.branch();
      if (branchRef.equals(repository.getFullBranch())) {
        throw new PublishException(
            "the current branch is "
                + request.branch()
                + "; switch to another branch before publishing, so that your work tree is left alone");
      }
      ObjectId parent = parent(repository, git, branchRef);
      try (ObjectInserter inserter = repository.newObjectInserter();
          RevWalk walk = new RevWalk(repository)) {
        ObjectId tree = writeTree(site, inserter);
        RevCommit previous = parent == null ? null : walk.parseCommit(parent);
        if (previous != null && previous.getTree().getId().equals(tree)) {
          return new PublishResult(request.branch(), "", 0, "");
        }
        int changed = changedFiles(repository, previous == null ? null : previous.getTree(), tree);
        ObjectId commit = commit(repository, inserter, tree, previous);
        inserter.flush();
        updateRef(repository, branchRef, commit);
        String pushedTo = request.remote() == null ? "" : push(git, branchRef);
        return new PublishResult(request.branch(), commit.name(), changed, pushedTo);
      }
    } catch (IOException e) {
      throw new PublishException("cannot publish: " + e.getMessage(), e);
    } catch (GitAPIException e) {
      throw new PublishException("cannot reach " + request.remote() + ": " + e.getMessage(), e);
    }
  }

  private Repository open() throws IOException {
    FileRepositoryBuilder builder =
        new FileRepositoryBuilder()
            .readEnvironment()
            .findGitDir(request.repositoryDirectory().toFile());
    if (builder.getGitDir() == null) {
      throw new PublishException(
          request.repositoryDirectory().toAbsolutePath()
              + " is not in a git repository; run git init there, or point papersite.publish.repository at one");
    }
    return builder.setMustExist(true).build();
  }

  /**
   * The commit to build on: the remote's branch when pushing to a remote that has it, else the
   * local branch, else none (the branch starts as an orphan).
   */
  private ObjectId parent(Repository repository, Git git, String branchRef)
      throws IOException, GitAPIException {
    if (request.remote() != null) {
      boolean remoteHasBranch =
          Git.lsRemoteRepository().setRemote(remoteUrl(repository)).setHeads(true).call().stream()
              .map(Ref::getName)
              .anyMatch(branchRef::equals);
      if (remoteHasBranch) {
        git.fetch()
            .setRemote(request.remote())
            .setRefSpecs(new RefSpec("+" + branchRef + ":" + FETCHED))
            .call();
        return repository.resolve(FETCHED);
      }
    }
    return repository.resolve(branchRef);
  }

  /** A configured remote's URL, or the remote as given (a URL or a path). */
  private String remoteUrl(Repository repository) {
    String configured = repository.getConfig().getString("remote", request.remote(), "url");
    return configured != null ? configured : request.remote();
  }

  private static ObjectId writeTree(Path site, ObjectInserter inserter) throws IOException {
    DirCache index = DirCache.newInCore();
    DirCacheBuilder builder = index.builder();
    try (Stream<Path> files = Files.walk(site)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String path = site.relativize(file).toString().replace('\\', '/');
        if (path.equals(SiteWriter.MARKER)) {
          continue; // the build's own bookkeeping, not part of the site
        }
        DirCacheEntry entry = new DirCacheEntry(path);
        entry.setFileMode(FileMode.REGULAR_FILE);
        try (InputStream in = Files.newInputStream(file)) {
          entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, Files.size(file), in));
        }
        builder.add(entry);
      }
    }
    builder.finish();
    return index.writeTree(inserter);
  }

  private static int changedFiles(Repository repository, ObjectId oldTree, ObjectId newTree)
      throws IOException {
    try (DiffFormatter diff = new DiffFormatter(NullOutputStream.INSTANCE)) {
      diff.setRepository(repository);
      List<DiffEntry> entries = diff.scan(oldTree, newTree);
      return entries.size();
    }
  }

  private ObjectId commit(
      Repository repository, ObjectInserter inserter, ObjectId tree, RevCommit parent)
      throws IOException {
    PersonIdent person = identity(repository);
    CommitBuilder commit = new CommitBuilder();
    commit.setTreeId(tree);
    if (parent != null) {
      commit.setParentId(parent);
    }
    commit.setAuthor(person);
    commit.setCommitter(person);
    commit.setMessage(
        request.message().endsWith("\n") ? request.message() : request.message() + "\n");
    return inserter.insert(commit);
  }

  /** The user's git identity, or Papersite's own when none is configured. */
  private static PersonIdent identity(Repository repository) {
    var config = repository.getConfig();
    String name = config.getString("user", null, "name");
    String email = config.getString("user", null, "email");
    return new PersonIdent(
        name == null ? "Papersite" : name, email == null ? "papersite@localhost" : email);
  }

  private static void updateRef(Repository repository, String ref, ObjectId commit)
      throws IOException {
    RefUpdate update = repository.updateRef(ref);
    update.setNewObjectId(commit);
    update.setRefLogMessage("papersite: publish", false);
    RefUpdate.Result result = update.forceUpdate();
    if (result != RefUpdate.Result.NEW
        && result != RefUpdate.Result.FORCED
        && result != RefUpdate.Result.FAST_FORWARD) {
      throw new PublishException("cannot update " + ref + ": " + result);
    }
  }

  private String push(Git git, String branchRef) throws GitAPIException {
    Iterable<PushResult> results =
        git.push()
            .setRemote(request.remote())
            .setRefSpecs(new RefSpec(branchRef + ":" + branchRef))
            .call();
    for (PushResult result : results) {
      for (RemoteRefUpdate update : result.getRemoteUpdates()) {
        if (update.getStatus() != RemoteRefUpdate.Status.OK
            && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
          throw new PublishException(
              "the push of "
                  + request.branch()
                  + " to "
                  + request.remote()
                  + " was refused: "
                  + update.getStatus()
                  + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")"));
        }
      }
    }
    return request.remote();
  }
}
