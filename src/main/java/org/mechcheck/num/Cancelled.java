package org.mechcheck.num;

/**
 * Thrown out of a mechanism's run when its thread has been interrupted: a search past its time
 * limit stops a network that is still running at the mechanism's next comparison (every
 * comparison goes through an {@link Arith}), whatever the mechanism does between them.
 */
public final class Cancelled extends RuntimeException {
  public Cancelled() {
    super("interrupted", null, false, false);
  }

  /** Throws when the current thread has been interrupted (the flag stays set). */
  public static void check() {
    if (Thread.currentThread().isInterrupted()) throw new Cancelled();
  }
}
