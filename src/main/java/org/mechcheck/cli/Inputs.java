package org.mechcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.network.Market;
import org.mechcheck.plugin.Registry;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Property;
import org.mechcheck.store.InputException;
import org.mechcheck.store.NetworkFile;
import org.mechcheck.store.NetworkJson;

/** Shared argument parsing for the commands. */
final class Inputs {
  private Inputs() {}

  static Property property(Registry r, String name) {
    return Property.parse(r, name).orElseThrow(() -> new InputException(
        "unknown property '" + name + "' (known: " + String.join(", ", r.names(Property.class)) + ")"));
  }

  static Benchmark benchmark(Registry r, String name) {
    return Benchmark.parse(r, name).orElseThrow(() -> new InputException(
        "unknown benchmark '" + name + "' (known: " + String.join(", ", r.names(Benchmark.class)) + ")"));
  }

  /** Refuses EQ without a benchmark naming its reference mechanism (--benchmark), before any work. */
  static void requireReference(Registry r, Property p, Benchmark b) {
    if (p.equals(Property.EQ) && b.reference().isEmpty()) {
      throw new InputException("--property EQ compares with a reference mechanism: name one with --benchmark (known: "
          + String.join(", ", r.all(Benchmark.class).stream().filter(x -> x.reference().isPresent()).map(Benchmark::id).toList()) + ")");
    }
  }

  /** The network files named: files as given, folders expanded to their *.json files in name order. */
  static List<NetworkFile> networks(List<Path> paths, boolean strict) {
    List<NetworkFile> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        List<Path> files;
        try (Stream<Path> s = Files.list(p)) {
          files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
          throw new InputException(p + ": cannot list folder (" + e.getMessage() + ")");
        }
        if (files.isEmpty()) throw new InputException(p + ": the folder holds no network file (*.json)");
        for (Path f : files) out.add(NetworkJson.read(f, strict));
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
