package org.mechcheck.cli;

import org.mechcheck.plugin.Registry;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** mechcheck: mechanisms on networks, run exactly and checked against what papers claim. */
@Command(
    name = "mechcheck",
    mixinStandardHelpOptions = true,
    version = "mechcheck 0.1",
    description = "Runs the mechanisms of the literature exactly and checks what papers claim about them.",
    subcommands = {MechanismsCommand.class, RunCommand.class, CheckCommand.class, SearchCommand.class, ClaimsCommand.class, CertifyCommand.class, EnumerateCommand.class, ReplayCommand.class, ExperimentCommand.class, ProveCommand.class, BenchCommand.class, MergeCommand.class, ExportCommand.class, ReportCommand.class, BundleCommand.class, CommandLine.HelpCommand.class})
public final class Main {

  /** The experiments plugins add below {@code experiment}. */
  static java.util.List<String> experiments() {
    return Registry.standard().all(PluginCommand.class).stream().filter(p -> "experiment".equals(p.parent())).map(PluginCommand::name).toList();
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** The whole command tree, the shipped plugins' commands (datatrade, group, experiment sra, ...) included, found like any other extension. */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    for (PluginCommand p : Registry.standard().all(PluginCommand.class)) {
      CommandLine parent = p.parent() == null ? cl : cl.getSubcommands().get(p.parent());
      if (parent == null) throw new IllegalStateException(p.implementation() + ": no command '" + p.parent() + "' to go below");
      parent.addSubcommand(p.name(), p.getClass()); // a fresh instance per run: picocli keeps option values in the object
    }
    return cl;
  }

  /** Runs a command line and returns its exit status: 0 ok, 1 violation found, 2 bad input or usage. */
  public static int execute(String... args) {
    CommandLine cl = commandLine();
    cl.setExecutionExceptionHandler(Errors::handle);
    cl.setParameterExceptionHandler(Errors::usage);
    cl.setUnmatchedOptionsAllowedAsOptionParameters(false); // "--network f.json --colour" is an unknown option, not a file
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      // one line, and not exit 1 (which says a violation was found)
      cl.getErr().println("mechcheck: out of memory (the input needs more than the " + Runtime.getRuntime().maxMemory() / (1 << 20)
          + " MB Java may use; give it more with JAVA_TOOL_OPTIONS=-Xmx8g, say)");
      return Errors.BAD_INPUT;
    } catch (StackOverflowError e) {
      StackTraceElement[] st = e.getStackTrace();
      cl.getErr().println("mechcheck: internal error: stack overflow" + (st.length > 0 ? " at " + st[0] : ""));
      return 3;
    }
  }
}
