package org.mechcheck.property;

import org.mechcheck.mechanism.Contract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Set;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Mechanisms;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.network.Agent;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Exact;
import org.mechcheck.store.NetworkJson;

/**
 * 000 §3: IDM-TC is not incentive compatible off trees. On Figure 1(a) with an edge B-E
 * (idmtc-fig1a-plus-BE.json) A is no longer critical for the winner H and is only repaid her
 * cost (utility 0); if she does not inform E, D wins, A is critical for D, and her utility is 1.
 * The concrete checker must find exactly this; CSM, designed to fix it, must not violate IC there.
 */
class IdmTcCounterexampleTest {
  private static final Exact A = Exact.INSTANCE;

  static Market network() {
    try {
      Path p = Path.of(IdmTcCounterexampleTest.class.getResource("/reference/idmtc-fig1a-plus-BE.json").toURI());
      return NetworkJson.read(p, true).market();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Mechanism mech(String name) {
    return Mechanisms.byName(name).orElseThrow();
  }

  private static BitSet nodes(Market m, String... ids) {
    BitSet s = new BitSet();
    for (String id : ids) s.set(m.node(id));
    return s;
  }

  private static BigFraction utility(Outcome<BigFraction> o, int v) {
    Agent a = o.market().agent(v);
    return o.utility(v, a.value(), a.cost(), A);
  }

  @Test
  void theCheckerFindsAsGainByWithholdingE() {
    Market m = network();
    List<Violation> found = new Checker(mech("idm-tc")).check(m, Set.of(Property.IC));
    List<Violation> ofA = found.stream().filter(v -> v.agent() == m.node("A")).toList();
    assertEquals(1, ofA.size(), "IC violations of A: " + found);
    Violation v = ofA.get(0);
    assertEquals(Property.IC, v.property());
    assertNull(v.deviation().bid(), "A is an intermediary: no bid to misreport");
    assertEquals(nodes(m, "C", "D"), v.deviation().informs(), "A informs C and D, not E");
    assertEquals(BigFraction.ZERO, v.truthful(), "000 §3: A is only paid her cost (utility 0)");
    assertEquals(BigFraction.ONE, v.deviating(), "000 §3: she will get a payoff of 1 except her cost");
  }

  /** The same story replayed step by step: who wins, who is critical, A's utilities. */
  @Test
  void replayOfTheStory() {
    Market m = network();
    Mechanism idmTc = mech("idm-tc");
    Profile<BigFraction> truthful = Profile.truthful(m, A);
    Outcome<BigFraction> t = Contract.run(idmTc, truthful);
    assertEquals(List.of(m.node("H")), List.of(t.winners()[0]), "000 §3: the winner is still H");
    assertEquals(1, t.winners().length);
    assertEquals(BigFraction.ZERO, utility(t, m.node("A")));
    assertEquals(m.agent(m.node("A")).cost().negate(), t.payment(m.node("A")), "A is only paid her cost c_A");

    Profile<BigFraction> withheld = truthful.withInforms(m.node("A"), nodes(m, "C", "D"));
    Outcome<BigFraction> d = Contract.run(idmTc, withheld);
    assertEquals(1, d.winners().length);
    assertEquals(m.node("D"), d.winners()[0], "000 §3: the winner becomes D");
    assertTrue(withheld.graph().criticalSequence(m.node("D")).contains(m.node("A")), "A becomes D's diffusion critical agent");
    assertEquals(BigFraction.ONE, utility(d, m.node("A")), "A's payoff is 1");
  }

  @Test
  void csmHasNoIcViolationOnTheSameNetwork() {
    Market m = network();
    List<Violation> found = new Checker(mech("csm")).check(m, Set.of(Property.IC));
    assertTrue(found.isEmpty(), "csm IC violations: " + found);
  }

  /** 000 Theorems 1 and 2 on this network: CSM is IR, IC, weakly budget balanced, efficient, and beats Vickrey. */
  @Test
  void csmKeepsEveryClaimOnTheSameNetwork() {
    Market m = network();
    List<Violation> found = new Checker(mech("csm")).check(m, Set.of(Property.IR, Property.IC, Property.BB, Property.EFF, Property.REV));
    assertTrue(found.isEmpty(), "csm violations: " + found);
  }

  /**
   * A smaller network of the same shape, with the expected gain derived here from IDM-TC's
   * payment rule rather than read off the code: s-A, s-B, A-C, A-D, A-H, B-H; c_A = 0, c_B = 5;
   * b_C = 4, b_D = 5, b_H = 7.
   *
   * <p>Truthfully H wins along s-A-H (SW 7 > 5 > 4 > 7 - 5); H is reachable through B too, so A
   * is not critical and is repaid only her cost: utility 0. If A informs only C and D, H's
   * best chain costs 5 (SW 2) and D wins (SW 5); now d_A = {A, C, D} and A is critical for D:
   * x_A = W*_{-d_A} - W*_{-d_D} - c_A, so u_A = -c_A - x_A = W*_{-D} - W*_{-d_A}
   * = max(b_C, b_H - c_B) - (b_H - c_B) = 4 - 2 = 2.
   */
  @Test
  void aSmallerInstanceOfTheSameFailure() {
    BigFraction cA = BigFraction.ZERO, cB = BigFraction.of(5), bC = BigFraction.of(4), bD = BigFraction.of(5), bH = BigFraction.of(7);
    Market m = new Market("idmtc-small", "test", "s",
        List.of(Agent.intermediary("A", cA), Agent.intermediary("B", cB), Agent.bidder("C", bC, false), Agent.bidder("D", bD, false),
            Agent.bidder("H", bH, false)),
        List.of(new int[] {0, 1}, new int[] {0, 2}, new int[] {1, 3}, new int[] {1, 4}, new int[] {1, 5}, new int[] {2, 5}), 1);
    BigFraction viaB = bH.subtract(cB);
    BigFraction expectedGain = (bC.compareTo(viaB) > 0 ? bC : viaB).subtract(viaB);

    List<Violation> found = new Checker(mech("idm-tc")).check(m, Set.of(Property.IC));
    assertEquals(1, found.size(), "violations: " + found);
    Violation v = found.get(0);
    assertEquals(m.node("A"), v.agent());
    assertEquals(nodes(m, "C", "D"), v.deviation().informs());
    assertEquals(BigFraction.ZERO, v.truthful());
    assertEquals(expectedGain, v.deviating());
    assertTrue(new Checker(mech("csm")).check(m, Set.of(Property.IR, Property.IC, Property.BB)).isEmpty());
  }
}
