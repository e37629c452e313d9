package org.mechcheck.claims;

import java.nio.file.Path;

/**
 * Gives a verdict to a claim that is not about a network mechanism (a group sale, a data-trading
 * chain): the claim's {@code checkedBy} names it in {@link ClaimChecks}. It reads its evidence
 * from {@code home} and may compute within {@code budgetSeconds}; a check it cannot finish is
 * "unknown", never "verified".
 */
@FunctionalInterface
public interface ClaimCheck {
  Verdict evaluate(Claim claim, Path home, double budgetSeconds);
}
