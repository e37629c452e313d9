package org.mechcheck.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.mechcheck.num.Rationals;
import org.mechcheck.plugin.Registry;

/**
 * The evidence kind of {@code mechcheck-counterexample/1}: a network, a mechanism, a property
 * and (for IR and IC) an agent's deviation. A replay re-runs the mechanism exactly, and each
 * mechanism of {@code fixedBy} too, which must not show the violation.
 */
public final class NetworkCounterexamples implements EvidenceKind {
  @Override
  public String name() {
    return CounterexampleJson.FORMAT;
  }

  @Override
  public Replayed replay(Path file, JsonNode root, Registry registry) {
    Counterexample c = CounterexampleJson.parse(root, file.toString(), file.getFileName().toString().replaceFirst("\\.json$", ""), registry);
    Replay.Result r = Replay.of(c, registry);
    List<Replay.Result> fixes = Replay.fixes(c, registry);
    boolean fixOk = fixes.stream().noneMatch(Replay.Result::violates);
    return new Replayed(r.violates() && fixOk, line(file, r, fixes), json(file, r, fixes));
  }

  private static String line(Path file, Replay.Result r, List<Replay.Result> fixes) {
    Counterexample c = r.counterexample();
    StringBuilder sb = new StringBuilder();
    sb.append(file).append("  ").append(c.mechanism()).append(' ').append(c.property().name());
    if (c.agent() >= 0) sb.append(" agent ").append(c.agentId());
    sb.append("  ").append(r.numbers()).append("  ").append(r.violates() ? "still violates" : "NO LONGER REPRODUCES");
    if (!r.matchesRecord()) {
      sb.append("  (recorded: ").append(Rationals.format(c.truthful())).append(" vs ").append(Rationals.format(c.deviating())).append(')');
    }
    for (Replay.Result f : fixes) {
      sb.append("  ").append(f.mechanism()).append(f.violates() ? ": ALSO VIOLATES (listed in fixedBy)" : ": fixed");
    }
    return sb.toString();
  }

  private static ObjectNode json(Path file, Replay.Result r, List<Replay.Result> fixes) {
    Counterexample c = r.counterexample();
    boolean agentLevel = c.agent() >= 0; // utilities when an agent is named, as in the counterexample file
    ObjectNode o = NetworkJson.MAPPER.createObjectNode();
    o.put("file", file.toString());
    o.put("mechanism", c.mechanism());
    o.put("property", c.property().name());
    o.put("claim", c.claim());
    if (c.agent() >= 0) o.put("agent", c.agentId());
    o.putObject("truthful").put(agentLevel ? "utility" : "value", Rationals.format(r.truthful()));
    o.putObject("deviating").put(agentLevel ? "utility" : "benchmark", Rationals.format(r.deviating()));
    o.put("violates", r.violates());
    o.put("matchesRecord", r.matchesRecord());
    if (!r.matchesRecord()) {
      ObjectNode rec = o.putObject("recorded");
      rec.putObject("truthful").put(agentLevel ? "utility" : "value", Rationals.format(c.truthful()));
      rec.putObject("deviating").put(agentLevel ? "utility" : "benchmark", Rationals.format(c.deviating()));
    }
    if (!fixes.isEmpty()) {
      ArrayNode a = o.putArray("fixedBy");
      for (Replay.Result f : fixes) a.addObject().put("mechanism", f.mechanism()).put("violates", f.violates());
    }
    o.put("detail", r.detail());
    return o;
  }
}
