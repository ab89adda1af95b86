package io.papersite;

import io.papersite.write.Fingerprint;
import io.papersite.write.SiteWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The site a {@link BuildServer} built last, kept with its model so that the next build of it after
 * an edit of a few papers renders only what the edit changed, as the live preview does ({@link
 * LiveSite}): their pages, the lists that show them, the feeds and exports. A build into another
 * folder, or into one removed or replaced meanwhile, renders the whole site from the kept model,
 * with such an edit taken into it. Any other change, or a build of another site, builds the whole
 * site. One site is kept: its model takes memory.
 */
final class ServedSite {

  private static Kept kept;
  private static boolean wholeSite; // a build rendered the whole site and kept it: not asked yet

  private ServedSite() {}

  /**
   * @param output what the output folder was when the site was kept: another build replaces it
   */
  private record Kept(GenerateRequest request, LiveSite live, Output output) {}

  /** An output folder as a build left it: the folder itself and its marker's text. */
  private record Output(Object folder, String marker) {
    static Optional<Output> of(Path site) {
      try {
        var attributes = Files.readAttributes(site, BasicFileAttributes.class);
        Object folder =
            attributes.fileKey() != null ? attributes.fileKey() : attributes.creationTime();
        return Optional.of(new Output(folder, Files.readString(site.resolve(SiteWriter.MARKER))));
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    }
  }

  /**
   * Builds {@code request}'s site to nothing, as a new server warms up, and keeps it when the site
   * in its output folder was built from the very same files and settings (by the build that started
   * the server): the first edit after that build then renders only what it changed. False when
   * {@code stop} stopped it.
   *
   * @throws ContentException when the content has errors
   */
  static synchronized boolean rehearse(
      GenerateRequest request, java.util.function.BooleanSupplier stop) {
    kept = null;
    LiveSite live = new LiveSite(request);
    if (!live.rehearse(stop)) {
      return false;
    }
    // Made whatever the output folder holds: a clean build makes it too, so it is compiled.
    String read = Papersite.fingerprint(request, live.keptFiles().orElseThrow());
    Path site = request.outputDirectory().toAbsolutePath().normalize();
    Optional<Output> output = Output.of(site);
    if (output.isPresent()
        && !new SiteWriter(site).hasLeftovers()
        && read.equals(Fingerprint.of(site))) {
      kept = new Kept(request, live, output.get());
    }
    return true;
  }

  /**
   * Builds as {@link Papersite#generate(GenerateRequest, Progress)}, from the kept site if it can.
   */
  static synchronized GenerateResult generate(GenerateRequest request, Progress progress) {
    long start = System.nanoTime();
    Kept last = kept;
    kept = null; // kept again only by a build that succeeds
    wholeSite = false;
    Path site = request.outputDirectory().toAbsolutePath().normalize();
    if (last == null
        || !sameContent(last.request(), request)
        || last.live().keptFiles().isEmpty()) {
      last = null; // its model is garbage before the new one is made
      return whole(build(request, new LiveSite(request), progress, null));
    }
    boolean inPlace =
        last.request().equals(request)
            && Output.of(site).equals(Optional.of(last.output()))
            && !new SiteWriter(site).hasLeftovers(); // a build was stopped there: its debris goes
    LiveSite live = last.live();
    last = null;
    Fingerprint.Snapshot now = Papersite.snapshotSince(request, live.keptFiles().get());
    Set<Path> changed = now.changedSince(live.keptFiles().get());
    if (inPlace && !changed.isEmpty()) {
      Optional<LiveSite.Change> edit = live.edit(changed, now, Papersite.fingerprint(request, now));
      if (edit.isPresent()) {
        return edited(request, live, edit.get(), start);
      }
      live = null; // its model is garbage before the new one is made
      return whole(build(request, new LiveSite(request), progress, now));
    }
    // Another output folder, one removed (`mvn clean`) or changed: an edit the model can take, as
    // one in place, goes into it, and the whole site is rendered from it.
    LiveSite here = inPlace ? live : live.movedTo(request);
    live = null;
    if (!changed.isEmpty() && !takes(here, changed)) {
      here = null; // its model is garbage before the new one is made
      return whole(build(request, new LiveSite(request), progress, now));
    }
    return whole(kept(request, here, here.buildFromModel(progress, now)));
  }

  private static boolean takes(LiveSite live, Set<Path> changed) {
    try {
      return live.takeEdit(changed);
    } catch (java.io.UncheckedIOException e) {
      return false; // a changed file went missing meanwhile: a full build says what it finds
    }
  }

  /** Whether two builds are of the same content with the same settings, wherever they write. */
  private static boolean sameContent(GenerateRequest one, GenerateRequest other) {
    return one.withOutputDirectory(other.outputDirectory()).equals(other);
  }

  private static GenerateResult whole(GenerateResult result) {
    wholeSite = kept != null && !result.upToDate(); // a site up to date renders nothing
    return result;
  }

  /**
   * Whether a build since the last call rendered the whole site and kept it: a check or README
   * update that the server ran after it is not such a build.
   */
  static synchronized boolean builtWholeSite() {
    boolean built = wholeSite;
    wholeSite = false;
    return built;
  }

  /** The result of an edit that {@code live} rendered, kept for the next one. */
  private static GenerateResult edited(
      GenerateRequest request, LiveSite live, LiveSite.Change change, long start) {
    Path site = request.outputDirectory().toAbsolutePath().normalize();
    Output.of(site).ifPresent(output -> kept = new Kept(request, live, output));
    if (change.papers().isEmpty()) { // files changed, none of what the site shows
      return new GenerateResult(
          request.outputDirectory(),
          0,
          0,
          0,
          0,
          true,
          java.util.List.of(),
          Fingerprint.basePath(site),
          Duration.ofNanos(System.nanoTime() - start),
          java.util.List.of());
    }
    int rendered = change.filesWritten() + change.filesUnchanged();
    return new GenerateResult(
        request.outputDirectory(),
        live.papers(),
        rendered,
        rendered,
        change.filesUnchanged(),
        false,
        java.util.List.of(),
        Fingerprint.basePath(site),
        Duration.ofNanos(System.nanoTime() - start),
        change.papers());
  }

  /**
   * Builds the whole site with {@code live} (nothing when it is up to date) and keeps it unless the
   * build had warnings, which the next build must show again.
   */
  private static GenerateResult build(
      GenerateRequest request, LiveSite live, Progress progress, Fingerprint.Snapshot read) {
    return kept(request, live, live.build(progress, read));
  }

  /** The result of {@code live}'s whole build, whose site is kept unless it had warnings. */
  private static GenerateResult kept(
      GenerateRequest request, LiveSite live, GenerateResult result) {
    if (result.warnings().isEmpty() && live.keptFiles().isPresent()) {
      Output.of(request.outputDirectory().toAbsolutePath().normalize())
          .ifPresent(output -> kept = new Kept(request, live, output));
    }
    return result;
  }
}
