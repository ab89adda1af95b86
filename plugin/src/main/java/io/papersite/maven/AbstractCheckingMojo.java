package io.papersite.maven;

import io.papersite.GenerateRequest;
import io.papersite.SecondJvm;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Parameter;

/** A goal that checks the whole content, which it does faster in a second JVM. */
abstract class AbstractCheckingMojo extends AbstractPapersiteMojo {

  /**
   * Works on a collection of up to 25,000 papers in a second JVM that compiles with C1 only, which
   * is faster than Maven's own JVM for such a one-off batch; false works in Maven's JVM.
   */
  @Parameter(property = "papersite.fork", defaultValue = "true")
  private boolean fork;

  /**
   * Where the second JVM keeps the class-data archives that let it start sooner (relative to the
   * project), or {@code none}; by default the user's cache folder, and none on a CI server.
   */
  @Parameter(property = "papersite.jvmArchives")
  private String jvmArchives;

  /**
   * Where the build servers keep their sockets (relative to the project), or {@code none}: a build
   * server is a JVM that stays after a build, for 30 minutes, to run the next ones faster; by
   * default the user's cache folder, and none on a CI server.
   */
  @Parameter(property = "papersite.buildServers")
  private String buildServers;

  /**
   * The second JVM to work in, with this plugin's class path and Maven's JVM options, when one is
   * faster for this collection than Maven's.
   */
  protected Optional<SecondJvm> secondJvm(GenerateRequest request) {
    if (!fork || !SecondJvm.paysFor(request.contentDirectory())) {
      return Optional.empty();
    }
    Optional<SecondJvm> jvm = SecondJvm.of(getClass().getClassLoader(), SecondJvm.currentOptions());
    if (given(jvmArchives)) {
      String chosen = folder(request, jvmArchives);
      jvm = jvm.map(j -> j.withArchives(SecondJvm.archives(chosen)));
    }
    if (given(buildServers)) {
      String chosen = folder(request, buildServers);
      jvm = jvm.map(j -> j.withServers(SecondJvm.servers(chosen)));
    }
    return jvm;
  }

  private static boolean given(String parameter) {
    return parameter != null && !parameter.isBlank();
  }

  /** A folder parameter's value: {@code none}, or a folder relative to the project. */
  private static String folder(GenerateRequest request, String parameter) {
    return parameter.strip().equals("none")
        ? "none"
        : request.projectDirectory().resolve(parameter.strip()).toString();
  }
}
