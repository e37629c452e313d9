package org.mechcheck.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.network.Market;
import org.mechcheck.num.Rationals;
import org.mechcheck.plugin.Registry;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Deviation;
import org.mechcheck.property.Property;

/**
 * The {@code mechcheck-counterexample/1} format (docs/formats/counterexample.md): reading validates everything
 * (one line naming the file, the field and the reason on bad input); saving names the file
 * {@code <mechanism>-<property>-<hash>.json}, hash = the first 8 hex digits of the SHA-256 of the
 * canonical JSON of what identifies the counterexample (mechanism, property, network structure and
 * types, agent, deviation; for REV also the benchmark), writes atomically, never replaces a
 * different file, and puts the {@link NetworkSvg} picture beside it.
 */
public final class CounterexampleJson {
  public static final String FORMAT = "mechcheck-counterexample/1";

  /** What {@link #save} did: the JSON and SVG paths, and whether the JSON file is new. */
  public record Saved(Path json, Path svg, boolean created) {}

  private CounterexampleJson() {}

  // ---------------------------------------------------------------- writing

  /** The counterexample as a JSON tree, fields in the order of docs/formats/counterexample.md. */
  public static ObjectNode toJson(Counterexample c) {
    Market m = c.market();
    ObjectNode o = NetworkJson.MAPPER.createObjectNode();
    o.put("format", FORMAT);
    o.put("mechanism", c.mechanism());
    o.put("property", c.property().name());
    o.put("claim", c.claim());
    if (c.benchmark() != null) o.put("benchmark", c.benchmark().id());
    if (c.units() != 1) o.put("units", c.units()); // the network says so too; stated for readers and for claims
    o.set("network", NetworkJson.toJson(m));
    if (c.agent() >= 0) o.put("agent", m.id(c.agent()));
    if (c.deviation() != null) o.set("deviation", ViolationJson.deviation(m, c.deviation()));
    if (c.deviation() != null && !c.deviation().others().isEmpty()) o.set("others", ViolationJson.others(m, c.deviation()));
    boolean utilities = c.agent() >= 0; // the shape ViolationJson writes
    o.putObject("truthful").put(utilities ? "utility" : "value", Rationals.format(c.truthful()));
    o.putObject("deviating").put(utilities ? "utility" : "benchmark", Rationals.format(c.deviating()));
    o.put("foundBy", c.foundBy());
    o.put("minimised", c.minimised());
    if (!c.fixedBy().isEmpty()) {
      ArrayNode f = o.putArray("fixedBy");
      c.fixedBy().forEach(f::add);
    }
    if (c.detail() != null && !c.detail().isEmpty()) o.put("detail", c.detail());
    if (c.source() != null) o.set("mechanismSource", c.source().toJson());
    return o;
  }

  /** The file's text: indented JSON with a final newline. */
  public static String text(Counterexample c) {
    try {
      return NetworkJson.MAPPER.writeValueAsString(toJson(c)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * What identifies a counterexample, as canonical JSON (object keys sorted, no spaces): the
   * mechanism, the property, the network without its name and source (labels, not content),
   * the agent and the deviation, and the benchmark of a REV counterexample.
   */
  public static String canonicalKey(Counterexample c) {
    ObjectNode k = NetworkJson.MAPPER.createObjectNode();
    k.put("mechanism", c.mechanism());
    k.put("property", c.property().name());
    if (c.benchmark() != null) k.put("benchmark", c.benchmark().id());
    ObjectNode net = NetworkJson.toJson(c.market());
    net.remove("name");
    net.remove("source");
    k.set("network", net);
    if (c.agent() >= 0) k.put("agent", c.market().id(c.agent()));
    if (c.deviation() != null) k.set("deviation", ViolationJson.deviation(c.market(), c.deviation()));
    if (c.deviation() != null && !c.deviation().others().isEmpty()) k.set("others", ViolationJson.others(c.market(), c.deviation()));
    return NetworkJson.line(sorted(k));
  }

  /** The first 8 hex digits of the SHA-256 of {@link #canonicalKey}. */
  public static String shortHash(Counterexample c) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(canonicalKey(c).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code <mechanism>-<property>-<short-hash>} (no extension). */
  public static String baseName(Counterexample c) {
    return c.mechanism() + "-" + c.property().name() + "-" + shortHash(c);
  }

  public static String fileName(Counterexample c) {
    return baseName(c) + ".json";
  }

  /**
   * Saves the counterexample in {@code dir} as {@link #fileName} with its SVG picture beside it.
   * When the file already holds the same counterexample (same canonical key) it is kept as it is
   * and {@code created} is false (a missing SVG is drawn from the kept file). A file of that name
   * that holds a different counterexample is never replaced: that is an {@link IllegalStateException}.
   * A counterexample that {@link #read} would reject (say, a {@code fixedBy} mechanism whose
   * domain excludes the network) is not written: {@link InputException}.
   */
  public static Saved save(Path dir, Counterexample c) {
    return save(dir, c, Registry.standard());
  }

  /** {@link #save(Path, Counterexample)} for a counterexample to a mechanism of {@code registry}. */
  public static Saved save(Path dir, Counterexample c, Registry registry) {
    parse(toJson(c), dir.resolve(fileName(c)).toString(), c.market().name(), registry); // never write what cannot be read back
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(dir + ": cannot create folder (" + e.getMessage() + ")", e);
    }
    Path json = dir.resolve(fileName(c));
    Path svg = dir.resolve(baseName(c) + ".svg");
    boolean created = AtomicFiles.writeNew(json, text(c));
    Counterexample kept = c;
    if (!created) {
      Counterexample existing;
      try {
        existing = read(json, registry);
      } catch (InputException e) {
        throw new IllegalStateException(json + " exists and is not a valid counterexample; not replacing it (" + e.getMessage() + ")");
      }
      if (!canonicalKey(existing).equals(canonicalKey(c))) {
        throw new IllegalStateException(json + " exists and holds a different counterexample (short-hash collision); not replacing it");
      }
      kept = existing;
    }
    if (!Files.exists(svg)) AtomicFiles.writeNew(svg, NetworkSvg.render(kept, registry));
    return new Saved(json, svg, created);
  }

  private static JsonNode sorted(JsonNode n) {
    if (n.isObject()) {
      TreeMap<String, JsonNode> fields = new TreeMap<>();
      n.fields().forEachRemaining(e -> fields.put(e.getKey(), sorted(e.getValue())));
      ObjectNode o = NetworkJson.MAPPER.createObjectNode();
      fields.forEach(o::set);
      return o;
    }
    if (n.isArray()) {
      ArrayNode a = NetworkJson.MAPPER.createArrayNode();
      n.forEach(x -> a.add(sorted(x)));
      return a;
    }
    return n;
  }

  // ---------------------------------------------------------------- reading

  /** Reads and validates a counterexample file. */
  public static Counterexample read(Path file) {
    return read(file, Registry.standard());
  }

  /** Reads a counterexample to a mechanism of {@code registry}. */
  public static Counterexample read(Path file, Registry registry) {
    return parse(NetworkJson.readTree(file), file.toString(), file.getFileName().toString().replaceFirst("\\.json$", ""), registry);
  }

  /** Validates a counterexample tree; {@code label} names it in messages. Unknown top-level fields are allowed (later extensions). */
  public static Counterexample parse(JsonNode root, String label, String fallbackName) {
    return parse(root, label, fallbackName, Registry.standard());
  }

  /** {@link #parse(JsonNode, String, String)} with the mechanisms, properties and benchmarks of {@code registry}. */
  public static Counterexample parse(JsonNode root, String label, String fallbackName, Registry registry) {
    R r = new R(label);
    if (root == null || !root.isObject()) throw r.fail(null, "the file must hold one JSON object");
    JsonNode format = root.get("format");
    if (format == null) throw r.fail("format", "missing; expected \"" + FORMAT + "\"");
    if (!format.isTextual() || !format.asText().equals(FORMAT)) throw r.fail("format", "is " + format + ", expected \"" + FORMAT + "\"");

    String mechName = r.text(root, "mechanism");
    Mechanism mech = registry.find(Mechanism.class, mechName).orElseThrow(() -> r.fail("mechanism",
        "unknown mechanism '" + mechName + "' (known: " + String.join(", ", registry.names(Mechanism.class)) + ")"));
    String propName = r.text(root, "property");
    Property property = Property.parse(registry, propName).orElseThrow(() -> r.fail("property",
        "unknown property '" + propName + "' (known: " + String.join(", ", registry.names(Property.class)) + ")"));
    String claim = r.text(root, "claim");

    Benchmark benchmark = null;
    JsonNode b = root.get("benchmark");
    if (b != null) {
      if (!property.takesBenchmark()) {
        throw r.fail("benchmark", "only a " + String.join(" or ", registry.all(Property.class).stream().filter(Property::takesBenchmark).map(Property::name).toList())
            + " counterexample names a benchmark");
      }
      if (!b.isTextual()) throw r.fail("benchmark", "must be a string, got " + b);
      benchmark = Benchmark.parse(registry, b.asText()).orElseThrow(() -> r.fail("benchmark",
          "unknown benchmark " + b + " (known: " + String.join(", ", registry.names(Benchmark.class)) + ")"));
    }

    JsonNode netNode = root.get("network");
    if (netNode == null) throw r.fail("network", "missing");
    if (!netNode.isObject()) throw r.fail("network", "must be a " + NetworkJson.FORMAT + " object");
    Market market = NetworkJson.parse(netNode, label + ": network", true, fallbackName);
    JsonNode u = root.get("units");
    if (u != null) {
      if (!u.isIntegralNumber() || !u.canConvertToLong()) throw r.fail("units", "must be a whole number of at least 1, got " + u);
      if (Market.unitsProblem(u.asLong()) != null) throw r.fail("units", Market.unitsProblem(u.asLong()));
      if (u.asInt() != market.units()) throw r.fail("units", "is " + u + " but the network sells " + market.units());
    }
    Optional<String> refusal = mech.refusal(market);
    if (refusal.isPresent()) throw r.fail("network", "outside the domain of " + mechName + ": " + refusal.get());

    boolean agentLevel = property.agentLevel();
    int agent = -1;
    JsonNode a = root.get("agent");
    if (a == null) {
      if (agentLevel) throw r.fail("agent", "missing; an " + property + " counterexample names the agent");
    } else {
      if (!property.mayNameAgent()) throw r.fail("agent", property + " is a property of the market; a counterexample to it names no agent");
      if (!a.isTextual()) throw r.fail("agent", "must be an agent id, got " + a);
      agent = market.node(a.asText());
      if (agent < 0) throw r.fail("agent", "'" + a.asText() + "' is not an agent of the network");
      if (agent == 0) throw r.fail("agent", "'" + a.asText() + "' is the seller, not an agent");
    }

    Deviation deviation = null;
    JsonNode d = root.get("deviation");
    if (d == null) {
      if (property.requiresDeviation()) throw r.fail("deviation", "missing; an " + property + " counterexample says how the agent deviates");
    } else {
      if (!agentLevel) throw r.fail("deviation", property + " is a property of the market; a counterexample to it has no deviation");
      deviation = deviation(r, d, market, agent, property);
    }
    JsonNode oth = root.get("others");
    if (oth != null) {
      if (deviation == null) throw r.fail("others", "the others' reports belong to a counterexample with a deviation");
      deviation = deviation.against(others(r, oth, market, agent));
    }

    // utilities when an agent is named (IR, IC, LEMMA1 with its intermediary), else (value, benchmark): as ViolationJson writes them
    BigFraction truthful = r.number(root, "truthful", agent >= 0 ? "utility" : "value");
    BigFraction deviating = r.number(root, "deviating", agent >= 0 ? "utility" : "benchmark");

    String foundBy = r.text(root, "foundBy");
    JsonNode mini = root.get("minimised");
    if (mini == null) throw r.fail("minimised", "missing");
    if (!mini.isBoolean()) throw r.fail("minimised", "must be true or false, got " + mini);

    List<String> fixedBy = new ArrayList<>();
    JsonNode f = root.get("fixedBy");
    if (f != null) {
      if (!f.isArray()) throw r.fail("fixedBy", "must be a list of mechanism names");
      for (int k = 0; k < f.size(); k++) {
        JsonNode x = f.get(k);
        String at = "fixedBy[" + k + "]";
        if (!x.isTextual()) throw r.fail(at, "must be a mechanism name, got " + x);
        String name = x.asText();
        Mechanism fm = registry.find(Mechanism.class, name).orElseThrow(() -> r.fail(at, "unknown mechanism '" + name + "'"));
        if (name.equals(mechName)) throw r.fail(at, "'" + name + "' is the mechanism the counterexample refutes");
        if (fixedBy.contains(name)) throw r.fail(at, "'" + name + "' is listed twice");
        Optional<String> fr = fm.refusal(market);
        if (fr.isPresent()) throw r.fail(at, "the network is outside the domain of " + name + ": " + fr.get());
        fixedBy.add(name);
      }
    }
    String detail = null;
    JsonNode det = root.get("detail");
    if (det != null) {
      if (!det.isTextual()) throw r.fail("detail", "must be a string, got " + det);
      detail = det.asText();
    }
    return new Counterexample(mechName, property, claim, market, agent, deviation, truthful, deviating, benchmark,
        foundBy, mini.asBoolean(), fixedBy, detail, MechanismSource.read(root, label));
  }

  private static Deviation deviation(R r, JsonNode d, Market market, int agent, Property property) {
    if (!d.isObject()) throw r.fail("deviation", "must be an object {\"bid\": ..., \"invites\": ...}");
    for (Iterator<String> it = d.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!name.equals("bid") && !name.equals("invites")) throw r.fail("deviation." + name, "unknown field (allowed: bid, invites)");
    }
    if (!d.has("bid")) throw r.fail("deviation.bid", "missing (null: the true bid)");
    if (!d.has("invites")) throw r.fail("deviation.invites", "missing (null: every neighbour)");
    String who = market.id(agent);
    BigFraction bid = null;
    JsonNode bn = d.get("bid");
    if (!bn.isNull()) {
      if (!market.isBidder(agent)) throw r.fail("deviation.bid", who + " is an intermediary and does not bid");
      bid = r.number(bn, "deviation.bid");
      Optional<String> refused = property.refusesDeviation(new Deviation(bid, null));
      if (refused.isPresent()) throw r.fail("deviation.bid", refused.get());
      if (bid.signum() < 0) throw r.fail("deviation.bid", "negative bid " + Rationals.format(bid) + "; bids are at least 0");
    }
    BitSet informs = null;
    JsonNode in = d.get("invites");
    if (!in.isNull()) {
      if (!in.isArray()) throw r.fail("deviation.invites", "must be a list of neighbour ids or null, got " + in);
      informs = new BitSet();
      BitSet allowed = market.truthfulInforms(agent);
      for (int k = 0; k < in.size(); k++) {
        JsonNode x = in.get(k);
        String at = "deviation.invites[" + k + "]";
        if (!x.isTextual()) throw r.fail(at, "must be an agent id, got " + x);
        int w = market.node(x.asText());
        if (w < 0) throw r.fail(at, "'" + x.asText() + "' is not an agent of the network");
        if (!market.adjacent(agent, w)) throw r.fail(at, "'" + x.asText() + "' is not a neighbour of " + who);
        if (!allowed.get(w)) {
          throw r.fail(at, w == 0 ? "'" + x.asText() + "' is the seller; agents inform agents"
              : who + " does not invite (\"invites\": false), so she informs nobody");
        }
        if (informs.get(w)) throw r.fail(at, "'" + x.asText() + "' is listed twice");
        informs.set(w);
      }
    }
    Deviation dev = new Deviation(bid, informs);
    if (property.requiresDeviation() && dev.isTruthful()) throw r.fail("deviation", "bid and invites are both null: that is the truthful report, not a deviation");
    return dev.isTruthful() ? null : dev;
  }

  /** {"B": ["C"], ...}: each other agent's informing set, a subset of the neighbours she may inform. */
  private static Map<Integer, BitSet> others(R r, JsonNode o, Market market, int agent) {
    if (!o.isObject()) throw r.fail("others", "must be an object from agent ids to the neighbours each informs, got " + o);
    Map<Integer, BitSet> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) o::fields) {
      String at = "others." + e.getKey();
      int u = market.node(e.getKey());
      if (u < 0) throw r.fail(at, "'" + e.getKey() + "' is not an agent of the network");
      if (u == 0) throw r.fail(at, "'" + e.getKey() + "' is the seller, who informs every neighbour");
      if (u == agent) throw r.fail(at, "'" + e.getKey() + "' is the deviating agent; her report is the deviation");
      if (!e.getValue().isArray()) throw r.fail(at, "must be a list of neighbour ids, got " + e.getValue());
      BitSet allowed = market.truthfulInforms(u);
      BitSet s = new BitSet();
      for (int k = 0; k < e.getValue().size(); k++) {
        JsonNode x = e.getValue().get(k);
        String atk = at + "[" + k + "]";
        if (!x.isTextual()) throw r.fail(atk, "must be an agent id, got " + x);
        int w = market.node(x.asText());
        if (w < 0 || !allowed.get(w)) throw r.fail(atk, "'" + x.asText() + "' is not a neighbour " + e.getKey() + " may inform");
        if (s.get(w)) throw r.fail(atk, "'" + x.asText() + "' is listed twice");
        s.set(w);
      }
      if (s.equals(allowed)) throw r.fail(at, e.getKey() + " informs every neighbour, which is her truthful report: leave her out");
      out.put(u, s);
    }
    return out;
  }

  private record R(String label) {
    InputException fail(String field, String reason) {
      return new InputException(label + (field == null ? "" : ": " + field) + ": " + reason);
    }

    String text(JsonNode o, String field) {
      JsonNode n = o.get(field);
      if (n == null) throw fail(field, "missing");
      if (!n.isTextual() || n.asText().isBlank()) throw fail(field, "must be a non-empty string, got " + n);
      return n.asText();
    }

    /** {@code root.outer.inner}, e.g. truthful.utility. */
    BigFraction number(JsonNode root, String outer, String inner) {
      JsonNode o = root.get(outer);
      if (o == null) throw fail(outer, "missing; expected {\"" + inner + "\": ...}");
      if (!o.isObject()) throw fail(outer, "must be an object {\"" + inner + "\": ...}, got " + o);
      for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) o::fields) {
        if (!e.getKey().equals(inner)) throw fail(outer + "." + e.getKey(), "unknown field (expected " + outer + "." + inner + (inner.equals("utility") ? ", since an agent is named)" : ", since no agent is named)"));
      }
      JsonNode n = o.get(inner);
      if (n == null) throw fail(outer + "." + inner, "missing");
      return number(n, outer + "." + inner);
    }

    BigFraction number(JsonNode n, String path) {
      try {
        return NetworkJson.exactNumber(n);
      } catch (NumberFormatException e) {
        throw fail(path, e.getMessage());
      }
    }
  }
}
