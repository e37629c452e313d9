package org.mechcheck.sra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.claims.Claim;
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
    DeviationSearch.Finding f = replay(file, root);
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
    List<String> stale = new ArrayList<>();
    for (EvidenceStore.EvidenceFile e : store.files(FORMAT)) {
      if (!claim.id().equals(e.claim())) continue;
      if (!e.readable()) return new Verdict(claim, Verdict.UNKNOWN, null, List.of(store.cite(e.path())), "unreadable evidence: " + e.problem(), secs(start));
      String rel = store.cite(e.path());
      DeviationSearch.Finding f;
      try {
        f = replay(e.path(), e.root());
      } catch (InputException bad) {
        return new Verdict(claim, Verdict.UNKNOWN, null, List.of(rel), "unreadable evidence: " + bad.getMessage(), secs(start));
      }
      if (f != null) {
        return new Verdict(claim, Verdict.REFUTED, null, List.of(rel), "replayed exactly: " + describe(f), secs(start));
      }
      stale.add(rel);
    }
    var proof = store.proof(claim.id());
    if (proof.isPresent()) {
      ProofRecord r = proof.get();
      return new Verdict(claim, Verdict.VERIFIED, r.maxAgents(), List.of(store.cite(store.proofFile(claim.id()))),
          r.networks() + " networks, " + r.queries() + " queries, Z3 " + r.z3() + "; deviations '" + claim.deviations() + "', expected utility over the inviter choices", secs(start));
    }
    if (budgetAgents > 0) {
      DeviationSearch.Result r = DeviationSearch.run(claim.deviations(), claim.networkClass(), budgetAgents, BigFraction.of(100), 30_000, budgetSeconds, x -> { });
      if (r.finding() != null) {
        return new Verdict(claim, Verdict.REFUTED, null, List.of(), "searched now (not saved): " + describe(r.finding()), secs(start));
      }
      if (r.bound() > 0) return new Verdict(claim, Verdict.VERIFIED, r.bound(), List.of(), "searched now (not saved): " + r.networks() + " networks", secs(start));
    }
    String note = stale.isEmpty() ? "no counterexample, no proof record" : "counterexample no longer reproduces: " + String.join(", ", stale);
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

  /** The finding of a saved file if it still gains when replayed exactly, else null. */
  static DeviationSearch.Finding replay(Path p, JsonNode o) {
    if (!FORMAT.equals(o.path("format").asText())) throw new InputException(p + ": format: expected \"" + FORMAT + "\"");
    Market m = NetworkJson.parse(o.get("network"), p + ": network", true, "network");
    int agent = m.node(o.path("agent").asText());
    if (agent <= 0) throw new InputException(p + ": agent: unknown agent '" + o.path("agent").asText() + "'");
    JsonNode d = o.path("deviation");
    List<Integer> targets = new ArrayList<>();
    for (JsonNode t : d.path("targets")) {
      int v = m.node(t.asText());
      if (v < 0) throw new InputException(p + ": deviation.targets: unknown node '" + t.asText() + "'");
      targets.add(v);
    }
    BigFraction param = d.has("parameter") ? Rationals.parse(d.get("parameter").asText()) : null;
    return DeviationSearch.confirm(m, agent, o.path("family").asText(), d.path("kind").asText(), targets, param);
  }

  /** Saves a finding as {@code counterexamples/sra/<claim>-<hash>.json}; returns the path. */
  static Path save(EvidenceStore store, String claim, DeviationSearch.Finding f, String foundBy) {
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
    String body;
    try {
      body = NetworkJson.MAPPER.writeValueAsString(o) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    String hash = Integer.toHexString(body.replace(foundBy, "").hashCode());
    return store.saveNew(FOLDER, claim.replace('/', '_') + "-" + hash + ".json", body);
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
