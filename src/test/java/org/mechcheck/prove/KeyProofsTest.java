package org.mechcheck.prove;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.uka.ilkd.key.speclang.Contract;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every JML contract of the kernels must be closed by KeY, one test per proof obligation, and
 * the deliberately false contract of src/test/key must stay open (the negative control).
 */
class KeyProofsTest {
  private static final Path KERNELS = Path.of("src/main/java/org/mechcheck/kernel");
  private static final Path CONTROL = Path.of("src/test/key");
  private static KeyProver prover;

  @TestFactory
  Stream<DynamicTest> everyKernelContractClosesAndTheControlStaysOpen() throws Exception {
    prover = KeyProver.load(List.of(KERNELS, CONTROL), Path.of("target/key-test"), 20_000, 60_000);
    List<Contract> contracts = prover.contracts();
    long kernels = contracts.stream().filter(c -> !isControl(c)).count();
    long controls = contracts.size() - kernels;
    assertTrue(kernels >= 10 && controls == 1, "expected the kernel contracts and one control, got " + kernels + " and " + controls);
    String z3 = prover.usesZ3() ? "" : " (no z3 on the PATH: goals KeY's own strategy leaves open stay open; apt-get install z3)";
    return contracts.stream().map(c -> DynamicTest.dynamicTest(KeyProver.shortName(c.getName()), () -> {
      KeyProver.Result r = prover.prove(c, null);
      if (isControl(c)) {
        assertFalse(r.closed(), "the negative control was closed: the proof run proves a false contract (" + r.method() + ")");
      } else {
        assertTrue(r.closed(), "proof obligation left open: " + c.getName() + " (" + r.openGoals() + " open goals after " + r.strategy() + ")" + z3);
      }
    }));
  }

  private static boolean isControl(Contract c) {
    return c.getName().contains("org.mechcheck.control.");
  }

  @AfterAll
  static void close() {
    if (prover != null) prover.close();
  }
}
