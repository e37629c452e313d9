package org.mechcheck.cli;

import org.mechcheck.store.InputException;

/**
 * Checks of numeric options, each before a command does any work: one line naming the option,
 * the range and the value given (exit status 2), never a silent clamp. Shared by the plugins'
 * commands.
 */
public final class Options {
  private Options() {}

  /** {@code value} if it is at least {@code min}. */
  public static long atLeast(String option, long value, long min) {
    if (value < min) throw new InputException(option + ": must be at least " + min + ", got " + value);
    return value;
  }

  /** {@code value} if it lies in [min, max]. */
  public static long between(String option, long value, long min, long max) {
    if (value < min || value > max) throw new InputException(option + ": must be between " + min + " and " + max + ", got " + value);
    return value;
  }

  /** A number of seconds: finite and at least 0 ({@code zero} says what 0 means, or null when 0 is refused too). */
  public static double seconds(String option, double value, String zero) {
    if (!Double.isFinite(value) || value < 0 || value == 0 && zero == null) {
      throw new InputException(option + ": must be a number of seconds " + (zero == null ? "above 0" : "of at least 0 (0: " + zero + ")") + ", got " + value);
    }
    return value;
  }
}
