package io.papersite.model;

/** The settings of {@code site.yaml}, after the build's own overrides have been applied. */
public record SiteSettings(
    String title, String description, String baseUrl, String theme, String author) {

  public SiteSettings withOverrides(String newBaseUrl, String newTheme) {
    return new SiteSettings(
        title,
        description,
        newBaseUrl == null || newBaseUrl.isBlank() ? baseUrl : newBaseUrl,
        newTheme == null || newTheme.isBlank() ? theme : newTheme,
        author);
  }
}
