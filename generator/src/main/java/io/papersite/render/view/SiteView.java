package io.papersite.render.view;

import java.util.List;

/**
 * What every template knows of the site.
 *
 * @param stylesheets the theme's CSS, then the user's {@code assets/custom.css} when present
 * @param nav the main navigation
 */
public record SiteView(
    String title,
    String description,
    String author,
    String homeUrl,
    String papersUrl,
    String tagsUrl,
    String baseUrl,
    List<String> stylesheets,
    List<Ref> nav,
    String generator) {}
