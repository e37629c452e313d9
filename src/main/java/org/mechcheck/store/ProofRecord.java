package org.mechcheck.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded-verification record: the claim held on every network of its class with up to
 * {@code maxAgents} agents, every valuation in the box, every deviation. Format
 * {@code mechcheck-proof/1} (docs/formats/proof-record.md), one file per claim under proofs/.
 * Optional fields: {@code units} (default 1) is the number of units every searched market had;
 * {@code deviations} names the family of protocol deviations searched (with {@code utility} saying
 * how utilities were compared) when the claim is about one; {@code mechanismSource} identifies a
 * researcher's mechanism file.
 */
public record ProofRecord(
    String claim, String mechanism, String property, String benchmark, String networkClass, int maxAgents, String box,
    long networks, long queries, long paths, String z3, double seconds, double solverSeconds, String command, String date,
    List<Level> levels, int units, String deviations, String utility, MechanismSource source) {

  public static final String FORMAT = "mechcheck-proof/1";

  public ProofRecord {
    levels = List.copyOf(levels);
  }

  /** A record of a single-unit search of bids and informing sets by a shipped mechanism. */
  public ProofRecord(
      String claim, String mechanism, String property, String benchmark, String networkClass, int maxAgents, String box,
      long networks, long queries, long paths, String z3, double seconds, double solverSeconds, String command, String date,
      List<Level> levels) {
    this(claim, mechanism, property, benchmark, networkClass, maxAgents, box, networks, queries, paths, z3, seconds, solverSeconds, command, date,
        levels, 1, null, null, null);
  }

  /** A record of a search whose markets had {@code units} units for sale. */
  public ProofRecord(
      String claim, String mechanism, String property, String benchmark, String networkClass, int maxAgents, String box,
      long networks, long queries, long paths, String z3, double seconds, double solverSeconds, String command, String date,
      List<Level> levels, int units) {
    this(claim, mechanism, property, benchmark, networkClass, maxAgents, box, networks, queries, paths, z3, seconds, solverSeconds, command, date,
        levels, units, null, null, null);
  }

  /** What one network size took. */
  public record Level(int agents, long networks, long queries, double seconds) {}

  /**
   * What a search was about, everything a record says but its results: the claim, mechanism,
   * property, benchmark, class, box, units, deviation family (null: bids and informing sets) with
   * its utility note, the mechanism's source (null: shipped), and the command without its bound.
   */
  public record Subject(
      String claim, String mechanism, String property, String benchmark, String networkClass, String box, int units, String deviations,
      String utility, MechanismSource source, String command) {}

  /**
   * The record of the sizes verified, 1 to {@code verified.size()}, every size complete: totals
   * from the levels, the command with that bound, the Z3 version and the date of now. Every
   * search writes its records through this.
   */
  public static ProofRecord verified(Subject s, List<Level> verified, long paths, double seconds, double solverSeconds) {
    int bound = verified.size();
    long nets = verified.stream().mapToLong(Level::networks).sum();
    long qs = verified.stream().mapToLong(Level::queries).sum();
    return new ProofRecord(s.claim(), s.mechanism(), s.property(), s.benchmark(), s.networkClass(), bound, s.box(), nets, qs, paths,
        com.microsoft.z3.Version.getFullVersion(), seconds, solverSeconds, s.command() + " --max-agents " + bound, Instant.now().toString(), verified,
        s.units(), s.deviations(), s.utility(), s.source());
  }

  /** What this record is about (the command without its bound). */
  public Subject subject() {
    return new Subject(claim, mechanism, property, benchmark, networkClass, box, units, deviations, utility, source, command);
  }

  /**
   * Why a record about {@code s} may not replace this one, if it may not: it is about another
   * question (claim, mechanism, property, benchmark, class, units or deviation family). A record
   * made from another version of a researcher's mechanism file is about the same question.
   */
  public java.util.Optional<String> otherQuestion(Subject s) {
    List<String> off = new ArrayList<>();
    if (!claim.equals(s.claim())) off.add("claim " + claim);
    if (!mechanism.equals(s.mechanism())) off.add("mechanism " + mechanism);
    if (!property.equalsIgnoreCase(s.property())) off.add("property " + property);
    if (!benchmark.equals(s.benchmark())) off.add("benchmark " + benchmark);
    if (!networkClass.equals(s.networkClass())) off.add("class " + networkClass);
    if (units != s.units()) off.add(units + " units");
    if (!java.util.Objects.equals(deviations, s.deviations())) off.add(deviations == null ? "bids and informing sets" : "deviation family " + deviations);
    return off.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of("it records " + String.join(", ", off));
  }

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
    if (deviations != null) o.put("deviations", deviations);
    if (utility != null) o.put("utility", utility);
    if (source != null) o.set("mechanismSource", source.toJson());
    return o;
  }

  private static double round(double s) {
    return Math.round(s * 100) / 100.0;
  }

  public static ProofRecord read(Path file) {
    JsonNode o;
    try {
      o = NetworkJson.MAPPER.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new InputException(file + ": cannot be read as JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
    if (o == null || !FORMAT.equals(o.path("format").asText())) throw new InputException(file + ": format: expected \"" + FORMAT + "\"");
    for (String f : List.of("claim", "mechanism", "property", "class", "maxAgents", "networks", "queries", "command")) {
      if (!o.has(f)) throw new InputException(file + ": " + f + ": missing");
    }
    for (String f : List.of("claim", "mechanism", "property", "class", "command")) {
      if (!o.get(f).isTextual() || o.get(f).asText().isBlank()) throw new InputException(file + ": " + f + ": must be a non-empty string, got " + o.get(f));
    }
    JsonNode u = o.get("units");
    if (u != null && (!u.isIntegralNumber() || !u.canConvertToLong())) throw new InputException(file + ": units: must be a whole number of at least 1, got " + u);
    if (u != null && org.mechcheck.network.Market.unitsProblem(u.asLong()) != null) throw new InputException(file + ": units: " + org.mechcheck.network.Market.unitsProblem(u.asLong()));
    JsonNode max = o.get("maxAgents");
    if (!max.isIntegralNumber() || !max.canConvertToInt() || max.asInt() < 1) throw new InputException(file + ": maxAgents: must be a whole number of at least 1, got " + max);
    for (String f : List.of("networks", "queries")) {
      JsonNode x = o.get(f);
      if (!x.isIntegralNumber() || !x.canConvertToLong() || x.asLong() < 0) throw new InputException(file + ": " + f + ": must be a whole number of at least 0, got " + x);
    }
    int units = u == null ? 1 : u.asInt();
    List<Level> levels = new ArrayList<>();
    for (JsonNode l : o.path("levels")) levels.add(new Level(l.path("agents").asInt(), l.path("networks").asLong(), l.path("queries").asLong(), l.path("seconds").asDouble()));
    return new ProofRecord(o.get("claim").asText(), o.get("mechanism").asText(), o.get("property").asText(), o.path("benchmark").asText("vickrey"),
        o.get("class").asText(), o.get("maxAgents").asInt(), o.path("box").asText(), o.get("networks").asLong(), o.get("queries").asLong(),
        o.path("paths").asLong(), o.path("z3").asText(), o.path("seconds").asDouble(), o.path("solverSeconds").asDouble(),
        o.get("command").asText(), o.path("date").asText(), levels, units, text(o, "deviations"), text(o, "utility"), MechanismSource.read(o, file.toString()));
  }

  private static String text(JsonNode o, String field) {
    return o.hasNonNull(field) ? o.get(field).asText() : null;
  }

  /** The file's text: indented JSON with a final newline. */
  public String text() {
    try {
      return NetworkJson.MAPPER.writeValueAsString(toJson()) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
