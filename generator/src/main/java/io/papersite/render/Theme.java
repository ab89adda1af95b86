package io.papersite.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A built-in theme on the classpath ({@code papersite/themes/<name>/}) under the user's {@code
 * templates/} folder: a user file replaces the theme's file of the same path.
 */
final class Theme {

  static final String CLASSPATH_ROOT = "papersite/themes/";
  private static final String MARKER = "theme.properties";

  private final String name;
  private final Optional<Path> userDirectory;
  private final ClassLoader classLoader = Theme.class.getClassLoader();

  Theme(String name, Optional<Path> userDirectory) {
    this.name = name;
    this.userDirectory = userDirectory.filter(Files::isDirectory);
  }

  /** Whether the theme exists on the classpath. */
  boolean exists() {
    return classLoader.getResource(CLASSPATH_ROOT + name + "/" + MARKER) != null;
  }

  /** The names of the built-in themes, for an error message. */
  static List<String> builtIn() {
    return List.of("default");
  }

  TemplateLoader templateLoader() throws IOException {
    List<TemplateLoader> loaders = new ArrayList<>();
    if (userDirectory.isPresent()) {
      loaders.add(new FileTemplateLoader(userDirectory.get().toFile()));
    }
    loaders.add(new ClassTemplateLoader(classLoader, "/" + CLASSPATH_ROOT + name));
    return new MultiTemplateLoader(loaders.toArray(new TemplateLoader[0]));
  }

  /** The theme's assets then the user's, by path under {@code assets/}; user files win. */
  TreeMap<String, byte[]> assets() {
    TreeMap<String, byte[]> assets = new TreeMap<>();
    builtInAssets(assets);
    userDirectory
        .map(d -> d.resolve("assets"))
        .filter(Files::isDirectory)
        .ifPresent(d -> userAssets(d, assets));
    return assets;
  }

  private void builtInAssets(TreeMap<String, byte[]> into) {
    String prefix = CLASSPATH_ROOT + name + "/";
    URL marker = classLoader.getResource(prefix + MARKER);
    if (marker == null) {
      return;
    }
    try {
      if (marker.getProtocol().equals("jar")) {
        JarURLConnection connection = (JarURLConnection) marker.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
          Enumeration<JarEntry> entries = jar.entries();
          while (entries.hasMoreElements()) {
            JarEntry entry = entries.nextElement();
            if (!entry.isDirectory() && entry.getName().startsWith(prefix + "assets/")) {
              try (InputStream in = jar.getInputStream(entry)) {
                into.put(entry.getName().substring(prefix.length()), in.readAllBytes());
              }
            }
          }
        }
      } else {
        Path root = Path.of(marker.toURI()).getParent();
        Path assets = root.resolve("assets");
        if (Files.isDirectory(assets)) {
          userAssets(assets, into);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read theme " + name, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void userAssets(Path assets, TreeMap<String, byte[]> into) {
    try (Stream<Path> files = Files.walk(assets)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String relative = assets.getParent().relativize(file).toString().replace('\\', '/');
        into.put(relative, Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + assets, e);
    }
  }
}
