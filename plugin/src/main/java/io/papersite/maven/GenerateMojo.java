package io.papersite.maven;

import io.papersite.GenerateRequest;
import io.papersite.GenerateResult;
import io.papersite.JvmAdvice;
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
    GenerateResult result = Papersite.generate(request, Progress.logging(getLog()::info));
    log(result.warnings());
    JvmAdvice.forMaven(
            result, java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())
        .ifPresent(getLog()::info);
    return result.summary();
  }
}
