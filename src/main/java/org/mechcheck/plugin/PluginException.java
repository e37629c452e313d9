package org.mechcheck.plugin;

/** A plugin or mechanism file that cannot be used: the message names it and says why (one line, exit 2). */
public class PluginException extends RuntimeException {
  public PluginException(String message) {
    super(message);
  }
}
