package io.papersite.cli;

import io.papersite.BuildTimestamp;
import io.papersite.ContentException;
import io.papersite.GenerateRequest;
import io.papersite.GenerateResult;
import io.papersite.Papersite;
import io.papersite.ValidateResult;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;

/**
 * The command line: {@code java -jar papersite-generator-VERSION-cli.jar build|validate [options]}.
 * Exit status 0 on success, 1 when the content has errors, 2 for a usage mistake. {@code
 * SOURCE_DATE_EPOCH}, when set, is the build time given to feed entries of undated papers.
 */
public final class Main {

  static final String USAGE =
      "usage: papersite build|validate [--content DIR] [--out DIR] [--templates DIR]"
          + " [--base-url URL] [--theme NAME] [--strict]\n"
          + "  build             check the content and write the site\n"
          + "  validate          check the content and write nothing\n"
          + "  --content DIR     the content folder (default: content)\n"
          + "  --out DIR         where the site is written (default: target/papersite)\n"
          + "  --templates DIR   your template overrides (default: templates, beside the content"
          + " folder)\n"
          + "  --base-url URL    the URL the site is served from, overriding site.yaml\n"
          + "  --theme NAME      a built-in theme, overriding site.yaml\n"
          + "  --strict          treat warnings as errors";

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command and returns its exit status; testable without exiting the JVM. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || !(args[0].equals("build") || args[0].equals("validate"))) {
      err.println(args.length == 0 ? USAGE : "unknown command '" + args[0] + "'\n" + USAGE);
      return 2;
    }
    GenerateRequest request;
    try {
      request = parse(Arrays.asList(args).subList(1, args.length).iterator());
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage() + "\n" + USAGE);
      return 2;
    }
    try {
      if (args[0].equals("build")) {
        GenerateResult result = Papersite.generate(request);
        result.warnings().forEach(err::println);
        out.println(result.summary());
      } else {
        ValidateResult result = Papersite.validate(request);
        result.warnings().forEach(err::println);
        out.println(result.summary());
      }
      return 0;
    } catch (ContentException e) {
      err.println(e.getMessage());
      return 1;
    } catch (UncheckedIOException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  private static GenerateRequest parse(Iterator<String> args) {
    Path project = Path.of("").toAbsolutePath();
    GenerateRequest request =
        GenerateRequest.forProject(project)
            .withTimestamp(BuildTimestamp.parse(System.getenv("SOURCE_DATE_EPOCH")));
    boolean templatesGiven = false;
    while (args.hasNext()) {
      String option = args.next();
      if (option.equals("--strict")) {
        request = request.withStrict(true);
        continue;
      }
      if (!args.hasNext()) {
        throw new IllegalArgumentException("option " + option + " needs a value");
      }
      String value = args.next();
      switch (option) {
        case "--content" -> request = request.withContentDirectory(project.resolve(value));
        case "--out" -> request = request.withOutputDirectory(project.resolve(value));
        case "--templates" -> {
          request = request.withTemplatesDirectory(project.resolve(value));
          templatesGiven = true;
        }
        case "--base-url" -> request = request.withBaseUrl(value);
        case "--theme" -> request = request.withTheme(value);
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if (!templatesGiven) {
      Path beside =
          request.contentDirectory().toAbsolutePath().normalize().resolveSibling("templates");
      request = request.withTemplatesDirectory(beside);
    }
    return request;
  }
}
