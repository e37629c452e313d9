package org.mechcheck.store;

/** Bad input: the message is the one line shown to the user (exit status 2). */
public final class InputException extends RuntimeException {
  public InputException(String message) {
    super(message);
  }
}
