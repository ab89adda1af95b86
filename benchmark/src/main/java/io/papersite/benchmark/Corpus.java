package io.papersite.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a collection of N papers in Papersite's format, and the same collection as a Hugo site:
 * the 60 sample entries cycled with unique titles and ids, 3 tags each from a pool of 40, 2 authors
 * each, a date, a few paragraphs of Markdown notes, one collection per tag.
 *
 * <pre>{@code java -cp benchmark/target/classes io.papersite.benchmark.Corpus 10000 /tmp/corpus}
 * </pre>
 */
public final class Corpus {

  static final int TAGS = 40;
  private static final Pattern TITLE = Pattern.compile("(?m)^title: \"((?:[^\"\\\\]|\\\\.)*)\"$");

  private record Sample(String title, String abstractText) {}

  private Corpus() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: Corpus N DIR [SAMPLE_CONTENT_DIR]");
      System.exit(2);
    }
    int n = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    Path sample = args.length > 2 ? Path.of(args[2]) : Path.of("content");
    write(n, dir, samples(sample));
    System.out.println(
        "corpus: " + n + " papers in " + dir.resolve("papersite") + " and " + dir.resolve("hugo"));
  }

  private static List<Sample> samples(Path content) throws IOException {
    List<Sample> samples = new ArrayList<>();
    try (Stream<Path> files = Files.list(content.resolve("papers"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        String yaml = Files.readString(file);
        Matcher title = TITLE.matcher(yaml);
        title.find();
        String abstractText =
            yaml.substring(yaml.indexOf("abstract: >-\n") + 13)
                .lines()
                .map(String::strip)
                .reduce((a, b) -> a + " " + b)
                .orElse("");
        samples.add(
            new Sample(title.group(1).replace("\\\"", "\"").replace("\\\\", "\\"), abstractText));
      }
    }
    return samples;
  }

  static void write(int n, Path dir, List<Sample> samples) throws IOException {
    Path content = dir.resolve("papersite/content");
    Path papers = Files.createDirectories(content.resolve("papers"));
    Path collections = Files.createDirectories(content.resolve("collections"));
    Path hugo = dir.resolve("hugo");
    Path hugoPapers = Files.createDirectories(hugo.resolve("content/papers"));
    Files.writeString(
        content.resolve("site.yaml"),
        "title: Benchmark collection\ndescription: " + n + " papers.\n");
    for (int i = 0; i < n; i++) {
      Sample sample = samples.get(i % samples.size());
      String id = "paper-" + i;
      String title = sample.title() + " (" + (i / samples.size() + 1) + ")";
      List<String> tags =
          List.of(
                  "topic-" + (i % TAGS),
                  "topic-" + ((i * 7 + 3) % TAGS),
                  "topic-" + ((i * 13 + 11) % TAGS))
              .stream()
              .distinct()
              .toList();
      String date =
          String.format(Locale.ROOT, "%04d-%02d-%02d", 2015 + i % 10, 1 + i % 12, 1 + i % 28);
      List<String> authors = List.of("Author " + (i % 997), "Writer " + (i % 631));
      String notes = notes(i, samples.get((i + 1) % samples.size()).title());
      try (BufferedWriter out =
          Files.newBufferedWriter(papers.resolve(id + ".yaml"), StandardCharsets.UTF_8)) {
        out.write("title: " + quote(title) + "\n");
        out.write("authors: [" + quote(authors.get(0)) + ", " + quote(authors.get(1)) + "]\n");
        out.write("date: " + date + "\n");
        out.write("tags: [" + String.join(", ", tags) + "]\n");
        out.write("abstract: " + folded(sample.abstractText()) + "\n");
      }
      Files.writeString(papers.resolve(id + ".md"), notes);
      try (BufferedWriter out =
          Files.newBufferedWriter(hugoPapers.resolve(id + ".md"), StandardCharsets.UTF_8)) {
        out.write(
            "---\ntitle: "
                + quote(title)
                + "\ndate: "
                + date
                + "\nauthors: ["
                + quote(authors.get(0))
                + ", "
                + quote(authors.get(1))
                + "]\n");
        out.write(
            "tags: ["
                + String.join(", ", tags)
                + "]\n---\n\n"
                + sample.abstractText()
                + "\n\n"
                + notes);
      }
    }
    for (int t = 0; t < TAGS; t++) {
      Files.writeString(
          collections.resolve("topic-" + t + ".yaml"),
          "title: Topic " + t + "\norder: " + t + "\ntags: [topic-" + t + "]\n");
    }
    Files.writeString(dir.resolve("papersite/pom.xml"), pom());
    // A .mvn folder of its own: Maven would otherwise take the JVM options of a project above it.
    Files.createDirectories(dir.resolve("papersite/.mvn"));
    writeHugoSite(hugo);
  }

  private static String notes(int i, String related) {
    return "## Why it is here\n\nThis paper is number "
        + i
        + " of the benchmark collection. It relates to *"
        + related.replace("*", "")
        + "*, and to the papers around it in the same topics.\n\n"
        + "- a first point about the method\n- a second point about the results\n- a third point, with `code`\n\n"
        + "A last paragraph of notes, long enough to look like what a reader writes after a careful read: "
        + "what the experiments show, what they do not, and what to read next.\n";
  }

  /**
   * A folded block wrapped at 100 columns, as the sample's entries write their abstracts; a quoted
   * line when folding would not give the text back (line breaks, runs of spaces).
   */
  static String folded(String text) {
    if (text.isEmpty()
        || text.contains("\n")
        || text.contains("  ")
        || !text.equals(text.strip())) {
      return quote(text);
    }
    StringBuilder block = new StringBuilder(">-");
    int from = 0;
    while (from < text.length()) {
      int end = Math.min(text.length(), from + 98);
      if (end < text.length()) {
        int space = text.lastIndexOf(' ', end);
        if (space <= from) {
          space = text.indexOf(' ', end); // a word longer than the line
        }
        end = space < 0 ? text.length() : space;
      }
      block.append("\n  ").append(text, from, end);
      from = end + 1;
    }
    return block.toString();
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String pom() {
    String version = System.getProperty("papersite.version", "0.1.0-SNAPSHOT");
    return """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>bench</groupId>
          <artifactId>corpus</artifactId>
          <version>1</version>
          <packaging>pom</packaging>
          <build>
            <plugins>
              <plugin>
                <groupId>io.papersite</groupId>
                <artifactId>papersite-maven-plugin</artifactId>
                <version>%s</version>
                <extensions>true</extensions>
              </plugin>
            </plugins>
          </build>
        </project>
        """
        .formatted(version);
  }

  /**
   * Hugo's equivalent: home listing every paper, a page per paper, a page per tag; no RSS, no
   * sitemap.
   */
  private static void writeHugoSite(Path hugo) throws IOException {
    Files.writeString(
        hugo.resolve("config.toml"),
        "baseURL = \"/\"\ntitle = \"Benchmark collection\"\ndisableKinds = [\"RSS\", \"sitemap\", \"robotsTXT\", \"404\"]\n"
            + "[taxonomies]\n  tag = \"tags\"\n");
    Path layouts = Files.createDirectories(hugo.resolve("layouts/_default"));
    String head =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body>";
    Files.writeString(
        hugo.resolve("layouts/index.html"),
        head
            + "<h1>{{ .Site.Title }}</h1><ul>{{ range .Site.RegularPages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> {{ delimit .Params.authors \", \" }}</li>{{ end }}</ul></body></html>\n");
    Files.writeString(
        layouts.resolve("single.html"),
        head
            + "<article><h1>{{ .Title }}</h1><p>{{ delimit .Params.authors \", \" }} · {{ .Date.Format \"2006-01-02\" }}</p>"
            + "<ul>{{ range .Params.tags }}<li><a href=\"{{ \"/tags/\" | relURL }}{{ . | urlize }}/\">{{ . }}</a></li>{{ end }}</ul>{{ .Content }}</article></body></html>\n");
    Files.writeString(
        layouts.resolve("list.html"),
        head
            + "<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> {{ .Summary }}</li>{{ end }}</ul></body></html>\n");
  }
}
