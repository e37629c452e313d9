package org.mechcheck.export;

import java.util.ArrayList;
import java.util.List;
import org.mechcheck.export.Figure.Box;
import org.mechcheck.export.Figure.Frame;
import org.mechcheck.export.Figure.Label;
import org.mechcheck.export.Figure.Link;
import org.mechcheck.export.Figure.Node;
import org.mechcheck.export.Figure.Point;

/**
 * Collects a figure's parts and places labels where they touch no link, node or other label:
 * the first free spot of a list of candidates wins, so a layout that finds none is widened and
 * tried again by its caller rather than drawn with a label over a link.
 */
final class Canvas {
  /** Clearance kept around every placed label. */
  static final double CLEAR = 3;

  final List<Frame> frames = new ArrayList<>();
  final List<Link> links = new ArrayList<>();
  final List<Node> nodes = new ArrayList<>();
  final List<Label> labels = new ArrayList<>();

  /** Whether a label box placed at {@code b} would keep clear of everything drawn so far and stay inside {@code bounds}. */
  boolean free(Box b, Box bounds) {
    if (!b.inside(bounds)) return false;
    Box g = b.grow(CLEAR);
    for (Label l : labels) if (g.intersects(l.box())) return false;
    for (Node n : nodes) if (g.intersects(n.box())) return false;
    for (Link l : links) if (crosses(g.grow(l.width() / 2), l)) return false;
    return true;
  }

  static boolean crosses(Box b, Link l) {
    for (Point[] s : l.segments()) if (b.crosses(s[0], s[1])) return true;
    return false;
  }

  /** Adds the first candidate that is free; false when none is. */
  boolean place(List<Label> candidates, Box bounds) {
    for (Label l : candidates) {
      if (free(l.box(), bounds)) {
        labels.add(l);
        return true;
      }
    }
    return false;
  }

  /**
   * Candidate spots for a label of size w x h around a node's box: below, right, left, above and
   * the four diagonals, at growing distances.
   */
  static List<double[]> around(Box node, double w, double h) {
    List<double[]> out = new ArrayList<>();
    double cx = node.x() + node.w() / 2, cy = node.y() + node.h() / 2, e = node.w() / 2;
    for (double g : new double[] {4, 14, 28, 46}) {
      out.add(new double[] {cx - w / 2, cy + e + g});
      out.add(new double[] {cx + e + g, cy - h / 2});
      out.add(new double[] {cx - e - g - w, cy - h / 2});
      out.add(new double[] {cx - w / 2, cy - e - g - h});
      double d = e * 0.75 + g;
      out.add(new double[] {cx + d, cy + d});
      out.add(new double[] {cx - d - w, cy + d});
      out.add(new double[] {cx + d, cy - d - h});
      out.add(new double[] {cx - d - w, cy - d - h});
    }
    return out;
  }

  Figure figure(String title, double width, double height) {
    return new Figure(title, width, height, frames, links, nodes, labels);
  }

  /** Splits text into lines of at most {@code max} characters at spaces (a longer word stays whole). */
  static List<String> wrap(String text, int max) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String whole : text.split(" ")) {
      for (String word : pieces(whole, Math.max(1, max))) {
        if (line.length() > 0 && line.length() + 1 + word.length() > max) {
          out.add(line.toString());
          line.setLength(0);
        }
        if (line.length() > 0) line.append(' ');
        line.append(word);
      }
    }
    if (line.length() > 0) out.add(line.toString());
    return out;
  }

  /**
   * A word longer than a line, cut so that every piece fits: after its last hyphen or slash
   * that leaves a piece of at most {@code max} characters, else at {@code max} (a network's
   * id or a file path is one word and may be wider than the figure).
   */
  private static List<String> pieces(String word, int max) {
    List<String> out = new ArrayList<>();
    while (word.length() > max) {
      int cut = Math.max(word.lastIndexOf('-', max - 1), word.lastIndexOf('/', max - 1)) + 1;
      if (cut <= 0) cut = max;
      out.add(word.substring(0, cut));
      word = word.substring(cut);
    }
    out.add(word);
    return out;
  }
}
