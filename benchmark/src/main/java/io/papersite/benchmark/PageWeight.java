package io.papersite.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * What a reader's browser fetches for one page of a built site on a first visit: the page, its
 * stylesheets and scripts, and what the search page loads (the search library and the index), in
 * bytes as written and gzip-compressed, as GitHub Pages serves text. Fonts that KaTeX's stylesheet
 * names are left out: a browser fetches only those a formula uses.
 */
final class PageWeight {

  /** The site-relative files a page makes the browser fetch: stylesheets, scripts, search data. */
  private static final Pattern FETCHED =
      Pattern.compile(
          "<link rel=\"stylesheet\" href=\"([^\"]+)\"|<script[^>]* src=\"([^\"]+)\""
              + "|data-(?:lunr|index|text)=\"([^\"]+)\"");

  /**
   * @param page the page's file, relative to the site
   * @param files every file fetched, the page first
   */
  record Weight(String what, String page, List<String> files, long bytes, long gzipped) {
    String row(int papers) {
      return String.format(
          Locale.ROOT,
          "| %,d | %s | %s | %d | %,.1f | %,.1f |",
          papers,
          what,
          page,
          files.size(),
          bytes / 1024.0,
          gzipped / 1024.0);
    }
  }

  private PageWeight() {}

  static String header() {
    return "| papers | page | file | files fetched | KiB | KiB gzip |\n|---|---|---|---|---|---|";
  }

  /** The weight of a page of the site at {@code root}, given by its site-relative path. */
  static Weight of(Path root, String what, String page) {
    Set<String> files = new LinkedHashSet<>();
    files.add(page);
    Matcher fetched = FETCHED.matcher(read(root, page));
    while (fetched.find()) {
      for (int group = 1; group <= fetched.groupCount(); group++) {
        String url = fetched.group(group);
        if (url != null && url.startsWith("/") && !url.startsWith("//")) {
          files.add(url.substring(1)); // the benchmark's sites are served from "/"
        }
      }
    }
    long bytes = 0;
    long gzipped = 0;
    for (String file : files) {
      byte[] content = bytes(root.resolve(file));
      bytes += content.length;
      gzipped += gzip(content);
    }
    return new Weight(what, page, List.copyOf(files), bytes, gzipped);
  }

  /** The pages a reader visits first, as the benchmark's collections have them. */
  static List<Weight> ofSite(Path root) {
    List<Weight> weights = new ArrayList<>();
    weights.add(of(root, "home", "index.html"));
    first(root, "papers", p -> !read(root, p).contains("katex"))
        .ifPresent(p -> weights.add(of(root, "paper", p)));
    first(root, "papers", p -> read(root, p).contains("katex"))
        .ifPresent(p -> weights.add(of(root, "paper with math", p)));
    first(root, "collections", p -> true).ifPresent(p -> weights.add(of(root, "collection", p)));
    first(root, "tags", p -> true).ifPresent(p -> weights.add(of(root, "tag", p)));
    weights.add(of(root, "all papers", "papers/index.html"));
    weights.add(of(root, "search", "search/index.html"));
    return weights;
  }

  /** The first page, by name, of a folder's sub-folders that matches. */
  private static Optional<String> first(
      Path root, String folder, java.util.function.Predicate<String> matches) {
    try (Stream<Path> entries = Files.list(root.resolve(folder))) {
      return entries
          .filter(p -> Files.isRegularFile(p.resolve("index.html")))
          .map(p -> folder + "/" + p.getFileName() + "/index.html")
          .sorted()
          .filter(matches)
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String read(Path root, String page) {
    return new String(bytes(root.resolve(page)), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Compressed as a web server does by default (level 6). */
  static long gzip(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.size();
  }
}
