package io.papersite.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SiteUrlsTest {

  @Test
  void rootSite() {
    SiteUrls urls = SiteUrls.of("/");
    assertThat(urls.home()).isEqualTo("/");
    assertThat(urls.paper("gear")).isEqualTo("/papers/gear/");
    assertThat(urls.hasOrigin()).isFalse();
    assertThat(urls.absolute(urls.paper("gear"))).isEqualTo("/papers/gear/");
  }

  @Test
  void projectPageUnderASubPath() {
    SiteUrls urls = SiteUrls.of("https://user.github.io/repo");
    assertThat(urls.basePath()).isEqualTo("/repo/");
    assertThat(urls.paper("gear")).isEqualTo("/repo/papers/gear/");
    assertThat(urls.collection("retrieval")).isEqualTo("/repo/collections/retrieval/");
    assertThat(urls.tag("llm")).isEqualTo("/repo/tags/llm/");
    assertThat(urls.tags()).isEqualTo("/repo/tags/");
    assertThat(urls.file("assets/style.css")).isEqualTo("/repo/assets/style.css");
    assertThat(urls.absolute(urls.paper("gear")))
        .isEqualTo("https://user.github.io/repo/papers/gear/");
  }

  @Test
  void keepsAnExplicitPort() {
    assertThat(SiteUrls.of("http://localhost:8080/x/").absolute("/x/"))
        .isEqualTo("http://localhost:8080/x/");
  }

  @Test
  void mapsPageUrlsToOutputFiles() {
    SiteUrls urls = SiteUrls.of("https://user.github.io/repo/");
    assertThat(urls.outputPath(urls.home())).isEqualTo("index.html");
    assertThat(urls.outputPath(urls.paper("gear"))).isEqualTo("papers/gear/index.html");
    assertThat(urls.outputPath(urls.file("assets/style.css"))).isEqualTo("assets/style.css");
  }

  @Test
  void refusesWhatIsNotABaseUrl() {
    assertThatThrownBy(() -> SiteUrls.of("ftp://example.org/"))
        .hasMessageContaining("must be an http(s) URL");
    assertThatThrownBy(() -> SiteUrls.of("repo/")).hasMessageContaining("must be an http(s) URL");
    assertThatThrownBy(() -> SiteUrls.of("https://example.org/?x=1")).hasMessageContaining("query");
  }
}
