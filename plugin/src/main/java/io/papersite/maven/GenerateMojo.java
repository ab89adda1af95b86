package io.papersite.maven;

import io.papersite.GenerateRequest;
import io.papersite.GenerateResult;
import io.papersite.Papersite;
import io.papersite.Progress;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks the content and generates the static site. Bound to the {@code site-generate} phase of the
 * papersite lifecycle (declare the plugin with {@code <extensions>true</extensions>}), or run
 * directly as {@code mvn papersite:generate}.
 */
@Mojo(name = "generate", requiresProject = true, threadSafe = true)
public class GenerateMojo extends AbstractPapersiteMojo {

  @Override
  protected String run(GenerateRequest request) {
    long start = System.nanoTime();
    // Only a build that takes a while says how far it is.
    Progress progress =
        new Progress() {
          @Override
          public void done(int done, int of) {
            if (System.nanoTime() - start > 2_000_000_000L) {
              getLog()
                  .info("Papersite: rendering, " + done + " of " + of + " pages and files done");
            }
          }

          @Override
          public void stageDone(String stage, java.time.Duration took) {
            if (System.nanoTime() - start > 2_000_000_000L) {
              getLog().info("Papersite: " + stage + " in " + took.toMillis() + " ms");
            }
          }
        };
    GenerateResult result = Papersite.generate(request, progress);
    log(result.warnings());
    return result.summary();
  }
}
