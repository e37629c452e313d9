package org.mechcheck.sra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.claims.Claim;
import org.mechcheck.claims.ClaimEvaluator;
import org.mechcheck.claims.Verdict;
import org.mechcheck.network.Market;
import org.mechcheck.num.Rationals;
import org.mechcheck.plugin.Registry;
import org.mechcheck.store.EvidenceKind;
import org.mechcheck.store.EvidenceStore;
import org.mechcheck.store.InputException;
import org.mechcheck.store.NetworkJson;
import org.mechcheck.store.ProofRecord;

/**
 * Evidence for claims about the protocol's message-passing and computational deviations (claims
 * with a {@code deviations} family): counterexamples in {@code counterexamples/sra/} (format
 * {@code mechcheck-sra-deviation/1}: the network, the agent, the deviation with its exact
 * parameter, both utilities), replayed exactly; proof records of {@link DeviationSearch} in
 * {@code proofs/} (the usual format, with {@code "deviations"} naming the family). The evidence
 * kind of those files, for {@code replay}.
 */
public final class DeviationEvidence implements EvidenceKind {
  public static final String FORMAT = "mechcheck-sra-deviation/1";
  /** The subfolder of counterexamples/ these files live in. */
  static final String FOLDER = "sra";

  @Override
  public String name() {
    return FORMAT;
  }

  @Override
  public Replayed replay(Path file, JsonNode root, Registry registry) {
    Read read = read(file, root);
    DeviationSearch.Finding f = read.replay();
    String claim = root.path("claim").asText();
    ObjectNode o = NetworkJson.MAPPER.createObjectNode();
    o.put("file", file.toString()).put("mechanism", "sra").put("claim", claim).put("family", root.path("family").asText());
    o.put("violates", f != null);
    if (f != null) {
      o.put("agent", f.witness().id(f.agent()));
      o.putObject("truthful").put("utility", Rationals.format(f.truthful()));
      o.putObject("deviating").put("utility", Rationals.format(f.deviating()));
    }
    String line = file + "  sra IC (" + root.path("family").asText() + ")  " + (f != null ? describe(f) + "  still violates" : "NO LONGER REPRODUCES");
    return new Replayed(f != null, line, o);
  }

  static Verdict evaluate(Claim claim, EvidenceStore store, int budgetAgents, double budgetSeconds) {
    long start = System.nanoTime();
    List<String> notes = new ArrayList<>();
    for (EvidenceStore.EvidenceFile e : store.files(FORMAT)) {
      if (!claim.id().equals(e.claim())) continue;
      if (!e.readable()) return new Verdict(claim, Verdict.UNKNOWN, null, List.of(store.cite(e.path())), "unreadable evidence: " + e.problem(), secs(start));
      String rel = store.cite(e.path());
      Read file;
      try {
        file = read(e.path(), e.root());
      } catch (InputException bad) {
        return new Verdict(claim, Verdict.UNKNOWN, null, List.of(rel), "unreadable evidence: " + bad.getMessage(), secs(start));
      }
      String off = !file.family().equals(claim.deviations()) ? "its family is " + file.family() + ", the claim's " + claim.deviations()
          : !claim.networkClass().contains(file.market()) ? "its network is not in the claim's class " + claim.networkClass().id() : null;
      if (off != null) {
        notes.add("rejected " + rel + ": " + off);
        continue;
      }
      DeviationSearch.Finding f = file.replay();
      if (f != null) {
        return new Verdict(claim, Verdict.REFUTED, null, List.of(rel), "replayed exactly: " + describe(f), secs(start));
      }
      notes.add("counterexample no longer reproduces: " + rel);
    }
    if (Files.exists(store.proofFile(claim.id()))) {
      String rel = store.cite(store.proofFile(claim.id()));
      ProofRecord r;
      try {
        r = ProofRecord.read(store.proofFile(claim.id()));
      } catch (InputException bad) {
        return new Verdict(claim, Verdict.UNKNOWN, null, List.of(rel), "unreadable evidence: " + bad.getMessage(), secs(start));
      }
      var mismatch = ClaimEvaluator.mismatch(r, claim);
      if (mismatch.isPresent()) {
        notes.add("rejected " + rel + ": " + mismatch.get());
      } else {
        notes.add(0, r.networks() + " networks, " + r.queries() + " queries, Z3 " + r.z3() + "; deviations '" + claim.deviations() + "', expected utility over the inviter choices");
        return new Verdict(claim, Verdict.VERIFIED, r.maxAgents(), List.of(rel), String.join("; ", notes), secs(start));
      }
    }
    if (budgetAgents > 0) {
      DeviationSearch.Result r = DeviationSearch.run(claim.deviations(), claim.networkClass(), budgetAgents, BigFraction.of(100), 30_000, budgetSeconds, x -> { });
      if (r.finding() != null) {
        return new Verdict(claim, Verdict.REFUTED, null, List.of(), "searched now (not saved): " + describe(r.finding()), secs(start));
      }
      if (r.bound() > 0) return new Verdict(claim, Verdict.VERIFIED, r.bound(), List.of(), "searched now (not saved): " + r.networks() + " networks", secs(start));
    }
    String note = notes.isEmpty() ? "no counterexample, no proof record" : String.join("; ", notes);
    return new Verdict(claim, Verdict.UNKNOWN, null, List.of(), note, secs(start));
  }

  public static String describe(DeviationSearch.Finding f) {
    Market m = f.witness();
    return m.id(f.agent()) + " " + text(f) + ": expected utility " + Rationals.format(f.truthful()) + " -> " + Rationals.format(f.deviating());
  }

  static String text(DeviationSearch.Finding f) {
    Market m = f.witness();
    return switch (f.kind()) {
      case "passing" -> f.targets().isEmpty() ? "reports to no inviter" : "reports to " + String.join(", ", f.targets().stream().map(m::id).toList()) + " only";
      default -> f.text();
    };
  }

  /** A validated file: its family, market, agent and deviation, ready to replay. */
  record Read(String family, Market market, int agent, String kind, List<Integer> targets, BigFraction parameter) {
    /** The finding if the deviation still gains when replayed exactly, else null. */
    DeviationSearch.Finding replay() {
      return DeviationSearch.confirm(market, agent, family, kind, targets, parameter);
    }
  }

  /** The finding of a saved file if it still gains when replayed exactly, else null. */
  static DeviationSearch.Finding replay(Path p, JsonNode o) {
    return read(p, o).replay();
  }

  /** The deviation kinds each family's files may hold. */
  private static List<String> kinds(String family) {
    return family.equals("computation") ? List.of("shift", "constant", "own-only") : List.of("passing");
  }

  /**
   * Reads and validates a file (docs/formats/sra-deviation.md): every field the replay uses, each
   * bad one named in one line. The recorded utilities are not read; the replay recomputes them.
   */
  static Read read(Path p, JsonNode o) {
    if (o == null || !o.isObject()) throw new InputException(p + ": the file must hold one JSON object");
    if (!FORMAT.equals(o.path("format").asText())) throw new InputException(p + ": format: expected \"" + FORMAT + "\"");
    JsonNode mech = o.get("mechanism");
    if (mech != null && !"sra".equals(mech.asText())) throw new InputException(p + ": mechanism: must be \"sra\" (the protocol these deviations are of), got " + mech);
    JsonNode fam = o.get("family");
    if (fam == null || !fam.isTextual()) throw new InputException(p + ": family: missing or not a string (known: " + String.join(", ", DeviationSearch.FAMILIES) + ")");
    String family = fam.asText();
    if (!DeviationSearch.FAMILIES.contains(family)) throw new InputException(p + ": family: unknown family '" + family + "' (known: " + String.join(", ", DeviationSearch.FAMILIES) + ")");
    if (o.get("network") == null) throw new InputException(p + ": network: missing");
    Market m = NetworkJson.parse(o.get("network"), p + ": network", true, "network");
    new Protocol().refusal(m).ifPresent(why -> {
      throw new InputException(p + ": network: outside the domain of sra: " + why);
    });
    JsonNode a = o.get("agent");
    if (a == null || !a.isTextual()) throw new InputException(p + ": agent: missing or not an agent id");
    int agent = m.node(a.asText());
    if (agent <= 0) throw new InputException(p + ": agent: '" + a.asText() + "' is not an agent of the network");
    JsonNode d = o.get("deviation");
    if (d == null || !d.isObject()) throw new InputException(p + ": deviation: missing or not an object");
    JsonNode k = d.get("kind");
    List<String> allowed = kinds(family);
    if (k == null || !k.isTextual()) throw new InputException(p + ": deviation.kind: missing or not a string (family " + family + ": " + String.join(", ", allowed) + ")");
    String kind = k.asText();
    if (!allowed.contains(kind)) {
      throw new InputException(p + ": deviation.kind: '" + kind + "' is not a deviation of family " + family + " (" + String.join(", ", allowed) + ")");
    }
    List<Integer> targets = new ArrayList<>();
    JsonNode ts = d.path("targets");
    if (!ts.isMissingNode() && !ts.isArray()) throw new InputException(p + ": deviation.targets: must be a list of agent ids");
    List<Integer> inviters = kind.equals("passing") ? DeviationSearch.inviters(m, agent) : List.of();
    for (int i = 0; i < ts.size(); i++) {
      String at = p + ": deviation.targets[" + i + "]";
      JsonNode t = ts.get(i);
      if (!t.isTextual()) throw new InputException(at + ": must be an agent id, got " + t);
      int v = m.node(t.asText());
      if (v < 0) throw new InputException(at + ": '" + t.asText() + "' is not a node of the network");
      if (!kind.equals("passing")) throw new InputException(at + ": a " + kind + " deviation reports to one inviter at random, as intended; it has no targets");
      if (!inviters.contains(v)) throw new InputException(at + ": '" + t.asText() + "' is not one of " + a.asText() + "'s inviters");
      if (targets.contains(v)) throw new InputException(at + ": '" + t.asText() + "' is listed twice");
      targets.add(v);
    }
    if (family.equals("choice") && targets.size() != 1) throw new InputException(p + ": deviation.targets: a choice deviation reports to one fixed inviter, got " + targets.size());
    if (family.equals("passing") && targets.size() == 1) throw new InputException(p + ": deviation.targets: a passing deviation reports to no inviter or to two or more, got one (that is family choice)");
    JsonNode pn = d.get("parameter");
    BigFraction param = null;
    boolean takes = kind.equals("shift") || kind.equals("constant");
    if (takes && pn == null) throw new InputException(p + ": deviation.parameter: missing; a " + kind + " deviation needs its " + (kind.equals("shift") ? "shift d" : "constant c"));
    if (!takes && pn != null) throw new InputException(p + ": deviation.parameter: a " + kind + " deviation has no parameter");
    if (pn != null) {
      try {
        param = NetworkJson.exactNumber(pn);
      } catch (NumberFormatException e) {
        throw new InputException(p + ": deviation.parameter: " + e.getMessage());
      }
      if (kind.equals("constant") && param.signum() < 0) throw new InputException(p + ": deviation.parameter: the constant passed on is at least 0, got " + Rationals.format(param));
    }
    return new Read(family, m, agent, kind, targets, param);
  }

  /** Saves a finding as {@code counterexamples/sra/<claim>-<hash>.json}; returns the path. */
  static Path save(EvidenceStore store, String claim, DeviationSearch.Finding f, String foundBy) {
    ObjectNode o = toJson(claim, f, foundBy);
    String body;
    try {
      body = NetworkJson.MAPPER.writeValueAsString(o) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    String hash = Integer.toHexString(body.replace(foundBy, "").hashCode());
    return store.saveNew(FOLDER, claim.replace('/', '_') + "-" + hash + ".json", body);
  }

  /** The file's content: a {@code mechcheck-sra-deviation/1} object. */
  static ObjectNode toJson(String claim, DeviationSearch.Finding f, String foundBy) {
    Market m = f.witness();
    ObjectNode o = NetworkJson.MAPPER.createObjectNode();
    o.put("format", FORMAT).put("mechanism", "sra").put("claim", claim).put("family", f.family());
    o.set("network", NetworkJson.toJson(m));
    o.put("agent", m.id(f.agent()));
    ObjectNode d = o.putObject("deviation");
    d.put("kind", f.kind()).put("text", text(f));
    ArrayNode ts = d.putArray("targets");
    for (int t : f.targets()) ts.add(m.id(t));
    if (f.parameter() != null) d.put("parameter", Rationals.format(f.parameter()));
    o.putObject("truthful").put("utility", Rationals.format(f.truthful()));
    o.putObject("deviating").put("utility", Rationals.format(f.deviating()));
    o.put("note", "expected utilities over every inviter choice; everyone else plays the intended strategy");
    o.put("foundBy", foundBy);
    return o;
  }

  /** Shrinks a finding's values (and parameter) towards small integers while it still gains. */
  public static DeviationSearch.Finding shrink(DeviationSearch.Finding f) {
    long[] small = {0, 1, 2, 3, 4, 5, 10};
    Market m = f.witness();
    int n = m.size();
    BigFraction[] values = new BigFraction[n];
    for (int v = 1; v < n; v++) values[v] = m.agent(v).value();
    BigFraction param = f.parameter();
    DeviationSearch.Finding best = f;
    for (int v = 1; v < n; v++) {
      for (long s : small) {
        BigFraction old = values[v];
        values[v] = BigFraction.of(s);
        DeviationSearch.Finding g = DeviationSearch.confirm(m.withTypes(m.name(), values, new BigFraction[n]), f.agent(), f.family(), f.kind(), f.targets(), param);
        if (g != null) { best = g; break; }
        values[v] = old;
      }
    }
    if (param != null) {
      for (long s : small) {
        for (BigFraction c : List.of(BigFraction.of(s), BigFraction.of(-s))) {
          DeviationSearch.Finding g = DeviationSearch.confirm(best.witness(), f.agent(), f.family(), f.kind(), f.targets(), c);
          if (g != null) return g;
        }
      }
    }
    return best;
  }

  private static double secs(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
