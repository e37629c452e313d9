import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.mechanism.Prices;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;

/**
 * A Vickrey sale among the seller's neighbours that also pays 1 to every informed agent who has
 * an informed neighbour with whom neither reports the other (a "silent pair"). Against the others'
 * truthful reports nobody can make such a pair (the neighbour informs her), so withholding never
 * pays; once a neighbour withholds her, withholding him back earns 1. A test of the dominant-strategy
 * quantifier: IC against truthful others, not DSIC.
 */
public class SilentPairBonus implements Mechanism {
  public String name() { return "silent-pair-bonus"; }
  public String description() { return "Vickrey among the seller's neighbours, plus 1 to each agent in a silent pair"; }
  public String source() { return "mechcheck's test of the DSIC quantifier"; }
  public String domain() { return "one unit; every agent a bidder"; }

  public Optional<String> refusal(Market m) {
    for (int v = 1; v < m.size(); v++) if (!m.isBidder(v)) return Optional.of("every agent must bid; " + m.id(v) + " does not");
    return m.units() == 1 ? Optional.empty() : Optional.of("one unit only");
  }

  @SuppressWarnings("unchecked")
  public <N> Outcome<N> run(Profile<N> p, Arith<N> a) {
    Market m = p.market();
    N[] pay = (N[]) new Object[m.size()];
    Arrays.fill(pay, a.zero());
    for (int i = 1; i < m.size(); i++) {
      if (!p.graph().informed(i)) continue;
      for (int w : m.neighbours(i)) {
        if (w == 0 || !p.graph().informed(w)) continue;
        if (!p.informs(i).get(w) && !p.informs(w).get(i)) {
          pay[i] = a.sub(a.zero(), a.of(BigFraction.ONE));
          break;
        }
      }
    }
    List<Integer> bidders = new ArrayList<>();
    for (int v : m.neighbours(0)) if (m.isBidder(v)) bidders.add(v);
    if (bidders.isEmpty()) return Outcome.noSale(m, a);
    List<N> bids = new ArrayList<>();
    for (int v : bidders) bids.add(p.bid(v));
    int w = bidders.get(a.argmax(bids));
    pay[w] = a.add(pay[w], Prices.vickrey(a, bids));
    return Outcome.award(m, w, pay, Map.of());
  }
}
