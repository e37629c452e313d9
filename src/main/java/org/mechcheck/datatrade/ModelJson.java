package org.mechcheck.datatrade;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.num.Rationals;
import org.mechcheck.store.InputException;
import org.mechcheck.store.NetworkJson;

/**
 * A data-trading model file (format in spec/datatrade.md): either {"preset": 1-4, "n": ...} or
 * an explicit chain {"n", "grid", "v0", "Q"} where Q is one L x L matrix for every stage or a list
 * of n of them; optionally a mechanism: "mechanism": "RAW" | "AVE" | "TBDS" with "alpha", or "t":
 * n rows (trades 1..n) of n+1 shares (players 0..n). Numbers are JSON numbers (read as exact
 * decimals) or strings "p/q".
 */
public final class ModelJson {
  private ModelJson() {}

  public record Model(Chain chain, Reallocation t) {}

  public static Model read(Path file) {
    JsonNode root;
    try {
      root = NetworkJson.MAPPER.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new InputException(file + ": cannot be read as JSON (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
    }
    try {
      return parse(root);
    } catch (InputException e) {
      throw new InputException(file + ": " + e.getMessage());
    }
  }

  public static Model parse(JsonNode root) {
    if (root == null || !root.isObject()) throw new InputException("not a JSON object");
    int n = integer(root, "n", Integer.MIN_VALUE);
    if (n < 1) throw new InputException("n: chain length " + n + "; a chain has at least one trade (n >= 1)");
    if (n < 1) throw new InputException("n: chain length " + n + "; a chain has at least one trade (n >= 1)");
    Chain chain;
    if (root.has("preset")) {
      String reading = root.has("reading") ? root.get("reading").asText() : "alternating";
      chain = ValuationModels.model(integer(root, "preset", 1), n, reading);
    } else {
      JsonNode g = root.get("grid");
      if (g == null || !g.isArray() || g.size() == 0) throw new InputException("grid: missing or empty list of valuations");
      int L = g.size();
      BigFraction[] w = new BigFraction[L];
      for (int k = 0; k < L; k++) w[k] = number(g.get(k), "grid[" + k + "]");
      int v0 = root.has("v0") ? integer(root, "v0", 0) : 0;
      JsonNode qn = root.get("Q");
      if (qn == null || !qn.isArray() || qn.size() == 0) throw new InputException("Q: missing transition matrix");
      boolean perStage = qn.get(0).isArray() && qn.get(0).size() > 0 && qn.get(0).get(0).isArray();
      BigFraction[][][] q = new BigFraction[n + 1][][];
      if (perStage) {
        if (qn.size() != n) throw new InputException("Q: " + qn.size() + " stage matrices for n = " + n + " trades");
        for (int i = 1; i <= n; i++) q[i] = matrix(qn.get(i - 1), "Q[" + i + "]", L);
      } else {
        BigFraction[][] one = matrix(qn, "Q", L);
        for (int i = 1; i <= n; i++) q[i] = one;
      }
      chain = new Chain(root.has("name") ? root.get("name").asText() : "model", n, w, v0, q);
    }
    Reallocation t = null;
    if (root.has("t")) {
      t = matrix(root.get("t"), n, "t");
    } else if (root.has("mechanism")) {
      t = mechanism(root.get("mechanism").asText(), n, root.has("alpha") ? number(root.get("alpha"), "alpha") : null);
    }
    return new Model(chain, t);
  }

  /** A reallocation matrix given as n rows (trades 1..n) of n+1 shares (players 0..n). */
  public static Reallocation matrix(JsonNode tn, int n, String name) {
    if (tn == null || !tn.isArray() || tn.size() != n) throw new InputException(name + ": needs n = " + n + " rows (trades 1.." + n + "), has " + (tn != null && tn.isArray() ? tn.size() : 0));
    BigFraction[][] rows = Reallocation.empty(n);
    for (int i = 1; i <= n; i++) {
      JsonNode row = tn.get(i - 1);
      if (!row.isArray() || row.size() != n + 1) throw new InputException(name + "[" + i + "]: needs n+1 = " + (n + 1) + " shares (players 0.." + n + ")");
      for (int j = 0; j <= n; j++) rows[i][j] = number(row.get(j), name + "[" + i + "][" + j + "]");
    }
    return new Reallocation(name, rows);
  }

  /** The JSON of a matrix as {@link #matrix} reads it (exact "p/q" strings). */
  public static com.fasterxml.jackson.databind.node.ArrayNode toJson(Reallocation t) {
    com.fasterxml.jackson.databind.node.ArrayNode a = NetworkJson.MAPPER.createArrayNode();
    for (int i = 1; i <= t.n; i++) {
      com.fasterxml.jackson.databind.node.ArrayNode row = a.addArray();
      for (int j = 0; j <= t.n; j++) row.add(Rationals.format(t.get(i, j)));
    }
    return a;
  }

  /** The JSON of an explicit chain (one Q for every stage when the chain is stationary). */
  public static com.fasterxml.jackson.databind.node.ObjectNode toJson(Chain c) {
    com.fasterxml.jackson.databind.node.ObjectNode o = NetworkJson.MAPPER.createObjectNode();
    o.put("name", c.name).put("n", c.n);
    com.fasterxml.jackson.databind.node.ArrayNode g = o.putArray("grid");
    for (BigFraction x : c.w) g.add(Rationals.format(x));
    o.put("v0", c.v0);
    boolean stationary = true;
    for (int i = 2; i <= c.n; i++) stationary &= c.q[i] == c.q[1];
    com.fasterxml.jackson.databind.node.ArrayNode q = o.putArray("Q");
    for (int i = 1; i <= (stationary ? 1 : c.n); i++) {
      com.fasterxml.jackson.databind.node.ArrayNode m = stationary ? q : q.addArray();
      for (BigFraction[] row : c.q[i]) {
        com.fasterxml.jackson.databind.node.ArrayNode r = m.addArray();
        for (BigFraction x : row) r.add(Rationals.format(x));
      }
    }
    return o;
  }

  /** RAW, AVE or TBDS (alpha required). */
  public static Reallocation mechanism(String name, int n, BigFraction alpha) {
    switch (name.toUpperCase()) {
      case "RAW":
        return Reallocation.raw(n);
      case "AVE":
        return Reallocation.ave(n);
      case "TBDS":
        if (alpha == null) throw new InputException("mechanism TBDS needs alpha");
        return Reallocation.tbds(n, alpha);
      default:
        throw new InputException("mechanism: '" + name + "' (known: RAW, AVE, TBDS; or give the matrix t)");
    }
  }

  private static BigFraction[][] matrix(JsonNode m, String at, int L) {
    if (!m.isArray() || m.size() != L) throw new InputException(at + ": " + (m.isArray() ? m.size() : 0) + " rows but the grid has " + L + " values");
    BigFraction[][] out = new BigFraction[L][];
    for (int k = 0; k < L; k++) {
      JsonNode row = m.get(k);
      if (!row.isArray() || row.size() != L) throw new InputException(at + "[" + k + "]: " + (row.isArray() ? row.size() : 0) + " entries but the grid has " + L + " values");
      out[k] = new BigFraction[L];
      for (int l = 0; l < L; l++) out[k][l] = number(row.get(l), at + "[" + k + "][" + l + "]");
    }
    return out;
  }

  /** A whole number of at least {@code min}: 2.5 is refused, not read as 2. */
  private static int integer(JsonNode o, String field, int min) {
    JsonNode v = o.get(field);
    if (v == null) throw new InputException(field + ": missing");
    if (!v.isIntegralNumber() || !v.canConvertToInt()) throw new InputException(field + ": must be a whole number, got " + v);
    if (v.asInt() < min) throw new InputException(field + ": must be at least " + min + ", got " + v);
    return v.asInt();
  }

  static BigFraction number(JsonNode v, String at) {
    if (v == null || v.isNull()) throw new InputException(at + ": missing number");
    if (!v.isNumber() && !v.isTextual()) throw new InputException(at + ": not a number");
    try {
      return v.isNumber() ? Rationals.readDecimal(v.decimalValue()) : Rationals.parse(v.asText());
    } catch (NumberFormatException e) {
      throw new InputException(at + ": " + e.getMessage());
    }
  }
}
