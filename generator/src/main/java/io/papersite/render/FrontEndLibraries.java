package io.papersite.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The browser libraries a site uses, copied from their WebJars into {@code assets/vendor/}: lunr
 * for search and KaTeX for math. Nothing is loaded from a CDN, so a site works offline and tells no
 * third party who reads it.
 */
final class FrontEndLibraries {

  private static final String WEBJARS = "META-INF/resources/webjars/";

  private FrontEndLibraries() {}

  /**
   * Output files by path under the site root.
   *
   * @param math whether any page shows math: KaTeX and its fonts are copied only then
   */
  static SortedMap<String, byte[]> files(boolean math) {
    ClassLoader loader = FrontEndLibraries.class.getClassLoader();
    SortedMap<String, byte[]> files = new TreeMap<>();
    String lunr = WEBJARS + "lunr/" + version(loader, "lunr") + "/";
    copy(loader, lunr + "lunr.min.js", lunr, "lunr.min.js", "assets/vendor/lunr/", files);
    if (!math) {
      return files;
    }
    String katex = WEBJARS + "katex/" + version(loader, "katex") + "/dist/";
    copy(loader, katex + "katex.min.js", katex, "katex.min.", "assets/vendor/katex/", files);
    copy(
        loader,
        katex + "katex.min.js",
        katex,
        "contrib/auto-render.min.js",
        "assets/vendor/katex/",
        files);
    copy(loader, katex + "katex.min.js", katex, "fonts/", "assets/vendor/katex/", files);
    return files;
  }

  private static void copy(
      ClassLoader loader,
      String knownFile,
      String folder,
      String prefix,
      String target,
      SortedMap<String, byte[]> into) {
    ClasspathFolder.read(loader, knownFile, folder)
        .forEach(
            (path, bytes) -> {
              if (path.startsWith(prefix)) {
                into.put(target + path, bytes);
              }
            });
  }

  private static String version(ClassLoader loader, String artifact) {
    String resource = "META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the " + artifact + " WebJar is not on the classpath");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
