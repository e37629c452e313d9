package org.mechcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Mechanisms;
import org.mechcheck.network.Market;
import org.mechcheck.property.Property;
import org.mechcheck.store.InputException;
import org.mechcheck.store.NetworkFile;
import org.mechcheck.store.NetworkJson;

/** Shared argument parsing for the commands. */
final class Inputs {
  private Inputs() {}

  static Mechanism mechanism(String name) {
    return Mechanisms.byName(name).orElseThrow(() -> new InputException(
        "unknown mechanism '" + name + "' (known: " + String.join(", ", Mechanisms.names()) + ")"));
  }

  static Property property(String name) {
    return Property.parse(name).orElseThrow(() -> new InputException(
        "unknown property '" + name + "' (known: IR, IC, BB, EFF, REV, NW, EQ, LEMMA1)"));
  }

  static org.mechcheck.property.Benchmark benchmark(String name) {
    return org.mechcheck.property.Benchmark.parse(name).orElseThrow(() -> new InputException(
        "unknown benchmark '" + name + "' (known: vickrey, w-d1star, k-vickrey, sra)"));
  }

  /** The network files named: files as given, folders expanded to their *.json files in name order. */
  static List<NetworkFile> networks(List<Path> paths, boolean strict) {
    List<NetworkFile> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          for (Path f : s.filter(f -> f.toString().endsWith(".json")).sorted().toList()) out.add(NetworkJson.read(f, strict));
        } catch (IOException e) {
          throw new InputException(p + ": cannot list folder (" + e.getMessage() + ")");
        }
      } else {
        out.add(NetworkJson.read(p, strict));
      }
    }
    return out;
  }

  /** Refuses a market outside the mechanism's domain, saying why. */
  static void requireDomain(Mechanism m, NetworkFile f) {
    Market market = f.market();
    m.refusal(market).ifPresent(reason -> {
      throw new InputException(f.path() + ": " + reason);
    });
  }
}
