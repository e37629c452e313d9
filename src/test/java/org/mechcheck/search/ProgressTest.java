package org.mechcheck.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechcheck.mechanism.Mechanisms;
import org.mechcheck.network.Enumerator;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Property;

/**
 * Progress you can trust: the estimate of the time a size still needs weights the networks to come
 * by the fitted cost model (the dear ones come last, so counting networks would promise too little),
 * and a time limit stops the search within seconds of it.
 */
class ProgressTest {
  @Test
  void theEstimateWeightsTheNetworksToComeByTheirFittedCost() {
    // 100 networks whose cost grows along the enumeration, and times that follow t = 0.01 w^1.5
    double[] w = new double[100];
    for (int i = 0; i < w.length; i++) w[i] = 1 + i;
    Search.Estimate e = new Search.Estimate(w, 2);
    double spent = 0, rest = 0;
    for (int i = 0; i < 40; i++) {
      double t = 0.01 * Math.pow(w[i], 1.5);
      e.finished(i, t);
      spent += t;
    }
    for (int i = 40; i < w.length; i++) rest += 0.01 * Math.pow(w[i], 1.5);
    assertEquals(1.5, e.exponent(), 1e-9, "the exponent of the cost model, fitted to the finished networks");
    assertEquals(rest / 2, e.remaining(), 1e-6 * rest, "the remaining networks' time, on two threads");
    double byCount = spent / 40 * 60 / 2;
    assertTrue(e.remaining() > 4 * byCount, "far more than the count of networks says: " + e.remaining() + " vs " + byCount);
  }

  @Test
  void theEstimateTakesItsScaleFromTheLatestNetworks() {
    // a growth along the enumeration that the model misses: equal weights, times 0.01 (1 + i / 10)
    double[] w = new double[200];
    java.util.Arrays.fill(w, 1);
    Search.Estimate e = new Search.Estimate(w, 2);
    double spent = 0;
    for (int i = 0; i < 100; i++) {
      e.finished(i, 0.01 * (1 + i / 10.0));
      spent += 0.01 * (1 + i / 10.0);
    }
    double latest = 0; // the last 20 finished (a tenth of 100 is fewer)
    for (int i = 80; i < 100; i++) latest += 0.01 * (1 + i / 10.0);
    assertEquals(100 * latest / 20 / 2, e.remaining(), 1e-9, "the 100 to come at the rate of the latest 20, on two threads");
    assertTrue(e.remaining() > 1.5 * (100 * spent / 100 / 2), "more than the rate of every finished network says");
  }

  @Test
  void aNetworkThatRunsLongRaisesTheEstimate() {
    double[] w = new double[100];
    java.util.Arrays.fill(w, 1);
    Search.Estimate quiet = new Search.Estimate(w, 1), stuck = new Search.Estimate(w, 1);
    for (int i = 0; i < 10; i++) {
      quiet.finished(i, 1);
      stuck.finished(i, 1);
    }
    long now = 1_000_000_000_000L;
    stuck.started(10, now - 100_000_000_000L); // running for 100 s where the others took 1 s
    assertEquals(90, quiet.remaining(now), 1e-9);
    // scale (10 * 1 + 100) / 11 = 10 s a network: 89 to come, and the running one has had more than its share
    assertEquals(890, stuck.remaining(now), 1e-9);
  }

  @Test
  void theCostModelGrowsAlongTheEnumeration() {
    // fewer edges first: the last third of cs-general n = 5 carries most of the expected cost
    double[] w = Enumerator.costs(NetworkClass.CS_GENERAL, 5);
    double total = 0, last = 0;
    for (int i = 0; i < w.length; i++) {
      total += w[i];
      if (i >= 2 * w.length / 3) last += w[i];
    }
    assertTrue(last / total > 0.5, "last third: " + last / total);
  }

  @Test
  void aTimeLimitStopsTheSearchWithinSecondsOfIt() {
    double limit = 3;
    long start = System.nanoTime();
    Search.Result r = new Search(Mechanisms.byName("csm").orElseThrow(), Property.IC, Benchmark.VICKREY, NetworkClass.CS_GENERAL, BigFraction.of(100), 30_000, 2)
        .run(6, limit, Search.SILENT);
    double took = (System.nanoTime() - start) / 1e9;
    assertTrue(r.timedOut(), "csm IC on cs-general to 6 agents takes far longer than " + limit + " s");
    // the grace for a network that does not stop (Search.GRACE_NANOS), and the time to set up a size
    assertTrue(took < limit + Search.GRACE_NANOS / 1e9 + 5, "stopped " + (took - limit) + " s after the limit");
  }

  @Test
  void aTimeLimitStopsAProtocolDeviationSearchWithinSecondsOfItToo() {
    // 001's computation deviations: one network with 4 agents takes longer than the limit by itself
    double limit = 3;
    long start = System.nanoTime();
    org.mechcheck.sra.DeviationSearch.Result r = org.mechcheck.sra.DeviationSearch.run("computation", NetworkClass.SOCIAL, 4, BigFraction.of(100), 30_000, limit,
        x -> {});
    double took = (System.nanoTime() - start) / 1e9;
    assertTrue(r.timedOut(), "stopped by the limit");
    assertTrue(took < limit + 5, "stopped " + (took - limit) + " s after the limit");
    assertTrue(!Thread.currentThread().isInterrupted(), "the caller's thread is not left interrupted");
  }

  /**
   * A search of protocol deviations tells its listener what a search of bids tells: each size with
   * its count of networks, every network done, an estimate of the time left (finite, never
   * negative), and each size verified, in order.
   */
  @Test
  void aProtocolDeviationSearchReportsItsProgressAndEstimate() {
    java.util.List<String> levels = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.List<Double> estimates = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.List<Integer> verified = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicLong lastDone = new java.util.concurrent.atomic.AtomicLong();
    Search.Listener l = new Search.Listener() {
      @Override
      public void level(int agents, long networks) {
        levels.add(agents + ":" + networks);
      }

      @Override
      public void network(long done) {
        lastDone.accumulateAndGet(done, Math::max);
      }

      @Override
      public void remaining(double seconds) {
        estimates.add(seconds);
      }

      @Override
      public void verified(org.mechcheck.store.ProofRecord.Level level) {
        verified.add(level.agents());
      }
    };
    org.mechcheck.sra.DeviationSearch.Result r = org.mechcheck.sra.DeviationSearch.run("computation", NetworkClass.SOCIAL, 3, null, 60_000, 0, 2, false, l);
    assertEquals(3, r.bound());
    java.util.List<String> expected = new java.util.ArrayList<>();
    for (int n = 1; n <= 3; n++) expected.add(n + ":" + Enumerator.stream(NetworkClass.SOCIAL, n).count());
    assertEquals(expected, levels);
    assertEquals(Enumerator.stream(NetworkClass.SOCIAL, 3).count(), lastDone.get(), "every network of the last size done");
    assertEquals(java.util.List.of(1, 2, 3), verified);
    assertTrue(!estimates.isEmpty(), "an estimate");
    assertTrue(estimates.stream().allMatch(x -> x >= 0 && Double.isFinite(x)), estimates.toString());
  }
}
