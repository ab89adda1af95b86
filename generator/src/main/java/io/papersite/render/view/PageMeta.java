package io.papersite.render.view;

/**
 * What the layout needs of the current page.
 *
 * @param kind home, collection, paper, papers, tag or tags; themes use it for styling
 * @param canonicalUrl absolute when the base URL names a host, else the page's path
 */
public record PageMeta(
    String kind, String title, String description, String url, String canonicalUrl) {}
