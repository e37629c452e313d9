import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;

/** First price among every informed bidder: the highest bid wins and pays her bid. */
public class PayYourBid implements Mechanism {
  public String name() { return "pay-your-bid"; }
  public String description() { return "first-price auction among every informed bidder"; }
  public String source() { return "tutorial"; }
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
    return Outcome.award(p.market(), w, pay, Map.of());
  }
}
