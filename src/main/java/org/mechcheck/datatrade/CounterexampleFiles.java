package org.mechcheck.datatrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.mechcheck.num.Rationals;
import org.mechcheck.store.EvidenceStore;
import org.mechcheck.store.InputException;
import org.mechcheck.store.NetworkJson;

/**
 * Counterexamples to 004's theorems as files ({@code counterexamples/datatrade/<claim>-<hash>.json},
 * format {@code mechcheck-datatrade-counterexample/1}): the explicit chain (model file format), the
 * mechanism(s), the tie-break, the violated event or welfare numbers in exact rationals, the
 * hypotheses as checked, and the command that found it. {@link #replay} rebuilds everything from
 * the file and re-derives the violation and the hypotheses.
 */
public final class CounterexampleFiles {
  private CounterexampleFiles() {}

  public static final String FORMAT = "mechcheck-datatrade-counterexample/1";

  /** The subfolder of counterexamples/ these files live in. */
  static final String FOLDER = "datatrade";

  public static Path folder(Path home) {
    return new EvidenceStore(home).counterexamples().resolve(FOLDER);
  }

  public static List<Path> files(Path home) {
    Path dir = folder(home);
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new InputException(dir + ": cannot list folder (" + e.getMessage() + ")");
    }
  }

  static String source(String claim) {
    return switch (claim) {
      case CounterexampleSearch.EXPANSION -> "004 Theorem 4.4";
      case CounterexampleSearch.LOCAL -> "004 Theorem 4.3";
      default -> "004 §4.2, the remark after Theorem 4.4";
    };
  }

  /** The hypotheses of the claim, each checked on the instance; throws naming the first that fails. */
  static List<String> hypotheses(String claim, boolean ownShare, Chain c, CounterexampleSearch.Instance x) {
    List<String> h = new ArrayList<>();
    if (ownShare) {
      if (!TheoremChecks.ownSharesPositive(x.t()) || (x.t2() != null && !TheoremChecks.ownSharesPositive(x.t2()))) {
        throw new InputException("hypotheses: a seller keeps nothing of her own sale, outside the reading this claim states");
      }
      h.add("every seller keeps a positive share of her own sale (t_{i+1,i} > 0), the reading this claim states");
    }
    h.add("Assumption 2.1 (Markovian): v_i depends on v_{i-1} only, by construction of the chain (one transition matrix per stage)");
    JumpChain jc;
    try {
      jc = JumpChain.recognise(c);
    } catch (IllegalStateException e) {
      throw new InputException("hypotheses: " + e.getMessage());
    }
    h.add("Assumption 4.1 (positivity): every grid value is positive (smallest " + Rationals.format(c.w[0]) + ")");
    h.add("Assumption 4.2 (homogeneity): from every reachable state the chain moves as " + jc.describe()
        + ", no reachable row clipped; F_i(alpha v | alpha w) = Pr[w rho^J <= v] = F_i(v | w) for every alpha > 0");
    h.add("price tie-break '" + x.tieBreak().label() + "' (" + (x.tieBreak() == TieBreak.LOW ? "lowest" : "highest")
        + " optimal price): the same rule for every mechanism, as §4 requires, and scale-equivariant on the buyers' support");
    if (claim.equals(CounterexampleSearch.LOCAL)) {
      String bad = TheoremChecks.localConditions(x.t(), x.t2(), x.player());
      if (bad != null) throw new InputException("hypotheses: Theorem 4.3 " + bad);
      h.add("t1, t2 nonnegative, and Theorem 4.3's conditions (a)-(d) hold for player " + x.player() + " (and the pair differs only in player " + x.player() + "'s column)");
      h.add("t1 and t2 are also budget feasible (Definition 2.5) and past only (Definition 2.6), which Theorem 4.3 does not even require");
    } else {
      h.add("t nonnegative, budget feasible (Definition 2.5) and past only (Definition 2.6): checked by ReallocationKernel");
      if (claim.equals(CounterexampleSearch.WELFARE)) {
        if (!x.t().budgetBalanced()) throw new InputException("hypotheses: t is not budget balanced");
        h.add("t budget balanced: every row sums to 1");
      }
    }
    return h;
  }

  static List<String> zeroOwnShares(Reallocation t) {
    List<String> z = new ArrayList<>();
    for (int i = 1; i <= t.n; i++) if (t.get(i, i - 1).signum() == 0) z.add("t[" + i + "][" + (i - 1) + "]");
    return z;
  }

  public static Path save(Path home, CounterexampleSearch.Finding f, CounterexampleSearch.Space space, String foundBy) throws IOException {
    CounterexampleSearch.Instance x = f.instance();
    Chain c = x.chain().chain();
    ObjectNode o = NetworkJson.MAPPER.createObjectNode();
    o.put("format", FORMAT).put("claim", f.id()).put("source", source(f.claim()));
    o.put("tieBreak", x.tieBreak().label());
    o.put("candidates", "Algorithm 2 as written (every grid value's threshold); the same outcome holds when sellers consider only the thresholds of buyers they can meet");
    o.set("model", ModelJson.toJson(c));
    o.put("chain", x.chain().describe() + ", v_0 = 1; n = " + c.n + ", L = " + c.size());
    if (x.t2() == null) {
      o.set("t", ModelJson.toJson(x.t()));
    } else {
      o.put("player", x.player());
      o.set("t1", ModelJson.toJson(x.t()));
      o.set("t2", ModelJson.toJson(x.t2()));
    }
    o.set("violation", toJson(f.violation()));
    o.put("detail", f.violation().describe());
    ArrayNode h = o.putArray("hypotheses");
    hypotheses(f.claim(), f.ownShare(), c, x).forEach(h::add);
    List<String> zeros = new ArrayList<>(zeroOwnShares(x.t()));
    if (x.t2() != null) zeroOwnShares(x.t2()).forEach(s -> zeros.add(s + " (t2)"));
    o.put("ownSharesPositive", zeros.isEmpty());
    o.put("note", zeros.isEmpty() ? "every seller keeps a positive share of her own sale"
        : "a seller keeps nothing of her own sale (" + String.join(", ", zeros) + "): nothing in the theorem's hypotheses forbids it");
    o.put("minimality", "first violation in the search order (n, then L = n * width + 1, then ratio, drift, jump law, matrix) over " + space.describe()
        + "; " + f.examined() + " instances checked up to it; matrix entries then set to 0 while the violation stayed");
    o.put("foundBy", foundBy);
    String body = NetworkJson.MAPPER.writeValueAsString(o) + "\n";
    String hash = Integer.toHexString(body.replace(foundBy, "").hashCode());
    return new EvidenceStore(home).saveNew(FOLDER, f.id().replace('/', '_') + "-" + x.tieBreak().label() + "-" + hash + ".json", body);
  }

  static ObjectNode toJson(TheoremChecks.Violation v) {
    ObjectNode o = NetworkJson.MAPPER.createObjectNode();
    o.put("kind", v.kind());
    if (v.kind().equals("welfare")) {
      o.put("sw", Rationals.format(v.sw())).put("swRaw", Rationals.format(v.swRaw()));
      return o;
    }
    o.put("trade", v.trade()).put("vPrev", Rationals.format(v.vPrev())).put("v", Rationals.format(v.v()));
    ArrayNode s = o.putArray("sides");
    for (TheoremChecks.Side x : v.sides()) {
      s.addObject().put("mechanism", x.mechanism()).put("price", Rationals.format(x.price())).put("threshold", Rationals.format(x.threshold())).put("buys", x.buys());
    }
    return o;
  }

  /** The kinds of event violation the checks write (TheoremChecks): an inclusion or an equality of events E_i that fails. */
  private static final java.util.regex.Pattern EVENT = java.util.regex.Pattern.compile("E_(\\d+)\\^\\S+ (?:not in|!=) E_\\1\\^\\S+(?: \\(E\\^[12] larger\\))?");

  /** The recorded violation, every field checked: one line naming the first that is wrong. */
  static TheoremChecks.Violation violation(JsonNode o) {
    if (o == null || !o.isObject()) throw new InputException("violation: missing or not an object");
    JsonNode k = o.get("kind");
    if (k == null || !k.isTextual()) throw new InputException("violation.kind: missing or not a string");
    String kind = k.asText();
    if (kind.equals("welfare")) return new TheoremChecks.Violation(kind, 0, null, null, List.of(), exact(o, "sw", "violation"), exact(o, "swRaw", "violation"));
    if (!EVENT.matcher(kind).matches()) {
      throw new InputException("violation.kind: unknown kind '" + kind + "' (known: welfare, or an event inclusion such as 'E_1^RAW not in E_1^t')");
    }
    JsonNode trade = o.get("trade");
    if (trade == null || !trade.isIntegralNumber() || !trade.canConvertToInt() || trade.asInt() < 1) throw new InputException("violation.trade: must be a trade i >= 1, got " + trade);
    JsonNode ss = o.get("sides");
    if (ss == null || !ss.isArray() || ss.isEmpty()) throw new InputException("violation.sides: missing or not a list of the two mechanisms' sides");
    List<TheoremChecks.Side> sides = new ArrayList<>();
    for (int i = 0; i < ss.size(); i++) {
      JsonNode x = ss.get(i);
      String at = "violation.sides[" + i + "]";
      if (!x.isObject()) throw new InputException(at + ": must be an object");
      if (!x.path("mechanism").isTextual()) throw new InputException(at + ".mechanism: missing or not a string");
      if (!x.path("buys").isBoolean()) throw new InputException(at + ".buys: must be true or false, got " + x.get("buys"));
      sides.add(new TheoremChecks.Side(x.get("mechanism").asText(), exact(x, "price", at), exact(x, "threshold", at), x.get("buys").asBoolean()));
    }
    return new TheoremChecks.Violation(kind, trade.asInt(), exact(o, "vPrev", "violation"), exact(o, "v", "violation"), sides, null, null);
  }

  private static org.apache.commons.numbers.fraction.BigFraction exact(JsonNode o, String field, String at) {
    JsonNode v = o.get(field);
    if (v == null) throw new InputException(at + "." + field + ": missing");
    try {
      return NetworkJson.exactNumber(v);
    } catch (NumberFormatException e) {
      throw new InputException(at + "." + field + ": " + e.getMessage());
    }
  }

  /** A replay: the claim's id, whether the file's violation shows exactly, under support-only candidates too, with every hypothesis re-checked. */
  public record Replay(String claim, String tieBreak, boolean reproduces, String detail) {}

  public static Replay replay(Path file) {
    JsonNode o = NetworkJson.readTree(file);
    String at = file.toString();
    if (o == null || !o.isObject()) throw new InputException(at + ": the file must hold one JSON object");
    if (!FORMAT.equals(o.path("format").asText())) throw new InputException(at + ": format: expected \"" + FORMAT + "\"");
    String id = o.path("claim").asText();
    boolean ownShare = id.endsWith(CounterexampleSearch.OWN_SHARE);
    String claim = ownShare ? id.substring(0, id.length() - CounterexampleSearch.OWN_SHARE.length()) : id;
    if (!CounterexampleSearch.CLAIMS.contains(claim)) throw new InputException(at + ": claim: '" + id + "' is not one of " + CounterexampleSearch.CLAIMS + " (optionally + " + CounterexampleSearch.OWN_SHARE + ")");
    Chain c;
    CounterexampleSearch.Instance x;
    TheoremChecks.Violation recorded;
    try {
      if (!o.path("tieBreak").isTextual()) throw new InputException("tieBreak: missing or not a string (low or high)");
      TieBreak tb = TieBreak.parse(o.get("tieBreak").asText());
      if (o.get("model") == null) throw new InputException("model: missing");
      c = ModelJson.parse(o.get("model")).chain();
      boolean pair = claim.equals(CounterexampleSearch.LOCAL);
      if (pair && (!o.path("player").isIntegralNumber() || o.get("player").asInt() < 0 || o.get("player").asInt() > c.n)) {
        throw new InputException("player: the player whose shares t1 and t2 differ, 0.." + c.n + ", got " + o.get("player"));
      }
      if (pair && !o.has("t1")) throw new InputException("t1: missing; a local-comparison counterexample holds the pair t1, t2");
      if (!pair && !o.has("t")) throw new InputException("t: missing");
      x = pair
          ? new CounterexampleSearch.Instance(null, tb, ModelJson.matrix(o.get("t1"), c.n, "t1"), ModelJson.matrix(o.get("t2"), c.n, "t2"), o.get("player").asInt())
          : new CounterexampleSearch.Instance(null, tb, ModelJson.matrix(o.get("t"), c.n, "t"), null, -1);
      hypotheses(claim, ownShare, c, x);
      recorded = violation(o.get("violation"));
    } catch (InputException e) {
      throw new InputException(at + ": " + e.getMessage());
    }
    TieBreak tb = x.tieBreak();
    TheoremChecks.Violation now = CounterexampleSearch.check(claim, c, x, Candidates.GRID);
    if (now == null) return new Replay(id, tb.label(), false, "no violation any more");
    if (!now.sameAs(recorded)) return new Replay(id, tb.label(), false, "a different violation than recorded: " + now.describe());
    if (!CounterexampleSearch.holdsOnSupport(claim, c, x, now)) return new Replay(id, tb.label(), false, "the violation depends on prices outside the buyers' support");
    return new Replay(id, tb.label(), true, now.describe());
  }
}
