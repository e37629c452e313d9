package org.mechcheck.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mechcheck.network.Market;
import org.mechcheck.num.Rationals;
import org.mechcheck.property.Deviation;
import org.mechcheck.property.Violation;

/** Violations and deviations as JSON (docs/formats/violations.md). */
public final class ViolationJson {
  private ViolationJson() {}

  public static ObjectNode toJson(Market m, Violation v) {
    ObjectNode o = NetworkJson.MAPPER.createObjectNode();
    o.put("property", v.property().name());
    if (v.agent() >= 0) o.put("agent", m.id(v.agent()));
    if (v.deviation() != null) o.set("deviation", deviation(m, v.deviation()));
    o.putObject("truthful").put(v.agent() >= 0 ? "utility" : "value", Rationals.format(v.truthful()));
    o.putObject("deviating").put(v.agent() >= 0 ? "utility" : "benchmark", Rationals.format(v.deviating()));
    o.put("detail", v.detail());
    return o;
  }

  public static ObjectNode deviation(Market m, Deviation d) {
    ObjectNode o = NetworkJson.MAPPER.createObjectNode();
    if (d.bid() == null) o.putNull("bid");
    else o.put("bid", Rationals.format(d.bid()));
    if (d.informs() == null) {
      o.putNull("invites");
    } else {
      ArrayNode a = o.putArray("invites");
      d.informs().stream().forEach(v -> a.add(m.id(v)));
    }
    return o;
  }

  /** The others' reports a deviation is judged against: {"B": ["C"], "D": []}, only those that differ from the truthful ones. */
  public static ObjectNode others(Market m, Deviation d) {
    ObjectNode o = NetworkJson.MAPPER.createObjectNode();
    d.others().forEach((u, s) -> {
      ArrayNode a = o.putArray(m.id(u));
      s.stream().forEach(v -> a.add(m.id(v)));
    });
    return o;
  }

  public static String describe(Market m, Deviation d) {
    if (d == null) return "-";
    if (d.isTruthful()) return "truthful";
    StringBuilder sb = new StringBuilder();
    if (d.bid() != null) sb.append("bids ").append(Rationals.format(d.bid()));
    if (d.informs() != null) {
      if (sb.length() > 0) sb.append(", ");
      StringBuilder ids = new StringBuilder();
      d.informs().stream().forEach(v -> ids.append(ids.length() == 0 ? "" : ",").append(m.id(v)));
      sb.append("informs {").append(ids).append("}");
    }
    return sb.toString();
  }
}
