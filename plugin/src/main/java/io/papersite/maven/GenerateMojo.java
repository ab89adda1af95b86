package io.papersite.maven;

import io.papersite.GenerateRequest;
import io.papersite.GenerateResult;
import io.papersite.Papersite;
import io.papersite.Progress;
import io.papersite.SecondJvm;
import java.lang.management.ManagementFactory;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the content and generates the static site. Bound to the {@code site-generate} phase of the
 * papersite lifecycle (declare the plugin with {@code <extensions>true</extensions>}), or run
 * directly as {@code mvn papersite:generate}.
 */
@Mojo(name = "generate", requiresProject = true, threadSafe = true)
public class GenerateMojo extends AbstractPapersiteMojo {

  /**
   * Builds a collection of up to 25,000 papers in a second JVM that compiles with C1 only, which is
   * faster than Maven's own JVM for such a one-off batch; false builds in Maven's JVM.
   */
  @Parameter(property = "papersite.fork", defaultValue = "true")
  private boolean fork;

  @Override
  protected String run(GenerateRequest request) {
    Progress progress = Progress.logging(getLog()::info);
    GenerateResult result =
        fork
            ? SecondJvm.of(
                    getClass().getClassLoader(),
                    ManagementFactory.getRuntimeMXBean().getInputArguments())
                .map(jvm -> Papersite.generate(request, progress, jvm))
                .orElseGet(() -> Papersite.generate(request, progress))
            : Papersite.generate(request, progress);
    log(result.warnings());
    return result.summary();
  }
}
