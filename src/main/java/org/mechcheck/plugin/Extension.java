package org.mechcheck.plugin;

/**
 * Something a plugin contributes: a mechanism, a property, a benchmark, a claim check, an
 * evidence kind, a family of protocol deviations. Each kind is a Java service interface extending
 * this one; an implementation registers itself in {@code META-INF/services/<that interface>} and has
 * a public no-argument constructor, so {@link java.util.ServiceLoader} finds it on the class path,
 * in a plugin jar, or in a compiled mechanism file alike. Names are unique within a kind.
 */
public interface Extension {
  /** The name commands, claims and evidence files use for it, unique within its kind. */
  String name();

  /** The class that implements it, for messages (a wrapper names what it wraps). */
  default String implementation() {
    return getClass().getName();
  }
}
