package org.mechcheck.prove;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.uka.ilkd.key.speclang.Contract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every JML contract of the kernels must be closed by KeY, one test per proof obligation, and
 * the deliberately false contract of src/test/key must stay open (the negative control). The
 * proofs run first, all of them, in the two KeY environments `mechcheck prove` uses; the control
 * gets short limits, since a configuration that proves false things does so quickly.
 */
class KeyProofsTest {
  private static final Path KERNELS = Path.of("src/main/java/org/mechcheck/kernel");
  private static final Path CONTROL = Path.of("src/test/key");

  @TestFactory
  Stream<DynamicTest> everyKernelContractClosesAndTheControlStaysOpen() throws Exception {
    List<KeyProver.Result> results = new ArrayList<>();
    for (KeyProver.Semantics sem : KeyProver.Semantics.values()) {
      try (KeyProver prover = KeyProver.load(List.of(KERNELS, CONTROL), Path.of("target/key-test"), 20_000, 60_000, sem, KeyZ3.inProcess())) {
        for (Contract c : prover.ownContracts(null)) {
          results.add(isControl(c.getName()) ? prover.prove(c, null, 5_000, 10_000) : prover.prove(c, null));
        }
      }
    }
    long kernels = results.stream().filter(r -> !isControl(r.contract())).count();
    long controls = results.size() - kernels;
    assertTrue(kernels >= 15 && controls == 1, "expected every kernel contract and one control, got " + kernels + " and " + controls);
    return results.stream().map(r -> DynamicTest.dynamicTest(r.method() + " [" + r.semantics().label + ", " + Math.round(r.seconds()) + " s]", () -> {
      if (isControl(r.contract())) {
        assertFalse(r.closed(), "the negative control was closed: the proof run proves a false contract (" + r.method() + ")");
      } else {
        assertTrue(r.closed(), "proof obligation left open: " + r.contract() + " (" + r.openGoals() + " open goals after " + r.strategy()
            + ", " + r.semantics().label + ")");
      }
    }));
  }

  private static boolean isControl(String contract) {
    return contract.contains("org.mechcheck.control.");
  }
}
