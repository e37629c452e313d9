import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;

/**
 * A posted price of 300, accepted from any bid of at least 250: the first of the seller's bidder
 * neighbours (node order) who bids 250 or more buys at 300. Not homogeneous (its constants do not
 * scale with the bids), and not IR: a buyer whose value lies in [250, 300) pays more than it.
 */
public class PostedPrice implements Mechanism {
  public String name() { return "posted-price"; }
  public String description() { return "price 300, accepted from bids of at least 250"; }
  public String source() { return "issue 14 (a mechanism with constants)"; }
  public String domain() { return "one unit"; }

  public Optional<String> refusal(Market m) {
    return m.units() == 1 ? Optional.empty() : Optional.of("one unit only");
  }

  @SuppressWarnings("unchecked")
  public <N> Outcome<N> run(Profile<N> p, Arith<N> a) {
    Market m = p.market();
    for (int v : m.neighbours(0)) {
      if (!m.isBidder(v) || !a.ge(p.bid(v), a.of(BigFraction.of(250)))) continue;
      N[] pay = (N[]) new Object[m.size()];
      Arrays.fill(pay, a.zero());
      pay[v] = a.of(BigFraction.of(300));
      return Outcome.award(m, v, pay, Map.of());
    }
    return Outcome.noSale(m, a);
  }
}
