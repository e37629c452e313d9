package org.mechcheck.export;

import org.mechcheck.store.Counterexample;
import org.mechcheck.store.Picture;

/** The picture saved beside every counterexample file: the truthful and the deviating outcome side by side ({@link NetworkFigure}). */
public final class SideBySide implements Picture {
  @Override
  public String name() {
    return "side-by-side";
  }

  @Override
  public String svg(Counterexample c, org.mechcheck.plugin.Registry registry) {
    return Svg.of(NetworkFigure.of(Explain.of(c, registry)));
  }

  @Override
  public String svg(java.nio.file.Path file) {
    return Svg.of(Exports.figure(file));
  }
}
