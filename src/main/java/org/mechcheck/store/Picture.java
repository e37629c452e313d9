package org.mechcheck.store;

import org.mechcheck.plugin.Extension;

/**
 * Draws the SVG picture saved beside a counterexample file. The store names no drawing code:
 * the picture is an extension like any other (the shipped one is org.mechcheck.export's figure of
 * the truthful and the deviating outcome side by side), found through {@link java.util.ServiceLoader}.
 */
public interface Picture extends Extension {
  /** An SVG document of the counterexample, a mechanism of {@code registry}. */
  String svg(Counterexample c, org.mechcheck.plugin.Registry registry);

  /** An SVG document of a saved counterexample file of any kind the picture draws (a plugin's own kinds too). */
  String svg(java.nio.file.Path file);
}
