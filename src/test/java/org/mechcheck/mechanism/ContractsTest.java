package org.mechcheck.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechcheck.network.Enumerator;
import org.mechcheck.network.Market;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;
import org.mechcheck.num.Exact;
import org.mechcheck.plugin.Registry;

/**
 * Issue 14, deliverable 8: the JML contracts on the mechanisms' {@code run} are the contracts
 * checked at run time. For every shipped mechanism the {@code ensures} clauses of the JML comment
 * are exactly the clauses of {@link Mechanism#contracts} (so a clause cannot be written without
 * its check, or checked without being written), each is listed in spec/contracts.md, the
 * contracts hold on every network of every class up to four agents (truthful and with
 * deviations), and a mechanism that breaks one fails its check.
 */
class ContractsTest {
  private static final Exact A = Exact.INSTANCE;
  private static final Pattern BLOCK = Pattern.compile("/\\*@\\s*also(.*?)@\\*/\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*public <N> Outcome<N> run\\(", Pattern.DOTALL);

  static String normal(String s) {
    return s.replaceAll("\\s+", " ").replaceAll("\\( ", "(").replaceAll(" \\)", ")").trim();
  }

  /** The ensures clauses of the JML comment on run in the mechanism's source file (empty when it has none). */
  static List<String> jml(Mechanism m) throws IOException {
    Class<?> declaring;
    try {
      declaring = m.getClass().getMethod("run", Profile.class, Arith.class).getDeclaringClass(); // csm-min runs csm's run
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
    Path src = Path.of("src/main/java", declaring.getName().replace('.', '/') + ".java");
    assertTrue(Files.isRegularFile(src), src.toString());
    Matcher b = BLOCK.matcher(Files.readString(src));
    if (!b.find()) return List.of();
    String body = b.group(1).lines().map(l -> l.replaceFirst("^\\s*@", "")).reduce("", (x, y) -> x + " " + y);
    List<String> out = new ArrayList<>();
    String[] parts = normal(body).split("(?:^| )ensures ");
    assertTrue(parts[0].isBlank(), m.name() + ": the JML on run holds more than ensures clauses: " + parts[0]);
    for (int k = 1; k < parts.length; k++) {
      String t = parts[k].trim();
      assertTrue(t.endsWith(";"), m.name() + ": a clause without its ';': " + t);
      out.add(t.substring(0, t.length() - 1).trim());
    }
    return out;
  }

  static List<Mechanism> shipped() {
    Registry r = Registry.standard();
    return r.all(Mechanism.class).stream().filter(m -> r.origin(m).shipped()).toList();
  }

  @Test
  void theJmlOnRunIsTheContractChecked() throws IOException {
    int withContracts = 0;
    String page = normal(Files.readString(Path.of("spec/contracts.md")).replace("`", ""));
    for (Mechanism m : shipped()) {
      List<String> written = jml(m);
      List<String> checked = m.contracts().stream().map(c -> normal(c.jml())).toList();
      assertEquals(written, checked, m.name() + ": the JML comment on run and contracts() differ");
      if (!written.isEmpty()) withContracts++;
      for (String c : written) {
        assertFalse(c.contains("=="  + " arith.zero()") || c.contains("\\subset") || c.contains(" has ") || c.contains("W*"), m.name() + ": not JML: " + c);
        assertTrue(page.contains(normal(c.replace("|", "\\|"))) || page.contains(normal(c)), m.name() + ": spec/contracts.md does not list " + c);
      }
    }
    assertTrue(withContracts >= 10, withContracts + " mechanisms with contracts");
  }

  /**
   * Every network of every class a mechanism accepts, up to four agents: the truthful profile,
   * each agent withholding every invitation, and each bidder doubling her bid. {@link Contract#run}
   * checks the contract (assertions are on in the tests); here it is asked directly too.
   */
  @Test
  void theContractsHoldOnEveryNetworkUpToFourAgents() {
    long outcomes = 0;
    for (Mechanism m : shipped()) {
      if (m.contracts().isEmpty()) continue;
      for (NetworkClass c : NetworkClass.values()) {
        for (int units : m.multiUnit() ? List.of(1, 2) : List.of(1)) {
          for (int n = 1; n <= 4; n++) {
            for (Market market : Enumerator.networks(c, n)) {
              Market k = market.withUnits(units);
              if (m.refusal(k).isPresent()) continue;
              Profile<BigFraction> truthful = Profile.truthful(k, A);
              List<Profile<BigFraction>> ps = new ArrayList<>(List.of(truthful));
              for (int v = 1; v < k.size(); v++) {
                ps.add(truthful.withInforms(v, new BitSet()));
                if (k.isBidder(v)) ps.add(truthful.deviate(v, truthful.bid(v).multiply(2).add(BigFraction.ONE), null));
              }
              for (Profile<BigFraction> p : ps) {
                Outcome<BigFraction> o = Contract.run(m, p);
                assertEquals(List.of(), Contract.broken(m, p, o), m.name() + " on " + k.name());
                outcomes++;
              }
            }
          }
        }
      }
    }
    assertTrue(outcomes > 5_000, outcomes + " outcomes");
  }

  /** IDM that charges its winner one more than IDM: its revenue is no longer p_1. */
  static final class Overcharging implements Mechanism {
    private final Idm idm = new Idm();

    public String name() {
      return "overcharging-idm";
    }

    public String description() {
      return "IDM, the winner paying one more";
    }

    public String source() {
      return "test";
    }

    public String domain() {
      return idm.domain();
    }

    public Optional<String> refusal(Market market) {
      return idm.refusal(market);
    }

    @SuppressWarnings("unchecked")
    public <N> Outcome<N> run(Profile<N> profile, Arith<N> arith) {
      Outcome<N> o = idm.run(profile, arith);
      if (!o.sold()) return o;
      N[] pay = (N[]) new Object[profile.market().size()];
      for (int v = 0; v < pay.length; v++) pay[v] = o.payment(v);
      int w = o.winners()[0];
      pay[w] = arith.add(pay[w], arith.of(1));
      return Outcome.award(profile.market(), w, pay, Map.of());
    }

    public List<Contract> contracts() {
      return idm.contracts();
    }
  }

  @Test
  void aMechanismThatBreaksItsContractFailsTheCheck() {
    Market m = Enumerator.networks(NetworkClass.SOCIAL, 3).get(2);
    BigFraction[] values = {null, BigFraction.of(3), BigFraction.of(5), BigFraction.of(2)};
    Market valued = m.withTypes(m.name(), values, Profile.zeros(m.size()));
    Profile<BigFraction> p = Profile.truthful(valued, A);
    Mechanism bad = new Overcharging();
    List<String> broken = Contract.broken(bad, p, bad.run(p, A));
    assertEquals(1, broken.size(), broken.toString());
    assertTrue(broken.get(0).contains("arith.eq(\\result.revenue(arith), price("), broken.get(0));
    AssertionError e = assertThrows(AssertionError.class, () -> Contract.run(bad, p), "assertions are on in the tests, and Contract.run checks");
    assertTrue(e.getMessage().startsWith("overcharging-idm on " + valued.name() + " breaks its contract: ensures \\result.sold() ==> arith.eq("), e.getMessage());
    assertEquals(List.of(), Contract.broken(new Idm(), p, new Idm().run(p, A)), Arrays.toString(values));
  }
}
