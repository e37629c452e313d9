package org.mechcheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.network.Enumerator;
import org.mechcheck.network.Market;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.store.InputException;
import org.mechcheck.store.NetworkJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "enumerate", mixinStandardHelpOptions = true,
    description = "Writes every network of a class with a given number of agents (one per isomorphism class) as network files, with seeded random integer values and costs.")
final class EnumerateCommand implements Callable<Integer> {
  @Option(names = "--class", required = true, description = "cs-tree, cs-general, social-tree, social") String networkClass;
  @Option(names = "--agents", required = true) int agents;
  @Option(names = "--limit", description = "write at most this many") long limit = Long.MAX_VALUE;
  @Option(names = "--seed", defaultValue = "1") long seed;
  @Option(names = "--max-value", defaultValue = "10", description = "values and costs are drawn from 0..max-value") int maxValue;
  @Option(names = "--out", required = true, description = "a folder that does not exist yet or is empty") Path out;

  @Override
  public Integer call() throws Exception {
    NetworkClass nc = NetworkClass.parse(networkClass).orElseThrow(() -> new InputException(
        "unknown class '" + networkClass + "' (known: cs-tree, cs-general, social-tree, social)"));
    if (agents < 1 || agents > Enumerator.MAX_AGENTS) throw new InputException("--agents must be between 1 and " + Enumerator.MAX_AGENTS);
    Options.atLeast("--limit", limit, 0);
    Options.between("--max-value", maxValue, 0, Integer.MAX_VALUE - 1);
    if (Files.exists(out) && (!Files.isDirectory(out) || Files.list(out).findAny().isPresent())) {
      throw new InputException(out + ": exists and is not an empty folder; nothing is overwritten");
    }
    Files.createDirectories(out);
    SplittableRandom random = new SplittableRandom(seed);
    long written = 0;
    Iterator<Market> it = Enumerator.stream(nc, agents).iterator();
    while (it.hasNext() && written < limit) {
      Market m = it.next();
      BigFraction[] values = new BigFraction[m.size()], costs = new BigFraction[m.size()];
      for (int v = 1; v < m.size(); v++) {
        values[v] = BigFraction.of(random.nextInt(maxValue + 1));
        costs[v] = BigFraction.of(random.nextInt(maxValue + 1));
      }
      Market valued = m.withTypes(m.name(), values, costs);
      Files.writeString(out.resolve(String.format("%s-%06d.json", nc.id() + "-n" + agents, written)), NetworkJson.MAPPER.writeValueAsString(NetworkJson.toJson(valued)) + "\n");
      written++;
    }
    System.err.println("wrote " + written + " networks to " + out);
    return 0;
  }
}
