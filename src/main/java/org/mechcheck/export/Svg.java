package org.mechcheck.export;

import java.util.Locale;
import org.mechcheck.export.Figure.Box;
import org.mechcheck.export.Figure.Label;
import org.mechcheck.export.Figure.Link;
import org.mechcheck.export.Figure.Node;
import org.mechcheck.export.Figure.Point;

/** Writes a {@link Figure} as a self-contained SVG document (no scripts, no external fonts or files). */
public final class Svg {
  static final String FONT = "DejaVu Sans Mono, Menlo, Consolas, Liberation Mono, Courier New, monospace";

  private Svg() {}

  public static String of(Figure f) {
    StringBuilder s = new StringBuilder();
    s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(n(f.width())).append("\" height=\"").append(n(f.height()))
        .append("\" viewBox=\"0 0 ").append(n(f.width())).append(' ').append(n(f.height())).append("\" font-family=\"").append(FONT).append("\">\n");
    s.append("  <title>").append(esc(f.title())).append("</title>\n");
    s.append("  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    for (Figure.Frame fr : f.frames()) {
      Box b = fr.box();
      s.append("  <rect class=\"panel\" x=\"").append(n(b.x())).append("\" y=\"").append(n(b.y())).append("\" width=\"").append(n(b.w()))
          .append("\" height=\"").append(n(b.h())).append("\" rx=\"6\" fill=\"").append(Figure.Tone.PANEL.hex).append("\" stroke=\"#dddddd\"/>\n");
    }
    s.append("  <g id=\"links\" fill=\"none\" stroke-linecap=\"round\">\n");
    for (Link l : f.links()) {
      s.append("    <polyline points=\"");
      for (int k = 0; k < l.points().size(); k++) {
        Point p = l.points().get(k);
        s.append(k == 0 ? "" : " ").append(n(p.x())).append(',').append(n(p.y()));
      }
      s.append("\" stroke=\"").append(l.tone().hex).append("\" stroke-width=\"").append(n(l.width())).append('"');
      if (l.dashed()) s.append(" stroke-dasharray=\"7,5\"");
      s.append("><title>").append(esc(l.tooltip())).append("</title></polyline>\n");
      if (!l.head().isEmpty()) {
        s.append("    <polygon points=\"");
        for (int k = 0; k < 3; k++) s.append(k == 0 ? "" : " ").append(n(l.head().get(k).x())).append(',').append(n(l.head().get(k).y()));
        s.append("\" fill=\"").append(l.tone().hex).append("\" stroke=\"none\"/>\n");
      }
    }
    s.append("  </g>\n");
    s.append("  <g id=\"nodes\">\n");
    for (Node v : f.nodes()) {
      String paint = "\" fill=\"" + v.fill().hex + "\" stroke=\"" + v.stroke().hex + "\" stroke-width=\"" + n(v.strokeWidth()) + "\"";
      s.append("    <g class=\"node\" id=\"").append(esc(v.key())).append("\"><title>").append(esc(v.tooltip())).append("</title>");
      switch (v.shape()) {
        case CIRCLE -> s.append("<circle cx=\"").append(n(v.x())).append("\" cy=\"").append(n(v.y())).append("\" r=\"").append(n(v.r())).append(paint).append("/>");
        case SQUARE -> s.append("<rect x=\"").append(n(v.x() - v.r())).append("\" y=\"").append(n(v.y() - v.r())).append("\" width=\"").append(n(2 * v.r()))
            .append("\" height=\"").append(n(2 * v.r())).append(paint).append("/>");
        case DIAMOND -> {
          double d = v.r() * Figure.DIAMOND;
          s.append("<polygon points=\"").append(n(v.x())).append(',').append(n(v.y() - d)).append(' ').append(n(v.x() + d)).append(',').append(n(v.y()))
              .append(' ').append(n(v.x())).append(',').append(n(v.y() + d)).append(' ').append(n(v.x() - d)).append(',').append(n(v.y())).append(paint).append("/>");
        }
      }
      s.append("</g>\n");
    }
    s.append("  </g>\n");
    s.append("  <g id=\"labels\">\n");
    for (Label l : f.labels()) {
      // each line's baseline sits 0.8 em below its line box top, centred in the line's LINE em
      s.append("    <text class=\"label\" data-box=\"").append(n(l.x())).append(' ').append(n(l.y())).append(' ').append(n(l.width())).append(' ').append(n(l.height()))
          .append("\" font-size=\"").append(n(l.size())).append("\" fill=\"").append(l.tone().hex).append('"');
      if (l.bold()) s.append(" font-weight=\"bold\"");
      if (l.centred()) s.append(" text-anchor=\"middle\"");
      s.append(" xml:space=\"preserve\">");
      double x = l.centred() ? l.x() + l.width() / 2 : l.x();
      for (int k = 0; k < l.lines().size(); k++) {
        double base = l.y() + (k + 0.5) * Figure.LINE * l.size() + 0.35 * l.size();
        s.append("<tspan x=\"").append(n(x)).append("\" y=\"").append(n(base)).append("\">").append(esc(l.lines().get(k))).append("</tspan>");
      }
      s.append("</text>\n");
    }
    s.append("  </g>\n");
    s.append("</svg>\n");
    return s.toString();
  }

  static String n(double v) {
    double r = Math.round(v * 10) / 10.0;
    if (r == Math.rint(r)) return Long.toString((long) r);
    return String.format(Locale.ROOT, "%.1f", r);
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int k = 0; k < s.length(); k++) {
      char ch = s.charAt(k);
      switch (ch) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> b.append(ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' ? '?' : ch);
      }
    }
    return b.toString();
  }
}
