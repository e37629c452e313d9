package org.mechcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mechcheck.field.compare.Comparison;
import org.mechcheck.network.Market;
import org.mechcheck.num.Rationals;

/** {@code mechcheck experiment compare} (the field/compare plugin's command): seeded, small; its numbers recomputed here from the networks, not read back from the code. */
class ExperimentCompareTest {
  @TempDir Path dir;

  static final String[] SMALL = {"--networks", "4", "--agents", "3,5", "--seed", "7"};

  private CliTest.Result run(Path out, String mechanisms, String... more) {
    List<String> args = new ArrayList<>(List.of("experiment", "compare", "--mechanisms", mechanisms, "--out", out.toString()));
    args.addAll(List.of(more));
    return CliTest.run(args.toArray(new String[0]));
  }

  @Test
  void writesTheChartsAndTheExactNumbers() throws IOException {
    Path out = dir.resolve("cmp");
    CliTest.Result r = run(out, "idm,nsp,vcg", SMALL);
    assertEquals(0, r.status(), r.toString());
    for (String f : List.of("compare-runs.csv", "compare-means.csv", "compare.md", "revenue.png", "revenue.svg", "welfare.png", "welfare.svg", "efficiency.png", "efficiency.svg")) {
      assertTrue(Files.size(out.resolve(f)) > 0, f);
    }
    assertTrue(Files.readString(out.resolve("efficiency.svg")).contains("<svg"));
    List<String> rows = Files.readAllLines(out.resolve("compare-runs.csv"));
    assertEquals(1 + 2 * 4 * 3, rows.size(), "a header, then 2 sizes x 4 networks x 3 mechanisms");

    List<Comparison.Network> nets = Comparison.networks(new Comparison.Setup(List.of(3, 5), 4, 7, 0.1, 100));
    for (String row : rows.subList(1, rows.size())) {
      String[] c = row.split(",");
      int agents = Integer.parseInt(c[0]), index = Integer.parseInt(c[1]);
      Market m = nets.stream().filter(n -> n.market().agentCount() == agents && n.index() == index).findFirst().orElseThrow().market();
      BigFraction revenue = Rationals.parse(c[3]), welfare = Rationals.parse(c[4]), optimal = Rationals.parse(c[5]), efficiency = Rationals.parse(c[6]);
      // single unit, every agent informed (the network is connected): W* is the largest value
      assertEquals(largest(values(m)), optimal, row);
      assertEquals(welfare.divide(optimal), efficiency, row);
      assertTrue(efficiency.compareTo(BigFraction.ONE) <= 0 && efficiency.signum() > 0, row);
      if (c[2].equals("nsp")) {
        // a second-price auction among the seller's neighbours, computed here from the network
        List<BigFraction> nb = new ArrayList<>();
        for (int v : m.neighbours(0)) nb.add(m.agent(v).value());
        nb.sort(null);
        assertEquals(nb.get(nb.size() - 1), welfare, row);
        assertEquals(nb.size() > 1 ? nb.get(nb.size() - 2) : BigFraction.ZERO, revenue, row);
      }
      if (c[2].equals("vcg")) assertEquals(BigFraction.ONE, efficiency, "VCG allocates efficiently: " + row);
    }
    // the means are the means of the rows
    List<String> means = Files.readAllLines(out.resolve("compare-means.csv"));
    assertEquals(1 + 2 * 3, means.size());
    for (String mean : means.subList(1, means.size())) {
      String[] c = mean.split(",");
      BigFraction sum = BigFraction.ZERO;
      for (String row : rows.subList(1, rows.size())) {
        String[] x = row.split(",");
        if (x[0].equals(c[0]) && x[2].equals(c[1])) sum = sum.add(Rationals.parse(x[3]));
      }
      assertEquals(sum.divide(4), Rationals.parse(c[3]), mean);
    }
  }

  /** The networks: connected, n agents, values in [1, 100]; the same seed gives the same ones whatever else is asked. */
  @Test
  void theNetworksAreSeededConnectedAndIndependentOfTheRest() {
    List<Comparison.Network> both = Comparison.networks(new Comparison.Setup(List.of(3, 5), 6, 7, 0.3, 100));
    for (Comparison.Network n : both) {
      assertTrue(new ConnectivityInspector<>(n.market().graph()).isConnected(), n.market().name());
      for (BigFraction v : values(n.market())) assertTrue(v.compareTo(BigFraction.ONE) >= 0 && v.compareTo(BigFraction.of(100)) <= 0);
    }
    List<Comparison.Network> fiveOnly = Comparison.networks(new Comparison.Setup(List.of(5), 4, 7, 0.3, 100));
    for (int i = 0; i < 4; i++) {
      assertEquals(both.get(6 + i).market().edges().stream().map(e -> e[0] + "-" + e[1]).toList(), fiveOnly.get(i).market().edges().stream().map(e -> e[0] + "-" + e[1]).toList());
      assertEquals(values(both.get(6 + i).market()), values(fiveOnly.get(i).market()));
    }
    List<Comparison.Network> otherSeed = Comparison.networks(new Comparison.Setup(List.of(5), 4, 8, 0.3, 100));
    assertNotEquals(values(fiveOnly.get(0).market()).toString() + fiveOnly.get(1).market().edges().size(),
        values(otherSeed.get(0).market()).toString() + otherSeed.get(1).market().edges().size());

    org.mechcheck.mechanism.Mechanism idm = org.mechcheck.mechanism.Mechanisms.byName("idm").orElseThrow(), nsp = org.mechcheck.mechanism.Mechanisms.byName("nsp").orElseThrow();
    List<Comparison.Run> ab = Comparison.run(List.of(idm, nsp), both), ba = Comparison.run(List.of(nsp, idm), both);
    assertEquals(ab.stream().filter(x -> x.mechanism().equals("nsp")).toList(), ba.stream().filter(x -> x.mechanism().equals("nsp")).toList(),
        "the mechanisms asked do not change the networks or the numbers");
  }

  @Test
  void badInputIsOneLineAndStatusTwo() {
    for (String[] args : List.of(
        new String[] {"--mechanisms", "idm,nope"},
        new String[] {"--mechanisms", "idm,idm"},
        new String[] {"--mechanisms", "idm", "--networks", "0"},
        new String[] {"--mechanisms", "idm", "--agents", "0"},
        new String[] {"--mechanisms", "idm", "--agents", "3,3"},
        new String[] {"--mechanisms", "idm", "--edge-probability", "1.5"},
        new String[] {"--mechanisms", "idm", "--max-value", "0"},
        new String[] {"--mechanisms", "idm-tc"})) {
      List<String> full = new ArrayList<>(List.of("experiment", "compare", "--out", dir.resolve("bad").toString()));
      full.addAll(List.of(args));
      CliTest.Result r = CliTest.run(full.toArray(new String[0]));
      assertEquals(2, r.status(), r.toString());
      assertEquals(1, r.errLines().size(), r.toString());
      assertFalse(r.err().contains("\tat "), r.toString());
    }
    assertFalse(Files.exists(dir.resolve("bad")), "nothing written on bad input");
  }

  private static List<BigFraction> values(Market m) {
    List<BigFraction> out = new ArrayList<>();
    for (int v = 1; v < m.size(); v++) out.add(m.agent(v).value());
    return out;
  }

  private static BigFraction largest(List<BigFraction> xs) {
    BigFraction best = xs.get(0);
    for (BigFraction x : xs) if (x.compareTo(best) > 0) best = x;
    return best;
  }
}
