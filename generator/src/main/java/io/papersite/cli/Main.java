package io.papersite.cli;

import io.papersite.BuildTimestamp;
import io.papersite.ContentException;
import io.papersite.GenerateRequest;
import io.papersite.GenerateResult;
import io.papersite.ImportRequest;
import io.papersite.ImportResult;
import io.papersite.Papersite;
import io.papersite.Progress;
import io.papersite.SecondJvm;
import io.papersite.ValidateResult;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;

/**
 * The command line: {@code java -jar papersite-generator-VERSION-cli.jar build|validate [options]}.
 * Exit status 0 on success, 1 when the content has errors, 2 for a usage mistake. {@code
 * SOURCE_DATE_EPOCH}, when set, is the build time given to feed entries of undated papers.
 */
public final class Main {

  static final String USAGE =
      "usage: papersite build|validate [--content DIR] [--out DIR] [--templates DIR]"
          + " [--base-url URL] [--theme NAME] [--strict]\n"
          + "       papersite import --files A.bib,B.bib [--update] [--collection ID] [--content DIR]\n"
          + "       papersite readme [--file README.md] [--content DIR] [--base-url URL]\n"
          + "       papersite serve [--port 8000] [--content DIR] [--out DIR] [--base-url URL]\n"
          + "       papersite stop\n"
          + "  build             check the content and write the site\n"
          + "  validate          check the content and write nothing\n"
          + "  import            write BibTeX entries as papers/<id>.yaml, never overwriting one\n"
          + "  readme            write the papers as a list between the README's papersite markers\n"
          + "  serve             preview on localhost: rebuild on every change and reload the page\n"
          + "  stop              stop the build servers that keep builds fast (they stop after 30\n"
          + "                    minutes without a build)\n"
          + "  --content DIR     the content folder (default: content)\n"
          + "  --out DIR         where the site is written (default: target/papersite)\n"
          + "  --templates DIR   your template overrides (default: templates, beside the content"
          + " folder)\n"
          + "  --base-url URL    the URL the site is served from, overriding site.yaml\n"
          + "  --theme NAME      a built-in theme, overriding site.yaml\n"
          + "  --strict          treat warnings as errors";

  private static final java.util.List<String> COMMANDS =
      java.util.List.of("build", "validate", "import", "readme", "serve", "stop");

  private Main() {}

  public static void main(String[] args) {
    SecondJvm.endWithTheFirstJvm();
    Optional<SecondJvm> jvm = QuickJvm.secondJvm(args);
    Optional<SecondJvm> server = QuickJvm.server(args, jvm);
    System.exit(
        server.isPresent()
            ? run(args, System.out, System.err, server)
            : jvm.flatMap(j -> QuickJvm.run(args, j))
                .orElseGet(() -> run(args, System.out, System.err, Optional.empty())));
  }

  /** Runs the command here and returns its exit status; testable without exiting the JVM. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, Optional.empty());
  }

  /**
   * Runs the command and returns its exit status.
   *
   * @param server the second JVM whose build server builds, checks or updates the README, when
   *     there is one; otherwise that happens in this JVM
   */
  static int run(String[] args, PrintStream out, PrintStream err, Optional<SecondJvm> server) {
    if (args.length == 0 || !COMMANDS.contains(args[0])) {
      err.println(args.length == 0 ? USAGE : "unknown command '" + args[0] + "'\n" + USAGE);
      return 2;
    }
    if (args[0].equals("stop")) {
      if (args.length > 1) {
        err.println("stop takes no options\n" + USAGE);
        return 2;
      }
      int stopped = SecondJvm.stopServers();
      out.println(
          "Papersite: stopped " + (stopped == 1 ? "1 build server" : stopped + " build servers"));
      return 0;
    }
    GenerateRequest request;
    Options options = new Options();
    try {
      request = parse(Arrays.asList(args).subList(1, args.length).iterator(), options, args[0]);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage() + "\n" + USAGE);
      return 2;
    }
    try {
      if (args[0].equals("import")) {
        return importBibtex(request, options, out, err);
      }
      if (args[0].equals("serve")) {
        try (var preview =
            new io.papersite.serve.PreviewServer(request, options.port, out::println)) {
          preview.start();
          Thread.currentThread().join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (java.io.IOException e) {
          err.println("error: cannot serve on port " + options.port + ": " + e.getMessage());
          return 1;
        }
        return 0;
      }
      if (args[0].equals("readme")) {
        Path file = request.projectDirectory().resolve(options.readme);
        boolean changed =
            server.isPresent()
                ? Papersite.updateReadme(request, file, server.get())
                : Papersite.updateReadme(request, file);
        out.println(
            "Papersite: "
                + (changed
                    ? "wrote the list of papers into "
                    : "the list of papers is up to date in ")
                + file);
        return 0;
      }
      if (args[0].equals("build")) {
        Progress progress = Progress.logging(out::println);
        GenerateResult result =
            server.isPresent()
                ? Papersite.generate(request, progress, server.get())
                : Papersite.generate(request, progress);
        result.warnings().forEach(err::println);
        out.println(result.summary());
      } else {
        ValidateResult result =
            server.isPresent()
                ? Papersite.validate(request, server.get())
                : Papersite.validate(request);
        result.warnings().forEach(err::println);
        out.println(result.summary());
      }
      return 0;
    } catch (ContentException e) {
      err.println(e.getMessage());
      return 1;
    } catch (UncheckedIOException | IllegalStateException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  /** What only some commands take. */
  private static final class Options {
    final java.util.List<Path> files = new java.util.ArrayList<>();
    boolean update;
    String collection;
    String readme = "README.md";
    int port = 8000;
  }

  private static int importBibtex(
      GenerateRequest request, Options options, PrintStream out, PrintStream err) {
    if (options.files.isEmpty()) {
      err.println("import needs --files A.bib[,B.bib]\n" + USAGE);
      return 2;
    }
    ImportResult result =
        Papersite.importBibtex(
            new ImportRequest(
                request.projectDirectory(),
                request.contentDirectory(),
                options.files,
                options.update,
                options.collection));
    var report = result.report();
    out.println(report.get(0));
    report.subList(1, report.size()).forEach(err::println);
    return result.problems().stream().anyMatch(io.papersite.model.Problem::isError) ? 1 : 0;
  }

  /** The content folder the command names, or empty when its options are wrong. */
  static java.util.Optional<Path> contentDirectory(String[] args) {
    try {
      return java.util.Optional.of(
          parse(Arrays.asList(args).subList(1, args.length).iterator(), new Options(), args[0])
              .contentDirectory());
    } catch (RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  private static GenerateRequest parse(Iterator<String> args, Options options, String command) {
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
      if (option.equals("--update") && command.equals("import")) {
        options.update = true;
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
        case "--files" -> {
          for (String file : value.split(",")) {
            options.files.add(Path.of(file.strip()));
          }
        }
        case "--collection" -> options.collection = value;
        case "--file" -> options.readme = value;
        case "--port" -> options.port = Integer.parseInt(value);
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
