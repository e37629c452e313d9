package org.mechcheck.cli;

import org.mechcheck.plugin.Extension;

/**
 * A command a plugin adds to mechcheck's command line: the implementing object is itself the
 * picocli command (annotated with {@code @Command}), registered as a service of this interface.
 * It goes at the top level, or below one of the top-level commands (an experiment below
 * {@code experiment}).
 */
public interface PluginCommand extends Extension {
  /** Its name on the command line, as its {@code @Command} gives it. */
  @Override
  String name();

  /** The top-level command it goes below, or null for the top level. */
  default String parent() {
    return null;
  }
}
