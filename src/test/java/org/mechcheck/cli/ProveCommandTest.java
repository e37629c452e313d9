package org.mechcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** `mechcheck prove`'s quick paths: OpenJML absent, bad limits. (The KeY run itself is KeyProofsTest.) */
class ProveCommandTest {
  @Test
  void openJmlAbsentIsOneLineNamingTheKeyPath() {
    if (org.mechcheck.prove.KeyProver.onPath("openjml") != null) return; // installed here: the command runs it instead
    CliTest.Result r = CliTest.run("prove", "--openjml");
    assertEquals(0, r.status(), r.err());
    assertEquals(1, r.out().lines().count(), r.out());
    assertTrue(r.out().contains("OpenJML is not installed") && r.out().contains("KeY"), r.out());
  }

  @Test
  void aZeroTimeoutIsBadInput() {
    CliTest.Result r = CliTest.run("prove", "--timeout", "0");
    assertEquals(2, r.status());
    assertEquals(1, r.err().lines().count(), r.err());
  }
}
