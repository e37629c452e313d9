import java.util.Optional;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;

public class NoDefaultConstructor implements Mechanism {
  public NoDefaultConstructor(int reserve) {}
  public String name() { return "needs-an-argument"; }
  public String description() { return ""; }
  public String source() { return ""; }
  public String domain() { return ""; }
  public Optional<String> refusal(Market m) { return Optional.empty(); }
  public <N> Outcome<N> run(Profile<N> p, Arith<N> a) { return Outcome.noSale(p.market(), a); }
}
