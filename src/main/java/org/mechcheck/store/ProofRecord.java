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
 * {@code maxAgents} agents, every valuation (in [0, box] when {@code box} is a number, every
 * valuation at least 0 when it is {@value #UNBOUNDED}), every deviation. Format
 * {@code mechcheck-proof/1} (docs/formats/proof.md), one file per claim under proofs/.
 * Optional fields: {@code units} (default 1) is the number of units every searched market had;
 * {@code deviations} names the family of protocol deviations searched (with {@code utility} saying
 * how utilities were compared) when the claim is about one; {@code mechanismSource} identifies a
 * researcher's mechanism file; {@code quantifier} (IC) says which reports of the others were
 * searched ({@code DSIC} or {@code others truthful}, the meaning of a record without it);
 * {@code solvers} lists the solvers that each answered UNSAT to every query the bound rests on.
 */
public record ProofRecord(
    String claim, String mechanism, String property, String benchmark, String networkClass, int maxAgents, String box,
    long networks, long queries, long paths, String z3, double seconds, double solverSeconds, String command, String date,
    List<Level> levels, int units, String deviations, String utility, MechanismSource source, String quantifier, List<SolverCount> solvers) {

  public static final String FORMAT = "mechcheck-proof/1";
  /** The {@code box} of a search whose values and costs had no upper bound. */
  public static final String UNBOUNDED = "unbounded";
  /** The {@code quantifier} of an IC record that ranged over every report profile of the others. */
  public static final String DSIC = org.mechcheck.property.Others.ALL.label();
  /** The {@code quantifier} of an IC record that took the others' reports as truthful (and of one without the field). */
  public static final String OTHERS_TRUTHFUL = org.mechcheck.property.Others.TRUTHFUL.label();
  /** The qualifier of a bound whose every UNSAT answer a second solver re-decided, and of one Z3 alone decided. */
  public static final String CERTIFIED = "certified", NOT_CERTIFIED = "not certified";

  public ProofRecord {
    levels = List.copyOf(levels);
    solvers = solvers == null ? List.of() : List.copyOf(solvers);
  }

  /** The record without quantifier and second solver (a record of a search that states neither). */
  public ProofRecord(
      String claim, String mechanism, String property, String benchmark, String networkClass, int maxAgents, String box,
      long networks, long queries, long paths, String z3, double seconds, double solverSeconds, String command, String date,
      List<Level> levels, int units, String deviations, String utility, MechanismSource source) {
    this(claim, mechanism, property, benchmark, networkClass, maxAgents, box, networks, queries, paths, z3, seconds, solverSeconds, command, date,
        levels, units, deviations, utility, source, null, null);
  }

  /** One solver and how many UNSAT answers it gave to the queries of the record. */
  public record SolverCount(String solver, long unsat) {}

  /**
   * Whether this record should replace {@code old}, a record of the same claim. The question comes
   * first: a record that covers more of it (the others' every report over their truthful ones;
   * every value over a box, a larger box over a smaller) replaces one that covers less whatever the
   * bounds, since the verdict is about the claim's question. For the same question, a larger bound
   * wins, and at the same bound two solvers win over one.
   */
  public boolean supersedes(ProofRecord old) {
    int q = Integer.compare(quantifierRank(), old.quantifierRank());
    int b = compareBoxes(old);
    if (q < 0 || b < 0) return false;
    if (q > 0 || b > 0) return true;
    if (maxAgents != old.maxAgents) return maxAgents > old.maxAgents;
    return certified() && !old.certified();
  }

  private int quantifierRank() {
    return DSIC.equals(quantifier) ? 1 : 0;
  }

  private int compareBoxes(ProofRecord old) {
    if (!bounded() || !old.bounded()) return Boolean.compare(!bounded(), !old.bounded());
    return org.mechcheck.num.Rationals.parse(box).compareTo(org.mechcheck.num.Rationals.parse(old.box));
  }

  /** Whether values and costs were restricted to [0, box]. */
  public boolean bounded() {
    return !UNBOUNDED.equals(box);
  }

  /** Whether a second solver agreed with every UNSAT answer the record rests on. */
  public boolean certified() {
    return solvers.size() >= 2 && solvers.stream().allMatch(c -> c.unsat() == queries);
  }

  /**
   * What the record covers beyond its bound, in words, for a verdict: the quantifier of an IC
   * record ({@code DSIC}, or {@code others truthful} for one that does not say), the box when there
   * was one ({@code values in [0, 100]}), and whether two solvers agreed.
   */
  public List<String> qualifiers() {
    List<String> q = new ArrayList<>();
    if ("IC".equalsIgnoreCase(property)) q.add(quantifier == null ? OTHERS_TRUTHFUL : quantifier);
    if (bounded()) q.add("values in [0, " + box + "]");
    q.add(certified() ? CERTIFIED : NOT_CERTIFIED);
    return q;
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
   * property, benchmark, class, box ({@value #UNBOUNDED} or a number), units, deviation family
   * (null: bids and informing sets) with its utility note, the mechanism's source (null: shipped),
   * the command without its bound, and the quantifier over the others' reports (IC; null: not said).
   */
  public record Subject(
      String claim, String mechanism, String property, String benchmark, String networkClass, String box, int units, String deviations,
      String utility, MechanismSource source, String command, String quantifier) {

    /** A subject that states no quantifier. */
    public Subject(String claim, String mechanism, String property, String benchmark, String networkClass, String box, int units, String deviations,
        String utility, MechanismSource source, String command) {
      this(claim, mechanism, property, benchmark, networkClass, box, units, deviations, utility, source, command, null);
    }
  }

  /**
   * The record of the sizes verified, 1 to {@code verified.size()}, every size complete: totals
   * from the levels, the command with that bound, the Z3 version and the date of now. Every
   * search writes its records through this.
   */
  public static ProofRecord verified(Subject s, List<Level> verified, long paths, double seconds, double solverSeconds) {
    return verified(s, verified, paths, seconds, solverSeconds, null);
  }

  /**
   * {@link #verified(Subject, List, long, double, double)} by a search whose every UNSAT answer a
   * second solver re-decided as UNSAT ({@code second}: its name; null: Z3 alone).
   */
  public static ProofRecord verified(Subject s, List<Level> verified, long paths, double seconds, double solverSeconds, String second) {
    int bound = verified.size();
    long nets = verified.stream().mapToLong(Level::networks).sum();
    long qs = verified.stream().mapToLong(Level::queries).sum();
    String z3 = com.microsoft.z3.Version.getFullVersion();
    List<SolverCount> solvers = second == null ? null : List.of(new SolverCount(z3, qs), new SolverCount(second, qs));
    return new ProofRecord(s.claim(), s.mechanism(), s.property(), s.benchmark(), s.networkClass(), bound, s.box(), nets, qs, paths,
        z3, seconds, solverSeconds, s.command() + " --max-agents " + bound, Instant.now().toString(), verified,
        s.units(), s.deviations(), s.utility(), s.source(), s.quantifier(), solvers);
  }

  /** What this record is about (the command without its bound). */
  public Subject subject() {
    return new Subject(claim, mechanism, property, benchmark, networkClass, box, units, deviations, utility, source, command, quantifier);
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
    if (quantifier != null) o.put("quantifier", quantifier);
    if (!solvers.isEmpty()) {
      ArrayNode ss = o.putArray("solvers");
      for (SolverCount c : solvers) ss.addObject().put("solver", c.solver()).put("unsat", c.unsat());
    }
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
    String box = o.path("box").asText("100"); // every earlier writer wrote its box, 100 by default
    if (!UNBOUNDED.equals(box)) {
      try {
        if (org.mechcheck.num.Rationals.parse(box).signum() <= 0) throw new NumberFormatException("not positive");
      } catch (RuntimeException e) {
        throw new InputException(file + ": box: must be \"" + UNBOUNDED + "\" or a positive exact number, got " + o.get("box"));
      }
    }
    String quantifier = text(o, "quantifier");
    if (quantifier != null && !quantifier.equals(DSIC) && !quantifier.equals(OTHERS_TRUTHFUL)) {
      throw new InputException(file + ": quantifier: must be \"" + DSIC + "\" or \"" + OTHERS_TRUTHFUL + "\", got " + o.get("quantifier"));
    }
    List<SolverCount> solvers = new ArrayList<>();
    for (JsonNode c : o.path("solvers")) {
      if (!c.path("solver").isTextual() || !c.path("unsat").canConvertToLong()) throw new InputException(file + ": solvers: each entry is {\"solver\": name, \"unsat\": count}");
      solvers.add(new SolverCount(c.get("solver").asText(), c.get("unsat").asLong()));
    }
    List<Level> levels = new ArrayList<>();
    for (JsonNode l : o.path("levels")) levels.add(new Level(l.path("agents").asInt(), l.path("networks").asLong(), l.path("queries").asLong(), l.path("seconds").asDouble()));
    return new ProofRecord(o.get("claim").asText(), o.get("mechanism").asText(), o.get("property").asText(), o.path("benchmark").asText("vickrey"),
        o.get("class").asText(), o.get("maxAgents").asInt(), box, o.get("networks").asLong(), o.get("queries").asLong(),
        o.path("paths").asLong(), o.path("z3").asText(), o.path("seconds").asDouble(), o.path("solverSeconds").asDouble(),
        o.get("command").asText(), o.path("date").asText(), levels, units, text(o, "deviations"), text(o, "utility"), MechanismSource.read(o, file.toString()), quantifier, solvers);
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
