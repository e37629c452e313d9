package org.mechcheck.cli;

import org.mechcheck.store.InputException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Bad input and usage errors become one line on stderr and exit status 2, never a stack trace. */
public final class Errors {
  public static final int VIOLATION = 1;
  public static final int BAD_INPUT = 2;

  private Errors() {}

  static int handle(Exception e, CommandLine cl, ParseResult parsed) {
    if (e instanceof InputException || e instanceof org.mechcheck.plugin.PluginException) {
      // a mechanism file that does not compile: one line, then javac's own lines as javac prints them
      cl.getErr().println("mechcheck: " + e.getMessage());
      return BAD_INPUT;
    }
    if (e instanceof java.io.UncheckedIOException) {
      // a file mechcheck was told to write cannot be written (the message names it)
      cl.getErr().println("mechcheck: " + e.getMessage());
      return BAD_INPUT;
    }
    cl.getErr().println("mechcheck: internal error: " + e);
    StackTraceElement[] st = e.getStackTrace();
    if (st.length > 0) cl.getErr().println("  at " + st[0]);
    return 3;
  }

  static int usage(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    String help = cl.getParent() == null ? "mechcheck --help" : "mechcheck " + cl.getCommandName() + " --help";
    cl.getErr().println("mechcheck: " + e.getMessage().lines().findFirst().orElse("usage error") + " (see '" + help + "')");
    return BAD_INPUT;
  }
}
