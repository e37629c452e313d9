package org.mechcheck.plugin;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The extensions a run of mechcheck knows: every provider {@link ServiceLoader} finds for a kind
 * on one class loader (the shipped ones, and those of plugin jars when the loader reaches them),
 * plus extensions added by hand (a mechanism compiled from a source file). Immutable: {@link #plus}
 * gives a new registry. Two extensions of one kind with the same name are refused, naming both
 * origins, the first time that kind is asked for.
 */
public final class Registry {
  private static final Registry STANDARD = new Registry(Registry.class.getClassLoader(), Map.of(), List.of(), (e, o) -> e);

  private final ClassLoader loader;
  private final Map<Path, String> jars;
  private final List<Added> added;
  private final java.util.function.BiFunction<Extension, Origin, Extension> wrap;
  private final Map<Class<?>, List<?>> cache = new ConcurrentHashMap<>();
  private final Map<Extension, Origin> origins = Collections.synchronizedMap(new IdentityHashMap<>());

  private record Added(Extension extension, Origin origin) {}

  private Registry(ClassLoader loader, Map<Path, String> jars, List<Added> added, java.util.function.BiFunction<Extension, Origin, Extension> wrap) {
    this.loader = loader;
    this.jars = Map.copyOf(jars);
    this.added = List.copyOf(added);
    this.wrap = wrap;
  }

  /** What ships with mechcheck: the providers on mechcheck's own class path. */
  public static Registry standard() {
    return STANDARD;
  }

  /**
   * The providers reachable from {@code loader} (e.g. one over plugin jars whose parent is
   * mechcheck's loader); {@code jars} gives each jar's SHA-256, for the origins.
   */
  public static Registry of(ClassLoader loader, Map<Path, String> jars) {
    return of(loader, jars, (e, o) -> e);
  }

  /**
   * {@link #of(ClassLoader, Map)}, with each provider from a plugin jar passed through {@code wrap}
   * (which returns it, or a stand-in of the same kind: e.g. one that turns a researcher's
   * exceptions into one-line messages).
   */
  public static Registry of(ClassLoader loader, Map<Path, String> jars, java.util.function.BiFunction<Extension, Origin, Extension> wrap) {
    return new Registry(loader, jars, List.of(), wrap);
  }

  /** This registry with one more extension, e.g. a mechanism compiled from a file. */
  public Registry plus(Extension e, Origin origin) {
    List<Added> more = new ArrayList<>(added);
    more.add(new Added(e, origin));
    return new Registry(loader, jars, more, wrap);
  }

  /** The class loader plugin code runs in (to compile a source file against, or to load its classes). */
  public ClassLoader loader() {
    return loader;
  }

  /** Every extension of a kind, in class-path order, then the added ones. */
  @SuppressWarnings("unchecked")
  public <T extends Extension> List<T> all(Class<T> kind) {
    return (List<T>) cache.computeIfAbsent(kind, k -> load(kind));
  }

  private <T extends Extension> List<T> load(Class<T> kind) {
    Map<String, T> byName = new LinkedHashMap<>();
    for (ServiceLoader.Provider<T> p : ServiceLoader.load(kind, loader).stream().toList()) {
      T e;
      try {
        e = p.get();
      } catch (java.util.ServiceConfigurationError err) {
        throw new PluginException(originOf(p.type()).describe() + ": cannot load " + p.type().getName() + " (" + rootMessage(err) + ")");
      }
      Origin origin = originOf(p.type());
      put(byName, origin.shipped() ? e : kind.cast(wrap.apply(e, origin)), origin, kind);
    }
    for (Added a : added) if (kind.isInstance(a.extension())) put(byName, kind.cast(a.extension()), a.origin(), kind);
    return List.copyOf(byName.values());
  }

  private <T extends Extension> void put(Map<String, T> byName, T e, Origin origin, Class<T> kind) {
    String name;
    try {
      name = e.name();
    } catch (RuntimeException ex) {
      throw new PluginException(origin.describe() + ": " + e.getClass().getName() + ".name() threw " + ex);
    }
    if (name == null || name.isBlank()) throw new PluginException(origin.describe() + ": " + e.getClass().getName() + " has no name");
    T old = byName.get(name);
    if (old != null) {
      throw new PluginException("two " + kindName(kind) + "s are named '" + name + "': " + old.implementation() + " (" + origin(old).describe()
          + ") and " + e.implementation() + " (" + origin.describe() + ")");
    }
    origins.put(e, origin);
    byName.put(name, e);
  }

  /** The extension of a kind with this name. */
  public <T extends Extension> Optional<T> find(Class<T> kind, String name) {
    for (T e : all(kind)) if (e.name().equals(name)) return Optional.of(e);
    return Optional.empty();
  }

  /** The names of a kind's extensions, in registration order. */
  public List<String> names(Class<? extends Extension> kind) {
    return all(kind).stream().map(Extension::name).toList();
  }

  /** Where an extension of this registry came from. */
  public Origin origin(Extension e) {
    Origin o = origins.get(e);
    return o != null ? o : originOf(e.getClass());
  }

  private Origin originOf(Class<?> type) {
    Path where = location(type);
    if (where == null || where.equals(location(Registry.class))) return Origin.SHIPPED;
    String sha = jars.get(where);
    return sha != null ? new Origin(Origin.Kind.JAR, where, sha) : new Origin(Origin.Kind.CLASSPATH, where, null);
  }

  private static Path location(Class<?> type) {
    CodeSource cs = type.getProtectionDomain().getCodeSource();
    if (cs == null || cs.getLocation() == null) return null;
    try {
      return Path.of(cs.getLocation().toURI()).toAbsolutePath().normalize();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  private static String kindName(Class<?> kind) {
    return kind.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
  }

  private static String rootMessage(Throwable t) {
    while (t.getCause() != null) t = t.getCause();
    return t.toString();
  }
}
