package org.mechcheck.workbench;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.plugin.PluginException;

/**
 * A researcher's mechanism as one Java source file: one public class implementing
 * {@link Mechanism}, named like the file, in any package (or none). It is compiled in process
 * ({@link javax.tools}) against mechcheck's own classes (and the plugin jars of the loader it is
 * given), loaded in a class loader of its own, and instantiated through its public no-argument
 * constructor. Every way this can fail is a {@link PluginException} naming the file: javac's own
 * diagnostics, as javac prints them ({@code file:line: error: message}), when it does not compile.
 */
public final class MechanismFile {
  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

  /** What was loaded: the mechanism, the file as given, and the file's SHA-256. */
  public record Loaded(Mechanism mechanism, Path file, String sha256) {}

  private MechanismFile() {}

  public static Loaded load(Path file, ClassLoader parent) {
    if (!Files.isRegularFile(file)) throw new PluginException(file + ": no such file");
    String fileName = file.getFileName().toString();
    if (!fileName.endsWith(".java")) throw new PluginException(file + ": a mechanism file is a Java source file (.java)");
    String simple = fileName.substring(0, fileName.length() - ".java".length());
    String source;
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
      source = new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PluginException(file + ": cannot be read (" + e.getMessage() + ")");
    }
    Matcher pm = PACKAGE.matcher(source);
    String className = pm.find() ? pm.group(1) + "." + simple : simple;
    Path out = compile(file, parent);
    Class<?> type;
    try {
      URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, parent);
      type = Class.forName(className, true, loader);
    } catch (ClassNotFoundException e) {
      throw new PluginException(file + ": holds no class " + className + " (the public class must be named like the file)");
    } catch (IOException | LinkageError e) {
      throw new PluginException(file + ": cannot load " + className + " (" + e + ")");
    }
    if (!Mechanism.class.isAssignableFrom(type)) throw new PluginException(file + ": " + className + " does not implement " + Mechanism.class.getName());
    if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
      throw new PluginException(file + ": " + className + " must be a public, non-abstract class");
    }
    Constructor<?> ctor;
    try {
      ctor = type.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new PluginException(file + ": " + className + " has no public no-argument constructor");
    }
    Mechanism m;
    try {
      m = (Mechanism) ctor.newInstance();
    } catch (InvocationTargetException e) {
      throw new PluginException(file + ": the constructor of " + className + " threw " + Guarded.describe(e.getCause()));
    } catch (ReflectiveOperationException e) {
      throw new PluginException(file + ": cannot construct " + className + " (" + e + ")");
    }
    return new Loaded(new Guarded(m, file.getFileName().toString()), file, Digests.sha256(bytes));
  }

  /** Compiles the file into a fresh temporary folder (deleted when the JVM exits); javac's errors as a {@link PluginException}. */
  private static Path compile(Path file, ClassLoader parent) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) throw new PluginException(file + ": cannot compile: this Java runtime has no compiler (run mechcheck with a JDK, not a JRE)");
    Path out;
    try {
      out = Files.createTempDirectory("mechcheck-mechanism-");
    } catch (IOException e) {
      throw new PluginException(file + ": cannot create a folder for its classes (" + e.getMessage() + ")");
    }
    deleteOnExit(out);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = List.of("-classpath", Classpath.of(parent), "-d", out.toString(), "-proc:none", "-encoding", "UTF-8", "-Xlint:none",
          "--release", "17");
      StringWriter noise = new StringWriter();
      boolean ok = javac.getTask(noise, fm, diagnostics, options, null, fm.getJavaFileObjects(file)).call();
      if (!ok) throw new PluginException(javacStyle(diagnostics.getDiagnostics(), file));
    } catch (IOException e) {
      throw new PluginException(file + ": cannot compile (" + e.getMessage() + ")");
    }
    return out;
  }

  /** The diagnostics as javac prints them: {@code file:line: error: message}, one per error. */
  static String javacStyle(List<Diagnostic<? extends JavaFileObject>> ds, Path file) {
    List<String> lines = new ArrayList<>();
    int errors = 0;
    for (Diagnostic<? extends JavaFileObject> d : ds) {
      if (d.getKind() != Diagnostic.Kind.ERROR) continue;
      errors++;
      String where = d.getSource() == null ? file.toString() : file.toString();
      lines.add(where + (d.getLineNumber() > 0 ? ":" + d.getLineNumber() : "") + ": error: " + d.getMessage(Locale.ROOT));
    }
    lines.add(errors + " error" + (errors == 1 ? "" : "s"));
    lines.add(0, file + ": does not compile:");
    return String.join(System.lineSeparator(), lines);
  }

  private static void deleteOnExit(Path dir) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try (var s = Files.walk(dir)) {
        for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // a temporary folder left behind is harmless
      }
    }));
  }
}
