package org.mechcheck.sra;

/** An action the runtime refused: who tried it and why. Every refusal is recorded, never silently dropped. */
public record Incident(String kind, String agent, String detail) {
  @Override
  public String toString() {
    return kind + " by " + agent + ": " + detail;
  }
}
