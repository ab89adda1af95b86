package io.papersite.maven;

import io.papersite.GenerateRequest;
import io.papersite.serve.PreviewServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A live preview: builds the site, serves it on http://127.0.0.1:PORT under its base path, rebuilds
 * when content or templates change and reloads the open pages; a content error shows in the browser
 * until it is fixed. Runs until stopped with Ctrl-C: {@code mvn papersite:serve}.
 */
@Mojo(name = "serve", requiresProject = true)
public class ServeMojo extends AbstractPapersiteMojo {

  /** The port to serve on. */
  @Parameter(property = "papersite.serve.port", defaultValue = "8000")
  private int port;

  @Override
  protected String run(GenerateRequest request) {
    try (PreviewServer server = new PreviewServer(request, port, getLog()::info)) {
      server.start();
      Thread.currentThread().join();
      return "Papersite: stopped";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve on port " + port + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "Papersite: stopped";
    }
  }
}
