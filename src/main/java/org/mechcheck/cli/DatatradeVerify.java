package org.mechcheck.cli;

import java.util.concurrent.Callable;
import org.mechcheck.store.InputException;
import picocli.CommandLine.Command;

@Command(name = "verify", description = "004's claims (not yet implemented).")
final class DatatradeVerify implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new InputException("datatrade verify: not implemented yet");
  }
}
