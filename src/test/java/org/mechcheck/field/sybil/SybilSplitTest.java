package org.mechcheck.field.sybil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechcheck.field.sybil.SybilSplit.Shares;
import org.mechcheck.field.sybil.SybilSplit.Transformed;
import org.mechcheck.network.Agent;
import org.mechcheck.network.Market;

/** The deviation space of a Sybil split and the market the seller sees (spec/sybil-proofness.md). */
class SybilSplitTest {
  /** s - A, A - B, A - C, B - C: A has neighbours s, B and C. */
  static Market star() {
    List<Agent> as = List.of(Agent.bidder("A", BigFraction.of(3), true), Agent.bidder("B", BigFraction.of(5), true), Agent.bidder("C", BigFraction.of(4), true));
    return new Market("star", "test", "s", as, List.of(new int[] {0, 1}, new int[] {1, 2}, new int[] {1, 3}, new int[] {2, 3}), 1);
  }

  /**
   * Counted by hand for two identities and d neighbours. Partition: 2^d assignments; apart, both
   * shares must be non-empty (2^d - 2); linked, not both empty, which they never are (2^d).
   * Cover: 3^d assignments (each neighbour to the first, the second or both); apart, neither
   * identity may go without (3^d - 2); linked, every assignment (3^d).
   */
  @Test
  void twoIdentitiesCountedByHand() {
    Market m = star();
    int d = m.neighbours(1).length;
    assertEquals(3, d);
    assertEquals((1 << d) - 2, SybilSplit.all(m, 1, 2, Shares.PARTITION, false).size());
    assertEquals(((1 << d) - 2) + (1 << d), SybilSplit.all(m, 1, 2, Shares.PARTITION, true).size());
    int threeD = (int) Math.pow(3, d);
    assertEquals(threeD - 2, SybilSplit.all(m, 1, 2, Shares.COVER, false).size());
    assertEquals((threeD - 2) + threeD, SybilSplit.all(m, 1, 2, Shares.COVER, true).size());
  }

  /** Three identities apart: surjections of d neighbours onto 3 labelled identities, 3^d - 3·2^d + 3 (inclusion-exclusion). */
  @Test
  void threeIdentitiesApartAreTheSurjections() {
    Market m = star();
    int d = 3;
    int twoIdentities = (1 << d) - 2;
    int surjections = (int) Math.pow(3, d) - 3 * (1 << d) + 3;
    assertEquals(twoIdentities + surjections, SybilSplit.all(m, 1, 3, Shares.PARTITION, false).size());
  }

  @Test
  void everySplitIsDistinctAndEveryNeighbourIsShared() {
    Market m = star();
    for (Shares sh : Shares.values()) {
      Set<String> seen = new HashSet<>();
      for (SybilSplit s : SybilSplit.all(m, 1, 3, sh, true)) {
        BitSet covered = new BitSet();
        for (BitSet share : s.shares()) {
          if (sh == Shares.PARTITION) assertTrue(!covered.intersects(share), s + ": a neighbour in two shares");
          covered.or(share);
        }
        BitSet all = new BitSet();
        for (int w : m.neighbours(1)) all.set(w);
        assertEquals(all, covered, "every neighbour is linked to an identity");
        assertTrue(seen.add(s.describe(m, zeros(s.identities()))), "listed twice: " + s.describe(m, zeros(s.identities())));
      }
    }
  }

  /** The transformed market, built by hand: A becomes A#1 (s, B) and A#2 (C, linked to A#1). */
  @Test
  void theSellerSeesTheIdentitiesInHerPlace() {
    Market m = star();
    BitSet one = new BitSet(), two = new BitSet();
    one.set(0);
    one.set(2);
    two.set(3);
    SybilSplit s = new SybilSplit(1, List.of(one, two), List.<int[]>of(new int[] {0, 1}));
    Transformed t = s.transform(m);
    Market x = t.market();
    assertEquals(List.of("A#1", "A#2", "B", "C"), x.agents().stream().map(Agent::id).toList(), "identities in her place, in order");
    assertEquals(4, x.agentCount());
    assertTrue(x.adjacent(x.node("A#1"), 0) && x.adjacent(x.node("A#1"), x.node("B")) && x.adjacent(x.node("A#1"), x.node("A#2")));
    assertTrue(x.adjacent(x.node("A#2"), x.node("C")) && !x.adjacent(x.node("A#2"), 0) && !x.adjacent(x.node("A#2"), x.node("B")));
    assertTrue(x.adjacent(x.node("B"), x.node("C")), "the others' links are kept");
    assertEquals(5, x.edges().size(), "4 - 3 of hers + 2 + 1 shares + 1 identity link");
    assertEquals(List.of(x.node("A#1")), java.util.Arrays.stream(x.neighbours(0)).boxed().toList(), "the seller's one neighbour");
    assertEquals(m.node("B"), t.original(x.node("B")));
    assertEquals(-1, t.original(x.node("A#2")));
    assertEquals(1, t.identityIndex(x.node("A#2")));
    assertEquals("A splits into A#1 (bid 1; linked to s, B, A#2) and A#2 (bid 1/2; linked to C, A#1)", s.describe(m, new BigFraction[] {BigFraction.ONE, BigFraction.of(1, 2)}));
  }

  @Test
  void identityIdsNeverClash() {
    List<Agent> as = List.of(Agent.bidder("A", BigFraction.ONE, true), Agent.bidder("A#1", BigFraction.ONE, true));
    Market m = new Market("clash", "test", "s", as, List.of(new int[] {0, 1}, new int[] {1, 2}), 1);
    SybilSplit s = SybilSplit.all(m, 1, 2, Shares.PARTITION, true).get(0);
    assertEquals(List.of("A##1", "A##2"), s.ids(m));
    assertEquals(3, s.transform(m).market().agentCount());
  }

  /** describe and parse are inverse on every split, with random exact bids. */
  @Test
  void theNotationReadsBack() {
    Market m = star();
    SplittableRandom rnd = new SplittableRandom(5);
    for (SybilSplit s : SybilSplit.all(m, 1, 3, Shares.COVER, true)) {
      BigFraction[] bids = new BigFraction[s.identities()];
      for (int i = 0; i < bids.length; i++) bids[i] = BigFraction.of(rnd.nextInt(20), 1 + rnd.nextInt(4));
      String text = s.describe(m, bids);
      SybilSplit.WithBids back = SybilSplit.parse(text + ": utility 1 instead of 0", m);
      assertEquals(text, back.split().describe(m, back.bids()));
      assertEquals(s.transform(m).market().edges().size(), back.split().transform(m).market().edges().size());
    }
  }

  @Test
  void parseNamesWhatIsWrong() {
    Market m = star();
    assertThrows(IllegalArgumentException.class, () -> SybilSplit.parse("A gains 1 by deviating", m));
    assertThrows(IllegalArgumentException.class, () -> SybilSplit.parse("Z splits into Z#1 (bid 0; linked to s) and Z#2 (bid 1; linked to Z#1)", m));
    assertThrows(IllegalArgumentException.class, () -> SybilSplit.parse("A splits into A#1 (bid 0; linked to s)", m));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SybilSplit.parse("A splits into A#1 (bid 0; linked to s) and A#2 (bid 1; linked to D)", m));
    assertTrue(e.getMessage().contains("D is not a neighbour of A"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SybilSplit.parse("A splits into A#1 (bid x; linked to s) and A#2 (bid 1; linked to B)", m));
  }

  private static BigFraction[] zeros(int k) {
    BigFraction[] z = new BigFraction[k];
    java.util.Arrays.fill(z, BigFraction.ZERO);
    return z;
  }
}
