package org.mechcheck.export;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.export.Figure.Box;
import org.mechcheck.export.Figure.Frame;
import org.mechcheck.export.Figure.Label;
import org.mechcheck.export.Figure.Link;
import org.mechcheck.export.Figure.Node;
import org.mechcheck.export.Figure.Point;
import org.mechcheck.export.Figure.Shape;
import org.mechcheck.export.Figure.Tone;
import org.mechcheck.network.Agent;
import org.mechcheck.network.Market;
import org.mechcheck.num.Rationals;

/**
 * Draws an {@link Explanation}: one panel per outcome, side by side, the network in the same
 * place in each. The seller is on top; agents are layered by breadth-first depth from the seller
 * (agents no path reaches form a last row) and ordered within a row by the mean position of their
 * neighbours in the row above, then by file order; links within a row that would pass through
 * other nodes are arcs. Buyers are circles, intermediaries squares (000's Figure 1 convention),
 * the seller a diamond. In each panel the winners are green, the links the good travels along
 * blue, the deviator outlined red with the links she withholds dashed red (links she reports
 * along, for protocol deviations, orange), and every agent carries her type, what she wins, her
 * payment p and her utility u under that outcome. Labels are placed where they touch no link; a
 * layout where one cannot be is spread wider and drawn again.
 */
public final class NetworkFigure {
  private static final double ID_SIZE = 13, LABEL_SIZE = 11, HEAD_SIZE = 12, TITLE_SIZE = 13;
  private static final double PAD = 12, GAP = 24;

  private NetworkFigure() {}

  public static Figure of(Explanation e) {
    for (double s = 1; ; s *= 1.25) {
      Figure f = attempt(e, 100 * s, 105 * s, s > 8);
      if (f != null) return f;
    }
  }

  /** One layout at the given spacing; null when some label finds no free spot (unless {@code force}). */
  private static Figure attempt(Explanation e, double dx, double dy, boolean force) {
    Market m = e.market();
    int n = m.size();
    int[] depth = depths(m);
    double[] pos = positions(m, depth);
    int maxDepth = Arrays.stream(depth).max().orElse(0);
    double widest = 0;
    for (double p : pos) widest = Math.max(widest, Math.abs(p));

    double[] radius = new double[n];
    for (int v = 0; v < n; v++) radius[v] = Math.max(18, Label.width(List.of(m.id(v)), ID_SIZE) / 2 + 6);
    double rmax = Arrays.stream(radius).max().orElse(18);

    List<List<List<String>>> texts = new ArrayList<>();
    double labelW = 0, labelH = 0;
    for (Explanation.Side side : e.sides()) {
      List<List<String>> t = new ArrayList<>();
      for (int v = 0; v < n; v++) {
        List<String> lines = nodeLines(side, v);
        t.add(lines);
        labelW = Math.max(labelW, Label.width(lines, LABEL_SIZE));
        labelH = Math.max(labelH, lines.size() * Figure.LINE * LABEL_SIZE);
      }
      texts.add(t);
    }
    List<List<String>> heads = new ArrayList<>();
    for (Explanation.Side side : e.sides()) {
      List<String> h = new ArrayList<>();
      h.add(side.heading());
      h.addAll(Canvas.wrap(side.summary(), 60));
      heads.add(h);
    }
    double headW = 0, headH = 0;
    for (List<String> h : heads) {
      headW = Math.max(headW, Label.width(h, HEAD_SIZE));
      headH = Math.max(headH, h.size() * Figure.LINE * HEAD_SIZE);
    }
    double side = rmax + labelW + 16;
    double panelW = Math.max(headW + 2 * PAD, 2 * widest * dx + 2 * side);
    double netTop = PAD + headH + 18;
    double panelH = netTop + maxDepth * dy + 2 * rmax + labelH + 2 * 14 + 20;
    int panels = e.sides().size();
    double width = panels * panelW + (panels - 1) * GAP + 2 * PAD;
    int chars = (int) Math.floor((width - 2 * PAD) / (Figure.CHAR * TITLE_SIZE));
    List<String> title = Canvas.wrap(e.title(), chars);
    List<String> finding = Canvas.wrap(e.finding(), (int) Math.floor((width - 2 * PAD) / (Figure.CHAR * HEAD_SIZE)));
    double top = PAD + title.size() * Figure.LINE * TITLE_SIZE + finding.size() * Figure.LINE * HEAD_SIZE + 10;
    List<String> legend = new ArrayList<>();
    int legendChars = (int) Math.floor((width - 2 * PAD) / (Figure.CHAR * LABEL_SIZE));
    legend.addAll(Canvas.wrap(legendText(e), legendChars));
    if (e.command() != null && !e.command().isEmpty()) legend.addAll(Canvas.wrap("found by: " + e.command(), legendChars));
    double height = top + panelH + 10 + legend.size() * Figure.LINE * LABEL_SIZE + PAD;

    Canvas c = new Canvas();
    c.labels.add(new Label(PAD, PAD, title, TITLE_SIZE, Tone.INK, true, false));
    c.labels.add(new Label(PAD, PAD + title.size() * Figure.LINE * TITLE_SIZE, finding, HEAD_SIZE, e.reproduces() ? Tone.INK : Tone.DEVIATION, false, false));
    c.labels.add(new Label(PAD, top + panelH + 10, legend, LABEL_SIZE, Tone.MUTED, false, false));

    for (int k = 0; k < panels; k++) {
      Explanation.Side s = e.sides().get(k);
      double px = PAD + k * (panelW + GAP);
      Box frame = new Box(px, top, panelW, panelH);
      c.frames.add(new Frame(frame));
      List<String> h = heads.get(k);
      c.labels.add(new Label(px + PAD, top + PAD, h.subList(0, 1), HEAD_SIZE, s.deviator() >= 0 && k > 0 ? Tone.DEVIATION : Tone.INK, true, false));
      c.labels.add(new Label(px + PAD, top + PAD + Figure.LINE * HEAD_SIZE, h.subList(1, h.size()), HEAD_SIZE, Tone.INK, false, false));
      String prefix = "p" + k + ":";
      double[] x = new double[n], y = new double[n];
      for (int v = 0; v < n; v++) {
        x[v] = px + panelW / 2 + pos[v] * dx;
        y[v] = top + netTop + rmax + depth[v] * dy;
      }
      drawLinks(c, s, m, prefix, x, y, radius, depth, dx);
      for (int v = 0; v < n; v++) c.nodes.add(node(s, m, v, prefix, x[v], y[v], radius[v]));
      for (int v = 0; v < n; v++) {
        c.labels.add(new Label(x[v] - Label.width(List.of(m.id(v)), ID_SIZE) / 2, y[v] - Figure.LINE * ID_SIZE / 2, List.of(m.id(v)), ID_SIZE,
            Tone.INK, true, true));
      }
      Box inner = new Box(px + 2, top + PAD + headH + 4, panelW - 4, panelH - PAD - headH - 6);
      for (int v = 0; v < n; v++) {
        List<String> lines = texts.get(k).get(v);
        double w = Label.width(lines, LABEL_SIZE), hh = lines.size() * Figure.LINE * LABEL_SIZE;
        List<Label> candidates = new ArrayList<>();
        Box nb = c.nodes.get(c.nodes.size() - n + v).box();
        for (double[] p : Canvas.around(nb, w, hh)) candidates.add(new Label(p[0], p[1], lines, LABEL_SIZE, tone(s, v), false, false));
        if (!c.place(candidates, inner)) {
          if (!force) return null;
          c.labels.add(candidates.get(0));
        }
      }
    }
    return c.figure(e.title(), Math.ceil(width), Math.ceil(height));
  }

  private static Tone tone(Explanation.Side s, int v) {
    return v == s.deviator() && s.deviatorNote() != null ? Tone.DEVIATION : Tone.INK;
  }

  /** The lines under a node: type, what she wins, payment and utility; the seller's revenue. */
  static List<String> nodeLines(Explanation.Side s, int v) {
    Market m = s.market();
    List<String> out = new ArrayList<>();
    if (v == 0) {
      out.add("revenue " + Rationals.format(s.revenue()));
      return out;
    }
    Agent a = m.agent(v);
    out.add(a.isBidder() ? "v=" + Rationals.format(a.value()) : "c=" + Rationals.format(a.cost()));
    BigFraction won = s.outcome().allocation(v);
    if (won.signum() != 0) out.add(won.compareTo(BigFraction.ONE) == 0 ? "wins" : "wins " + Rationals.format(won));
    out.add("p=" + Rationals.format(s.outcome().payment(v)) + " u=" + Rationals.format(s.utility(v)));
    if (v == s.deviator() && s.deviatorNote() != null) out.addAll(Canvas.wrap(s.deviatorNote(), 28));
    return out;
  }

  private static Node node(Explanation.Side s, Market m, int v, String prefix, double x, double y, double r) {
    boolean dev = v == s.deviator();
    boolean won = v > 0 && s.outcome().allocation(v).signum() != 0;
    Shape shape = shape(m, v);
    Tone fill = v == 0 ? Tone.SELLER : won ? Tone.WINNER : dev ? Tone.DEVIATOR : m.isBidder(v) ? Tone.BUYER : Tone.BROKER;
    Tone stroke = dev ? Tone.DEVIATION : won ? Tone.WIN : Tone.INK;
    double sw = dev ? 3.5 : won ? 3 : 1.5;
    String tip = m.id(v) + (v == 0 ? " (seller)" : "") + (won ? " wins" : "") + (dev ? " (deviates)" : "");
    return new Node(prefix + m.id(v), m.id(v), shape, x, y, r, fill, stroke, sw, tip);
  }

  private static void drawLinks(Canvas c, Explanation.Side s, Market m, String prefix, double[] x, double[] y, double[] r, int[] depth, double dx) {
    Set<Long> path = new HashSet<>();
    for (int[] p : s.paths()) for (int k = 0; k + 1 < p.length; k++) path.add(key(p[k], p[k + 1]));
    int dev = s.deviator();
    List<Link> plain = new ArrayList<>(), marked = new ArrayList<>();
    for (int[] e : m.edges()) {
      int u = e[0], v = e[1];
      boolean cut = dev >= 0 && ((u == dev && s.cut().get(v)) || (v == dev && s.cut().get(u)));
      boolean rep = dev >= 0 && ((u == dev && s.reported().get(v)) || (v == dev && s.reported().get(u)));
      boolean on = path.contains(key(u, v));
      List<Point> pts = geometry(m, x, y, r, depth, u, v, dx);
      String tip = m.id(u) + " - " + m.id(v) + (cut ? " (withheld by " + m.id(dev) + ")" : rep ? " (" + m.id(dev) + " reports along it)" : on ? (s.chains() ? " (on the chain)" : " (on the path)") : "");
      String from = prefix + m.id(u), to = prefix + m.id(v);
      if (cut) marked.add(new Link(from, to, pts, Tone.DEVIATION, 2.5, true, false, tip));
      else if (rep) marked.add(new Link(from, to, pts, Tone.REPORT, 3.5, false, false, tip));
      else if (on) marked.add(new Link(from, to, pts, Tone.CHAIN, 3.5, false, false, tip));
      else plain.add(new Link(from, to, pts, Tone.LINK, 1.5, false, false, tip));
    }
    c.links.addAll(plain);
    c.links.addAll(marked);
  }

  private static long key(int u, int v) {
    return ((long) Math.min(u, v) << 32) | Math.max(u, v);
  }

  /** A straight link, or an arc over the row for links within a row that would cross the nodes between; both cut at the nodes' outlines. */
  private static List<Point> geometry(Market m, double[] x, double[] y, double[] r, int[] depth, int u, int v, double dx) {
    boolean arc = depth[u] == depth[v] && Math.abs(x[u] - x[v]) > dx * 1.5;
    List<Point> raw = new ArrayList<>();
    if (!arc) {
      raw.add(new Point(x[u], y[u]));
      raw.add(new Point(x[v], y[v]));
    } else {
      double mx = (x[u] + x[v]) / 2, my = y[u] - Math.abs(x[u] - x[v]) * 0.4;
      for (int k = 0; k <= 24; k++) {
        double t = k / 24.0;
        raw.add(new Point((1 - t) * (1 - t) * x[u] + 2 * t * (1 - t) * mx + t * t * x[v], (1 - t) * (1 - t) * y[u] + 2 * t * (1 - t) * my + t * t * y[v]));
      }
    }
    Outline a = new Outline(shape(m, u), x[u], y[u], r[u] + 1), b = new Outline(shape(m, v), x[v], y[v], r[v] + 1);
    int i = 0;
    while (i + 1 < raw.size() && a.contains(raw.get(i + 1))) i++;
    int j = raw.size() - 1;
    while (j - 1 > i && b.contains(raw.get(j - 1))) j--;
    List<Point> out = new ArrayList<>();
    out.add(a.cut(raw.get(i), raw.get(i + 1)));
    for (int k = i + 1; k < j; k++) out.add(raw.get(k));
    out.add(b.cut(raw.get(j), raw.get(j - 1)));
    return out;
  }

  static Shape shape(Market m, int v) {
    return v == 0 ? Shape.DIAMOND : m.isBidder(v) ? Shape.CIRCLE : Shape.SQUARE;
  }

  /** A node's outline (slightly outside the drawn shape). */
  private record Outline(Shape shape, double cx, double cy, double r) {
    boolean contains(Point p) {
      double ax = Math.abs(p.x() - cx), ay = Math.abs(p.y() - cy);
      return switch (shape) {
        case CIRCLE -> Math.hypot(ax, ay) <= r;
        case SQUARE -> Math.max(ax, ay) <= r;
        case DIAMOND -> ax + ay <= r * Figure.DIAMOND;
      };
    }

    /** Where the segment from {@code in} (inside or on the outline) towards {@code out} leaves the outline, by bisection. */
    Point cut(Point in, Point out) {
      if (!contains(in)) return in;
      Point lo = in, hi = out;
      for (int k = 0; k < 40; k++) {
        Point mid = new Point((lo.x() + hi.x()) / 2, (lo.y() + hi.y()) / 2);
        if (contains(mid)) lo = mid;
        else hi = mid;
      }
      return hi;
    }
  }

  private static String legendText(Explanation e) {
    boolean cut = false, rep = false, chains = false, paths = false, dev = false;
    for (Explanation.Side s : e.sides()) {
      dev |= s.deviator() >= 0;
      cut |= !s.cut().isEmpty();
      rep |= !s.reported().isEmpty();
      chains |= s.chains() && !s.paths().isEmpty();
      paths |= !s.chains() && !s.paths().isEmpty();
    }
    return "circle: buyer (v value) | square: intermediary (c cost) | diamond: seller | green: winner"
        + (chains ? " | blue: trading chain" : "") + (paths ? " | blue: report path from the seller to a winner" : "")
        + (dev ? " | red outline: the deviator" : "") + (cut ? " | dashed red: links she withholds" : "") + (rep ? " | orange: the inviters she reports to" : "")
        + " | p: payment to the seller (negative: she is paid), u: utility at the true types";
  }

  /** Breadth-first depth from the seller; nodes no path reaches get the deepest depth plus one. */
  static int[] depths(Market m) {
    int n = m.size();
    int[] depth = new int[n];
    Arrays.fill(depth, -1);
    depth[0] = 0;
    Deque<Integer> queue = new ArrayDeque<>();
    queue.add(0);
    int max = 0;
    while (!queue.isEmpty()) {
      int u = queue.poll();
      for (int w : m.neighbours(u)) {
        if (depth[w] < 0) {
          depth[w] = depth[u] + 1;
          max = Math.max(max, depth[w]);
          queue.add(w);
        }
      }
    }
    for (int v = 0; v < n; v++) if (depth[v] < 0) depth[v] = max + 1;
    return depth;
  }

  /** Offsets within each row (centred on 0), rows ordered by the barycentre of their neighbours in the row above, then by file order. */
  static double[] positions(Market m, int[] depth) {
    int n = m.size();
    int maxDepth = Arrays.stream(depth).max().orElse(0);
    List<List<Integer>> rows = new ArrayList<>();
    for (int d = 0; d <= maxDepth; d++) rows.add(new ArrayList<>());
    for (int v = 0; v < n; v++) rows.get(depth[v]).add(v);
    double[] pos = new double[n];
    for (int d = 0; d <= maxDepth; d++) {
      List<Integer> row = rows.get(d);
      if (d > 0) {
        double[] key = new double[n];
        for (int v : row) {
          double sum = 0;
          int cnt = 0;
          for (int w : m.neighbours(v)) {
            if (depth[w] == d - 1) {
              sum += pos[w];
              cnt++;
            }
          }
          key[v] = cnt == 0 ? Double.MAX_VALUE : sum / cnt;
        }
        row.sort(Comparator.<Integer>comparingDouble(v -> key[v]).thenComparingInt(v -> v));
      }
      for (int k = 0; k < row.size(); k++) pos[row.get(k)] = k - (row.size() - 1) / 2.0;
    }
    return pos;
  }
}
