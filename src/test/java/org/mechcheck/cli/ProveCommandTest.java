package org.mechcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** `mechcheck prove`'s quick paths: OpenJML absent, bad limits, a missing --z3. (The KeY run itself is KeyProofsTest.) */
class ProveCommandTest {
  @Test
  void openJmlAbsentIsOneLineNamingTheKeyPath() {
    if (org.mechcheck.prove.KeyProver.onPath("openjml") != null) return; // installed here: the command runs it instead
    CliTest.Result r = CliTest.run("prove", "--openjml");
    assertEquals(0, r.status(), r.err());
    assertEquals(1, r.out().lines().count(), r.out());
    assertTrue(r.out().contains("OpenJML is not installed") && r.out().contains("KeY"), r.out());
  }

  /** What --openjml type-checks: the source of every shipped mechanism whose run carries a contract. */
  @Test
  void openJmlTypeChecksEveryMechanismWithAContract() throws Exception {
    org.mechcheck.plugin.Registry r = org.mechcheck.plugin.Registry.standard();
    for (org.mechcheck.mechanism.Mechanism m : r.all(org.mechcheck.mechanism.Mechanism.class)) {
      if (m.contracts().isEmpty()) continue;
      Class<?> c = m.getClass().getMethod("run", org.mechcheck.network.Profile.class, org.mechcheck.num.Arith.class).getDeclaringClass();
      String file = c.getName().replace("org.mechcheck.", "").replace('.', '/') + ".java";
      assertTrue(ProveCommand.CONTRACTS.contains(file), m.name() + ": " + file + " is not type-checked by prove --openjml");
      assertTrue(java.nio.file.Files.isRegularFile(java.nio.file.Path.of("src/main/java/org/mechcheck", file)), file);
    }
  }

  @Test
  void aZ3ThatIsNotThereIsBadInput() {
    CliTest.Result r = CliTest.run("prove", "--z3", "/nonexistent/z3");
    assertEquals(2, r.status());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("--z3") && r.err().contains("/nonexistent/z3"), r.err());
  }

  @Test
  void aZeroTimeoutIsBadInput() {
    CliTest.Result r = CliTest.run("prove", "--timeout", "0");
    assertEquals(2, r.status());
    assertEquals(1, r.err().lines().count(), r.err());
  }
}
