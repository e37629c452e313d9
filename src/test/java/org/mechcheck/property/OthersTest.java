package org.mechcheck.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mechcheck.network.Enumerator;
import org.mechcheck.network.Market;
import org.mechcheck.network.NetworkClass;

/**
 * The others' report profiles an IC check visits under {@link Others#ALL}: exactly one per report
 * graph that matters, counted here by brute force over every combination of informing sets (the
 * reachable part computed by a breadth-first search of this test's own), truthful first.
 */
class OthersTest {
  @Test
  void oneProfilePerReachableReportGraphTruthfulFirst() {
    for (NetworkClass nc : List.of(NetworkClass.SOCIAL, NetworkClass.CS_GENERAL)) {
      for (int n = 1; n <= 4; n++) {
        for (Market m : Enumerator.networks(nc, n)) {
          for (int i = 1; i < m.size(); i++) {
            List<Map<Integer, BitSet>> visited = Others.ALL.profiles(m, i);
            assertTrue(visited.get(0).isEmpty(), "the truthful profile first");
            Set<Map<Integer, BitSet>> keys = new HashSet<>();
            for (Map<Integer, BitSet> p : visited) assertTrue(keys.add(key(m, i, p)), m.name() + ": two profiles with one report graph");
            assertEquals(bruteForce(m, i), keys, m.name() + ", deviator " + m.id(i));
          }
        }
      }
    }
  }

  @Test
  void asymmetricWithholdingIsVisited() {
    Market triangle = Enumerator.networks(NetworkClass.SOCIAL, 2).stream().filter(m -> m.adjacent(1, 2)).findFirst().orElseThrow();
    // B withholds A while A (the deviator) informs B
    assertTrue(Others.ALL.profiles(triangle, 1).stream().anyMatch(p -> p.containsKey(2) && p.get(2).isEmpty()));
    assertEquals(List.of(Map.of()), Others.TRUTHFUL.profiles(triangle, 1));
  }

  /** Every combination of the others' informing sets, as the reachable report graph it gives (deviator informing all), where she is reached. */
  private static Set<Map<Integer, BitSet>> bruteForce(Market m, int deviator) {
    List<Integer> others = new ArrayList<>();
    for (int v = 1; v < m.size(); v++) if (v != deviator) others.add(v);
    Set<Map<Integer, BitSet>> out = new HashSet<>();
    combine(m, deviator, others, 0, new TreeMap<>(), out);
    return out;
  }

  private static void combine(Market m, int deviator, List<Integer> others, int k, TreeMap<Integer, BitSet> chosen, Set<Map<Integer, BitSet>> out) {
    if (k == others.size()) {
      Map<Integer, BitSet> reached = key(m, deviator, chosen);
      if (reached != null) out.add(reached);
      return;
    }
    int u = others.get(k);
    BitSet all = m.truthfulInforms(u);
    int[] nb = all.stream().toArray();
    for (int mask = 0; mask < 1 << nb.length; mask++) {
      BitSet s = new BitSet();
      for (int b = 0; b < nb.length; b++) if ((mask >> b & 1) != 0) s.set(nb[b]);
      chosen.put(u, s);
      combine(m, deviator, others, k + 1, chosen, out);
    }
    chosen.remove(u);
  }

  /** The informing sets of the reached agents other than the deviator (null when she is not reached), by breadth-first search from the seller. */
  private static Map<Integer, BitSet> key(Market m, int deviator, Map<Integer, BitSet> reports) {
    BitSet seen = new BitSet();
    ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(0));
    seen.set(0);
    TreeMap<Integer, BitSet> key = new TreeMap<>();
    while (!queue.isEmpty()) {
      int u = queue.poll();
      BitSet informs = u == 0 || u == deviator ? m.truthfulInforms(u) : reports.getOrDefault(u, m.truthfulInforms(u));
      if (u != 0 && u != deviator) key.put(u, informs);
      for (int w = informs.nextSetBit(0); w >= 0; w = informs.nextSetBit(w + 1)) {
        if (!seen.get(w)) {
          seen.set(w);
          queue.add(w);
        }
      }
    }
    return seen.get(deviator) ? key : null;
  }
}
