package org.mechcheck.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mechcheck.datatrade.CounterexampleFiles;
import org.mechcheck.export.Figure.Box;
import org.mechcheck.export.Figure.Frame;
import org.mechcheck.export.Figure.Label;
import org.mechcheck.export.Figure.Link;
import org.mechcheck.export.Figure.Node;
import org.mechcheck.export.Figure.Point;
import org.mechcheck.export.Figure.Shape;
import org.mechcheck.export.Figure.Tone;
import org.mechcheck.store.InputException;
import org.mechcheck.store.NetworkJson;

/**
 * A data-trading counterexample ({@code mechcheck-datatrade-counterexample/1}, 004's chain of
 * players 0..n) drawn as the chain once per mechanism compared, side by side: for a violated
 * trade event, the trade between players i-1 and i with each side's posted price, the buyer's
 * threshold and whether she buys (green) or not (dashed red), with both players' valuations at
 * that state; for the welfare remark, each side's social welfare. Each panel lists its
 * reallocation matrix. The replay line comes from {@link CounterexampleFiles#replay}, which
 * rebuilds the chain and re-derives the violation and the hypotheses.
 */
public final class ChainFigure {
  private static final double SIZE = 11, HEAD = 12, TITLE = 13, PAD = 12, GAP = 24, STEP = 170, R = 18;

  private ChainFigure() {}

  public static Figure of(Path file) {
    JsonNode o = NetworkJson.readTree(file);
    if (!CounterexampleFiles.FORMAT.equals(o.path("format").asText())) {
      throw new InputException(file + ": format: expected \"" + CounterexampleFiles.FORMAT + "\"");
    }
    CounterexampleFiles.Replay r = CounterexampleFiles.replay(file);
    JsonNode v = o.path("violation");
    int n = o.path("model").path("n").asInt();
    boolean welfare = v.path("kind").asText().equals("welfare");
    List<String> names = new ArrayList<>();
    List<JsonNode> sides = new ArrayList<>();
    if (welfare) {
      names.add("RAW");
      names.add("t");
    } else {
      for (JsonNode s : v.path("sides")) {
        names.add(s.path("mechanism").asText());
        sides.add(s);
      }
    }
    int trade = v.path("trade").asInt(-1);

    double panelW = Math.max(n * STEP + 2 * R + 2 * 60, 360);
    List<List<String>> heads = new ArrayList<>(), matrices = new ArrayList<>();
    for (int k = 0; k < names.size(); k++) {
      String name = names.get(k);
      List<String> h = new ArrayList<>();
      h.add(name.equals("RAW") ? "RAW (no reallocation)" : "reallocation " + name);
      if (welfare) h.add("social welfare " + v.path(name.equals("RAW") ? "swRaw" : "sw").asText());
      heads.add(h);
      matrices.add(matrix(o, name, n));
    }
    double headH = 2 * Figure.LINE * HEAD;
    double matH = 0;
    for (List<String> m : matrices) matH = Math.max(matH, m.size() * Figure.LINE * SIZE);
    for (List<String> m : matrices) panelW = Math.max(panelW, Label.width(m, SIZE) + 2 * PAD);
    for (List<String> h : heads) panelW = Math.max(panelW, Label.width(h, HEAD) + 2 * PAD);
    double chainY = PAD + headH + 16 + 3 * Figure.LINE * SIZE + 10 + R;
    double panelH = chainY + R + 8 + 2 * Figure.LINE * SIZE + 14 + matH + PAD;
    double width = names.size() * panelW + (names.size() - 1) * GAP + 2 * PAD;
    int chars = (int) ((width - 2 * PAD) / (Figure.CHAR * TITLE));
    List<String> title = Canvas.wrap("datatrade counterexample (" + o.path("claim").asText() + ", " + o.path("source").asText() + "), tie-break "
        + o.path("tieBreak").asText(), chars);
    int hc = (int) ((width - 2 * PAD) / (Figure.CHAR * HEAD));
    List<String> finding = Canvas.wrap("replayed: " + r.detail() + (r.reproduces() ? "" : " - NO LONGER REPRODUCES"), hc);
    List<String> chain = Canvas.wrap("chain: " + o.path("chain").asText(), hc);
    double top = PAD + title.size() * Figure.LINE * TITLE + (finding.size() + chain.size()) * Figure.LINE * HEAD + 10;
    int lc = (int) ((width - 2 * PAD) / (Figure.CHAR * SIZE));
    List<String> legend = new ArrayList<>(Canvas.wrap("circles: players 0..n of 004's chain; an arrow is a trade from seller i-1 to buyer i"
        + (welfare ? "" : " | green: the buyer buys | dashed red: she does not") + " | t[i] = shares of trade i's price paid to players 0..n", lc));
    legend.addAll(Canvas.wrap(o.path("note").asText(""), lc));
    legend.addAll(Canvas.wrap("found by: " + o.path("foundBy").asText(""), lc));
    double height = top + panelH + 10 + legend.size() * Figure.LINE * SIZE + PAD;

    Canvas c = new Canvas();
    c.labels.add(new Label(PAD, PAD, title, TITLE, Tone.INK, true, false));
    double y0 = PAD + title.size() * Figure.LINE * TITLE;
    c.labels.add(new Label(PAD, y0, finding, HEAD, r.reproduces() ? Tone.INK : Tone.DEVIATION, false, false));
    c.labels.add(new Label(PAD, y0 + finding.size() * Figure.LINE * HEAD, chain, HEAD, Tone.INK, false, false));
    c.labels.add(new Label(PAD, top + panelH + 10, legend, SIZE, Tone.MUTED, false, false));
    for (int k = 0; k < names.size(); k++) {
      double px = PAD + k * (panelW + GAP);
      Box frame = new Box(px, top, panelW, panelH);
      c.frames.add(new Frame(frame));
      c.labels.add(new Label(px + PAD, top + PAD, heads.get(k).subList(0, 1), HEAD, Tone.INK, true, false));
      c.labels.add(new Label(px + PAD, top + PAD + Figure.LINE * HEAD, heads.get(k).subList(1, heads.get(k).size()), HEAD, Tone.INK, false, false));
      double x0 = px + (panelW - n * STEP) / 2, y = top + chainY;
      JsonNode side = welfare ? null : sides.get(k);
      boolean buys = side != null && side.path("buys").asBoolean();
      for (int i = 1; i <= n; i++) {
        boolean hot = i == trade;
        Point a = new Point(x0 + (i - 1) * STEP + R + 2, y), b = new Point(x0 + i * STEP - R - 2, y);
        Tone tone = !hot ? Tone.LINK : buys ? Tone.WIN : Tone.DEVIATION;
        c.links.add(new Link("p" + k + ":" + (i - 1), "p" + k + ":" + i, List.of(a, b), tone, hot ? 3.5 : 1.5, hot && !buys, true,
            "trade " + i + ": player " + (i - 1) + " sells to player " + i));
      }
      for (int i = 0; i <= n; i++) {
        c.nodes.add(new Node("p" + k + ":" + i, Integer.toString(i), Shape.CIRCLE, x0 + i * STEP, y, R, i == 0 ? Tone.SELLER : Tone.BUYER, Tone.INK, 1.5,
            "player " + i));
        String id = Integer.toString(i);
        c.labels.add(new Label(x0 + i * STEP - Label.width(List.of(id), 13) / 2, y - Figure.LINE * 13 / 2, List.of(id), 13, Tone.INK, true, true));
      }
      Box inner = new Box(px + 2, top + PAD + headH + 4, panelW - 4, panelH - PAD - headH - 6);
      if (side != null && trade >= 1 && trade <= n) {
        double mid = x0 + (trade - 0.5) * STEP;
        List<String> above = List.of("trade " + trade, "price " + side.path("price").asText(), "threshold " + side.path("threshold").asText());
        double w = Label.width(above, SIZE), h = above.size() * Figure.LINE * SIZE;
        place(c, new Label(mid - w / 2, y - 8 - h, above, SIZE, Tone.INK, false, false), inner);
        List<String> verdict = List.of(buys ? "buys" : "does not buy");
        double vw = Label.width(verdict, SIZE);
        place(c, new Label(mid - vw / 2, y + 10, verdict, SIZE, buys ? Tone.WIN : Tone.DEVIATION, true, false), inner);
        List<String> seller = List.of("v_" + (trade - 1) + "=" + v.path("vPrev").asText()), buyer = List.of("v_" + trade + "=" + v.path("v").asText());
        double sx = x0 + (trade - 1) * STEP, bx = x0 + trade * STEP;
        place(c, new Label(sx - Label.width(seller, SIZE) / 2, y + R + 8, seller, SIZE, Tone.INK, false, false), inner);
        place(c, new Label(bx - Label.width(buyer, SIZE) / 2, y + R + 8, buyer, SIZE, Tone.INK, false, false), inner);
      }
      place(c, new Label(px + PAD, top + panelH - PAD - matH, matrices.get(k), SIZE, Tone.INK, false, false), inner);
    }
    return c.figure(String.join(" ", title), Math.ceil(width), Math.ceil(height));
  }

  /** Fixed spots: the layout leaves room for them, so a clash is a bug in this class, reported as such. */
  private static void place(Canvas c, Label l, Box bounds) {
    if (!c.place(List.of(l), bounds)) throw new IllegalStateException("chain figure: label '" + l.lines().get(0) + "' overlaps the drawing");
  }

  private static List<String> matrix(JsonNode o, String name, int n) {
    List<String> out = new ArrayList<>();
    if (name.equals("RAW")) {
      out.add("t = 0: every seller keeps her sale's price");
      return out;
    }
    JsonNode t = o.path(name);
    out.add(name + ":");
    for (int i = 0; i < t.size(); i++) {
      List<String> row = new ArrayList<>();
      for (JsonNode x : t.get(i)) row.add(x.asText());
      out.add("  " + name + "[" + (i + 1) + "] = (" + String.join(", ", row) + ")");
    }
    return out;
  }
}
