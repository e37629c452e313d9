package org.mechcheck.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;

/** Deliberately flawed mechanisms, known to violate properties, for testing the searches. */
final class TestMechanisms {
  private TestMechanisms() {}

  /** Highest bid among the seller's neighbours wins and pays her bid: not IC (she gains by shading). */
  static final Mechanism FIRST_PRICE = new Base("first-price-test") {
    @Override
    public <N> Outcome<N> run(Profile<N> p, Arith<N> a) {
      return sell(p, a, (w, bids) -> bids.get(w), false);
    }
  };

  /**
   * Second price with reserve 3 whose sale test is off (sells when the top bid exceeds 2, not
   * 3): IR fails only for values strictly between 2 and 3, which no integer grid contains.
   */
  static final Mechanism RESERVE_BUG = new Base("reserve-bug-test") {
    @Override
    public <N> Outcome<N> run(Profile<N> p, Arith<N> a) {
      return sell(p, a, (w, bids) -> {
        List<N> others = new ArrayList<>(bids);
        others.remove((int) w);
        return a.max(a.maxOr(a.zero(), others), a.of(3));
      }, true);
    }
  };

  abstract static class Base implements Mechanism {
    private final String name;

    Base(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String description() {
      return "test-only flawed mechanism";
    }

    @Override
    public String source() {
      return "test";
    }

    @Override
    public String domain() {
      return "social networks";
    }

    @Override
    public Optional<String> refusal(Market m) {
      for (int v = 1; v < m.size(); v++) if (!m.isBidder(v)) return Optional.of("bidders only");
      return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    <N> Outcome<N> sell(Profile<N> p, Arith<N> a, java.util.function.BiFunction<Integer, List<N>, N> price, boolean reserveBug) {
      Market m = p.market();
      List<Integer> bidders = new ArrayList<>();
      for (int v : m.neighbours(0)) if (m.isBidder(v)) bidders.add(v);
      if (bidders.isEmpty()) return Outcome.noSale(m, a);
      List<N> bids = bidders.stream().map(p::bid).toList();
      int w = a.argmax(bids);
      if (reserveBug && !a.gt(bids.get(w), a.of(2))) return Outcome.noSale(m, a);
      N[] pay = (N[]) new Object[m.size()];
      Arrays.fill(pay, a.zero());
      pay[bidders.get(w)] = price.apply(w, bids);
      return Outcome.sale(m, new int[] {0, bidders.get(w)}, pay, Map.of());
    }
  }
}
