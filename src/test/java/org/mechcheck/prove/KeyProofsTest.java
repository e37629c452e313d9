package org.mechcheck.prove;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.uka.ilkd.key.smt.solvertypes.SolverType;
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
 * proofs run first, all of them, in the two KeY environments `mechcheck prove` uses, with the
 * leftover goals going to the Z3 library in process (the default); the control gets short
 * limits, since a configuration that proves false things does so quickly.
 *
 * <p>While they run, KeY's Z3 solver type points at an executable that does not exist, so a
 * goal closed here was closed without any {@code z3} program, as on a machine with only JDK 17
 * and Maven.
 */
class KeyProofsTest {
  private static final Path KERNELS = Path.of("src/main/java/org/mechcheck/kernel");
  private static final Path CONTROL = Path.of("src/test/key");

  @TestFactory
  Stream<DynamicTest> everyKernelContractClosesAndTheControlStaysOpen() throws Exception {
    List<KeyProver.Result> results = new ArrayList<>();
    SolverType type = KeyZ3.keyType();
    String command = type.getSolverCommand();
    type.setSolverCommand("/nonexistent/z3");
    try {
      for (KeyProver.Semantics sem : KeyProver.Semantics.values()) {
        try (KeyProver prover = KeyProver.load(List.of(KERNELS, CONTROL), Path.of("target/key-test"), 20_000, 300_000, sem, KeyZ3.inProcess())) {
          for (Contract c : prover.ownContracts(null)) {
            results.add(isControl(c.getName()) ? prover.prove(c, null, 5_000, 5_000) : prover.prove(c, null));
          }
        }
      }
    } finally {
      type.setSolverCommand(command);
    }
    long kernels = results.stream().filter(r -> !isControl(r.contract())).count();
    long controls = results.size() - kernels;
    assertTrue(kernels >= 15 && controls == 1, "expected every kernel contract and one control, got " + kernels + " and " + controls);
    int closedByZ3 = results.stream().filter(r -> !isControl(r.contract()) && r.closed())
        .mapToInt(r -> r.z3().getOrDefault(KeyZ3.Answer.UNSAT, 0)).sum();
    DynamicTest inProcess = DynamicTest.dynamicTest("Z3 in process, no z3 executable: " + closedByZ3 + " goals closed that KeY's strategy left open",
        () -> assertTrue(closedByZ3 > 0, "no goal went to the in-process Z3: this test no longer covers it"));
    return Stream.concat(Stream.of(inProcess), results.stream().map(r -> DynamicTest.dynamicTest(r.method() + " [" + r.semantics().label + ", "
        + Math.round(r.seconds()) + " s, " + r.strategy() + (r.z3().isEmpty() ? "" : " " + r.z3()) + "]", () -> {
      if (isControl(r.contract())) {
        assertFalse(r.closed(), "the negative control was closed: the proof run proves a false contract (" + r.method() + ")");
        // its leftover goals went to Z3 too, so the control covers the solver's side of the configuration
        assertFalse(r.z3().isEmpty(), "the negative control's open goals never reached Z3 (" + r.strategy() + ")");
      } else {
        assertTrue(r.closed(), "proof obligation left open: " + r.contract() + " (" + r.openGoals() + " open goals after " + r.strategy()
            + ", " + r.semantics().label + ", Z3: " + r.z3() + ")");
      }
    })));
  }

  private static boolean isControl(String contract) {
    return contract.contains("org.mechcheck.control.");
  }
}
