package org.mechcheck.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.network.Agent;
import org.mechcheck.network.Market;
import org.mechcheck.num.Rationals;

/**
 * The {@code mechcheck-network/1} format (docs/formats/network.md). Reading validates everything and rejects
 * bad input with one line naming the file, the field and the reason; nothing is guessed.
 */
public final class NetworkJson {
  public static final String FORMAT = "mechcheck-network/1";
  private static final Set<String> TOP = Set.of("$schema", "format", "name", "source", "seller", "units", "agents", "edges", "expected");
  private static final Set<String> AGENT = Set.of("id", "value", "cost", "invites");

  public static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private NetworkJson() {}

  /** Reads and validates a network file; unknown fields are rejected when {@code strict}. */
  public static NetworkFile read(Path file, boolean strict) {
    String label = file.toString();
    JsonNode root = readTree(file);
    String fallbackName = file.getFileName().toString().replaceFirst("\\.json$", "");
    return new NetworkFile(file, parse(root, label, strict, fallbackName), root == null ? null : root.get("expected"));
  }

  /** The JSON tree of a file; a missing, unreadable or malformed file is one line of bad input. */
  public static JsonNode readTree(Path file) {
    String label = file.toString();
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new InputException(label + ": no such file");
    } catch (IOException e) {
      throw new InputException(label + ": cannot be read (" + e.getMessage() + ")");
    }
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InputException(label + ": not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
  }

  /** Validates a JSON tree (e.g. the network inside a counterexample); {@code label} names it in messages. */
  public static Market parse(JsonNode root, String label, boolean strict, String fallbackName) {
    Reader r = new Reader(label);
    if (root == null || !root.isObject()) throw r.fail(null, "the file must hold one JSON object");
    if (strict) {
      for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!TOP.contains(f)) throw r.fail(f, "unknown field (allowed: " + String.join(", ", sorted(TOP)) + ")");
      }
    }
    JsonNode format = root.get("format");
    if (format == null) throw r.fail("format", "missing; expected \"" + FORMAT + "\"");
    if (!format.isTextual() || !format.asText().equals(FORMAT)) throw r.fail("format", "is " + format + ", expected \"" + FORMAT + "\"");
    String name = r.optionalText(root, "name", fallbackName);
    String source = r.optionalText(root, "source", "");
    String seller = r.requiredText(root, "seller");
    int units = 1;
    JsonNode u = root.get("units");
    if (u != null) {
      if (!u.isIntegralNumber() || !u.canConvertToLong()) throw r.fail("units", "must be a whole number of at least 1, got " + u);
      if (Market.unitsProblem(u.asLong()) != null) throw r.fail("units", Market.unitsProblem(u.asLong()));
      units = u.asInt();
    }

    JsonNode agentsNode = root.get("agents");
    if (agentsNode == null) throw r.fail("agents", "missing");
    if (!agentsNode.isArray()) throw r.fail("agents", "must be a list of agents");
    List<Agent> agents = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int k = 0; k < agentsNode.size(); k++) {
      JsonNode a = agentsNode.get(k);
      String at = "agents[" + k + "]";
      if (!a.isObject()) throw r.fail(at, "must be an object");
      if (strict) {
        for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
          String f = it.next();
          if (!AGENT.contains(f)) throw r.fail(at + "." + f, "unknown field (allowed: " + String.join(", ", sorted(AGENT)) + ")");
        }
      }
      String id = r.requiredText(a, at + ".id", "id");
      if (id.equals(seller)) throw r.fail(at + ".id", "'" + id + "' is the seller; the seller cannot also be an agent");
      if (!ids.add(id)) throw r.fail(at + ".id", "duplicate agent id '" + id + "'");
      boolean hasValue = a.has("value"), hasCost = a.has("cost");
      if (hasValue && hasCost) throw r.fail(at, "agent '" + id + "' has both a value and a cost; an agent is a bidder or an intermediary");
      if (!hasValue && !hasCost) throw r.fail(at, "agent '" + id + "' has neither a value (bidder) nor a cost (intermediary)");
      JsonNode inv = a.get("invites");
      if (inv != null && !inv.isBoolean()) throw r.fail(at + ".invites", "must be true or false, got " + inv);
      boolean invites = inv == null || inv.asBoolean();
      if (hasValue) {
        BigFraction v = r.number(a.get("value"), at + ".value");
        if (v.signum() < 0) throw r.fail(at + ".value", "negative value " + Rationals.format(v) + "; values are at least 0");
        agents.add(Agent.bidder(id, v, invites));
      } else {
        BigFraction c = r.number(a.get("cost"), at + ".cost");
        if (c.signum() < 0) throw r.fail(at + ".cost", "negative cost " + Rationals.format(c) + "; costs are at least 0");
        if (inv != null && !invites) throw r.fail(at + ".invites", "an intermediary passes the sale on; \"invites\": false is only for bidders");
        agents.add(Agent.intermediary(id, c));
      }
    }

    JsonNode edgesNode = root.get("edges");
    if (edgesNode == null) throw r.fail("edges", "missing");
    if (!edgesNode.isArray()) throw r.fail("edges", "must be a list of [from, to] pairs");
    java.util.Map<String, Integer> node = new java.util.HashMap<>();
    node.put(seller, 0);
    for (int k = 0; k < agents.size(); k++) node.put(agents.get(k).id(), k + 1);
    long nodes = agents.size() + 1;
    List<int[]> edges = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (int k = 0; k < edgesNode.size(); k++) {
      JsonNode e = edgesNode.get(k);
      String at = "edges[" + k + "]";
      if (!e.isArray() || e.size() != 2 || !e.get(0).isTextual() || !e.get(1).isTextual()) throw r.fail(at, "must be a pair of agent ids, got " + e);
      int x = node.getOrDefault(e.get(0).asText(), -1), y = node.getOrDefault(e.get(1).asText(), -1);
      if (x < 0) throw r.fail(at, "unknown agent '" + e.get(0).asText() + "'");
      if (y < 0) throw r.fail(at, "unknown agent '" + e.get(1).asText() + "'");
      if (x == y) throw r.fail(at, "self loop at '" + e.get(0).asText() + "'");
      long key = Math.min(x, y) * nodes + Math.max(x, y);
      if (!seen.add(key)) throw r.fail(at, "duplicate edge " + e.get(0).asText() + "-" + e.get(1).asText() + " (each pair once)");
      edges.add(new int[] {x, y});
    }
    return new Market(name, source, seller, agents, edges, units);
  }

  /** The network as a {@code mechcheck-network/1} tree (exact numbers as JSON integers or "p/q" strings). */
  public static ObjectNode toJson(Market m) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("name", m.name());
    if (!m.source().isEmpty()) root.put("source", m.source());
    root.put("seller", m.sellerId());
    root.put("units", m.units());
    ArrayNode agents = root.putArray("agents");
    for (Agent a : m.agents()) {
      ObjectNode o = agents.addObject();
      o.put("id", a.id());
      if (a.isBidder()) {
        putNumber(o, "value", a.value());
        if (!a.invites()) o.put("invites", false);
      } else {
        putNumber(o, "cost", a.cost());
      }
    }
    ArrayNode edges = root.putArray("edges");
    for (int[] e : m.edges()) edges.addArray().add(m.id(e[0])).add(m.id(e[1]));
    return root;
  }

  /** A JSON number, or a string such as "7/3" or "0.1", exactly (never through double). */
  public static BigFraction exactNumber(JsonNode n) {
    if (n.isIntegralNumber()) return BigFraction.of(n.bigIntegerValue());
    if (n.isNumber()) return Rationals.readDecimal(n.decimalValue());
    if (n.isTextual()) return Rationals.parse(n.asText());
    throw new NumberFormatException("must be a number or a string such as \"7/3\", got " + n);
  }

  /** One JSON value on one line. */
  public static String line(JsonNode node) {
    try {
      return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void putNumber(ObjectNode o, String field, BigFraction q) {
    String s = Rationals.format(q);
    if (s.contains("/")) o.put(field, s);
    else o.put(field, new java.math.BigInteger(s));
  }

  private static List<String> sorted(Set<String> s) {
    return s.stream().sorted().toList();
  }

  private record Reader(String label) {
    InputException fail(String field, String reason) {
      return new InputException(label + (field == null ? "" : ": " + field) + ": " + reason);
    }

    String requiredText(JsonNode o, String field) {
      return requiredText(o, field, field);
    }

    String requiredText(JsonNode o, String path, String field) {
      JsonNode n = o.get(field);
      if (n == null) throw fail(path, "missing");
      if (!n.isTextual() || n.asText().isBlank()) throw fail(path, "must be a non-empty string, got " + n);
      return n.asText();
    }

    String optionalText(JsonNode o, String field, String dflt) {
      JsonNode n = o.get(field);
      if (n == null) return dflt;
      if (!n.isTextual()) throw fail(field, "must be a string, got " + n);
      return n.asText();
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
