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
public class GenerateMojo extends AbstractCheckingMojo {

  @Override
  protected String run(GenerateRequest request) {
    Progress progress = Progress.logging(getLog()::info);
    GenerateResult result =
        secondJvm(request)
            .map(jvm -> Papersite.generate(request, progress, jvm))
            .orElseGet(() -> Papersite.generate(request, progress));
    log(result.warnings());
    return result.summary();
  }
}
