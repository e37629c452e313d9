package org.mechcheck.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.mechcheck.store.InputException;
import org.mechcheck.store.NetworkJson;

/**
 * A bounded-verification record: the claim held on every network of its class with up to
 * {@code maxAgents} agents, every valuation in the box, every deviation. Format
 * {@code mechcheck-proof/1}, one file per claim under proofs/. The optional {@code units} field
 * (default 1, written only when it is not 1) is the number of units every searched market had.
 */
public record ProofRecord(
    String claim, String mechanism, String property, String benchmark, String networkClass, int maxAgents, String box,
    long networks, long queries, long paths, String z3, double seconds, double solverSeconds, String command, String date,
    List<Level> levels, int units) {

  public static final String FORMAT = "mechcheck-proof/1";

  /** A record of a single-unit search (the optional {@code units} field is 1). */
  public ProofRecord(
      String claim, String mechanism, String property, String benchmark, String networkClass, int maxAgents, String box,
      long networks, long queries, long paths, String z3, double seconds, double solverSeconds, String command, String date,
      List<Level> levels) {
    this(claim, mechanism, property, benchmark, networkClass, maxAgents, box, networks, queries, paths, z3, seconds, solverSeconds, command, date,
        levels, 1);
  }

  /** What one network size took. */
  public record Level(int agents, long networks, long queries, double seconds) {}

  public static Path fileFor(Path dir, String claim) {
    return dir.resolve(claim.replace('/', '_') + ".json");
  }

  public ObjectNode toJson() {
    ObjectNode o = NetworkJson.MAPPER.createObjectNode();
    o.put("format", FORMAT);
    o.put("claim", claim).put("mechanism", mechanism).put("property", property).put("benchmark", benchmark).put("class", networkClass);
    if (units != 1) o.put("units", units);
    o.put("maxAgents", maxAgents).put("box", box).put("networks", networks).put("queries", queries).put("paths", paths);
    o.put("z3", z3).put("seconds", round(seconds)).put("solverSeconds", round(solverSeconds)).put("command", command).put("date", date);
    ArrayNode ls = o.putArray("levels");
    for (Level l : levels) ls.addObject().put("agents", l.agents()).put("networks", l.networks()).put("queries", l.queries()).put("seconds", round(l.seconds()));
    return o;
  }

  private static double round(double s) {
    return Math.round(s * 100) / 100.0;
  }

  public static ProofRecord read(Path file) {
    try {
      JsonNode o = NetworkJson.MAPPER.readTree(Files.readString(file));
      if (o == null || !FORMAT.equals(o.path("format").asText())) throw new InputException(file + ": format: expected \"" + FORMAT + "\"");
      for (String f : List.of("claim", "mechanism", "property", "class", "maxAgents", "networks", "queries", "command")) {
        if (!o.has(f)) throw new InputException(file + ": " + f + ": missing");
      }
      JsonNode u = o.get("units");
      if (u != null && (!u.isIntegralNumber() || !u.canConvertToInt() || u.asInt() < 1)) throw new InputException(file + ": units: must be a whole number of at least 1, got " + u);
      int units = u == null ? 1 : u.asInt();
      List<Level> levels = new java.util.ArrayList<>();
      for (JsonNode l : o.path("levels")) levels.add(new Level(l.path("agents").asInt(), l.path("networks").asLong(), l.path("queries").asLong(), l.path("seconds").asDouble()));
      return new ProofRecord(o.get("claim").asText(), o.get("mechanism").asText(), o.get("property").asText(), o.path("benchmark").asText("vickrey"),
          o.get("class").asText(), o.get("maxAgents").asInt(), o.path("box").asText(), o.get("networks").asLong(), o.get("queries").asLong(),
          o.path("paths").asLong(), o.path("z3").asText(), o.path("seconds").asDouble(), o.path("solverSeconds").asDouble(),
          o.get("command").asText(), o.path("date").asText(), levels, units);
    } catch (IOException e) {
      throw new InputException(file + ": cannot be read as JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
  }

  /** Writes the record unless one with at least this bound exists; atomic. Returns whether it wrote. */
  public boolean save(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path target = fileFor(dir, claim);
    if (Files.exists(target)) {
      ProofRecord old = read(target);
      if (old.maxAgents() >= maxAgents) return false;
    }
    Path tmp = Files.createTempFile(dir, ".proof", ".tmp");
    Files.writeString(tmp, NetworkJson.MAPPER.writeValueAsString(toJson()) + "\n");
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return true;
  }
}
