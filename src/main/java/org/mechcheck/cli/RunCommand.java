package org.mechcheck.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Exact;
import org.mechcheck.store.NetworkFile;
import org.mechcheck.store.NetworkJson;
import org.mechcheck.store.OutcomeJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true, description = "The outcome of a mechanism on each network's true types, exactly.")
final class RunCommand implements Callable<Integer> {
  @Option(names = "--mechanism", description = "mechanism name (see 'mechcheck mechanisms'); may be left out with one --mechanism-file")
  String mechanism;

  @picocli.CommandLine.Mixin
  WorkbenchOptions workbench;

  @Option(names = "--network", required = true, arity = "1..*", description = "network files or folders of them")
  List<Path> networks;

  @Option(names = "--json", description = "one JSON object per network, one per line")
  boolean json;

  @Option(names = "--lenient", description = "accept unknown fields in network files")
  boolean lenient;

  @Override
  public Integer call() throws Exception {
    Mechanism mech = workbench.mechanism(mechanism, "--mechanism");
    List<NetworkFile> files = Inputs.networks(networks, !lenient);
    for (NetworkFile f : files) Inputs.requireDomain(mech, f);
    StringBuilder out = new StringBuilder();
    for (NetworkFile f : files) {
      Market m = f.market();
      Outcome<BigFraction> o = org.mechcheck.mechanism.Contract.run(mech, Profile.truthful(m, Exact.INSTANCE));
      ObjectNode node = OutcomeJson.toJson(mech.name(), o);
      if (json) {
        out.append(NetworkJson.line(node)).append('\n');
      } else {
        out.append(Describe.outcome(node)).append('\n');
      }
    }
    System.out.print(out);
    return 0;
  }
}
