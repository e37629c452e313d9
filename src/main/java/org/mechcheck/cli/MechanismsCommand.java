package org.mechcheck.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.plugin.Origin;
import org.mechcheck.plugin.Registry;
import org.mechcheck.store.NetworkJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "mechanisms", mixinStandardHelpOptions = true, description = "Lists the mechanisms with their domain and source (and, for your own, where they come from).")
final class MechanismsCommand implements Callable<Integer> {
  @Option(names = "--json", description = "machine-readable output")
  boolean json;

  @Mixin
  WorkbenchOptions workbench;

  @Override
  public Integer call() throws Exception {
    Registry r = workbench.registry();
    if (json) {
      ArrayNode list = NetworkJson.MAPPER.createArrayNode();
      for (Mechanism m : r.all(Mechanism.class)) {
        ObjectNode o = list.addObject();
        o.put("name", m.name()).put("description", m.description()).put("domain", m.domain()).put("source", m.source());
        Origin origin = r.origin(m);
        if (!origin.shipped()) o.put("origin", origin.describe());
        if (origin.sha256() != null) o.put("sha256", origin.sha256());
      }
      System.out.println(NetworkJson.line(NetworkJson.MAPPER.createObjectNode().set("mechanisms", list)));
      return 0;
    }
    boolean own = r.all(Mechanism.class).stream().anyMatch(m -> !r.origin(m).shipped());
    Table t = own ? new Table("mechanism", "what it is", "domain", "source", "from") : new Table("mechanism", "what it is", "domain", "source");
    for (Mechanism m : r.all(Mechanism.class)) {
      if (own) t.row(m.name(), m.description(), m.domain(), m.source(), r.origin(m).shipped() ? "mechcheck" : r.origin(m).describe());
      else t.row(m.name(), m.description(), m.domain(), m.source());
    }
    System.out.print(t);
    return 0;
  }
}
