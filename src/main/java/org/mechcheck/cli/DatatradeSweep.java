package org.mechcheck.cli;

import java.util.concurrent.Callable;
import org.mechcheck.store.InputException;
import picocli.CommandLine.Command;

@Command(name = "sweep", description = "004 Figures 2 and 3 (not yet implemented).")
final class DatatradeSweep implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new InputException("datatrade sweep: not implemented yet");
  }
}
