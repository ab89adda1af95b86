package io.papersite.resolve;

import io.papersite.model.Spelling;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the links of Markdown text point. The site's own schemes ({@code paper:ID}, {@code
 * collection:ID}, {@code tag:TAG}) and paths become URLs under the base path, so they work on every
 * page that shows the text; a target the site will not contain, or an unsafe scheme, is a problem.
 */
final class LinkTargets {

  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

  private final SiteUrls urls;
  private final Set<String> papers;
  private final Set<String> collections;
  private final Set<String> tags;
  private final Set<String> siteFiles;

  /**
   * @param siteFiles every file the site will have, relative to its root ({@code
   *     papers/gear/index.html}, {@code about.txt}); theme assets under {@code assets/} are assumed
   */
  LinkTargets(
      SiteUrls urls,
      Set<String> papers,
      Set<String> collections,
      Set<String> tags,
      Set<String> siteFiles) {
    this.urls = urls;
    this.papers = papers;
    this.collections = collections;
    this.tags = tags;
    this.siteFiles = siteFiles;
  }

  /** A link's URL, or why it cannot be made. */
  record Target(String url, String problem) {
    static Target of(String url) {
      return new Target(url, null);
    }

    static Target problem(String message) {
      return new Target("", message);
    }

    boolean ok() {
      return problem == null;
    }
  }

  /**
   * @param pageUrl the URL of the page the text belongs to, against which relative paths resolve
   */
  Target resolve(String destination, String pageUrl) {
    if (destination.isEmpty() || destination.startsWith("#")) {
      return Target.of(destination);
    }
    String compact = destination.replaceAll("[\\u0000-\\u0020\\u007f]", "");
    Matcher scheme = SCHEME.matcher(compact);
    if (scheme.find()) {
      return switch (scheme.group(1).toLowerCase(Locale.ROOT)) {
        case "paper" -> own(destination, "paper", papers, urls::paper);
        case "collection" -> own(destination, "collection", collections, urls::collection);
        case "tag" -> own(destination, "tag", tags, urls::tag);
        case "http", "https", "mailto" -> Target.of(destination);
        default ->
            Target.problem(
                "link '"
                    + destination
                    + "' is not allowed; use an http, https or mailto URL, or a path within the site");
      };
    }
    if (destination.startsWith("//")) {
      return Target.of(destination);
    }
    return path(destination, pageUrl);
  }

  private Target own(
      String destination,
      String scheme,
      Set<String> known,
      java.util.function.UnaryOperator<String> url) {
    String target = destination.substring(scheme.length() + 1);
    String fragment = "";
    int hash = target.indexOf('#');
    if (hash >= 0) {
      fragment = target.substring(hash);
      target = target.substring(0, hash);
    }
    if (known.contains(target)) {
      return Target.of(url.apply(target) + fragment);
    }
    return Target.problem(
        "link target '"
            + destination
            + "' does not exist"
            + Spelling.nearest(target, known)
                .map(n -> "; did you mean '" + scheme + ":" + n + "'?")
                .orElse(""));
  }

  /** A path: relative to the page, or from the site's root when it starts with a slash. */
  private Target path(String destination, String pageUrl) {
    int end = indexOfAny(destination, '?', '#');
    String path = destination.substring(0, end);
    String rest = destination.substring(end);
    String sitePath;
    try {
      URI page = new URI(null, null, pageUrl, null);
      String absolute =
          path.startsWith("/")
              ? urls.basePath() + path.substring(1)
              : page.resolve(new URI(null, null, path, null)).normalize().getPath();
      if (!absolute.startsWith(urls.basePath())) {
        return Target.problem("link '" + destination + "' leads outside the site");
      }
      sitePath = absolute.substring(urls.basePath().length());
    } catch (URISyntaxException e) {
      return Target.problem("link '" + destination + "' is not a valid path");
    }
    if (sitePath.startsWith("assets/") || siteFiles.contains(fileOf(sitePath))) {
      return Target.of(urls.file(sitePath) + rest);
    }
    if (!sitePath.endsWith("/") && siteFiles.contains(sitePath + "/index.html")) {
      return Target.of(urls.file(sitePath + "/") + rest);
    }
    return Target.problem(
        "link '" + destination + "' points at /" + sitePath + ", which this site does not have");
  }

  private static String fileOf(String sitePath) {
    return sitePath.isEmpty() || sitePath.endsWith("/") ? sitePath + "index.html" : sitePath;
  }

  private static int indexOfAny(String text, char a, char b) {
    int i = text.indexOf(a);
    int j = text.indexOf(b);
    if (i < 0) {
      return j < 0 ? text.length() : j;
    }
    return j < 0 ? i : Math.min(i, j);
  }
}
