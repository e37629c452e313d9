package org.mechcheck.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** mechcheck: mechanisms on networks, run exactly and checked against what papers claim. */
@Command(
    name = "mechcheck",
    mixinStandardHelpOptions = true,
    version = "mechcheck 0.1",
    description = "Runs the mechanisms of the literature exactly and checks what papers claim about them.",
    subcommands = {MechanismsCommand.class, RunCommand.class, CheckCommand.class, SearchCommand.class, ClaimsCommand.class, EnumerateCommand.class, ReplayCommand.class, ExperimentCommand.class, DatatradeCommand.class, GroupCommand.class, ProveCommand.class, ExportCommand.class, ReportCommand.class, BundleCommand.class, CommandLine.HelpCommand.class})
public final class Main {

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command line and returns its exit status: 0 ok, 1 violation found, 2 bad input or usage. */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(Errors::handle);
    cl.setParameterExceptionHandler(Errors::usage);
    cl.setUnmatchedOptionsAllowedAsOptionParameters(false); // "--network f.json --colour" is an unknown option, not a file
    return cl.execute(args);
  }
}
