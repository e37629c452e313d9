package org.mechcheck.datatrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mechcheck.claims.Claim;
import org.mechcheck.claims.Verdict;
import org.mechcheck.store.NetworkJson;

/**
 * The claims check "datatrade": reads the record {@code mechcheck datatrade verify --save} wrote
 * into proofs/datatrade/ and, for the theorems, re-runs the record's first instances live (same
 * seed) so that a record the code no longer agrees with is not believed.
 */
public final class DatatradeCheck {
  private DatatradeCheck() {}

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
    Path f = record(home, o.claim());
    Files.createDirectories(f.getParent());
    Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
    Files.writeString(tmp, NetworkJson.MAPPER.writeValueAsString(r) + "\n");
    Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  public static Verdict evaluate(Claim claim, Path home, double budgetSeconds) {
    long t0 = System.nanoTime();
    Path f = record(home, claim.id());
    String rel = home.relativize(f).toString();
    if (!Files.isRegularFile(f)) {
      return new Verdict(claim, Verdict.UNKNOWN, null, List.of(), "no record " + rel + "; run: mechcheck datatrade verify --save", 0);
    }
    JsonNode r;
    try {
      r = NetworkJson.MAPPER.readTree(Files.readString(f));
    } catch (IOException e) {
      return new Verdict(claim, Verdict.UNKNOWN, null, List.of(rel), "unreadable record: " + e.getMessage(), 0);
    }
    if (!FORMAT.equals(r.path("format").asText()) || !claim.id().equals(r.path("claim").asText())) {
      return new Verdict(claim, Verdict.UNKNOWN, null, List.of(rel), "record is not a " + FORMAT + " record of this claim", 0);
    }
    String verdict = r.path("verdict").asText();
    long seed = r.path("seed").asLong();
    String note = r.path("scope").asText() + " (" + r.path("instances").asInt() + " instances; " + r.path("command").asText() + ")";
    DatatradeClaims.Outcome live = switch (claim.id()) {
      case DatatradeClaims.EXPANSION -> DatatradeClaims.expansion(LIVE, seed);
      case DatatradeClaims.LOCAL -> DatatradeClaims.local(LIVE, seed);
      case DatatradeClaims.WELFARE -> DatatradeClaims.welfare(LIVE, seed);
      default -> null;
    };
    if (live != null) {
      if (!live.holds() && verdict.equals(Verdict.VERIFIED)) {
        return new Verdict(claim, Verdict.REFUTED, null, List.of(rel), "the record says verified but a live re-run of its first " + LIVE + " instances fails: " + live.failures().get(0),
            (System.nanoTime() - t0) / 1e9);
      }
      note += "; first " + LIVE + " instances re-run live";
    }
    if (!verdict.equals(Verdict.VERIFIED) && !verdict.equals(Verdict.REFUTED)) verdict = Verdict.UNKNOWN;
    if (r.path("findings").size() > 0) note += "; " + r.path("findings").get(0).asText();
    return new Verdict(claim, verdict, null, List.of(rel), note, (System.nanoTime() - t0) / 1e9);
  }
}
