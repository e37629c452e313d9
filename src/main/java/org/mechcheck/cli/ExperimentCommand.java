package org.mechcheck.cli;

import java.util.concurrent.Callable;
import org.mechcheck.store.InputException;
import picocli.CommandLine.Command;

/** The experiments of the source documents: each a plugin's command ({@link PluginCommand}) below this one. */
@Command(name = "experiment", mixinStandardHelpOptions = true, description = "Re-runs a source document's experiment (each a plugin's command below this one).")
final class ExperimentCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    throw new InputException("experiment: name one (known: " + String.join(", ", Main.experiments()) + ")");
  }
}
