package org.mechcheck.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechcheck.num.Exact;

/**
 * The report graph's dominators against their definition, computed here independently: d
 * dominates v when v is informed and cannot be reached from the seller once d takes no part
 * (a search of the graph without d, for every d), and the critical sequence of m is every agent
 * dominating m, largest dominated set first. On every network of every class up to 5 agents,
 * truthful and with random informing sets; then a report graph of 300,000 agents, whose
 * dominators the definition's n searches of n nodes (and n sets of n bits) could not give.
 */
class ReportGraphTest {
  @Test
  void dominatorsMatchTheirDefinitionOnEveryNetworkUpToFiveAgents() {
    Random random = new Random(14);
    int profiles = 0;
    for (NetworkClass c : NetworkClass.values()) {
      for (int agents = 1; agents <= 5; agents++) {
        for (Market m : Enumerator.networks(c, agents)) {
          Profile<BigFraction> truthful = Profile.truthful(m, Exact.INSTANCE);
          List<Profile<BigFraction>> ps = new ArrayList<>(List.of(truthful));
          for (int k = 0; k < 3; k++) {
            Profile<BigFraction> p = truthful;
            for (int v = 1; v < m.size(); v++) {
              BitSet to = new BitSet();
              for (int w : m.truthfulTargets(v)) if (random.nextInt(3) > 0) to.set(w);
              p = p.withInforms(v, to);
            }
            ps.add(p);
          }
          for (Profile<BigFraction> p : ps) {
            assertSameAsDefinition(p);
            profiles++;
          }
        }
      }
    }
    assertTrue(profiles > 10_000, profiles + " profiles");
  }

  private static void assertSameAsDefinition(Profile<BigFraction> p) {
    int n = p.market().size();
    ReportGraph g = p.graph();
    BitSet reached = search(p, -1);
    for (int d = 1; d < n; d++) {
      BitSet expected = new BitSet();
      if (reached.get(d)) {
        expected = (BitSet) reached.clone();
        expected.andNot(search(p, d));
      }
      assertEquals(expected, g.dominated(d), p.market().name() + ": d_" + p.market().id(d));
    }
    for (int m = 1; m < n; m++) {
      if (!reached.get(m)) continue;
      List<Integer> expected = new ArrayList<>();
      for (int d = 1; d < n; d++) {
        BitSet without = search(p, d);
        if (reached.get(d) && !without.get(m)) expected.add(d);
      }
      expected.sort((x, y) -> Integer.compare(size(p, y), size(p, x)));
      assertEquals(expected, g.criticalSequence(m), p.market().name() + ": critical sequence of " + p.market().id(m));
    }
  }

  private static int size(Profile<BigFraction> p, int d) {
    BitSet dom = search(p, -1);
    dom.andNot(search(p, d));
    return dom.cardinality();
  }

  /** The nodes reached from the seller along informing arcs, node {@code removed} taking no part (-1: none). */
  private static BitSet search(Profile<?> p, int removed) {
    BitSet seen = new BitSet();
    Deque<Integer> queue = new ArrayDeque<>(List.of(0));
    seen.set(0);
    while (!queue.isEmpty()) {
      int u = queue.poll();
      BitSet to = p.informs(u);
      for (int v = to.nextSetBit(0); v >= 0; v = to.nextSetBit(v + 1)) {
        if (v != removed && !seen.get(v)) {
          seen.set(v);
          queue.add(v);
        }
      }
    }
    return seen;
  }

  /**
   * A path of 300,000 agents (every agent critical for all beyond her) and a star of as many:
   * the critical sequence and one dominated set each, within the test's heap. The sets of n bits
   * per node that the dominators were kept in would need 300,000^2 / 8 bytes, about 11 GB.
   */
  @Test
  void aReportGraphOf300000AgentsGrowsWithItsEdges() {
    int n = 300_000;
    List<Agent> agents = new ArrayList<>();
    for (int k = 1; k <= n; k++) agents.add(Agent.bidder("a" + k, BigFraction.of(k % 100), true));
    List<int[]> path = new ArrayList<>(), star = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      path.add(new int[] {k - 1, k});
      star.add(new int[] {0, k});
    }
    ReportGraph line = Profile.truthful(new Market("path", "", "s", agents, path, 1), Exact.INSTANCE).graph();
    List<Integer> seq = line.criticalSequence(n);
    assertEquals(n, seq.size());
    assertEquals(1, seq.get(0));
    assertEquals(n, (int) seq.get(n - 1));
    assertEquals(n / 2 + 1, line.dominated(n / 2).cardinality());
    ReportGraph hub = Profile.truthful(new Market("star", "", "s", agents, star, 1), Exact.INSTANCE).graph();
    assertEquals(List.of(n), hub.criticalSequence(n));
    assertEquals(1, hub.dominated(7).cardinality());
  }
}
