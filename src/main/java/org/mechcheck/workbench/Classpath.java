package org.mechcheck.workbench;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/** The class path a mechanism file compiles against: mechcheck's own (its jar, or its classes and dependencies), plus any plugin jars. */
final class Classpath {
  private Classpath() {}

  static String of(ClassLoader loader) {
    Set<String> entries = new LinkedHashSet<>();
    for (ClassLoader l = loader; l != null; l = l.getParent()) {
      if (l instanceof URLClassLoader u) {
        for (URL url : u.getURLs()) {
          try {
            entries.add(Path.of(url.toURI()).toString());
          } catch (URISyntaxException | IllegalArgumentException ignored) {
            // not a file: nothing javac can read
          }
        }
      }
    }
    for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) if (!e.isBlank()) entries.add(e);
    return String.join(File.pathSeparator, entries);
  }
}
