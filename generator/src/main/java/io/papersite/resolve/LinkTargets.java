package io.papersite.resolve;

import java.util.Optional;
import java.util.Set;

/** Resolves the site's own link schemes, {@code paper:}, {@code collection:} and {@code tag:}. */
record LinkTargets(SiteUrls urls, Set<String> papers, Set<String> collections, Set<String> tags) {

  private static final java.util.regex.Pattern SCHEME =
      java.util.regex.Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

  /** http, https and mailto URLs, and paths without a scheme; never javascript: or data:. */
  static boolean isSafe(String url) {
    String compact = url.replaceAll("[\\u0000-\\u0020\\u007f]", "");
    var matcher = SCHEME.matcher(compact);
    if (!matcher.find()) {
      return true;
    }
    String scheme = matcher.group(1).toLowerCase(java.util.Locale.ROOT);
    return scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto");
  }

  Optional<String> resolve(String destination) {
    int colon = destination.indexOf(':');
    if (colon < 0) {
      return Optional.of(destination);
    }
    String scheme = destination.substring(0, colon);
    String target = destination.substring(colon + 1);
    String fragment = "";
    int hash = target.indexOf('#');
    if (hash >= 0) {
      fragment = target.substring(hash);
      target = target.substring(0, hash);
    }
    return switch (scheme) {
      case "paper" ->
          papers.contains(target) ? Optional.of(urls.paper(target) + fragment) : Optional.empty();
      case "collection" ->
          collections.contains(target)
              ? Optional.of(urls.collection(target) + fragment)
              : Optional.empty();
      case "tag" ->
          tags.contains(target) ? Optional.of(urls.tag(target) + fragment) : Optional.empty();
      default -> Optional.of(destination);
    };
  }
}
