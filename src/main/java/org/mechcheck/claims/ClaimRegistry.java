package org.mechcheck.claims;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.plugin.Registry;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Property;
import org.mechcheck.store.InputException;
import org.mechcheck.store.NetworkJson;

/**
 * Reads a claims file ({@code spec/claims.json}, or a researcher's of the same format;
 * docs/formats/claims.md), validating every entry against the registered mechanisms, properties,
 * benchmarks, claim checks and deviation families.
 */
public final class ClaimRegistry {
  private ClaimRegistry() {}

  /** The claims of a file about shipped mechanisms. */
  public static List<Claim> read(Path file) {
    return read(file, Registry.standard());
  }

  public static List<Claim> read(Path file, Registry registry) {
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
        if (registry.find(ClaimCheck.class, check).isEmpty()) {
          throw new InputException(at + ".checkedBy: unknown check '" + check + "' (known: " + String.join(", ", registry.names(ClaimCheck.class)) + ")");
        }
        out.add(new Claim(id, mech, null, text(c, "property", at), text(c, "domain", at), null, null, text(c, "source", at),
            text(c, "statement", at), expected, List.of(), 1, null, check, contracts));
        continue;
      }
      Mechanism m = registry.find(Mechanism.class, mech).orElseThrow(() -> new InputException(at + ".mechanism: unknown mechanism '" + mech
          + "' (known: " + String.join(", ", registry.names(Mechanism.class)) + ")"));
      String ptext = text(c, "property", at);
      Property p = Property.parse(registry, ptext).orElseThrow(() -> new InputException(at + ".property: unknown property '" + ptext
          + "' (known: " + String.join(", ", registry.names(Property.class)) + ")"));
      String ctext = text(c, "class", at);
      NetworkClass nc = NetworkClass.parse(ctext).orElseThrow(() -> new InputException(at + ".class: unknown network class '" + ctext + "'"));
      Benchmark b = Benchmark.VICKREY;
      if (c.has("benchmark")) {
        if (!p.takesBenchmark()) throw new InputException(at + ".benchmark: a " + p.name() + " claim names no benchmark");
        String btext = c.get("benchmark").asText();
        b = Benchmark.parse(registry, btext).orElseThrow(() -> new InputException(at + ".benchmark: unknown benchmark '" + btext
            + "' (known: " + String.join(", ", registry.names(Benchmark.class)) + ")"));
      }
      if (p.equals(Property.EQ) && b.reference().isEmpty()) {
        throw new InputException(at + ".benchmark: an EQ claim names the reference mechanism it compares with (known: "
            + String.join(", ", registry.all(Benchmark.class).stream().filter(x -> x.reference().isPresent()).map(Benchmark::id).toList()) + ")");
      }
      List<String> fixedBy = new ArrayList<>();
      for (JsonNode f : c.path("fixedBy")) {
        if (registry.find(Mechanism.class, f.asText()).isEmpty()) throw new InputException(at + ".fixedBy: unknown mechanism '" + f.asText() + "'");
        fixedBy.add(f.asText());
      }
      int units = units(c, at, m);
      String deviations = null;
      if (c.has("deviations")) {
        deviations = c.get("deviations").asText();
        if (!m.deviationFamilies().contains(deviations)) {
          throw new InputException(at + ".deviations: " + (m.deviationFamilies().isEmpty() ? mech + " has no families of protocol deviations"
              : "unknown family '" + deviations + "' of " + mech + " (known: " + String.join(", ", m.deviationFamilies()) + ")"));
        }
        if (registry.find(DeviationFamilies.class, mech).isEmpty()) throw new InputException(at + ".deviations: no registered search of " + mech + "'s deviation families");
        if (!p.equals(Property.IC)) throw new InputException(at + ".deviations: only an IC claim names a family of protocol deviations");
      }
      out.add(new Claim(id, mech, p, p.name(), text(c, "domain", at), nc, b, text(c, "source", at), text(c, "statement", at), expected, fixedBy, units,
          deviations, null, contracts));
    }
    return out;
  }

  /** A multi-unit mechanism's claims must say how many units their evidence is about; a single-unit one's may only say 1. */
  private static int units(JsonNode c, String at, Mechanism m) {
    JsonNode u = c.get("units");
    if (u == null) {
      if (m.multiUnit()) throw new InputException(at + ".units: missing; " + m.name() + " sells k units, so its claims must say how many (e.g. \"units\": 2)");
      return 1;
    }
    if (!u.isIntegralNumber() || !u.canConvertToLong()) throw new InputException(at + ".units: must be a whole number of at least 1, got " + u);
    if (org.mechcheck.network.Market.unitsProblem(u.asLong()) != null) throw new InputException(at + ".units: " + org.mechcheck.network.Market.unitsProblem(u.asLong()));
    if (u.asInt() > 1 && !m.multiUnit()) throw new InputException(at + ".units: " + m.name() + " sells one unit, so units must be 1, got " + u);
    return u.asInt();
  }

  private static String text(JsonNode c, String field, String at) {
    JsonNode n = c.get(field);
    if (n == null || !n.isTextual()) throw new InputException(at + "." + field + ": missing or not a string");
    return n.asText();
  }
}
