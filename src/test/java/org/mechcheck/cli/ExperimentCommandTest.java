package org.mechcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mechcheck.network.Market;
import org.mechcheck.num.Rationals;
import org.mechcheck.sra.Experiment;
import org.mechcheck.store.NetworkJson;

/** {@code mechcheck experiment sra} (001 §5.2): its files, its numbers' properties, bad input. */
class ExperimentCommandTest {
  @TempDir Path dir;

  static final Path NETWORK = Path.of("networks/sra-experiment.json");

  @Test
  void writesTheTableAndTheChartsAndEveryWinningProbabilityColumnSumsToOne() throws IOException {
    Path out = dir.resolve("exp");
    CliTest.Result r = CliTest.run("experiment", "sra", "--samples", "40", "--seed", "3", "--network", NETWORK.toString(), "--out", out.toString());
    assertEquals(0, r.status(), r.toString());
    for (String f : List.of("sra-experiment.csv", "sra-experiment.md", "winning-probability.png", "winning-probability.svg", "expected-utility.png", "expected-utility.svg")) {
      assertTrue(Files.size(out.resolve(f)) > 0, f);
    }
    assertTrue(Files.readString(out.resolve("winning-probability.svg")).contains("<svg"));
    List<String> rows = Files.readAllLines(out.resolve("sra-experiment.csv"));
    assertEquals(10, rows.size(), "a header and nine buyers");
    BigFraction sra = BigFraction.ZERO, idm = BigFraction.ZERO;
    for (String row : rows.subList(1, rows.size())) {
      String[] c = row.split(",");
      sra = sra.add(Rationals.parse(c[6]));
      idm = idm.add(Rationals.parse(c[7]));
    }
    // somebody always wins: in every instance the probabilities add up to 1, so do their averages
    assertEquals(BigFraction.ONE, sra);
    assertEquals(BigFraction.ONE, idm);
  }

  /** The sampled values lie on the grid inside the depth's interval [0.1 + 0.1d, 0.6 + 0.1d]. */
  @Test
  void valuesAreExactGridPointsOfTheirDepthsInterval() {
    Market m = NetworkJson.read(NETWORK, true).market();
    int[] depth = Experiment.depths(m);
    assertEquals(List.of(1, 1, 2, 2, 3, 3, 4, 4, 4), java.util.Arrays.stream(depth).skip(1).boxed().toList(), "the source's depths: a b; d c; f e; h g i");
    SplittableRandom rnd = new SplittableRandom(9);
    for (int k = 0; k < 200; k++) {
      BigFraction[] v = Experiment.sample(m, depth, rnd);
      for (int a = 1; a < m.size(); a++) {
        BigFraction lo = BigFraction.of(1 + depth[a], 10), hi = lo.add(BigFraction.of(1, 2));
        assertTrue(v[a].compareTo(lo) >= 0 && v[a].compareTo(hi) <= 0, v[a] + " outside [" + lo + ", " + hi + "]");
        BigFraction steps = v[a].subtract(lo).multiply(2 * Experiment.GRID);
        assertEquals(BigFraction.ONE.getDenominator(), steps.getDenominator(), "on the grid");
      }
    }
  }

  @Test
  void badInputIsOneLineAndStatusTwo() throws IOException {
    Path bad = dir.resolve("cost.json");
    Files.writeString(bad, "{\"format\":\"mechcheck-network/1\",\"seller\":\"s\",\"agents\":[{\"id\":\"A\",\"cost\":1}],\"edges\":[[\"s\",\"A\"]]}");
    for (String[] args : List.of(
        new String[] {"experiment", "sra", "--samples", "0", "--network", NETWORK.toString(), "--out", dir.toString()},
        new String[] {"experiment", "sra", "--samples", "5", "--network", bad.toString(), "--out", dir.toString()},
        new String[] {"experiment", "sra", "--network", dir.resolve("missing.json").toString(), "--out", dir.toString()})) {
      CliTest.Result r = CliTest.run(args);
      assertEquals(2, r.status(), r.toString());
      assertEquals(1, r.errLines().size(), r.toString());
      assertFalse(r.err().contains("\tat "), r.toString());
    }
  }
}
