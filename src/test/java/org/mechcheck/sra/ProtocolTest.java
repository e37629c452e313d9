package org.mechcheck.sra;

import org.mechcheck.mechanism.Contract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechcheck.mechanism.Idm;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.mechanism.SraCentral;
import org.mechcheck.network.Agent;
import org.mechcheck.network.Enumerator;
import org.mechcheck.network.Market;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Exact;

/** The distributed protocol (001 §4.1): hand computations, cross-checks with sra-central and IDM, refusals. */
public class ProtocolTest {
  private static final Exact A = Exact.INSTANCE;
  private static final BigFraction[] SMALL = {BigFraction.ZERO, BigFraction.ONE, BigFraction.of(2), BigFraction.of(3), BigFraction.of(5, 2)};

  static Market market(String name, long[] values, int[][] edges) {
    List<Agent> agents = new ArrayList<>();
    for (int v = 1; v < values.length; v++) agents.add(Agent.bidder("a" + v, BigFraction.of(values[v]), true));
    List<int[]> es = new ArrayList<>(List.of(edges));
    return new Market(name, "test", "s", agents, es, 1);
  }

  static Market withRandomValues(Market shape, SplittableRandom rnd) {
    BigFraction[] values = new BigFraction[shape.size()];
    for (int v = 1; v < shape.size(); v++) values[v] = SMALL[rnd.nextInt(SMALL.length)];
    return shape.withTypes(shape.name(), values, new BigFraction[shape.size()]);
  }

  /**
   * Distinct values (a random permutation of 1..n, halved at random): IDM breaks ties by the
   * lower node, the protocol and sra-central at random (001), so cross-checks with IDM avoid ties.
   */
  public static Market withDistinctValues(Market shape, SplittableRandom rnd) {
    int n = shape.size() - 1;
    List<Integer> perm = new ArrayList<>();
    for (int k = 1; k <= n; k++) perm.add(k);
    java.util.Collections.shuffle(perm, new java.util.Random(rnd.nextLong()));
    BigFraction[] values = new BigFraction[shape.size()];
    for (int v = 1; v <= n; v++) values[v] = BigFraction.of(perm.get(v - 1) * 2 - rnd.nextInt(2), 2);
    return shape.withTypes(shape.name(), values, new BigFraction[shape.size()]);
  }

  /**
   * By hand from Eq. 1-2: s - a1, s - a2, a1 - a3 with values 1, 2, 5. The seller's auction:
   * a1 aggregates 5, a2 bids 2; a1 buys at max(0, 2) = 2. a1's auction: a3 alone (5); the price
   * is max(2, 0) = 2 and a1's own 1 is below it, so a3 buys at 2 and keeps it (no invitees).
   */
  @Test
  void twoResalesByHand() {
    Market m = market("fork", new long[] {0, 1, 2, 5}, new int[][] {{0, 1}, {0, 2}, {1, 3}});
    Runtime.Result<BigFraction> r = Protocol.once(Profile.truthful(m, A), A, 1);
    assertEquals(List.of(new Ledger.Entry<>(0, 1, BigFraction.of(2)), new Ledger.Entry<>(1, 3, BigFraction.of(2))), r.ledger());
    assertEquals(3, r.holder());
    assertTrue(r.incidents().isEmpty(), r.incidents().toString());
  }

  /**
   * A path s - a1 - a2 with values 1, 5: the seller sells to a1 at max(0, 0) = 0; a1's single
   * participant makes her selling price max(0, 0) = 0 and 1 >= 0: a1 keeps the item (as IDM:
   * a1's bid reaches p_{a2} = 1).
   */
  @Test
  void firstLocalSellerKeepsOnAPath() {
    Market m = market("path", new long[] {0, 1, 5}, new int[][] {{0, 1}, {1, 2}});
    Runtime.Result<BigFraction> r = Protocol.once(Profile.truthful(m, A), A, 1);
    assertEquals(List.of(new Ledger.Entry<>(0, 1, BigFraction.ZERO)), r.ledger());
    assertEquals(1, r.holder());
  }

  /**
   * On a tree the inviter choice is never random and every path node is critical: protocol,
   * reduction and IDM agree on distinct values (ties: see tiesAreRandomisedDifferently).
   */
  @Test
  void protocolReductionAndIdmAgreeOnEverySocialTree() {
    SplittableRandom rnd = new SplittableRandom(3);
    Idm idm = new Idm();
    SraCentral central = new SraCentral();
    Protocol sra = new Protocol();
    int checked = 0;
    for (int n = 1; n <= 6; n++) {
      for (Market shape : Enumerator.networks(NetworkClass.SOCIAL_TREE, n)) {
        for (int trial = 0; trial < 4; trial++) {
          Market m = withDistinctValues(shape, rnd);
          Profile<BigFraction> p = Profile.truthful(m, A);
          Outcome<BigFraction> a = Contract.run(sra, p), b = Contract.run(central, p), c = Contract.run(idm, p);
          assertEquals(1L, a.details().get("runs"));
          for (int v = 1; v < m.size(); v++) {
            assertEquals(c.allocation(v), a.allocation(v), m.name() + " sra allocation of " + m.id(v));
            assertEquals(c.payment(v), a.payment(v), m.name() + " sra payment of " + m.id(v));
            assertEquals(c.allocation(v), b.allocation(v), m.name() + " sra-central allocation of " + m.id(v));
            assertEquals(c.payment(v), b.payment(v), m.name() + " sra-central payment of " + m.id(v));
          }
          checked++;
        }
      }
    }
    assertTrue(checked > 150, "checked " + checked);
  }

  /**
   * Theorem 4.6 on the triangle s-a, s-b, a-b (v_a = 1, v_b = 2). The protocol: both are the
   * seller's invitees and join her auction whatever b reported in stage 2, so b buys at v_a = 1
   * and keeps it. The reduction averages over the three spanning trees, one of which hangs a
   * below b (b then pays 0): 2/3 (SraCentralTest). The two differ.
   */
  @Test
  void theorem46FailsOnTheTriangle() {
    Market m = market("triangle", new long[] {0, 1, 2}, new int[][] {{0, 1}, {0, 2}, {1, 2}});
    Profile<BigFraction> p = Profile.truthful(m, A);
    Outcome<BigFraction> protocol = Contract.run(new Protocol(), p);
    assertEquals(BigFraction.ONE, protocol.allocation(2));
    assertEquals(BigFraction.ONE, protocol.payment(2));
    assertNotEquals(protocol.payment(2), Contract.run(new SraCentral(), p).payment(2));
  }

  /**
   * Ties, by hand. s - A, s - B, B - C, B - D with A = C = D = 1, B = 0. sra-central picks z
   * among the three tied bidders with probability 1/3 each, and each z keeps the item (B's 0 is
   * below 1): 1/3 each. The protocol: the seller's auction ties A and B's branch (both 1), 1/2
   * each; B's auction ties C and D, 1/4 each. Both are "random tie-breaking"; they differ.
   */
  @Test
  void tiesAreRandomisedDifferently() {
    Market m = market("ties", new long[] {0, 1, 0, 1, 1}, new int[][] {{0, 1}, {0, 2}, {2, 3}, {2, 4}});
    Profile<BigFraction> p = Profile.truthful(m, A);
    Outcome<BigFraction> protocol = Contract.run(new Protocol(), p), central = Contract.run(new SraCentral(), p);
    assertEquals(List.of(BigFraction.of(1, 2), BigFraction.of(1, 4), BigFraction.of(1, 4)), List.of(protocol.allocation(1), protocol.allocation(3), protocol.allocation(4)));
    assertEquals(List.of(BigFraction.of(1, 3), BigFraction.of(1, 3), BigFraction.of(1, 3)), List.of(central.allocation(1), central.allocation(3), central.allocation(4)));
  }

  /**
   * Theorem 5.3 (information revelation) fails, by hand: s - A, s - B, A - C, B - D, C - D with
   * A = 1/10, B = 0, C = 2, D = 1. Agents join in the order A, B, C, D, so D's inviters are B and
   * C. If D reports to C, A's branch carries 2 and B's 0: A buys at 0 and keeps the item (her
   * 1/10 reaches the price 0 of her one-participant auction): C gets 0. If D reports to B, A buys
   * at 1 and resells to C at 1, who keeps it: C gets 1. So inviting D is worth 1/2 to C; not
   * inviting her, D can only report to B: C gets 1.
   */
  @Test
  void invitingLessPaysOffForC() {
    Market m = market("two-paths", new long[] {0, 0, 0, 2, 1}, new int[][] {{0, 1}, {0, 2}, {1, 3}, {2, 4}, {3, 4}});
    BigFraction[] values = {null, BigFraction.of(1, 10), BigFraction.ZERO, BigFraction.of(2), BigFraction.ONE};
    m = m.withTypes("two-paths", values, new BigFraction[m.size()]);
    Profile<BigFraction> p = Profile.truthful(m, A);
    Protocol sra = new Protocol();
    assertEquals(BigFraction.of(1, 2), Contract.run(sra, p).utility(3, BigFraction.of(2), BigFraction.ZERO, A));
    assertEquals(BigFraction.ONE, Contract.run(sra, p.withInforms(3, set(1))).utility(3, BigFraction.of(2), BigFraction.ZERO, A));
  }

  /** The enumeration's probabilities add up to 1 and each agent's allocation is a probability. */
  @Test
  void expectationIsADistributionOnSmallSocialNetworks() {
    SplittableRandom rnd = new SplittableRandom(5);
    for (int n = 1; n <= 4; n++) {
      for (Market shape : Enumerator.networks(NetworkClass.SOCIAL, n)) {
        Market m = withRandomValues(shape, rnd);
        Outcome<BigFraction> o = Contract.run(new Protocol(), Profile.truthful(m, A));
        BigFraction total = BigFraction.ZERO;
        for (int v = 1; v < m.size(); v++) total = total.add(o.allocation(v));
        assertEquals(BigFraction.ONE, total, m.name());
      }
    }
  }

  // ---- refusals: recorded, never silently accepted ----

  /** A buyer who tries to message a node she is not adjacent to. */
  @Test
  void messageToANonNeighbourIsRefusedAndRecorded() {
    Market m = market("fork", new long[] {0, 1, 2, 5}, new int[][] {{0, 1}, {0, 2}, {1, 3}});
    Profile<BigFraction> p = Profile.truthful(m, A);
    Actor<BigFraction> honest = SraAgent.intended(false, Protocol.revelation(p, 3));
    Actor<BigFraction> rogue = new Actor<>() {
      public void receive(int from, Message<BigFraction> msg, Env<BigFraction> env) {
        if (msg instanceof Message.Invite<BigFraction>) env.send(2, new Message.Report<>(BigFraction.of(100))); // a3 is not a2's neighbour
        honest.receive(from, msg, env);
      }

      public void aggregate(Env<BigFraction> env) {
        honest.aggregate(env);
      }

      public boolean quiet(Env<BigFraction> env) {
        return honest.quiet(env);
      }
    };
    Runtime.Result<BigFraction> r = new Runtime<>(m, Protocol.agents(p, v -> v == 3 ? rogue : null), A, Choices.seeded(1)).run();
    assertEquals(1, r.incidents().size(), r.incidents().toString());
    assertEquals("message to a non-neighbour", r.incidents().get(0).kind());
    assertEquals("a3", r.incidents().get(0).agent());
  }

  /** A buyer who calls a local auction (and tries to record a sale) without holding the item. */
  @Test
  void auctionWithoutTheItemIsRefusedAndRecorded() {
    Market m = market("fork", new long[] {0, 1, 2, 5}, new int[][] {{0, 1}, {0, 2}, {1, 3}});
    Profile<BigFraction> p = Profile.truthful(m, A);
    Actor<BigFraction> honest = SraAgent.intended(false, Protocol.revelation(p, 1));
    Actor<BigFraction> rogue = new Actor<>() {
      public void receive(int from, Message<BigFraction> msg, Env<BigFraction> env) {
        honest.receive(from, msg, env);
      }

      public void aggregate(Env<BigFraction> env) {
        honest.aggregate(env);
        try {
          env.send(3, new Message.Call<>());
        } finally {
          env.record(0, 3, BigFraction.ZERO);
        }
      }

      public boolean quiet(Env<BigFraction> env) {
        return honest.quiet(env);
      }
    };
    Runtime.Result<BigFraction> r = new Runtime<>(m, Protocol.agents(p, v -> v == 1 ? rogue : null), A, Choices.seeded(1)).run();
    assertEquals(List.of("local auction without the item", "ledger write refused"), r.incidents().stream().map(Incident::kind).toList());
    // the honest run is unaffected (twoResalesByHand)
    assertEquals(3, r.holder());
    assertEquals(BigFraction.of(2), r.ledger().get(1).price());
  }

  /** The holder, after selling, tries to rewrite her sale's price in the ledger. */
  @Test
  void ledgerRewriteIsRefusedAndRecorded() {
    Market m = market("fork", new long[] {0, 1, 2, 5}, new int[][] {{0, 1}, {0, 2}, {1, 3}});
    Profile<BigFraction> p = Profile.truthful(m, A);
    Actor<BigFraction> honest = SraAgent.intended(false, Protocol.revelation(p, 1));
    Actor<BigFraction> rogue = new Actor<>() {
      boolean tried;

      public void receive(int from, Message<BigFraction> msg, Env<BigFraction> env) {
        honest.receive(from, msg, env);
      }

      public void aggregate(Env<BigFraction> env) {
        honest.aggregate(env);
      }

      public boolean quiet(Env<BigFraction> env) {
        boolean acted = honest.quiet(env);
        if (acted && !tried) {
          tried = true;
          env.record(0, 1, BigFraction.ZERO); // rewrite entry 0: "I bought it for nothing"
        }
        return acted;
      }
    };
    Runtime.Result<BigFraction> r = new Runtime<>(m, Protocol.agents(p, v -> v == 1 ? rogue : null), A, Choices.seeded(1)).run();
    assertEquals(1, r.incidents().size(), r.incidents().toString());
    assertEquals("ledger write refused", r.incidents().get(0).kind());
    assertTrue(r.incidents().get(0).detail().contains("append-only"), r.incidents().get(0).detail());
    assertEquals(BigFraction.of(2), r.ledger().get(0).price());
  }

  /** Agents cannot see the network: an agent's environment lists only her own neighbours. */
  @Test
  void anAgentSeesOnlyHerNeighbours() {
    Market m = market("fork", new long[] {0, 1, 2, 5}, new int[][] {{0, 1}, {0, 2}, {1, 3}});
    Profile<BigFraction> p = Profile.truthful(m, A);
    List<int[]> seen = new ArrayList<>();
    Actor<BigFraction> spy = new Actor<>() {
      public void receive(int from, Message<BigFraction> msg, Env<BigFraction> env) {
        seen.add(env.neighbours());
      }
    };
    new Runtime<>(m, Protocol.agents(p, v -> v == 3 ? spy : null), A, Choices.seeded(1)).run();
    assertTrue(!seen.isEmpty());
    for (int[] nb : seen) assertEquals(List.of(1), java.util.Arrays.stream(nb).boxed().toList());
  }

  static BitSet set(int... vs) {
    BitSet b = new BitSet();
    for (int v : vs) b.set(v);
    return b;
  }
}
