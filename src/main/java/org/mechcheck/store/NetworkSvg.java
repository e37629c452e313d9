package org.mechcheck.store;

import org.mechcheck.export.Explain;
import org.mechcheck.export.NetworkFigure;
import org.mechcheck.export.Svg;

/**
 * The SVG picture saved beside a counterexample file: the truthful and the deviating outcome side
 * by side (org.mechcheck.export.NetworkFigure draws it; the same figure exports to TikZ and DOT).
 */
public final class NetworkSvg {
  private NetworkSvg() {}

  public static String render(Counterexample c) {
    return Svg.of(NetworkFigure.of(Explain.of(c)));
  }
}
