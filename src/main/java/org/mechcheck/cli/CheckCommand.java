package org.mechcheck.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Set;
import org.mechcheck.store.InputException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.network.Market;
import org.mechcheck.num.Rationals;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Checker;
import org.mechcheck.property.Property;
import org.mechcheck.property.Violation;
import org.mechcheck.store.NetworkFile;
import org.mechcheck.store.NetworkJson;
import org.mechcheck.store.ViolationJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true, description = "Every deviation of every agent on one network, exactly; exit 1 if a property fails.")
final class CheckCommand implements Callable<Integer> {
  @Option(names = "--mechanism", description = "mechanism name; may be left out with one --mechanism-file")
  String mechanism;

  @picocli.CommandLine.Mixin
  WorkbenchOptions workbench;

  @Option(names = "--network", required = true, description = "network file")
  Path network;

  @Option(names = "--property", description = "IR, IC, BB, EFF, REV, NW or LEMMA1 (default: IR, IC, BB, EFF, REV; and NW when more than one unit is for sale)")
  List<String> properties;

  @Option(names = "--benchmark", description = "REV benchmark: vickrey, w-d1star or k-vickrey (default: vickrey for one unit, k-vickrey for more)")
  String benchmark;

  @Option(names = "--json", description = "{\"violations\": [...]}")
  boolean json;

  @Option(names = "--lenient", description = "accept unknown fields in the network file")
  boolean lenient;

  @Override
  public Integer call() throws Exception {
    Mechanism mech = workbench.mechanism(mechanism, "--mechanism");
    org.mechcheck.plugin.Registry reg = workbench.registry();
    NetworkFile f = NetworkJson.read(network, !lenient);
    Inputs.requireDomain(mech, f);
    Market m = f.market();
    Set<Property> props = new java.util.LinkedHashSet<>(List.of(Property.IR, Property.IC, Property.BB, Property.EFF, Property.REV));
    if (m.units() > 1) props.add(Property.NW);
    if (properties != null) {
      props = new java.util.LinkedHashSet<>();
      for (String p : properties) props.add(Inputs.property(reg, p));
    }
    Benchmark bench = benchmark != null ? Inputs.benchmark(reg, benchmark) : m.units() > 1 ? Benchmark.K_VICKREY : Benchmark.VICKREY;
    for (Property p : props) Inputs.requireReference(reg, p, bench);
    List<Violation> found = new Checker(mech, bench).check(m, props);
    if (json) {
      ObjectNode root = NetworkJson.MAPPER.createObjectNode();
      ArrayNode list = root.putArray("violations");
      for (Violation v : found) list.add(ViolationJson.toJson(m, v));
      System.out.println(NetworkJson.line(root));
    } else if (found.isEmpty()) {
      System.out.println(mech.name() + " on " + m.name() + ": no violation of " + props.stream().map(Property::name).toList() + " (every agent, every deviation)");
    } else {
      Table t = new Table("property", "agent", "deviation", "truthful", "deviating", "what");
      for (Violation v : found) {
        t.row(v.property().name(), v.agent() < 0 ? "-" : m.id(v.agent()), ViolationJson.describe(m, v.deviation()),
            Rationals.format(v.truthful()), Rationals.format(v.deviating()), v.detail());
      }
      System.out.println(mech.name() + " on " + m.name() + ": " + found.size() + " violation" + (found.size() == 1 ? "" : "s"));
      System.out.print(t);
    }
    return found.isEmpty() ? 0 : Errors.VIOLATION;
  }
}
