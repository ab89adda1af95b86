package io.papersite.maven;

import io.papersite.GenerateRequest;
import io.papersite.Papersite;
import io.papersite.ValidateResult;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks the content as {@code generate} does, and writes nothing: {@code mvn papersite:validate},
 * fast enough to run on every save.
 */
@Mojo(name = "validate", requiresProject = true, threadSafe = true)
public class ValidateMojo extends AbstractCheckingMojo {

  @Override
  protected String run(GenerateRequest request) {
    ValidateResult result =
        secondJvm(request)
            .map(jvm -> Papersite.validate(request, jvm))
            .orElseGet(() -> Papersite.validate(request));
    log(result.warnings());
    return result.summary();
  }
}
