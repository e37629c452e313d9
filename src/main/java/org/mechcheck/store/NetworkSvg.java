package org.mechcheck.store;

import org.mechcheck.plugin.Registry;

/** The SVG picture saved beside a counterexample file, by the registered {@link Picture}. */
public final class NetworkSvg {
  private NetworkSvg() {}

  public static String render(Counterexample c) {
    return render(c, Registry.standard());
  }

  public static String render(Counterexample c, Registry registry) {
    return picture(registry).svg(c, registry);
  }

  /** The picture of a saved counterexample file of a plugin's own kind. */
  public static String render(java.nio.file.Path file) {
    return picture(Registry.standard()).svg(file);
  }

  private static Picture picture(Registry registry) {
    return registry.all(Picture.class).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("no counterexample picture is registered (org.mechcheck.store.Picture)"));
  }
}
