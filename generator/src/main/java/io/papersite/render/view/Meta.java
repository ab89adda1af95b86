package io.papersite.render.view;

/**
 * One {@code <meta>} tag: {@code <meta name="citation_title" content="...">} or, for Open Graph,
 * {@code <meta property="og:title" content="...">}.
 *
 * @param attribute {@code name} or {@code property}
 */
public record Meta(String attribute, String key, String content) {

  public static Meta name(String key, String content) {
    return new Meta("name", key, content);
  }

  public static Meta property(String key, String content) {
    return new Meta("property", key, content);
  }
}
