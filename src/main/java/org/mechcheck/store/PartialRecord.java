package org.mechcheck.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.mechcheck.network.Market;

/**
 * What one shard of a sharded search found: format {@code mechcheck-partial/1}
 * (docs/formats/partial.md). A search run with {@code --shard i/N} searches, at every size, the
 * slice of the enumeration {@code Enumerator.slice} deals to shard i of N, and writes this record
 * after each size it finishes; {@code mechcheck merge} checks that the parts are the N slices of
 * one search (same subject, same version of mechcheck and of the mechanism, same options, every
 * shard once) and combines them into the proof record, or the counterexample, that the unsharded
 * search would have given.
 *
 * @param shard 1-based, as on the command line
 * @param secondSolver the solver that re-decided every UNSAT answer of the shard ({@code --certify}), or null
 */
public record PartialRecord(
    ProofRecord.Subject subject, int maxAgents, int shard, int shards, Version version, int z3Timeout, List<Level> levels, Violation violation,
    List<String> unknown, boolean timedOut, double seconds, double solverSeconds, long paths, String date, String secondSolver) {

  public static final String FORMAT = "mechcheck-partial/1";

  public PartialRecord {
    levels = List.copyOf(levels);
    unknown = List.copyOf(unknown);
  }

  /**
   * One size of the shard's slice: networks searched, queries, seconds and paths; whether every
   * network of the slice was searched ({@code complete}: false when the time limit or a violation
   * stopped it) and whether some stayed undecided (UNKNOWN).
   */
  public record Level(int agents, long networks, long queries, double seconds, long paths, boolean complete, boolean undecided) {}

  /** The first violating network of the slice at its size: its position in the enumeration and the witness with exact values. */
  public record Violation(int agents, long position, Market witness) {}

  /**
   * What the record was made with: mechcheck's commit (with {@code +dirty} when the checkout had
   * uncommitted changes to src/ or pom.xml; {@code unknown} outside a git checkout), the SHA-256 of
   * its classes as they ran, and the Z3 version. Shards merge only when all three agree.
   */
  public record Version(String commit, String code, String z3) {
    /** The version running now, the commit read from the checkout {@code home}. */
    public static Version current(Path home) {
      return new Version(PartialRecord.commitOf(home), codeDigest(), com.microsoft.z3.Version.getFullVersion());
    }
  }

  // ---------------------------------------------------------------- writing

  public ObjectNode toJson() {
    ObjectNode o = NetworkJson.MAPPER.createObjectNode();
    ProofRecord.Subject s = subject;
    o.put("format", FORMAT);
    o.put("claim", s.claim()).put("mechanism", s.mechanism()).put("property", s.property()).put("benchmark", s.benchmark()).put("class", s.networkClass());
    if (s.units() != 1) o.put("units", s.units());
    o.put("box", s.box()).put("command", s.command()).put("maxAgents", maxAgents);
    if (s.quantifier() != null) o.put("quantifier", s.quantifier());
    if (secondSolver != null) o.put("secondSolver", secondSolver);
    o.putObject("shard").put("index", shard).put("count", shards);
    o.putObject("version").put("commit", version.commit()).put("code", version.code()).put("z3", version.z3());
    o.put("z3Timeout", z3Timeout);
    ArrayNode ls = o.putArray("levels");
    for (Level l : levels) {
      ls.addObject().put("agents", l.agents()).put("networks", l.networks()).put("queries", l.queries()).put("seconds", round(l.seconds())).put("paths", l.paths())
          .put("complete", l.complete()).put("undecided", l.undecided());
    }
    if (violation != null) {
      o.putObject("violation").put("agents", violation.agents()).put("position", violation.position()).set("network", NetworkJson.toJson(violation.witness()));
    }
    ArrayNode u = o.putArray("unknown");
    unknown.forEach(u::add);
    o.put("timedOut", timedOut).put("seconds", round(seconds)).put("solverSeconds", round(solverSeconds)).put("paths", paths).put("date", date);
    if (s.source() != null) o.set("mechanismSource", s.source().toJson());
    return o;
  }

  private static double round(double s) {
    return Math.round(s * 100) / 100.0;
  }

  /** The file's text: indented JSON with a final newline. */
  public String text() {
    try {
      return NetworkJson.MAPPER.writeValueAsString(toJson()) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the record to {@code file}, replacing an earlier one in one step (a shard rewrites its record after every size). */
  public void write(Path file) {
    AtomicFiles.replace(file, text());
  }

  /** The default file of shard i of N for a claim: {@code <claim with / as _>.shard-<i>-of-<N>.json}. */
  public static String fileName(String claim, int shard, int shards) {
    return claim.replace('/', '_') + ".shard-" + shard + "-of-" + shards + ".json";
  }

  // ---------------------------------------------------------------- reading

  /** Reads a partial record; a file that is not one is refused in one line naming the file and the field. */
  public static PartialRecord read(Path file) {
    JsonNode o = NetworkJson.readTree(file);
    String at = file.toString();
    if (o == null || !o.isObject()) throw new InputException(at + ": not a JSON object");
    if (!FORMAT.equals(o.path("format").asText())) {
      throw new InputException(at + ": format: expected \"" + FORMAT + "\"" + (o.has("format") ? ", got \"" + o.get("format").asText() + "\"" : ""));
    }
    for (String f : List.of("claim", "mechanism", "property", "benchmark", "class", "box", "command", "maxAgents", "shard", "version", "z3Timeout", "levels")) {
      if (!o.has(f)) throw new InputException(at + ": " + f + ": missing");
    }
    int units = o.has("units") ? whole(o.get("units"), at, "units", 1) : 1;
    int maxAgents = whole(o.get("maxAgents"), at, "maxAgents", 1);
    int count = whole(o.get("shard").path("count"), at, "shard.count", 1);
    int index = whole(o.get("shard").path("index"), at, "shard.index", 1);
    if (index > count) throw new InputException(at + ": shard.index: " + index + " is more than shard.count " + count);
    JsonNode v = o.get("version");
    for (String f : List.of("commit", "code", "z3")) if (!v.path(f).isTextual()) throw new InputException(at + ": version." + f + ": missing");
    List<Level> levels = new ArrayList<>();
    int expect = 1;
    for (JsonNode l : o.get("levels")) {
      int agents = whole(l.path("agents"), at, "levels[].agents", 1);
      if (agents != expect++) throw new InputException(at + ": levels: sizes must run 1, 2, 3, ... (found " + agents + " where " + (expect - 1) + " belongs)");
      for (String f : List.of("networks", "queries", "complete", "undecided")) if (!l.has(f)) throw new InputException(at + ": levels[]." + f + ": missing");
      levels.add(new Level(agents, l.get("networks").asLong(), l.get("queries").asLong(), l.path("seconds").asDouble(), l.path("paths").asLong(),
          l.get("complete").asBoolean(), l.get("undecided").asBoolean()));
    }
    Violation violation = null;
    JsonNode x = o.get("violation");
    if (x != null && !x.isNull()) {
      if (!x.has("network")) throw new InputException(at + ": violation.network: missing");
      violation = new Violation(whole(x.path("agents"), at, "violation.agents", 1), x.path("position").asLong(-1),
          NetworkJson.parse(x.get("network"), at + ": violation.network", false, "witness"));
      if (violation.position() < 0) throw new InputException(at + ": violation.position: missing or negative");
    }
    List<String> unknown = new ArrayList<>();
    for (JsonNode u : o.path("unknown")) unknown.add(u.asText());
    ProofRecord.Subject subject = new ProofRecord.Subject(o.get("claim").asText(), o.get("mechanism").asText(), o.get("property").asText(),
        o.get("benchmark").asText(), o.get("class").asText(), o.get("box").asText(), units, null, null, MechanismSource.read(o, at), o.get("command").asText(),
        text(o, "quantifier", at));
    return new PartialRecord(subject, maxAgents, index, count, new Version(v.get("commit").asText(), v.get("code").asText(), v.get("z3").asText()),
        o.get("z3Timeout").asInt(), levels, violation, unknown, o.path("timedOut").asBoolean(), o.path("seconds").asDouble(), o.path("solverSeconds").asDouble(),
        o.path("paths").asLong(), o.path("date").asText(), text(o, "secondSolver", at));
  }

  private static String text(JsonNode o, String field, String file) {
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) return null;
    if (!n.isTextual()) throw new InputException(file + ": " + field + ": must be a string, got " + n);
    return n.asText();
  }

  private static int whole(JsonNode n, String file, String field, int min) {
    if (n == null || !n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < min) {
      throw new InputException(file + ": " + field + ": must be a whole number of at least " + min + (n == null || n.isMissingNode() ? ", missing" : ", got " + n));
    }
    return n.asInt();
  }

  // ---------------------------------------------------------------- the version running now

  static String commitOf(Path home) {
    try {
      String head = git(home, "rev-parse", "HEAD");
      if (head == null || !head.matches("[0-9a-f]{40}")) return "unknown";
      String dirty = git(home, "status", "--porcelain", "--untracked-files=no", "--", "src", "pom.xml");
      return dirty == null || dirty.isEmpty() ? head : head + "+dirty";
    } catch (RuntimeException e) {
      return "unknown";
    }
  }

  private static String git(Path home, String... args) {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", home.toString()));
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) return null;
      return out;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static String codeDigest;

  /** SHA-256 over mechcheck's own classes as loaded (names and bytes, in name order), from its jar or its classes folder. */
  static synchronized String codeDigest() {
    if (codeDigest != null) return codeDigest;
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      Path where = Path.of(PartialRecord.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(where)) {
        List<Path> classes;
        try (Stream<Path> s = Files.walk(where.resolve("org/mechcheck"))) {
          classes = s.filter(p -> p.toString().endsWith(".class")).sorted((a, b) -> where.relativize(a).toString().compareTo(where.relativize(b).toString())).toList();
        }
        for (Path c : classes) {
          sha.update(where.relativize(c).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
          sha.update(Files.readAllBytes(c));
        }
      } else {
        try (JarFile jar = new JarFile(where.toFile())) {
          List<JarEntry> classes = jar.stream().filter(e -> e.getName().startsWith("org/mechcheck/") && e.getName().endsWith(".class"))
              .sorted((a, b) -> a.getName().compareTo(b.getName())).toList();
          for (JarEntry e : classes) {
            sha.update(e.getName().getBytes(StandardCharsets.UTF_8));
            try (InputStream in = jar.getInputStream(e)) {
              sha.update(in.readAllBytes());
            }
          }
        }
      }
      codeDigest = HexFormat.of().formatHex(sha.digest());
    } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
      codeDigest = "unknown";
    }
    return codeDigest;
  }
}
