package org.mechcheck.export;

import java.util.List;

/**
 * A finished drawing in figure coordinates (pixels, y downwards), independent of the output
 * format: {@link Svg}, {@link Tikz} and {@link Dot} write the same figure. Every text is a
 * {@link Label} with its box, measured in a monospaced font ({@link #CHAR} em per character,
 * {@link #LINE} em per line), so that the geometry the layout checks (labels clear of links,
 * nodes and each other) is the geometry every renderer draws.
 */
public record Figure(String title, double width, double height, List<Frame> frames, List<Link> links, List<Node> nodes, List<Label> labels) {
  /** Advance of one character of the monospaced font, in em (DejaVu Sans Mono and Courier: 0.60; CM typewriter: 0.525). */
  public static final double CHAR = 0.61;
  /** Line height in em. */
  public static final double LINE = 1.25;

  public Figure {
    frames = List.copyOf(frames);
    links = List.copyOf(links);
    nodes = List.copyOf(nodes);
    labels = List.copyOf(labels);
  }

  /** Colours, named by what they mean. */
  public enum Tone {
    INK("#222222"), MUTED("#666666"), LINK("#888888"), CHAIN("#1f5fbf"), DEVIATION("#d62728"), WIN("#2ca02c"),
    BUYER("#dbe9f6"), BROKER("#fff2cc"), SELLER("#e8e8e8"), WINNER("#c7ecc7"), DEVIATOR("#fde0e0"), PANEL("#f7f7f7"), REPORT("#ff7f0e");

    public final String hex;

    Tone(String hex) {
      this.hex = hex;
    }
  }

  public enum Shape { CIRCLE, SQUARE, DIAMOND }

  /** A diamond's half diagonal, in units of its node's r. */
  public static final double DIAMOND = 1.25;

  public record Point(double x, double y) {}

  /** An axis-aligned box. */
  public record Box(double x, double y, double w, double h) {
    public boolean intersects(Box o) {
      return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }

    public Box grow(double d) {
      return new Box(x - d, y - d, w + 2 * d, h + 2 * d);
    }

    public boolean inside(Box o) {
      return x >= o.x && y >= o.y && x + w <= o.x + o.w && y + h <= o.y + o.h;
    }

    /** Whether the segment a-b passes through the box (Liang-Barsky clipping). */
    public boolean crosses(Point a, Point b) {
      double t0 = 0, t1 = 1, dx = b.x() - a.x(), dy = b.y() - a.y();
      double[] p = {-dx, dx, -dy, dy};
      double[] q = {a.x() - x, x + w - a.x(), a.y() - y, y + h - a.y()};
      for (int k = 0; k < 4; k++) {
        if (p[k] == 0) {
          if (q[k] < 0) return false;
        } else {
          double t = q[k] / p[k];
          if (p[k] < 0) t0 = Math.max(t0, t);
          else t1 = Math.min(t1, t);
          if (t0 > t1) return false;
        }
      }
      return true;
    }
  }

  /** A panel's background. */
  public record Frame(Box box) {}

  /**
   * A link drawn as a polyline (a straight link has two points). {@code from}/{@code to} name the
   * nodes it joins (null for a drawn line that is not a link of the network).
   */
  public record Link(String from, String to, List<Point> points, Tone tone, double width, boolean dashed, boolean arrow, String tooltip) {
    public Link {
      points = List.copyOf(points);
    }

    /** The arrow head at the last point (tip, then the two barbs), or an empty list without one. */
    public List<Point> head() {
      if (!arrow || points.size() < 2) return List.of();
      Point tip = points.get(points.size() - 1), from = points.get(points.size() - 2);
      double dx = tip.x() - from.x(), dy = tip.y() - from.y(), len = Math.hypot(dx, dy);
      if (len == 0) return List.of();
      double ux = dx / len, uy = dy / len, l = 5 + 2 * width, w = 2 + width;
      return List.of(tip, new Point(tip.x() - ux * l - uy * w, tip.y() - uy * l + ux * w), new Point(tip.x() - ux * l + uy * w, tip.y() - uy * l - ux * w));
    }

    /** Every segment drawn for the link, its arrow head's outline included. */
    public List<Point[]> segments() {
      List<Point[]> out = new java.util.ArrayList<>();
      for (int k = 0; k + 1 < points.size(); k++) out.add(new Point[] {points.get(k), points.get(k + 1)});
      List<Point> h = head();
      if (!h.isEmpty()) {
        out.add(new Point[] {h.get(0), h.get(1)});
        out.add(new Point[] {h.get(1), h.get(2)});
        out.add(new Point[] {h.get(2), h.get(0)});
      }
      return out;
    }
  }

  /** A node: its key (unique in the figure), the text inside it, its shape and centre; {@code r} is the radius or half side. */
  public record Node(String key, String text, Shape shape, double x, double y, double r, Tone fill, Tone stroke, double strokeWidth, String tooltip) {
    public Box box() {
      double e = shape == Shape.DIAMOND ? r * DIAMOND : r;
      return new Box(x - e, y - e, 2 * e, 2 * e);
    }
  }

  /** Text lines whose box has its top-left corner at (x, y); {@code size} is the font size in pixels. */
  public record Label(double x, double y, List<String> lines, double size, Tone tone, boolean bold, boolean centred) {
    public Label {
      lines = List.copyOf(lines);
    }

    public static double width(List<String> lines, double size) {
      int longest = 0;
      for (String l : lines) longest = Math.max(longest, l.codePointCount(0, l.length()));
      return longest * CHAR * size;
    }

    public double width() {
      return width(lines, size);
    }

    public double height() {
      return lines.size() * LINE * size;
    }

    public Box box() {
      return new Box(x, y, width(), height());
    }
  }
}
