package io.papersite.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

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

  /** The theme's assets then the user's, by path under the site root; user files win. */
  SortedMap<String, byte[]> assets() {
    SortedMap<String, byte[]> assets = new TreeMap<>();
    String root = CLASSPATH_ROOT + name + "/";
    ClasspathFolder.read(classLoader, root + MARKER, root + "assets/")
        .forEach((path, bytes) -> assets.put("assets/" + path, bytes));
    userDirectory.ifPresent(
        d -> {
          SortedMap<String, byte[]> user = new TreeMap<>();
          ClasspathFolder.readFolder(d.resolve("assets"), user);
          user.forEach((path, bytes) -> assets.put("assets/" + path, bytes));
        });
    return assets;
  }
}
