package io.papersite.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import io.papersite.model.Problems;
import io.papersite.model.SourcePosition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A built-in theme on the classpath ({@code papersite/themes/<name>/}) under the user's {@code
 * templates/} folder: a user file replaces the theme's file of the same path. A theme may name a
 * {@code parent} in its {@code theme.properties}, whose files it then inherits and overrides.
 */
final class Theme {

  static final String CLASSPATH_ROOT = "papersite/themes/";
  private static final String MARKER = "theme.properties";
  private static final List<String> BUILT_IN = List.of("default", "minimal");

  private final String name;
  private final Optional<Path> userDirectory;
  private final String userDisplayPath;
  private final Problems problems;
  private final ClassLoader classLoader = Theme.class.getClassLoader();

  /**
   * @param userDisplayPath how problems name the user's templates folder
   * @param problems where a user asset that links outside the folder is reported
   */
  Theme(String name, Optional<Path> userDirectory, String userDisplayPath, Problems problems) {
    this.name = name;
    this.userDirectory = userDirectory.filter(Files::isDirectory);
    this.userDisplayPath = userDisplayPath;
    this.problems = problems;
  }

  /** Whether the theme exists on the classpath. */
  boolean exists() {
    return BUILT_IN.contains(name) && classLoader.getResource(marker(name)) != null;
  }

  /** The names of the built-in themes, for an error message. */
  static List<String> builtIn() {
    return BUILT_IN;
  }

  TemplateLoader templateLoader() throws IOException {
    List<TemplateLoader> loaders = new ArrayList<>();
    if (userDirectory.isPresent()) {
      loaders.add(new FileTemplateLoader(userDirectory.get().toFile()));
    }
    for (String theme : lineage()) {
      loaders.add(new ClassTemplateLoader(classLoader, "/" + CLASSPATH_ROOT + theme));
    }
    return new MultiTemplateLoader(loaders.toArray(new TemplateLoader[0]));
  }

  /**
   * The assets of the theme's ancestors, the theme's, then the user's, by path under the site root.
   */
  SortedMap<String, byte[]> assets() {
    SortedMap<String, byte[]> assets = new TreeMap<>();
    List<String> lineage = new ArrayList<>(lineage());
    java.util.Collections.reverse(lineage);
    for (String theme : lineage) {
      String root = CLASSPATH_ROOT + theme + "/";
      ClasspathFolder.read(classLoader, marker(theme), root + "assets/")
          .forEach((path, bytes) -> assets.put("assets/" + path, bytes));
    }
    userDirectory.ifPresent(d -> userAssets(d, assets));
    return assets;
  }

  /** The user's assets; a link that leads outside the templates folder is refused. */
  private void userAssets(Path directory, SortedMap<String, byte[]> into) {
    Path folder = directory.resolve("assets");
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (var walk = Files.walk(folder)) {
      Path root = directory.toRealPath();
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        String path = folder.relativize(file).toString().replace('\\', '/');
        Path real = file.toRealPath();
        if (!real.startsWith(root)) {
          problems.error(
              SourcePosition.ofFile(userDisplayPath + "/assets/" + path),
              "is a link to " + real + ", outside the templates folder; copy the file in instead");
          continue;
        }
        into.put("assets/" + path, Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + folder, e);
    }
  }

  /** This theme, then its parent, and so on. */
  private List<String> lineage() {
    List<String> lineage = new ArrayList<>();
    String theme = name;
    while (theme != null && !lineage.contains(theme) && BUILT_IN.contains(theme)) {
      lineage.add(theme);
      theme = properties(theme).getProperty("parent");
    }
    return lineage;
  }

  private Properties properties(String theme) {
    Properties properties = new Properties();
    try (InputStream in = classLoader.getResourceAsStream(marker(theme))) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  private static String marker(String theme) {
    return CLASSPATH_ROOT + theme + "/" + MARKER;
  }
}
