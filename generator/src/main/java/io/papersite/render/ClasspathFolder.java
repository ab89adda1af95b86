package io.papersite.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The files under a folder of the classpath, from a jar or from a folder on disk (as in the build's
 * own tests). The folder is found through one file known to be in it.
 */
final class ClasspathFolder {

  private ClasspathFolder() {}

  /**
   * @param knownFile a resource inside the folder, such as {@code
   *     papersite/themes/default/theme.properties}
   * @param folder the folder to list, such as {@code papersite/themes/default/assets/}
   * @return file contents by path relative to {@code folder}; empty when the known file is missing
   */
  static SortedMap<String, byte[]> read(ClassLoader loader, String knownFile, String folder) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    URL marker = loader.getResource(knownFile);
    if (marker == null) {
      return files;
    }
    try {
      if (marker.getProtocol().equals("jar")) {
        JarURLConnection connection = (JarURLConnection) marker.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
          Enumeration<JarEntry> entries = jar.entries();
          while (entries.hasMoreElements()) {
            JarEntry entry = entries.nextElement();
            if (!entry.isDirectory() && entry.getName().startsWith(folder)) {
              try (InputStream in = jar.getInputStream(entry)) {
                files.put(entry.getName().substring(folder.length()), in.readAllBytes());
              }
            }
          }
        }
      } else {
        Path known = Path.of(marker.toURI());
        Path root = known;
        for (String ignored : knownFile.split("/")) {
          root = root.getParent();
        }
        readFolder(root.resolve(folder), files);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + folder + " from the classpath", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return files;
  }

  /** The files of a folder on disk, by path relative to it, with forward slashes. */
  static void readFolder(Path folder, SortedMap<String, byte[]> into) {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        into.put(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + folder, e);
    }
  }
}
