package io.papersite;

import io.papersite.model.Problem;
import io.papersite.model.SourcePosition;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * A build or a check in a {@link SecondJvm}: its {@link BuildServer}, when it has one, or a JVM of
 * its own. The first JVM hands it the command and the request as arguments (a server: as one line);
 * it reports its progress, its problems and its result back on its standard output (a server: on
 * its socket), one line each, fields separated by tabs. Whatever else it prints goes to its
 * standard error (a server: to its log).
 */
public final class ForkedBuild {

  private ForkedBuild() {}

  private static final String GENERATE = "generate";
  private static final String VALIDATE = "validate";
  private static final String README = "readme";

  /** The second JVM: runs the command on the request that {@link #arguments} wrote. */
  public static void main(String[] args) {
    SecondJvm.endWithTheFirstJvm();
    PrintStream report = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    System.setOut(System.err); // only reports go to the first JVM's reader
    report(args, report);
    report.flush();
    System.exit(0);
  }

  /**
   * Runs the command that {@code args} name, as {@link #fork} wrote them, reporting to {@code
   * report}.
   */
  static void report(String[] args, PrintStream report) {
    report(args, report, Papersite::generate);
  }

  /** {@link #report(String[], PrintStream)}, building the site with {@code generate}. */
  static void report(
      String[] args,
      PrintStream report,
      BiFunction<GenerateRequest, Progress, GenerateResult> generate) {
    // the command, the request's arguments, then what the command takes besides
    GenerateRequest request = request(Arrays.copyOfRange(args, 1, args.length));
    int more = 1 + arguments(request).size();
    Path readme = args.length > more ? Path.of(args[more]) : null;
    report(args[0], request, readme, report, generate);
  }

  private static void report(
      String command,
      GenerateRequest request,
      Path readme,
      PrintStream report,
      BiFunction<GenerateRequest, Progress, GenerateResult> generate) {
    Progress progress =
        new Progress() {
          @Override
          public void done(int files, int of) {
            report.println(line("done", files, of));
          }

          @Override
          public void stageDone(String stage, Duration took) {
            report.println(line("stage", took.toNanos(), stage));
          }
        };
    try {
      if (command.equals(README)) {
        report.println(line(README, Papersite.updateReadme(request, readme)));
        return;
      }
      if (command.equals(VALIDATE)) {
        ValidateResult result = Papersite.validate(request);
        result.warnings().forEach(warning -> report.println(problem(warning)));
        report.println(line("validated", result.papers(), result.collections()));
        return;
      }
      GenerateResult result = generate.apply(request, progress);
      result.warnings().forEach(warning -> report.println(problem(warning)));
      report.println(
          line(
              "result",
              result.papers(),
              result.pages(),
              result.filesWritten(),
              result.filesUnchanged(),
              result.upToDate(),
              result.basePath(),
              String.join(",", result.papersChanged())));
    } catch (ContentException e) {
      e.problems().forEach(problem -> report.println(problem(problem)));
      report.println(line("content-errors"));
    } catch (UncheckedIOException e) {
      report.println(line("cannot-write", e.getMessage()));
    } catch (RuntimeException e) {
      report.println(line("failed", String.valueOf(e)));
    }
  }

  /**
   * Builds in {@code jvm}; empty when it cannot be started.
   *
   * @param other where lines the second JVM printed that are not reports go
   * @throws ContentException when the content has errors, as {@link Papersite#generate} does
   * @throws UncheckedIOException when the site cannot be written
   * @throws IllegalStateException when the second JVM failed otherwise
   */
  static Optional<GenerateResult> run(
      GenerateRequest request, Progress progress, SecondJvm jvm, Consumer<String> other) {
    return fork(GENERATE, request, List.of(), progress, jvm, other)
        .map(ended -> ended.generated(request));
  }

  /**
   * Checks the content in {@code jvm}, as {@link Papersite#validate} does; empty when it cannot be
   * started.
   *
   * @throws ContentException when the content has errors
   * @throws IllegalStateException when the second JVM failed otherwise
   */
  static Optional<ValidateResult> validate(
      GenerateRequest request, SecondJvm jvm, Consumer<String> other) {
    return fork(VALIDATE, request, List.of(), Progress.NONE, jvm, other).map(Reader::validated);
  }

  /**
   * Writes the list of papers into {@code readme} in {@code jvm}, as {@link Papersite#updateReadme}
   * does: whether the file changed; empty when it cannot be started.
   *
   * @throws ContentException when the content has errors, or the file lacks the marker lines
   * @throws UncheckedIOException when the file cannot be read or written
   */
  static Optional<Boolean> updateReadme(
      GenerateRequest request, Path readme, SecondJvm jvm, Consumer<String> other) {
    return fork(
            README, request, List.of(readme.toAbsolutePath().toString()), Progress.NONE, jvm, other)
        .map(ended -> Boolean.parseBoolean(ended.result(README)[1]));
  }

  /** Runs the command in the second JVM to its end; empty when it cannot be started. */
  private static Optional<Reader> fork(
      String command,
      GenerateRequest request,
      List<String> more,
      Progress progress,
      SecondJvm jvm,
      Consumer<String> other) {
    long start = System.nanoTime();
    List<String> args = new ArrayList<>();
    args.add(command);
    args.addAll(arguments(request));
    args.addAll(more);
    Reader reader = new Reader(progress, other);
    Optional<BuildServer> server = BuildServer.of(jvm);
    if (server.map(s -> s.run(args, reader::read)).orElse(false)) {
      reader.ended(0, Duration.ofNanos(System.nanoTime() - start));
      return Optional.of(reader);
    }
    int status;
    try {
      status =
          jvm.run(
              ForkedBuild.class.getName(),
              args,
              builder -> builder.redirectError(ProcessBuilder.Redirect.INHERIT),
              process -> {
                process.getOutputStream().close(); // it reads nothing from this JVM
                try (BufferedReader lines =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    reader.read(line);
                  }
                }
              });
    } catch (IOException e) {
      return Optional.empty();
    }
    reader.ended(status, Duration.ofNanos(System.nanoTime() - start));
    if (reader.succeeded()) {
      // the next build goes to a server, which meanwhile compiles its code on this one's content
      server.ifPresent(s -> s.start(args));
    }
    return Optional.of(reader);
  }

  /** What the first JVM makes of the second one's reports. */
  private static final class Reader {
    private final Progress progress;
    private final Consumer<String> other;
    private final List<Problem> problems = new ArrayList<>();
    private String[] end;
    private int status;
    private Duration took;

    Reader(Progress progress, Consumer<String> other) {
      this.progress = progress;
      this.other = other;
    }

    void read(String line) {
      try {
        report(fields(line));
      } catch (RuntimeException e) {
        other.accept(line); // not a report after all
      }
    }

    private void report(String[] fields) {
      switch (fields[0]) {
        case "done" -> progress.done(Integer.parseInt(fields[1]), Integer.parseInt(fields[2]));
        case "stage" -> progress.stageDone(fields[2], Duration.ofNanos(Long.parseLong(fields[1])));
        case "problem" ->
            problems.add(
                new Problem(
                    new SourcePosition(
                        fields[2], Integer.parseInt(fields[3]), Integer.parseInt(fields[4])),
                    Problem.Severity.valueOf(fields[1]),
                    fields[5]));
        case "result", "validated", README, "content-errors", "cannot-write", "failed" ->
            end = fields;
        default -> throw new IllegalArgumentException(); // the JVM's own output, such as its flags
      }
    }

    /** Whether the command ran to its result: not stopped by content errors or a failure. */
    boolean succeeded() {
      return end != null && List.of("result", "validated", README).contains(end[0]);
    }

    void ended(int exitStatus, Duration time) {
      status = exitStatus;
      took = time;
    }

    GenerateResult generated(GenerateRequest request) {
      String[] result = result("result");
      return new GenerateResult(
          request.outputDirectory(),
          Integer.parseInt(result[1]),
          Integer.parseInt(result[2]),
          Integer.parseInt(result[3]),
          Integer.parseInt(result[4]),
          Boolean.parseBoolean(result[5]),
          problems,
          result[6],
          took,
          result[7].isEmpty() ? List.of() : List.of(result[7].split(",")));
    }

    ValidateResult validated() {
      String[] result = result("validated");
      return new ValidateResult(
          Integer.parseInt(result[1]), Integer.parseInt(result[2]), problems, took);
    }

    /** The last report's fields when it is the expected result; otherwise what went wrong. */
    private String[] result(String expected) {
      if (end == null) {
        throw new IllegalStateException(
            "the build's second JVM ended (status " + status + ") before it finished");
      }
      return switch (end[0]) {
        case "content-errors" -> throw new ContentException(problems);
        case "cannot-write" -> throw new UncheckedIOException(end[1], new IOException(end[1]));
        case "failed" -> throw new IllegalStateException(end[1]);
        default -> {
          if (!end[0].equals(expected)) {
            throw new IllegalStateException("the build's second JVM reported " + end[0]);
          }
          yield end;
        }
      };
    }
  }

  /** The request as the second JVM's arguments: paths, then optional values after a "+". */
  static List<String> arguments(GenerateRequest request) {
    return List.of(
        request.projectDirectory().toAbsolutePath().toString(),
        request.contentDirectory().toAbsolutePath().toString(),
        request.templatesDirectory().toAbsolutePath().toString(),
        request.outputDirectory().toAbsolutePath().toString(),
        optional(request.baseUrl()),
        optional(request.theme()),
        String.valueOf(request.strict()),
        optional(request.timestamp() == null ? null : request.timestamp().toString()));
  }

  static GenerateRequest request(String[] args) {
    String timestamp = value(args[7]);
    return new GenerateRequest(
        Path.of(args[0]),
        Path.of(args[1]),
        Path.of(args[2]),
        Path.of(args[3]),
        value(args[4]),
        value(args[5]),
        Boolean.parseBoolean(args[6]),
        timestamp == null ? null : Instant.parse(timestamp));
  }

  private static String optional(String value) {
    return value == null ? "-" : "+" + value;
  }

  private static String value(String argument) {
    return argument.startsWith("+") ? argument.substring(1) : null;
  }

  private static String problem(Problem problem) {
    SourcePosition at = problem.position();
    return line(
        "problem", problem.severity(), at.file(), at.line(), at.column(), problem.message());
  }

  /** Fields joined by tabs; a tab, line break or backslash in a field is escaped. */
  static String line(Object... fields) {
    StringBuilder line = new StringBuilder();
    for (Object field : fields) {
      if (line.length() > 0) {
        line.append('\t');
      }
      String text = String.valueOf(field);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (c) {
          case '\t' -> line.append("\\t");
          case '\n' -> line.append("\\n");
          case '\r' -> line.append("\\r");
          case '\\' -> line.append("\\\\");
          default -> line.append(c);
        }
      }
    }
    return line.toString();
  }

  static String[] fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\t') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\\' && i + 1 < line.length()) {
        char escaped = line.charAt(++i);
        field.append(
            switch (escaped) {
              case 't' -> '\t';
              case 'n' -> '\n';
              case 'r' -> '\r';
              default -> escaped;
            });
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields.toArray(String[]::new);
  }
}
