package org.mechcheck.sra;

/** Thrown to an agent whose action the runtime refuses (the refusal is also recorded as an {@link Incident}). */
public final class ProtocolException extends RuntimeException {
  private final Incident incident;

  public ProtocolException(Incident incident) {
    super(incident.toString());
    this.incident = incident;
  }

  public Incident incident() {
    return incident;
  }
}
