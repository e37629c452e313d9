package org.mechcheck.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import org.mechcheck.network.Agent;
import org.mechcheck.network.Market;
import org.mechcheck.num.Rationals;
import org.mechcheck.property.Deviation;

/**
 * An SVG picture of a counterexample's network, drawn by plain string building (deterministic,
 * no external program). The seller is on top; agents are layered by breadth-first depth from the
 * seller (agents no path reaches form a last row); within a row they are ordered by the mean
 * position of their neighbours in the row above, then by file order (links within a row that
 * would pass through other nodes are drawn as arcs). Buyers are circles with
 * their value, intermediaries squares with their cost (000's Figure 1 convention). The deviating
 * agent has a red outline; links she withholds are dashed red; a misreported bid is written in
 * red under her. The title names the mechanism, property, claim and numbers.
 */
public final class NetworkSvg {
  private static final int R = 20;          // circle radius, half the square side
  private static final int DX = 90;         // horizontal spacing
  private static final int DY = 100;        // vertical spacing
  private static final int MARGIN = 40;
  private static final int TITLE = 62;      // height of the title block
  private static final int LEGEND = 34;     // height of the legend line
  private static final String RED = "#d62728";
  /** A white outline under label text, so that edges passing behind a label do not hide it. */
  private static final String HALO = " stroke=\"white\" stroke-width=\"4\" stroke-linejoin=\"round\" paint-order=\"stroke\"";

  private NetworkSvg() {}

  public static String render(Counterexample c) {
    Market m = c.market();
    int n = m.size();
    int[] depth = depths(m);
    int maxDepth = Arrays.stream(depth).max().orElse(0);

    // rows, ordered by the barycentre of their neighbours in the row above
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
    int widest = rows.stream().mapToInt(List::size).max().orElse(1);
    String[] title = titleLines(c);
    int dev = c.agent();
    Deviation d = c.deviation();
    BitSet withheld = c.withheld();
    String legend = "circle: buyer (value v)  \u00b7  square: intermediary (cost c)  \u00b7  diamond: seller"
        + (dev >= 0 ? "  \u00b7  red outline: " + m.id(dev) : "")
        + (!withheld.isEmpty() ? "  \u00b7  dashed red: links " + m.id(dev) + " withholds" : "");
    // rough text widths: 8 px a character in the bold 13 px title, 7.2 in plain 13 px, 5.6 at 11 px
    int textWidth = (int) Math.ceil(Math.max(Math.max(title[0].length() * 8.0, title[1].length() * 7.2), legend.length() * 5.6)) + 2 * 12;
    int width = Math.max(Math.max((widest - 1) * DX + 2 * MARGIN + 2 * R, textWidth), 420);
    int height = TITLE + MARGIN + maxDepth * DY + 2 * R + 28 + LEGEND;
    int[] x = new int[n], y = new int[n];
    for (int v = 0; v < n; v++) {
      x[v] = (int) Math.round(width / 2.0 + pos[v] * DX);
      y[v] = TITLE + MARGIN + depth[v] * DY;
    }


    StringBuilder s = new StringBuilder();
    s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\">\n");
    s.append("  <title>").append(esc(String.join(" / ", title))).append("</title>\n");
    s.append("  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    for (int k = 0; k < title.length; k++) {
      s.append("  <text x=\"12\" y=\"").append(22 + 20 * k).append('"').append(k == 0 ? " font-weight=\"bold\"" : "")
          .append('>').append(esc(title[k])).append("</text>\n");
    }

    s.append("  <g id=\"edges\" stroke=\"#555\" stroke-width=\"1.5\">\n");
    for (int[] e : m.edges()) {
      int u = e[0], v = e[1];
      boolean cut = (u == dev && withheld.get(v)) || (v == dev && withheld.get(u));
      boolean arc = depth[u] == depth[v] && Math.abs(x[u] - x[v]) > DX * 3 / 2; // would cross the nodes between them
      String tag = arc ? "path" : "line";
      if (arc) {
        int mx = (x[u] + x[v]) / 2, my = y[u] - Math.abs(x[u] - x[v]) * 2 / 5;
        s.append("    <path d=\"M ").append(x[u]).append(' ').append(y[u]).append(" Q ").append(mx).append(' ').append(my).append(' ')
            .append(x[v]).append(' ').append(y[v]).append("\" fill=\"none\"");
      } else {
        s.append("    <line x1=\"").append(x[u]).append("\" y1=\"").append(y[u]).append("\" x2=\"").append(x[v]).append("\" y2=\"").append(y[v]).append('"');
      }
      if (cut) s.append(" stroke=\"").append(RED).append("\" stroke-width=\"2.5\" stroke-dasharray=\"7,5\"");
      s.append("><title>").append(esc(m.id(u) + " - " + m.id(v) + (cut ? " (withheld by " + m.id(dev) + ")" : ""))).append("</title></").append(tag).append(">\n");
    }
    s.append("  </g>\n");

    s.append("  <g id=\"nodes\">\n");
    for (int v = 0; v < n; v++) {
      boolean hot = v == dev;
      String stroke = hot ? RED : "#222";
      String sw = hot ? "3.5" : "1.5";
      s.append("    <g id=\"node-").append(esc(m.id(v))).append("\">\n");
      if (v == 0) {
        s.append("      <polygon points=\"").append(x[v]).append(',').append(y[v] - R - 4).append(' ').append(x[v] + R + 4).append(',').append(y[v])
            .append(' ').append(x[v]).append(',').append(y[v] + R + 4).append(' ').append(x[v] - R - 4).append(',').append(y[v])
            .append("\" fill=\"#e8e8e8\" stroke=\"#222\" stroke-width=\"1.5\"/>\n");
      } else if (m.isBidder(v)) {
        s.append("      <circle cx=\"").append(x[v]).append("\" cy=\"").append(y[v]).append("\" r=\"").append(R)
            .append("\" fill=\"").append(hot ? "#fde0e0" : "#dbe9f6").append("\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(sw).append("\"/>\n");
      } else {
        s.append("      <rect x=\"").append(x[v] - R).append("\" y=\"").append(y[v] - R).append("\" width=\"").append(2 * R).append("\" height=\"").append(2 * R)
            .append("\" fill=\"").append(hot ? "#fde0e0" : "#fff2cc").append("\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(sw).append("\"/>\n");
      }
      s.append("      <text x=\"").append(x[v]).append("\" y=\"").append(y[v] + 5).append("\" text-anchor=\"middle\" font-weight=\"bold\">")
          .append(esc(m.id(v))).append("</text>\n");
      if (v > 0) {
        s.append("      <text x=\"").append(x[v]).append("\" y=\"").append(y[v] + R + 17).append("\" text-anchor=\"middle\"").append(HALO).append(" fill=\"#333\">")
            .append(esc(label(m.agent(v)))).append("</text>\n");
      }
      if (hot && d != null && d.bid() != null) {
        s.append("      <text x=\"").append(x[v]).append("\" y=\"").append(y[v] + R + 32).append("\" text-anchor=\"middle\"").append(HALO).append(" fill=\"").append(RED).append("\">")
            .append(esc("bids " + Rationals.format(d.bid()))).append("</text>\n");
      }
      s.append("    </g>\n");
    }
    s.append("  </g>\n");

    s.append("  <text x=\"12\" y=\"").append(height - 12).append("\" font-size=\"11\" fill=\"#555\" xml:space=\"preserve\">").append(esc(legend)).append("</text>\n");
    s.append("</svg>\n");
    return s.toString();
  }

  private static String label(Agent a) {
    return a.isBidder() ? "v=" + Rationals.format(a.value()) : "c=" + Rationals.format(a.cost());
  }

  /** Two lines: mechanism, property, claim and network; then the numbers. */
  static String[] titleLines(Counterexample c) {
    Market m = c.market();
    String first = c.mechanism() + " " + c.property().name() + " counterexample (" + c.claim() + ") on " + m.name();
    String t = Rationals.format(c.truthful()), dv = Rationals.format(c.deviating());
    String second = c.property().agentLevel()
        ? c.agentId() + ": truthful utility " + t + (c.deviation() == null ? "" : ", deviating utility " + dv + deviationText(c))
        : c.detail() != null && !c.detail().isEmpty() ? c.detail()
        : c.property().numbers(new org.mechcheck.property.Property.Replayed(true, c.truthful(), c.deviating(), c.property().name() + " fails"),
            c.benchmark() == null ? org.mechcheck.property.Benchmark.VICKREY : c.benchmark());
    return new String[] {first, second};
  }

  private static String deviationText(Counterexample c) {
    Deviation d = c.deviation();
    if (d == null) return "";
    return " (" + ViolationJson.describe(c.market(), d) + ")";
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
        default -> {
          if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') b.append('?');
          else b.append(ch);
        }
      }
    }
    return b.toString();
  }
}
