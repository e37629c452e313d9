package org.mechcheck.export;

import java.util.List;
import org.mechcheck.export.Figure.Label;
import org.mechcheck.export.Figure.Link;
import org.mechcheck.export.Figure.Node;
import org.mechcheck.export.Figure.Point;

/**
 * Writes a {@link Figure} as Graphviz DOT with every position pinned, so that
 * {@code neato -n2 -Tsvg FILE.dot} draws the same layout (y upwards, in points); {@code dot}
 * lays the graph out anew. Nodes keep their keys ({@code p0:A} is agent A in the first panel),
 * links their colours and dashes, and each line of a label is a plain-text node where the line's text is.
 */
public final class Dot {
  private Dot() {}

  public static String of(Figure f) {
    StringBuilder s = new StringBuilder();
    double h = f.height();
    s.append("// ").append(f.title().replace('\n', ' ')).append('\n');
    s.append("// written by mechcheck export; draw with: neato -n2 -Tsvg FILE.dot > FILE.svg\n");
    s.append("graph mechcheck {\n");
    s.append("  graph [bb=\"0,0,").append(n(f.width() * 0.75)).append(',').append(n(h * 0.75)).append("\", splines=true, outputorder=edgesfirst, label=")
        .append(q(f.title())).append(", labelloc=t];\n");
    s.append("  node [fixedsize=true, fontname=\"Courier\", style=filled];\n");
    for (Node v : f.nodes()) {
      String shape = switch (v.shape()) {
        case CIRCLE -> "circle";
        case SQUARE -> "box";
        case DIAMOND -> "diamond";
      };
      double size = (v.shape() == Figure.Shape.DIAMOND ? 2 * v.r() * Figure.DIAMOND : 2 * v.r()) * 0.75 / 72;
      s.append("  ").append(q(v.key())).append(" [label=").append(q(v.text())).append(", shape=").append(shape).append(", width=").append(n4(size))
          .append(", height=").append(n4(size)).append(", pos=\"").append(n(v.x() * 0.75)).append(',').append(n((h - v.y()) * 0.75)).append("!\", fillcolor=\"")
          .append(v.fill().hex).append("\", color=\"").append(v.stroke().hex).append("\", penwidth=").append(n(v.strokeWidth() * 0.75))
          .append(", tooltip=").append(q(v.tooltip())).append("];\n");
    }
    int k = 0;
    for (Label l : f.labels()) {
      if (l.centred()) continue; // a node's own name, written as the node's label above
      for (int i = 0; i < l.lines().size(); i++) { // one plain-text node per line, centred where the line's text is
        String line = l.lines().get(i);
        double w = Label.width(List.of(line), l.size());
        double cx = l.x() + w / 2, cy = l.y() + (i + 0.5) * Figure.LINE * l.size();
        s.append("  ").append(q("label" + k++)).append(" [shape=plaintext, style=\"\", fixedsize=false, label=").append(q(line))
            .append(", fontsize=").append(n(l.size() * 0.75)).append(", fontcolor=\"").append(l.tone().hex).append('"').append(l.bold() ? ", fontname=\"Courier-Bold\"" : "")
            .append(", pos=\"").append(n(cx * 0.75)).append(',').append(n((h - cy) * 0.75)).append("!\"];\n");
      }
    }
    for (Link l : f.links()) {
      if (l.from() == null || l.to() == null) continue;
      s.append("  ").append(q(l.from())).append(" -- ").append(q(l.to())).append(" [color=\"").append(l.tone().hex).append("\", penwidth=").append(n(l.width() * 0.75));
      if (l.dashed()) s.append(", style=dashed");
      if (l.arrow()) s.append(", dir=forward");
      s.append(", pos=\"").append(spline(l.points(), h)).append("\", tooltip=").append(q(l.tooltip())).append("];\n");
    }
    s.append("}\n");
    return s.toString();
  }

  /** A polyline as the piecewise cubic B-spline DOT's pos wants (3k+1 points: each segment's controls on its ends). */
  private static String spline(List<Point> p, double h) {
    StringBuilder s = new StringBuilder();
    s.append(xy(p.get(0), h));
    for (int k = 1; k < p.size(); k++) s.append(' ').append(xy(p.get(k - 1), h)).append(' ').append(xy(p.get(k), h)).append(' ').append(xy(p.get(k), h));
    return s.toString();
  }

  private static String xy(Point p, double h) {
    return n(p.x() * 0.75) + "," + n((h - p.y()) * 0.75);
  }

  private static String n(double v) {
    return Svg.n(v);
  }

  private static String n4(double v) {
    return String.format(java.util.Locale.ROOT, "%.4f", v);
  }

  /** A DOT double-quoted string. */
  static String q(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
