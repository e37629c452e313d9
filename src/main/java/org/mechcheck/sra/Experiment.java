package org.mechcheck.sra;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.mechanism.Idm;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.mechanism.SraCentral;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Exact;
import org.mechcheck.store.InputException;

/**
 * 001 §5.2: buyers' values drawn by depth d (shortest path from the seller) from
 * U[0.1 + 0.1d, 0.6 + 0.1d]; for each sampled instance the exact outcome of sra-central (its
 * exact expectation over spanning trees, where the paper averaged 10^3 random runs) and of IDM;
 * per buyer, the average over the instances of her winning probability and of her utility.
 *
 * <p>Values are exact rationals on a grid: k is drawn uniformly from {0, ..., GRID} with a
 * seeded {@link SplittableRandom}, and the value is lo + k (hi - lo) / GRID. Every average is an
 * exact rational (printed also as a decimal).
 */
public final class Experiment {
  /** Grid points per value interval (step 1/2,000,000 on an interval of length 1/2). */
  public static final int GRID = 1_000_000;

  /** One buyer's row: exact averages over the instances. */
  public record Row(String id, int depth, BigFraction sraWin, BigFraction idmWin, BigFraction sraUtility, BigFraction idmUtility) {}

  public record Result(Market network, int samples, long seed, List<Row> rows, BigFraction sraRevenue, BigFraction idmRevenue, double seconds) {}

  private Experiment() {}

  /** Depths by breadth-first search from the seller; refuses buyers the seller cannot reach, or deeper than 4 (the source's range). */
  public static int[] depths(Market m) {
    int[] depth = new int[m.size()];
    Arrays.fill(depth, -1);
    depth[0] = 0;
    ArrayDeque<Integer> q = new ArrayDeque<>(List.of(0));
    while (!q.isEmpty()) {
      int u = q.poll();
      for (int w : m.neighbours(u)) if (depth[w] < 0) { depth[w] = depth[u] + 1; q.add(w); }
    }
    for (int v = 1; v < m.size(); v++) {
      if (depth[v] < 0) throw new InputException(m.name() + ": buyer " + m.id(v) + " is not connected to the seller; the experiment draws values by depth");
    }
    return depth;
  }

  /** The interval's lower end 0.1 + 0.1 d; its upper end is 0.5 higher. */
  public static BigFraction low(int depth) {
    return BigFraction.of(1 + depth, 10);
  }

  public static BigFraction[] sample(Market m, int[] depth, SplittableRandom rnd) {
    BigFraction[] values = new BigFraction[m.size()];
    for (int v = 1; v < m.size(); v++) {
      int k = rnd.nextInt(GRID + 1);
      values[v] = low(depth[v]).add(BigFraction.of(k, 2 * GRID));
    }
    return values;
  }

  public static Result run(Market network, int samples, long seed) {
    if (samples < 1) throw new InputException("--samples must be at least 1 (got " + samples + ")");
    Exact a = Exact.INSTANCE;
    Mechanism sra = new SraCentral(), idm = new Idm();
    for (Mechanism mech : List.of(sra, idm)) {
      mech.refusal(network).ifPresent(why -> {
        throw new InputException(network.name() + ": " + why);
      });
    }
    int[] depth = depths(network);
    long start = System.nanoTime();
    int n = network.size();
    BigFraction[][] sum = new BigFraction[4][n];
    for (BigFraction[] row : sum) Arrays.fill(row, BigFraction.ZERO);
    BigFraction sraRev = BigFraction.ZERO, idmRev = BigFraction.ZERO;
    SplittableRandom rnd = new SplittableRandom(seed);
    BigFraction[] noCosts = new BigFraction[n];
    for (int s = 0; s < samples; s++) {
      Market inst = network.withTypes(network.name(), sample(network, depth, rnd), noCosts);
      Profile<BigFraction> p = Profile.truthful(inst, a);
      Outcome<BigFraction> os = sra.run(p, a), oi = idm.run(p, a);
      for (int v = 1; v < n; v++) {
        BigFraction value = inst.agent(v).value();
        sum[0][v] = sum[0][v].add(os.allocation(v));
        sum[1][v] = sum[1][v].add(oi.allocation(v));
        sum[2][v] = sum[2][v].add(os.utility(v, value, BigFraction.ZERO, a));
        sum[3][v] = sum[3][v].add(oi.utility(v, value, BigFraction.ZERO, a));
      }
      sraRev = sraRev.add(os.revenue(a));
      idmRev = idmRev.add(oi.revenue(a));
    }
    List<Row> rows = new ArrayList<>();
    for (int v = 1; v < n; v++) {
      rows.add(new Row(network.id(v), depth[v], sum[0][v].divide(samples), sum[1][v].divide(samples), sum[2][v].divide(samples), sum[3][v].divide(samples)));
    }
    return new Result(network, samples, seed, rows, sraRev.divide(samples), idmRev.divide(samples), (System.nanoTime() - start) / 1e9);
  }
}
