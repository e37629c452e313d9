package org.mechcheck.datatrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mechcheck.claims.Claim;
import org.mechcheck.claims.Verdict;
import org.mechcheck.store.AtomicFiles;
import org.mechcheck.store.EvidenceStore;
import org.mechcheck.store.InputException;
import org.mechcheck.store.NetworkJson;

/**
 * The claims check "datatrade": reads the record {@code mechcheck datatrade verify --save} wrote
 * into proofs/datatrade/ and, for the theorems, re-runs the record's first instances live (same
 * seed) so that a record the code no longer agrees with is not believed.
 */
public final class DatatradeCheck implements org.mechcheck.claims.ClaimCheck {
  /** The check "datatrade" (the claims of 004), registered as a claim check. */
  public DatatradeCheck() {}

  @Override
  public String name() {
    return "datatrade";
  }

  public static final String FORMAT = "mechcheck-datatrade-claim/1";
  static final int LIVE = 8;

  public static Path record(Path home, String claimId) {
    return home.resolve("proofs/datatrade").resolve(claimId.replace('/', '_') + ".json");
  }

  public static void write(Path home, DatatradeClaims.Outcome o, String command, long seed) throws IOException {
    ObjectNode r = NetworkJson.MAPPER.createObjectNode();
    r.put("format", FORMAT).put("claim", o.claim()).put("verdict", o.holds() ? Verdict.VERIFIED : Verdict.REFUTED);
    r.put("instances", o.instances()).put("scope", o.scope()).put("seed", seed);
    o.failures().forEach(r.putArray("findings")::add);
    r.put("seconds", Math.round(o.seconds() * 100) / 100.0).put("command", command).put("date", java.time.Instant.now().toString());
    AtomicFiles.replace(record(home, o.claim()), NetworkJson.MAPPER.writeValueAsString(r) + "\n");
  }

  public static final String SEARCH_FORMAT = "mechcheck-datatrade-search/1";

  public static Path searchRecord(Path home, String claimId, TieBreak tb) {
    return home.resolve("proofs/datatrade/search").resolve(claimId.replace('/', '_') + "-" + tb.label() + ".json");
  }

  /** Writes what one counterexample search covered and found. */
  public static Path writeSearch(Path home, String claimId, TieBreak tb, CounterexampleSearch.Space space, CounterexampleSearch.Result r, Path finding, String command) throws IOException {
    ObjectNode o = NetworkJson.MAPPER.createObjectNode();
    o.put("format", SEARCH_FORMAT).put("claim", claimId).put("tieBreak", tb.label()).put("space", space.describe());
    o.put("instances", r.instances()).put("complete", r.complete()).put("largestN", r.largestN());
    o.put("gridOnlyViolations", r.gridOnly());
    if (finding != null) o.put("counterexample", home.relativize(finding.toAbsolutePath().normalize()).toString()).put("detail", r.finding().violation().describe());
    else o.putNull("counterexample");
    o.put("seconds", Math.round(r.seconds() * 100) / 100.0).put("command", command).put("date", java.time.Instant.now().toString());
    Path f = searchRecord(home, claimId, tb);
    AtomicFiles.replace(f, NetworkJson.MAPPER.writeValueAsString(o) + "\n");
    return f;
  }

  private static String rel(Path home, Path p) {
    return home.relativize(p.toAbsolutePath().normalize()).toString();
  }

  /**
   * Counterexample files of this claim that replay exactly, as evidence paths, and their details;
   * a file of this claim that cannot be read is thrown as {@link InputException} (it makes this
   * claim, and no other, unknown).
   */
  private static List<String[]> replaying(Claim claim, Path home) {
    List<String[]> out = new java.util.ArrayList<>();
    for (EvidenceStore.EvidenceFile f : EvidenceStore.files(CounterexampleFiles.folder(home))) {
      if (!claim.id().equals(f.claim())) continue;
      if (!f.readable()) throw new InputException(f.problem());
      CounterexampleFiles.Replay r = CounterexampleFiles.replay(f.path());
      if (r.reproduces()) out.add(new String[] {rel(home, f.path()), "tie-break " + r.tieBreak() + ": " + r.detail()});
    }
    return out;
  }

  /** The searches (both tie-breaks) of a claim: null when either is missing, else a summary; complete[0] says whether both covered their space without a finding. */
  private static String searches(Claim claim, Path home, List<String> evidence, boolean[] complete) {
    StringBuilder sb = new StringBuilder();
    complete[0] = true;
    for (TieBreak tb : TieBreak.values()) {
      Path f = searchRecord(home, claim.id(), tb);
      if (!Files.isRegularFile(f)) return null;
      JsonNode r = NetworkJson.readTree(f);
      if (!SEARCH_FORMAT.equals(r.path("format").asText())) return null;
      evidence.add(rel(home, f));
      boolean clean = r.path("complete").asBoolean() && r.path("counterexample").isNull();
      complete[0] &= clean;
      sb.append(sb.length() == 0 ? "" : "; ").append("search, tie-break ").append(tb.label()).append(": ").append(r.path("instances").asLong()).append(" instances, n <= ")
          .append(r.path("largestN").asInt()).append(clean ? ", no counterexample" : r.path("counterexample").isNull() ? ", incomplete" : ", counterexample " + r.path("counterexample").asText())
          .append(" (").append(r.path("command").asText()).append(")");
    }
    return sb.toString();
  }

  @Override
  public Verdict evaluate(Claim claim, Path home, double budgetSeconds) {
    long t0 = System.nanoTime();
    boolean theorem = claim.id().startsWith(DatatradeClaims.EXPANSION) || claim.id().startsWith(DatatradeClaims.LOCAL) || claim.id().startsWith(DatatradeClaims.WELFARE);
    if (theorem) {
      List<String[]> cx;
      try {
        cx = replaying(claim, home);
      } catch (InputException e) {
        return new Verdict(claim, Verdict.UNKNOWN, null, List.of(), "unreadable evidence: " + e.getMessage(), (System.nanoTime() - t0) / 1e9);
      }
      if (!cx.isEmpty()) {
        List<String> ev = new java.util.ArrayList<>(cx.stream().map(x -> x[0]).toList());
        Path rec = record(home, claim.id());
        if (Files.isRegularFile(rec)) ev.add(rel(home, rec));
        return new Verdict(claim, Verdict.REFUTED, null, ev, "counterexample replayed exactly (hypotheses re-checked): " + String.join("; ", cx.stream().map(x -> x[1]).toList()), (System.nanoTime() - t0) / 1e9);
      }
    }
    Path f = record(home, claim.id());
    String rel = home.relativize(f).toString();
    if (!Files.isRegularFile(f)) {
      return new Verdict(claim, Verdict.UNKNOWN, null, List.of(), "no record " + rel + "; run: mechcheck datatrade verify --save", 0);
    }
    JsonNode r;
    try {
      r = NetworkJson.MAPPER.readTree(Files.readString(f));
    } catch (IOException e) {
      return new Verdict(claim, Verdict.UNKNOWN, null, List.of(rel), "unreadable evidence: " + rel + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), 0);
    }
    if (!FORMAT.equals(r.path("format").asText()) || !claim.id().equals(r.path("claim").asText())) {
      return new Verdict(claim, Verdict.UNKNOWN, null, List.of(rel), "record is not a " + FORMAT + " record of this claim", 0);
    }
    String verdict = r.path("verdict").asText();
    long seed = r.path("seed").asLong();
    String note = r.path("scope").asText() + " (" + r.path("instances").asInt() + " instances; " + r.path("command").asText() + ")";
    boolean own = claim.id().endsWith(CounterexampleSearch.OWN_SHARE);
    String base = own ? claim.id().substring(0, claim.id().length() - CounterexampleSearch.OWN_SHARE.length()) : claim.id();
    DatatradeClaims.Outcome live = switch (base) {
      case DatatradeClaims.EXPANSION -> DatatradeClaims.expansion(LIVE, seed, own);
      case DatatradeClaims.LOCAL -> DatatradeClaims.local(LIVE, seed, own);
      case DatatradeClaims.WELFARE -> DatatradeClaims.welfare(LIVE, seed, own);
      default -> null;
    };
    List<String> evidence = new java.util.ArrayList<>(List.of(rel));
    if (theorem) {
      if (verdict.equals(Verdict.REFUTED)) {
        return new Verdict(claim, Verdict.UNKNOWN, null, evidence, "the sampled record fails but no counterexample file replays; run: mechcheck datatrade search --save", (System.nanoTime() - t0) / 1e9);
      }
      boolean[] clean = new boolean[1];
      String s;
      try {
        s = searches(claim, home, evidence, clean);
      } catch (InputException e) {
        return new Verdict(claim, Verdict.UNKNOWN, null, evidence, "unreadable evidence: " + e.getMessage(), (System.nanoTime() - t0) / 1e9);
      }
      if (s == null || !clean[0]) {
        return new Verdict(claim, Verdict.UNKNOWN, null, evidence, s == null ? "no search record for both tie-breaks; run: mechcheck datatrade search --save" : s, (System.nanoTime() - t0) / 1e9);
      }
      note = s + "; sampled: " + note;
    }
    if (live != null) {
      if (!live.holds() && verdict.equals(Verdict.VERIFIED)) {
        return new Verdict(claim, Verdict.UNKNOWN, null, evidence, "the record says verified but a live re-run of its first " + LIVE + " instances fails: " + live.failures().get(0),
            (System.nanoTime() - t0) / 1e9);
      }
      note += "; first " + LIVE + " instances re-run live";
    }
    if (!verdict.equals(Verdict.VERIFIED) && !verdict.equals(Verdict.REFUTED)) verdict = Verdict.UNKNOWN;
    if (r.path("findings").size() > 0) note += "; " + r.path("findings").get(0).asText();
    return new Verdict(claim, verdict, null, evidence, note, (System.nanoTime() - t0) / 1e9);
  }
}
