package io.papersite.model;

/**
 * The settings of {@code site.yaml}, after the build's own overrides have been applied. The
 * positions say where {@code baseUrl} and {@code theme} were written, for problems about them.
 *
 * @param domain a custom domain for GitHub Pages, written to {@code CNAME}; empty for none
 * @param allowHtml whether raw HTML in Markdown is kept rather than shown as text: a trust decision
 *     for owners who review every change ({@code markdown: {allowHtml: true}})
 */
public record SiteSettings(
    String title,
    String description,
    String baseUrl,
    String theme,
    String author,
    String domain,
    boolean allowHtml,
    SourcePosition baseUrlPosition,
    SourcePosition themePosition) {

  public SiteSettings withOverrides(String newBaseUrl, String newTheme) {
    return new SiteSettings(
        title,
        description,
        newBaseUrl == null || newBaseUrl.isBlank() ? baseUrl : newBaseUrl,
        newTheme == null || newTheme.isBlank() ? theme : newTheme,
        author,
        domain,
        allowHtml,
        baseUrlPosition,
        themePosition);
  }
}
