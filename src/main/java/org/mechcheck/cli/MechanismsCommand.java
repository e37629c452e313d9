package org.mechcheck.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Mechanisms;
import org.mechcheck.store.NetworkJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "mechanisms", description = "Lists the mechanisms with their domain and source.")
final class MechanismsCommand implements Callable<Integer> {
  @Option(names = "--json", description = "machine-readable output")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (json) {
      ArrayNode list = NetworkJson.MAPPER.createArrayNode();
      for (Mechanism m : Mechanisms.all()) {
        ObjectNode o = list.addObject();
        o.put("name", m.name()).put("description", m.description()).put("domain", m.domain()).put("source", m.source());
      }
      System.out.println(NetworkJson.line(NetworkJson.MAPPER.createObjectNode().set("mechanisms", list)));
      return 0;
    }
    Table t = new Table("mechanism", "what it is", "domain", "source");
    for (Mechanism m : Mechanisms.all()) t.row(m.name(), m.description(), m.domain(), m.source());
    System.out.print(t);
    return 0;
  }
}
