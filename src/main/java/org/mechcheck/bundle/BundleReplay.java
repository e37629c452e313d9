package org.mechcheck.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.mechcheck.claims.Claim;
import org.mechcheck.claims.ClaimEvaluator;
import org.mechcheck.claims.ClaimRegistry;
import org.mechcheck.claims.Verdict;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.claims.DeviationFamilies;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.plugin.Registry;
import org.mechcheck.property.Others;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.num.Rationals;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Property;
import org.mechcheck.store.ProofRecord;
import org.mechcheck.search.Search;
import org.mechcheck.store.InputException;
import org.mechcheck.store.NetworkJson;

/**
 * Re-checks a {@link Bundle} with this machine's mechcheck: every file against SHA256SUMS (and
 * no file the list leaves out); each claim's verdict again from the bundled evidence alone
 * (counterexamples replayed exactly, hypotheses re-checked, as {@code mechcheck claims} does);
 * each bounded-verification record searched again up to {@link #RECHECK} agents, with the same
 * network counts per size as the record (as the test suite does; the record's command covers the
 * rest). KeY proofs are checked by checksum only ({@code mechcheck prove} re-runs them).
 */
public final class BundleReplay {
  public static final int RECHECK = 3;

  /** Each check as one line, and whether all passed. */
  public record Result(List<String> lines, boolean ok) {}

  private BundleReplay() {}

  public static Result run(Path zip) throws IOException {
    Map<String, byte[]> files = read(zip);
    List<String> lines = new ArrayList<>();
    boolean ok = true;
    byte[] sums = files.get(Bundle.SUMS);
    if (sums == null) throw new InputException(zip + ": not a mechcheck bundle (no " + Bundle.SUMS + ")");
    Map<String, String> listed = new LinkedHashMap<>();
    for (String l : new String(sums, StandardCharsets.UTF_8).split("\n")) {
      if (l.isBlank()) continue;
      int sp = l.indexOf("  ");
      if (sp != 64) throw new InputException(zip + ": " + Bundle.SUMS + ": malformed line '" + l + "'");
      listed.put(l.substring(sp + 2), l.substring(0, sp));
    }
    int good = 0;
    for (var e : listed.entrySet()) {
      byte[] b = files.get(e.getKey());
      if (b == null) {
        lines.add("MISSING   " + e.getKey());
        ok = false;
      } else if (!Bundle.sha256(b).equals(e.getValue())) {
        lines.add("CHANGED   " + e.getKey() + " (checksum differs)");
        ok = false;
      } else {
        good++;
      }
    }
    for (String f : files.keySet()) {
      if (!f.equals(Bundle.SUMS) && !listed.containsKey(f)) {
        lines.add("UNLISTED  " + f);
        ok = false;
      }
    }
    lines.add("checksums: " + good + " of " + listed.size() + " files as listed");
    if (!files.containsKey(Bundle.MANIFEST) || !files.containsKey("spec/claims.json")) throw new InputException(zip + ": not a mechcheck bundle (no " + Bundle.MANIFEST + " or spec/claims.json)");
    JsonNode manifest = NetworkJson.MAPPER.readTree(files.get(Bundle.MANIFEST));
    if (!Bundle.FORMAT.equals(manifest.path("format").asText())) throw new InputException(zip + ": " + Bundle.MANIFEST + ": format: expected \"" + Bundle.FORMAT + "\"");
    JsonNode v = manifest.path("versions");
    lines.add("made at git " + v.path("git").asText() + (v.path("gitClean").asBoolean() ? "" : " (with local changes)") + ", Java " + v.path("java").asText()
        + ", " + v.path("z3").asText() + ", KeY " + v.path("key").asText() + "; replayed with Java " + System.getProperty("java.version") + ", "
        + com.microsoft.z3.Version.getFullVersion());

    Path dir = Files.createTempDirectory("mechcheck-bundle");
    try {
      for (var e : files.entrySet()) {
        Path p = dir.resolve(e.getKey());
        Files.createDirectories(p.getParent());
        Files.write(p, e.getValue());
      }
      List<Claim> claims = ClaimRegistry.read(dir.resolve("spec/claims.json"));
      ClaimEvaluator evaluator = new ClaimEvaluator(dir);
      for (Claim c : claims) {
        JsonNode recorded = null;
        for (JsonNode x : manifest.path("claims")) if (x.path("id").asText().equals(c.id())) recorded = x;
        Verdict now = evaluator.evaluate(c);
        String was = recorded == null ? "(not in bundle.json)" : recorded.path("verdict").asText() + (recorded.has("bound") ? " n<=" + recorded.get("bound").asInt() : "");
        String is = now.verdict() + (now.bound() != null ? " n<=" + now.bound() : "");
        boolean same = was.equals(is) && !now.verdict().equals(Verdict.UNKNOWN);
        ok &= same;
        lines.add((same ? "ok        " : "DIFFERS   ") + c.id() + ": " + is + (same ? "" : " (bundled: " + was + ")") + " - " + now.note());
        for (String e : now.evidence()) {
          if (!e.endsWith(".json")) continue;
          JsonNode o = NetworkJson.readTree(dir.resolve(e));
          if (!ProofRecord.FORMAT.equals(o.path("format").asText())) continue;
          String r = recheck(ProofRecord.read(dir.resolve(e)), o.path("deviations").asText(""));
          ok &= r.startsWith("ok");
          lines.add(r + "  (" + e + ")");
        }
      }
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
      }
    }
    return new Result(lines, ok);
  }

  /**
   * The record's search again up to {@link #RECHECK} agents, with the record's box and quantifier:
   * no counterexample, every size decided, the record's network counts.
   */
  static String recheck(ProofRecord r, String family) {
    int bound = Math.min(RECHECK, r.maxAgents());
    NetworkClass nc = NetworkClass.parse(r.networkClass()).orElseThrow(() -> new InputException(r.claim() + ": class: unknown '" + r.networkClass() + "'"));
    BigFraction box = r.bounded() ? Rationals.parse(r.box()) : null;
    Registry registry = Registry.standard();
    List<Long> counts;
    String found;
    int decided;
    if (!family.isEmpty()) {
      DeviationFamilies families = registry.find(DeviationFamilies.class, r.mechanism())
          .orElseThrow(() -> new InputException(r.claim() + ": deviations: no registered search of " + r.mechanism() + "'s deviation families"));
      DeviationFamilies.Result d = families.search(family, nc, bound, box, 60_000, 0, x -> {});
      found = d.finding() == null ? null : d.finding().describe();
      decided = d.bound();
      counts = d.levels().stream().map(ProofRecord.Level::networks).toList();
    } else {
      Mechanism m = registry.find(Mechanism.class, r.mechanism()).orElseThrow(() -> new InputException(r.claim() + ": mechanism: unknown '" + r.mechanism() + "'"));
      Property p = Property.parse(registry, r.property()).orElseThrow(() -> new InputException(r.claim() + ": property: unknown '" + r.property() + "'"));
      Benchmark b = Benchmark.parse(registry, r.benchmark()).orElseThrow(() -> new InputException(r.claim() + ": benchmark: unknown '" + r.benchmark() + "'"));
      Search.Result s = new Search(m, p, b, nc, box, 60_000, 1, r.units())
          .others(Others.stated(r.quantifier())).run(bound, 0, Search.SILENT);
      found = s.refuted() ? s.violation().detail() : null;
      decided = s.bound();
      counts = s.levels().stream().map(ProofRecord.Level::networks).toList();
    }
    if (found != null) return "REFUTED   " + r.claim() + " up to " + bound + " agents: " + found;
    if (decided < bound) return "UNKNOWN   " + r.claim() + ": only " + decided + " of " + bound + " sizes decided";
    for (int k = 0; k < bound; k++) {
      if (k >= r.levels().size() || counts.get(k) != r.levels().get(k).networks()) {
        return "DIFFERS   " + r.claim() + ": " + counts.get(k) + " networks with " + (k + 1) + " agents, the record has "
            + (k < r.levels().size() ? r.levels().get(k).networks() : "none");
      }
    }
    return "ok        " + r.claim() + " re-verified up to " + bound + " agents (" + counts + " networks per size, as recorded)";
  }

  private static Map<String, byte[]> read(Path zip) throws IOException {
    if (!Files.isRegularFile(zip)) throw new InputException(zip + ": no such file");
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
      ZipEntry e;
      while ((e = z.getNextEntry()) != null) {
        if (e.isDirectory()) continue;
        if (!Bundle.safe(e.getName())) throw new InputException(zip + ": entry '" + e.getName() + "' is not a plain relative path");
        if (out.put(e.getName(), z.readAllBytes()) != null) throw new InputException(zip + ": entry '" + e.getName() + "' appears twice");
      }
    } catch (java.util.zip.ZipException ex) {
      throw new InputException(zip + ": not a zip file (" + ex.getMessage() + ")");
    }
    if (out.isEmpty()) throw new InputException(zip + ": not a zip file, or an empty one");
    return out;
  }
}
