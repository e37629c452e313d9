package org.mechcheck.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Mechanisms;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.mechanism.Vickrey;
import org.mechcheck.network.Agent;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;

/**
 * The concrete checker itself, on mechanisms whose best deviations are known in closed form, so
 * that the properties built on it are known to be able to fail: a first-price auction (best
 * bid: the second-highest bid), a mechanism that charges losers (not IR), and VCG's deficit
 * (000 §3: VCG is not weakly budget balanced).
 */
class CheckerTest {

  /** First-price auction among the seller's bidder neighbours: the highest bid wins (earliest on ties) and pays her bid. */
  static class FirstPrice implements Mechanism {
    public String name() {
      return "first-price";
    }

    public String description() {
      return "test only";
    }

    public String source() {
      return "test";
    }

    public String domain() {
      return "test";
    }

    public Optional<String> refusal(Market market) {
      return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    public <N> Outcome<N> run(Profile<N> profile, Arith<N> a) {
      Market m = profile.market();
      List<Integer> bidders = new ArrayList<>();
      for (int v : m.neighbours(0)) if (m.isBidder(v)) bidders.add(v);
      if (bidders.isEmpty()) return Outcome.noSale(m, a);
      int w = bidders.get(a.argmax(bidders.stream().map(profile::bid).toList()));
      N[] pay = (N[]) new Object[m.size()];
      Arrays.fill(pay, a.zero());
      pay[w] = profile.bid(w);
      return Outcome.sale(m, new int[] {0, w}, pay, Map.of());
    }
  }

  private static Market twoBidders(String first, long v1, String second, long v2) {
    return new Market("two", "test", "s",
        List.of(Agent.bidder(first, BigFraction.of(v1), false), Agent.bidder(second, BigFraction.of(v2), false)),
        List.of(new int[] {0, 1}, new int[] {0, 2}), 1);
  }

  /** X (10) is first in the file, so bidding Y's 4 ties and wins: utility 10 - 4 = 6 instead of 0. */
  @Test
  void firstPriceBestBidIsTheSecondHighestWhenTiesGoHerWay() {
    Market m = twoBidders("X", 10, "Y", 4);
    List<Violation> found = new Checker(new FirstPrice()).check(m, Set.of(Property.IC));
    assertEquals(1, found.size(), found.toString());
    Violation v = found.get(0);
    assertEquals(m.node("X"), v.agent());
    assertEquals(BigFraction.of(4), v.deviation().bid());
    assertNull(v.deviation().informs(), "a buyer informs nobody");
    assertEquals(BigFraction.ZERO, v.truthful());
    assertEquals(BigFraction.of(6), v.deviating());
  }

  /**
   * Y (4) is first, so X must bid strictly more than 4: her utility 10 - b approaches 6 without
   * reaching it. The checker must still find a profitable bid in (4, 10).
   */
  @Test
  void firstPriceOpenIntervalIsFoundToo() {
    Market m = twoBidders("Y", 4, "X", 10);
    List<Violation> found = new Checker(new FirstPrice()).check(m, Set.of(Property.IC));
    assertEquals(1, found.size(), found.toString());
    Violation v = found.get(0);
    assertEquals(m.node("X"), v.agent());
    BigFraction bid = v.deviation().bid();
    assertTrue(bid.compareTo(BigFraction.of(4)) > 0 && bid.compareTo(BigFraction.of(10)) < 0, "bid " + bid);
    assertEquals(BigFraction.of(10).subtract(bid), v.deviating(), "utility 10 - bid");
    assertTrue(v.deviating().signum() > 0);
  }

  @Test
  void vickreyHasNoProfitableBid() {
    assertTrue(new Checker(new Vickrey()).check(twoBidders("X", 10, "Y", 4), Set.of(Property.IC, Property.IR, Property.BB)).isEmpty());
    assertTrue(new Checker(new Vickrey()).check(twoBidders("Y", 4, "X", 10), Set.of(Property.IC, Property.IR, Property.BB)).isEmpty());
  }

  /** A mechanism that charges every informed loser 1 violates IR for them. */
  @Test
  void chargingALoserIsNotIndividuallyRational() {
    Mechanism vickrey = new Vickrey();
    Mechanism charging = new FirstPrice() {
      @Override
      @SuppressWarnings("unchecked")
      public <N> Outcome<N> run(Profile<N> p, Arith<N> a) {
        Outcome<N> o = vickrey.run(p, a);
        N[] pay = (N[]) new Object[p.market().size()];
        for (int v = 1; v < pay.length; v++) pay[v] = o.allocation(v).signum() == 0 ? a.of(1) : o.payment(v);
        return o.sold() ? Outcome.sale(p.market(), o.chains().get(0), pay, Map.of()) : o;
      }
    };
    Market m = twoBidders("X", 10, "Y", 4);
    List<Violation> found = new Checker(charging).check(m, Set.of(Property.IR));
    assertEquals(1, found.size(), found.toString());
    assertEquals(m.node("Y"), found.get(0).agent());
    assertEquals(BigFraction.of(-1), found.get(0).truthful());
  }

  /**
   * 000 §3: VCG is not weakly budget balanced. s - A - B with c_A = 0, b_B = 1: W* = 1, and
   * x_A = W*_{-A} - (W* - v_A) = 0 - (1 - 0) = -1, x_B = W*_{-B} - (W* - b_B) = 0 - 0 = 0.
   */
  @Test
  void vcgRunsADeficit() {
    Market m = new Market("deficit", "test", "s",
        List.of(Agent.intermediary("A", BigFraction.ZERO), Agent.bidder("B", BigFraction.ONE, false)),
        List.of(new int[] {0, 1}, new int[] {1, 2}), 1);
    List<Violation> found = new Checker(Mechanisms.byName("vcg").orElseThrow()).check(m, Set.of(Property.BB, Property.IR, Property.IC));
    assertEquals(1, found.size(), found.toString());
    assertEquals(Property.BB, found.get(0).property());
    assertEquals(BigFraction.of(-1), found.get(0).truthful(), "revenue -1");
  }
}
