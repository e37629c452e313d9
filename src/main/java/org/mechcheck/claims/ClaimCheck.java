package org.mechcheck.claims;

import java.nio.file.Path;
import org.mechcheck.plugin.Extension;

/**
 * Gives a verdict to a claim that is not about a network mechanism (a group sale, a data-trading
 * chain): the claim's {@code checkedBy} names it. Registered as a service of this interface. It
 * reads its evidence from {@code home} (the evidence root) and may compute within
 * {@code budgetSeconds}; a check it cannot finish is "unknown", never "verified".
 */
public interface ClaimCheck extends Extension {
  /** The name a claim's {@code checkedBy} gives. */
  @Override
  String name();

  Verdict evaluate(Claim claim, Path home, double budgetSeconds);
}
