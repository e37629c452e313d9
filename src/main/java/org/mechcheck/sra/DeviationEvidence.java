package org.mechcheck.sra;

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
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.claims.Claim;
import org.mechcheck.claims.Verdict;
import org.mechcheck.network.Market;
import org.mechcheck.num.Rationals;
import org.mechcheck.search.ProofRecord;
import org.mechcheck.store.InputException;
import org.mechcheck.store.NetworkJson;

/**
 * Evidence for claims about the protocol's message-passing and computational deviations (claims
 * with a {@code deviations} family): counterexamples in {@code counterexamples/sra/} (format
 * {@code mechcheck-sra-deviation/1}: the network, the agent, the deviation with its exact
 * parameter, both utilities), replayed exactly; proof records of {@link DeviationSearch} in
 * {@code proofs/} (the usual format, plus {@code "deviations"}).
 */
public final class DeviationEvidence {
  public static final String FORMAT = "mechcheck-sra-deviation/1";

  private DeviationEvidence() {}

  public static Path folder(Path home) {
    return home.resolve("counterexamples").resolve("sra");
  }

  public static Verdict evaluate(Claim claim, Path home, int budgetAgents, double budgetSeconds) {
    long start = System.nanoTime();
    List<String> stale = new ArrayList<>();
    for (Path p : files(folder(home))) {
      JsonNode o = NetworkJson.readTree(p);
      if (!claim.id().equals(o.path("claim").asText())) continue;
      DeviationSearch.Finding f = replay(p, o);
      String rel = home.relativize(p.toAbsolutePath().normalize()).toString();
      if (f != null) {
        return new Verdict(claim, Verdict.REFUTED, null, List.of(rel), "replayed exactly: " + describe(f), secs(start));
      }
      stale.add(rel);
    }
    Path proof = ProofRecord.fileFor(home.resolve("proofs"), claim.id());
    if (Files.exists(proof)) {
      ProofRecord r = ProofRecord.read(proof);
      return new Verdict(claim, Verdict.VERIFIED, r.maxAgents(), List.of(home.relativize(proof).toString()),
          r.networks() + " networks, " + r.queries() + " queries, Z3 " + r.z3() + "; deviations '" + claim.deviations() + "', expected utility over the inviter choices", secs(start));
    }
    if (budgetAgents > 0) {
      DeviationSearch.Result r = DeviationSearch.run(claim.deviations(), claim.networkClass(), budgetAgents, BigFraction.of(100), 30_000, budgetSeconds, x -> {});
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
  public static Path save(Path home, String claim, DeviationSearch.Finding f, String foundBy) throws IOException {
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
    String body = NetworkJson.MAPPER.writeValueAsString(o) + "\n";
    String hash = Integer.toHexString(body.replace(foundBy, "").hashCode());
    Path dir = folder(home);
    Files.createDirectories(dir);
    Path target = dir.resolve(claim.replace('/', '_') + "-" + hash + ".json");
    Path tmp = Files.createTempFile(dir, ".cx", ".tmp");
    Files.writeString(tmp, body);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }

  /** Saves a proof record (with its family) unless one with at least this bound exists. */
  public static boolean saveProof(Path home, ProofRecord r, String family) throws IOException {
    Path dir = home.resolve("proofs");
    Files.createDirectories(dir);
    Path target = ProofRecord.fileFor(dir, r.claim());
    if (Files.exists(target) && ProofRecord.read(target).maxAgents() >= r.maxAgents()) return false;
    ObjectNode o = r.toJson();
    o.put("deviations", family);
    o.put("utility", "expected over every inviter choice");
    Path tmp = Files.createTempFile(dir, ".proof", ".tmp");
    Files.writeString(tmp, NetworkJson.MAPPER.writeValueAsString(o) + "\n");
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return true;
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

  private static List<Path> files(Path dir) {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new InputException(dir + ": cannot list folder (" + e.getMessage() + ")");
    }
  }

  private static double secs(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
