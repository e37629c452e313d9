package org.mechcheck.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.mechcheck.claims.Claim;
import org.mechcheck.claims.ClaimEvaluator;
import org.mechcheck.claims.ClaimRegistry;
import org.mechcheck.claims.Verdict;
import org.mechcheck.mechanism.Mechanisms;
import org.mechcheck.prove.KeyRecord;
import org.mechcheck.store.InputException;
import org.mechcheck.store.NetworkJson;

/**
 * A citable artefact for some claims ({@code mechcheck-bundle/1}, a zip): the claims as
 * spec/claims.json has them, every evidence file their verdicts rest on (at its repository path),
 * the mechanism sources and spec pages they concern, the versions that produced them (git commit,
 * Java, Z3, KeY), the command that reproduces each piece of evidence, and SHA256SUMS over every
 * file ({@code sha256sum -c SHA256SUMS} checks an unpacked copy). {@link BundleReplay} re-checks one.
 */
public final class Bundle {
  public static final String FORMAT = "mechcheck-bundle/1";
  public static final String MANIFEST = "bundle.json";
  public static final String SUMS = "SHA256SUMS";

  /** What was bundled. */
  public record Result(Path zip, int claims, int files) {}

  private Bundle() {}

  public static Result make(Path home, List<String> ids, Path zip) throws IOException {
    Path claimsFile = home.resolve("spec/claims.json");
    List<Claim> all = ClaimRegistry.read(claimsFile);
    JsonNode raw = NetworkJson.readTree(claimsFile).get("claims");
    List<Claim> chosen = new ArrayList<>();
    ArrayNode chosenRaw = NetworkJson.MAPPER.createArrayNode();
    for (String id : new LinkedHashSet<>(ids)) {
      int k = indexOf(all, id);
      if (k < 0) throw new InputException("--claim: unknown claim '" + id + "' (see spec/claims.json)");
      chosen.add(all.get(k));
      chosenRaw.add(raw.get(k));
    }
    Map<String, byte[]> files = new TreeMap<>();
    ObjectNode spec = NetworkJson.MAPPER.createObjectNode();
    spec.set("claims", chosenRaw);
    files.put("spec/claims.json", (NetworkJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(spec) + "\n").getBytes(StandardCharsets.UTF_8));

    ObjectNode manifest = NetworkJson.MAPPER.createObjectNode();
    manifest.put("format", FORMAT).put("created", Instant.now().toString());
    ObjectNode versions = manifest.putObject("versions");
    versions.put("mechcheck", "0.1.0-SNAPSHOT");
    versions.put("git", git(home, "rev-parse", "HEAD"));
    String dirty = git(home, "status", "--porcelain", "--untracked-files=no");
    versions.put("gitClean", dirty.isEmpty());
    versions.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
    versions.put("z3", com.microsoft.z3.Version.getFullVersion());
    Map<String, KeyRecord.Entry> key = KeyRecord.read(home);
    versions.put("key", Files.exists(KeyRecord.file(home)) ? NetworkJson.readTree(KeyRecord.file(home)).path("key").asText() : "");
    ArrayNode list = manifest.putArray("claims");
    ClaimEvaluator evaluator = new ClaimEvaluator(home);
    for (Claim c : chosen) {
      Verdict v = evaluator.evaluate(c);
      ObjectNode o = list.addObject();
      o.put("id", c.id()).put("source", c.source()).put("statement", c.statement()).put("expected", c.expected()).put("verdict", v.verdict());
      if (v.bound() != null) o.put("bound", v.bound());
      o.put("note", v.note());
      ArrayNode ev = o.putArray("evidence");
      ArrayNode commands = o.putArray("reproduce");
      for (String e : v.evidence()) {
        ev.add(e);
        files.put(e, Files.readAllBytes(home.resolve(e)));
        String svg = e.replaceFirst("\\.json$", ".svg");
        if (!svg.equals(e) && Files.exists(home.resolve(svg))) files.put(svg, Files.readAllBytes(home.resolve(svg)));
        commands.add(command(home, e));
      }
      if (!c.contracts().isEmpty() && Files.exists(KeyRecord.file(home))) {
        files.put("proofs/key/summary.json", Files.readAllBytes(KeyRecord.file(home)));
        for (String m : c.contracts()) addSource(home, files, "src/main/java/org/mechcheck/kernel/" + m.substring(0, m.indexOf('.')) + ".java");
      }
      commands.add("mechcheck claims   # the verdict of every claim from the evidence above");
      for (String s : sources(home, c)) addSource(home, files, s);
    }
    ArrayNode src = manifest.putArray("sources");
    files.keySet().stream().filter(f -> f.startsWith("src/") || f.startsWith("spec/") && f.endsWith(".md")).forEach(src::add);
    manifest.put("replay", "mechcheck replay " + zip.getFileName() + "   # checksums, counterexamples replayed exactly, proof records re-checked at their smallest sizes");
    files.put(MANIFEST, (NetworkJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n").getBytes(StandardCharsets.UTF_8));
    files.put("README.txt", readme(chosen, versions).getBytes(StandardCharsets.UTF_8));
    StringBuilder sums = new StringBuilder();
    for (var e : files.entrySet()) sums.append(sha256(e.getValue())).append("  ").append(e.getKey()).append('\n');
    files.put(SUMS, sums.toString().getBytes(StandardCharsets.UTF_8));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      for (var e : files.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setTime(0); // the same claims and evidence give the same zip
        z.putNextEntry(entry);
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    org.mechcheck.store.AtomicFiles.replace(zip, bytes.toByteArray());
    return new Result(zip, chosen.size(), files.size());
  }

  private static int indexOf(List<Claim> all, String id) {
    for (int k = 0; k < all.size(); k++) if (all.get(k).id().equals(id)) return k;
    return -1;
  }

  /** The command that produced an evidence file, as the file records it. */
  static String command(Path home, String evidence) {
    if (evidence.endsWith(".proof.gz")) return KeyRecord.COMMAND + "   # " + evidence;
    try {
      JsonNode o = NetworkJson.readTree(home.resolve(evidence));
      for (String f : List.of("foundBy", "command")) if (o.hasNonNull(f)) return o.get(f).asText() + "   # " + evidence;
    } catch (InputException e) {
      // not JSON: no recorded command
    }
    return "mechcheck claims   # " + evidence;
  }

  /** The source files and spec page a claim's verdict rests on. */
  static List<String> sources(Path home, Claim c) {
    List<String> out = new ArrayList<>();
    if (c.modelClaim()) {
      out.addAll(folder(home, "src/main/java/org/mechcheck/" + c.checkedBy()));
      out.add("spec/" + c.checkedBy() + ".md");
      return out;
    }
    Mechanisms.byName(c.mechanism()).ifPresent(m -> out.add("src/main/java/" + m.getClass().getName().replaceFirst("\\$.*$", "").replace('.', '/') + ".java"));
    if (c.protocolDeviations()) out.addAll(folder(home, "src/main/java/org/mechcheck/sra"));
    out.add("spec/" + c.mechanism() + ".md");
    out.add("spec/README.md");
    return out;
  }

  private static List<String> folder(Path home, String rel) {
    Path dir = home.resolve(rel);
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().map(p -> home.relativize(p).toString()).toList();
    } catch (IOException e) {
      throw new InputException(dir + ": cannot list folder (" + e.getMessage() + ")");
    }
  }

  private static void addSource(Path home, Map<String, byte[]> files, String rel) throws IOException {
    Path p = home.resolve(rel);
    if (Files.isRegularFile(p)) files.put(rel, Files.readAllBytes(p));
  }

  private static String git(Path home, String... args) {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", home.toString()));
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      }
      if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) return args[0].equals("status") ? "" : "unknown (not a git checkout)";
      return out;
    } catch (IOException e) {
      return args[0].equals("status") ? "" : "unknown (git not installed)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String readme(List<Claim> claims, JsonNode versions) {
    StringBuilder s = new StringBuilder();
    s.append("mechcheck evidence bundle (").append(FORMAT).append(")\n\n");
    s.append("Claims:\n");
    for (Claim c : claims) s.append("  ").append(c.id()).append("  (").append(c.source()).append(")\n");
    s.append("\nMade with mechcheck at git commit ").append(versions.path("git").asText()).append(versions.path("gitClean").asBoolean() ? "" : " (with local changes)")
        .append(", Java ").append(versions.path("java").asText()).append(", ").append(versions.path("z3").asText()).append(", KeY ").append(versions.path("key").asText()).append(".\n");
    s.append("\nbundle.json lists each claim's verdict, its evidence files and the commands that reproduce them.\n");
    s.append("Check the files: unzip, then sha256sum -c SHA256SUMS\n");
    s.append("Re-check the verdicts on another machine, from a mechcheck checkout: ./mechcheck replay BUNDLE.zip\n");
    return s.toString();
  }

  /** Files a bundle may hold: relative, without '..'. */
  static boolean safe(String name) {
    return !name.isEmpty() && !name.startsWith("/") && !name.contains("\\") && Stream.of(name.split("/")).noneMatch(p -> p.equals("..") || p.isEmpty());
  }

  static Set<String> names(Map<String, byte[]> files) {
    return files.keySet();
  }
}
