package org.mechcheck.workbench;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.mechcheck.claims.ClaimCheck;
import org.mechcheck.claims.DeviationFamilies;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.plugin.Extension;
import org.mechcheck.plugin.Origin;
import org.mechcheck.plugin.PluginException;
import org.mechcheck.plugin.Registry;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Property;
import org.mechcheck.store.EvidenceKind;
import org.mechcheck.store.MechanismSource;

/**
 * What a command works with when a researcher brings her own code: the shipped extensions, those
 * of every jar in a plugins folder ({@link java.util.ServiceLoader}, as for the shipped ones), and
 * mechanisms compiled from source files. Everything is loaded, and every kind listed once, before
 * the command starts, so a plugin that cannot be used is refused at once, naming it.
 */
public final class Workbench {
  /** The kinds of extension mechcheck has. */
  public static final List<Class<? extends Extension>> KINDS = List.of(Mechanism.class, Property.class, Benchmark.class, ClaimCheck.class,
      EvidenceKind.class, DeviationFamilies.class, org.mechcheck.store.Picture.class);

  private Workbench() {}

  /** The shipped registry, or one with the jars of {@code plugins} (may be null) and the given mechanism files. */
  public static Registry registry(Path plugins, List<Path> mechanismFiles) {
    Registry r = Registry.standard();
    if (plugins != null) r = withJars(plugins);
    for (Path f : mechanismFiles == null ? List.<Path>of() : mechanismFiles) {
      MechanismFile.Loaded m = MechanismFile.load(f, r.loader());
      r = r.plus(m.mechanism(), new Origin(Origin.Kind.FILE, f, m.sha256()));
    }
    for (Class<? extends Extension> kind : KINDS) r.all(kind); // refuses a duplicate name or a broken provider now
    return r;
  }

  private static Registry withJars(Path dir) {
    if (!Files.isDirectory(dir)) throw new PluginException(dir + ": --plugins names no folder");
    List<Path> jars;
    try (Stream<Path> s = Files.list(dir)) {
      jars = s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new PluginException(dir + ": cannot list folder (" + e.getMessage() + ")");
    }
    if (jars.isEmpty()) throw new PluginException(dir + ": --plugins folder holds no .jar file");
    Map<Path, String> digests = new LinkedHashMap<>();
    List<URL> urls = new ArrayList<>();
    for (Path j : jars) {
      Path abs = j.toAbsolutePath().normalize();
      digests.put(abs, Digests.sha256(abs));
      try {
        urls.add(abs.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new PluginException(j + ": " + e.getMessage());
      }
    }
    ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), Registry.class.getClassLoader());
    return Registry.of(loader, digests, (e, origin) -> e instanceof Mechanism m ? new Guarded(m, origin.path().getFileName().toString()) : e);
  }

  /** What evidence made with this mechanism records of its source: null for a shipped one. */
  public static MechanismSource source(Registry r, Mechanism m) {
    Origin o = r.origin(m);
    if (o.shipped() || o.sha256() == null) return null;
    return new MechanismSource(o.path().getFileName().toString(), o.sha256());
  }
}
