package org.mechcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Human-readable renderings of the JSON results. */
final class Describe {
  private Describe() {}

  static String outcome(JsonNode o) {
    StringBuilder sb = new StringBuilder();
    sb.append(o.get("mechanism").asText()).append(" on ").append(o.get("network").asText()).append('\n');
    List<String> winners = new ArrayList<>();
    o.get("allocation").fields().forEachRemaining(e -> winners.add(e.getKey() + (e.getValue().asText().equals("1") ? "" : " (" + e.getValue().asText() + ")")));
    sb.append("  winner:   ").append(winners.isEmpty() ? "none (no sale)" : String.join(", ", winners)).append('\n');
    if (o.has("chain")) sb.append("  chain:    ").append(chain(o.get("chain"))).append('\n');
    Table t = new Table("agent", "pays", "utility");
    for (Iterator<Map.Entry<String, JsonNode>> it = o.get("payments").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String u = o.get("utilities").get(e.getKey()).asText();
      if (!e.getValue().asText().equals("0") || !u.equals("0")) t.row(e.getKey(), e.getValue().asText(), u);
    }
    sb.append(indent(t.toString()));
    sb.append("  (every other agent pays 0 and has utility 0)\n");
    sb.append("  revenue:  ").append(o.get("revenue").asText()).append('\n');
    sb.append("  welfare:  ").append(o.get("welfare").asText()).append('\n');
    if (o.has("threshold")) {
      List<String> parts = new ArrayList<>();
      o.get("threshold").fields().forEachRemaining(e -> parts.add(e.getKey() + " -> {" + join(e.getValue()) + "}"));
      sb.append("  threshold neighbourhoods: ").append(String.join(", ", parts)).append('\n');
    }
    return sb.toString();
  }

  static String chain(JsonNode c) {
    if (c.size() > 0 && c.get(0).isArray()) {
      List<String> cs = new ArrayList<>();
      c.forEach(x -> cs.add(chain(x)));
      return String.join("; ", cs);
    }
    List<String> ids = new ArrayList<>();
    c.forEach(x -> ids.add(x.asText()));
    return String.join(" -> ", ids);
  }

  static String join(JsonNode arr) {
    List<String> ids = new ArrayList<>();
    arr.forEach(x -> ids.add(x.asText()));
    return String.join(", ", ids);
  }

  static String indent(String s) {
    return s.lines().map(l -> "  " + l).reduce("", (a, b) -> a + b + "\n");
  }
}
