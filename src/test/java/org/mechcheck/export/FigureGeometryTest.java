package org.mechcheck.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mechcheck.export.Figure.Label;
import org.mechcheck.export.Figure.Link;
import org.mechcheck.export.Figure.Node;
import org.mechcheck.export.Figure.Point;
import org.mechcheck.network.Enumerator;
import org.mechcheck.network.Market;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.property.Deviation;
import org.mechcheck.property.Property;
import org.mechcheck.store.Counterexample;

/**
 * Labels never overlap links, nodes or each other, checked geometrically on the drawn figure: a
 * label's box against every stroke (sampled every half pixel, with the stroke's half width),
 * every other node's box and every other label's box. On every committed counterexample, and on
 * every small network of four classes with a deviation drawn in (the layout must cope with any
 * shape, whether or not the deviation gains). The committed SVGs must be what the drawing gives now.
 */
class FigureGeometryTest {

  static List<Path> committed() throws IOException {
    List<Path> out = new ArrayList<>();
    for (String dir : List.of("counterexamples", "counterexamples/sra", "counterexamples/datatrade")) {
      try (Stream<Path> s = Files.list(Path.of(dir))) {
        out.addAll(s.filter(p -> p.toString().endsWith(".json")).sorted().toList());
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> committedPicturesKeepLabelsClearAndAreCurrent() throws IOException {
    return committed().stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> {
      Figure f = Exports.figure(p);
      assertClear(f);
      Path svg = p.resolveSibling(p.getFileName().toString().replace(".json", ".svg"));
      assertTrue(Files.exists(svg), svg + " is committed");
      assertEquals(Svg.of(f), Files.readString(svg), svg + " is current (./mechcheck export --beside " + p.getParent() + ")");
    }));
  }

  @Test
  void everySmallNetworkWithADeviationIsDrawnClear() {
    int drawn = 0;
    for (NetworkClass nc : List.of(NetworkClass.parse("cs-tree").orElseThrow(), NetworkClass.parse("cs-general").orElseThrow(),
        NetworkClass.parse("social-tree").orElseThrow(), NetworkClass.parse("social").orElseThrow())) {
      String mech = nc.id().startsWith("cs") ? "csm" : "idm";
      for (int n = 1; n <= 5; n++) {
        for (Market m : Enumerator.networks(nc, n)) {
          int agent = m.size() - 1; // the deepest-numbered agent withholds every link and, as a buyer, bids 1/2
          Deviation d = new Deviation(m.isBidder(agent) ? BigFraction.of(1, 2) : null, new BitSet());
          Counterexample c = new Counterexample(mech, Property.IC, mech + "/ic/test", m, agent, d, BigFraction.ZERO, BigFraction.ONE, null, "test", false,
              List.of(), null);
          assertClear(NetworkFigure.of(Explain.of(c)));
          drawn++;
        }
      }
    }
    assertTrue(drawn > 500, drawn + " networks drawn");
  }

  static void assertClear(Figure f) {
    List<Label> labels = f.labels();
    for (int i = 0; i < labels.size(); i++) {
      Label l = labels.get(i);
      Rect r = Rect.of(l);
      if (r.x0 < 0 || r.y0 < 0 || r.x1 > f.width() || r.y1 > f.height()) fail(f.title() + ": label " + l.lines() + " outside the figure");
      for (int j = i + 1; j < labels.size(); j++) {
        if (r.overlaps(Rect.of(labels.get(j)))) fail(f.title() + ": labels " + l.lines() + " and " + labels.get(j).lines() + " overlap");
      }
      Node own = null;
      for (Node v : f.nodes()) {
        Rect nb = Rect.of(v);
        if (l.centred() && l.lines().size() == 1 && l.lines().get(0).equals(v.text()) && nb.contains(r)) {
          own = v; // a node's name, inside its node
          continue;
        }
        if (r.overlaps(nb)) fail(f.title() + ": label " + l.lines() + " overlaps node " + v.key());
      }
      for (Link k : f.links()) {
        double half = k.width() / 2;
        for (Point[] s : k.segments()) {
          double len = Math.hypot(s[1].x() - s[0].x(), s[1].y() - s[0].y());
          int steps = (int) Math.ceil(len * 2) + 1;
          for (int t = 0; t <= steps; t++) {
            double x = s[0].x() + (s[1].x() - s[0].x()) * t / steps, y = s[0].y() + (s[1].y() - s[0].y()) * t / steps;
            if (r.near(x, y, half)) fail(f.title() + ": label " + l.lines() + " overlaps link " + k.tooltip() + (own != null ? " (inside node " + own.key() + ")" : ""));
          }
        }
      }
    }
  }

  /** A closed rectangle, computed here from the label's lines and font size (not from the layout's own boxes). */
  record Rect(double x0, double y0, double x1, double y1) {
    static Rect of(Label l) {
      int longest = l.lines().stream().mapToInt(s -> s.codePointCount(0, s.length())).max().orElse(0);
      return new Rect(l.x(), l.y(), l.x() + longest * Figure.CHAR * l.size(), l.y() + l.lines().size() * Figure.LINE * l.size());
    }

    static Rect of(Node v) {
      double e = v.shape() == Figure.Shape.DIAMOND ? v.r() * Figure.DIAMOND : v.r();
      e += v.strokeWidth() / 2;
      return new Rect(v.x() - e, v.y() - e, v.x() + e, v.y() + e);
    }

    boolean overlaps(Rect o) {
      return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
    }

    boolean contains(Rect o) {
      return o.x0 >= x0 && o.y0 >= y0 && o.x1 <= x1 && o.y1 <= y1;
    }

    /** Whether the point, thickened to a square of half side {@code h}, touches the rectangle. */
    boolean near(double x, double y, double h) {
      return x + h > x0 && x - h < x1 && y + h > y0 && y - h < y1;
    }
  }
}
