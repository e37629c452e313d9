package org.mechcheck.claims;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mechcheck.mechanism.Mechanisms;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Property;
import org.mechcheck.store.InputException;
import org.mechcheck.store.NetworkJson;

/** Reads {@code spec/claims.json}, validating every entry. */
public final class ClaimRegistry {
  private ClaimRegistry() {}

  public static List<Claim> read(Path file) {
    JsonNode root;
    try {
      root = NetworkJson.MAPPER.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new InputException(file + ": cannot be read as JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
    JsonNode list = root == null ? null : root.get("claims");
    if (list == null || !list.isArray()) throw new InputException(file + ": claims: missing or not a list");
    List<Claim> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int k = 0; k < list.size(); k++) {
      JsonNode c = list.get(k);
      String at = file + ": claims[" + k + "]";
      String id = text(c, "id", at);
      if (!ids.add(id)) throw new InputException(at + ".id: duplicate claim id '" + id + "'");
      String mech = text(c, "mechanism", at);
      String expected = c.has("expected") ? c.get("expected").asText() : "verified";
      if (!expected.equals("verified") && !expected.equals("refuted")) throw new InputException(at + ".expected: must be \"verified\" or \"refuted\"");
      List<String> contracts = new ArrayList<>();
      for (JsonNode k2 : c.path("contracts")) contracts.add(k2.asText());
      if (c.has("checkedBy")) {
        String check = c.get("checkedBy").asText();
        if (ClaimChecks.byName(check).isEmpty()) {
          throw new InputException(at + ".checkedBy: unknown check '" + check + "' (known: " + String.join(", ", ClaimChecks.names()) + ")");
        }
        out.add(new Claim(id, mech, null, text(c, "property", at), text(c, "domain", at), null, null, text(c, "source", at),
            text(c, "statement", at), expected, List.of(), 1, null, check, contracts));
        continue;
      }
      if (Mechanisms.byName(mech).isEmpty()) throw new InputException(at + ".mechanism: unknown mechanism '" + mech + "'");
      Property p = Property.parse(text(c, "property", at)).orElseThrow(() -> new InputException(at + ".property: unknown property"));
      NetworkClass nc = NetworkClass.parse(text(c, "class", at)).orElseThrow(() -> new InputException(at + ".class: unknown network class"));
      Benchmark b = Benchmark.VICKREY;
      if (c.has("benchmark")) b = Benchmark.parse(c.get("benchmark").asText()).orElseThrow(() -> new InputException(at + ".benchmark: unknown benchmark"));
      List<String> fixedBy = new ArrayList<>();
      for (JsonNode f : c.path("fixedBy")) {
        if (Mechanisms.byName(f.asText()).isEmpty()) throw new InputException(at + ".fixedBy: unknown mechanism '" + f.asText() + "'");
        fixedBy.add(f.asText());
      }
      int units = units(c, at, mech);
      String deviations = null;
      if (c.has("deviations")) {
        deviations = c.get("deviations").asText();
        if (!org.mechcheck.sra.DeviationSearch.FAMILIES.contains(deviations)) {
          throw new InputException(at + ".deviations: unknown family '" + deviations + "' (known: " + String.join(", ", org.mechcheck.sra.DeviationSearch.FAMILIES) + ")");
        }
        if (p != Property.IC || !mech.equals("sra")) throw new InputException(at + ".deviations: only an IC claim about sra names a family of protocol deviations");
      }
      out.add(new Claim(id, mech, p, p.name(), text(c, "domain", at), nc, b, text(c, "source", at), text(c, "statement", at), expected, fixedBy, units,
          deviations, null, contracts));
    }
    return out;
  }

  /** Mechanisms sold k units at a time: their claims must say how many units their evidence is about. */
  static final Set<String> MULTI_UNIT = Set.of("gidm", "vcg-k");

  private static int units(JsonNode c, String at, String mech) {
    JsonNode u = c.get("units");
    if (u == null) {
      if (MULTI_UNIT.contains(mech)) throw new InputException(at + ".units: missing; " + mech + " sells k units, so its claims must say how many (e.g. \"units\": 2)");
      return 1;
    }
    if (!u.isIntegralNumber() || !u.canConvertToInt() || u.asInt() < 1) throw new InputException(at + ".units: must be a whole number of at least 1, got " + u);
    if (u.asInt() > 1 && !MULTI_UNIT.contains(mech)) throw new InputException(at + ".units: " + mech + " sells one unit, so units must be 1, got " + u);
    return u.asInt();
  }

  private static String text(JsonNode c, String field, String at) {
    JsonNode n = c.get(field);
    if (n == null || !n.isTextual()) throw new InputException(at + "." + field + ": missing or not a string");
    return n.asText();
  }
}
