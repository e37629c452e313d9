import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;

/** First price among every informed bidder, which on three bidders or more keeps comparing bids (each comparison a Z3 query) and never decides. */
public class Dawdler implements Mechanism {
  public String name() { return "dawdler"; }
  public String description() { return "first-price auction that never decides on three bidders"; }
  public String source() { return "test"; }
  public String domain() { return "one unit; every agent a bidder"; }

  public Optional<String> refusal(Market m) {
    for (int v = 1; v < m.size(); v++) if (!m.isBidder(v)) return Optional.of("every agent must bid; " + m.id(v) + " does not");
    return m.units() == 1 ? Optional.empty() : Optional.of("one unit only");
  }

  @SuppressWarnings("unchecked")
  public <N> Outcome<N> run(Profile<N> p, Arith<N> a) {
    List<Integer> informed = new ArrayList<>();
    for (int v = 1; v < p.market().size(); v++) if (p.graph().informed(v)) informed.add(v);
    if (informed.isEmpty()) return Outcome.noSale(p.market(), a);
    List<N> bids = new ArrayList<>();
    for (int v : informed) bids.add(p.bid(v));
    int w = informed.get(a.argmax(bids));
    N[] pay = (N[]) new Object[p.market().size()];
    java.util.Arrays.fill(pay, a.zero());
    pay[w] = p.bid(w);
    // a fresh comparison each round (a new branch for the symbolic run): the mechanism runs as long as it is let
    for (long k = 1; informed.size() > 2; k++) a.ge(a.mul(bids.get(0), org.apache.commons.numbers.fraction.BigFraction.of(k)), bids.get(1));
    return Outcome.award(p.market(), w, pay, Map.of());
  }
}
