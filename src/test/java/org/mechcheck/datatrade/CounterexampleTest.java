package org.mechcheck.datatrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.mechcheck.store.InputException;
import org.mechcheck.store.NetworkJson;

/**
 * The counterexamples to Theorems 4.3/4.4 and the welfare remark: every saved file replays exactly
 * with its hypotheses re-checked; the smallest one agrees with a derivation by hand; the search and
 * the hypothesis checks refuse what they should.
 */
class CounterexampleTest {

  @TestFactory
  Stream<DynamicTest> everySavedCounterexampleReplays() {
    List<Path> files = CounterexampleFiles.files(Path.of("."));
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
      CounterexampleFiles.Replay r = CounterexampleFiles.replay(f);
      assertTrue(r.reproduces(), f + " no longer reproduces: " + r.detail());
    }));
  }

  /**
   * n = 1, v_0 = 1, v_1 = 1 w.p. 2/3 and 2 w.p. 1/3 (v_1 = v_0 2^J, homogeneous and positive). By
   * hand: under RAW player 0 earns 1 * 1 at price 1 and 2 * 1/3 at price 2, so she posts 1 and trade
   * 1 always happens. Under t_{1,0} = 0 she earns nothing at any price; the highest optimal price
   * is 2, and the buyer with v_1 = 1 does not buy: E_1^RAW is not inside E_1^t.
   */
  @Test
  void smallestExpansionCounterexampleMatchesTheHandDerivation() {
    JumpChain jc = new JumpChain(1, BigFraction.of(2), 0, new int[] {2, 1}, 0);
    Chain c = jc.chain();
    BigFraction[][] zero = Reallocation.empty(1);
    Reallocation t = new Reallocation("t", zero);
    TheoremChecks.Violation v = TheoremChecks.expansion(c, t, TieBreak.HIGH, Candidates.GRID);
    assertNotNull(v);
    assertEquals(1, v.trade());
    assertEquals(BigFraction.ONE, v.vPrev());
    assertEquals(BigFraction.ONE, v.v());
    assertEquals(BigFraction.ONE, v.sides().get(0).price());
    assertEquals(BigFraction.of(2), v.sides().get(1).price());
    assertNull(TheoremChecks.expansion(c, t, TieBreak.LOW, Candidates.GRID), "under 'low' the indifferent seller posts 1 and everyone buys");
  }

  /**
   * n = 2 on the same walk with t_2 = (1, 0): player 1 keeps nothing. By hand: under RAW every
   * seller posts her own valuation's lowest buyer threshold and all trades happen, SW = 1 + E[v_1] +
   * E[v_2] = 1 + 4/3 + 16/9 = 37/9. Under t player 1 is indifferent and posts the highest threshold
   * 4: trade 2 happens only on v_1 = 2, v_2 = 4; player 0 posts 1 (revenue 13/9 against 10/9 at 2);
   * SW = 1 + 4/3 + (1/9) 4 = 25/9.
   */
  @Test
  void smallestWelfareCounterexampleMatchesTheHandDerivation() {
    Chain c = new JumpChain(2, BigFraction.of(2), 0, new int[] {2, 1}, 0).chain();
    BigFraction[][] rows = Reallocation.empty(2);
    rows[1][0] = BigFraction.ONE;
    rows[2][0] = BigFraction.ONE;
    TheoremChecks.Violation v = TheoremChecks.welfare(c, new Reallocation("t", rows), TieBreak.HIGH, Candidates.GRID);
    assertNotNull(v);
    assertEquals(BigFraction.of(25, 9), v.sw());
    assertEquals(BigFraction.of(37, 9), v.swRaw());
  }

  @Test
  void searchFindsTheSmallestAndNothingUnderTheOwnShareReading() {
    CounterexampleSearch.Space space = CounterexampleSearch.Space.standard(2);
    CounterexampleSearch.Result r = CounterexampleSearch.run(CounterexampleSearch.EXPANSION, false, TieBreak.HIGH, space, 0);
    assertNotNull(r.finding());
    assertEquals(1, r.finding().instance().chain().n());
    assertEquals(2, r.finding().instance().chain().size());
    for (String claim : CounterexampleSearch.CLAIMS) {
      for (TieBreak tb : TieBreak.values()) {
        CounterexampleSearch.Result own = CounterexampleSearch.run(claim, true, tb, space, 0);
        assertNull(own.finding(), () -> claim + " own-share " + tb + ": " + own.finding().violation().describe());
        assertTrue(own.complete());
      }
    }
  }

  @Test
  void recogniseChecksHomogeneity() {
    JumpChain jc = new JumpChain(3, BigFraction.of(3, 2), -1, new int[] {1, 0, 2}, 1);
    JumpChain back = JumpChain.recognise(jc.chain());
    assertEquals(jc.lo(), back.lo());
    assertEquals(jc.margin(), back.margin());
    assertEquals(List.of(1, 0, 2), java.util.Arrays.stream(back.law()).boxed().toList());
    assertThrows(IllegalStateException.class, () -> JumpChain.recognise(ValuationModels.model(2, 3)), "Model 2 is not homogeneous");
    assertThrows(IllegalStateException.class, () -> JumpChain.recognise(ValuationModels.model(4, 3)), "Model 4 is not positive");
    // Model 1 is homogeneous in the paper, but its grid holds the doubles nearest to e^{k/2}, whose ratios are not exactly equal
    assertThrows(IllegalStateException.class, () -> JumpChain.recognise(ValuationModels.model(1, 2)));
  }

  @Test
  void clippedChainIsRefused() {
    // the grid stops one value short of what two upward jumps reach: the last reachable row is clipped
    JumpChain jc = new JumpChain(2, BigFraction.of(2), 0, new int[] {1, 1}, 0);
    Chain full = jc.chain();
    BigFraction[] w = java.util.Arrays.copyOf(full.w, 2);
    BigFraction[][] q = {{BigFraction.of(1, 2), BigFraction.of(1, 2)}, {BigFraction.ZERO, BigFraction.ONE}};
    Chain clipped = Chain.stationary("clipped", 2, w, 0, q);
    assertThrows(IllegalStateException.class, () -> JumpChain.recognise(clipped));
  }

  @Test
  void tamperedFileDoesNotReplay(@TempDir Path dir) throws IOException {
    CounterexampleSearch.Space space = CounterexampleSearch.Space.standard(1);
    CounterexampleSearch.Result r = CounterexampleSearch.run(CounterexampleSearch.LOCAL, false, TieBreak.HIGH, space, 0);
    assertNotNull(r.finding());
    Path f = CounterexampleFiles.save(dir, r.finding(), space, "test");
    assertTrue(CounterexampleFiles.replay(f).reproduces());
    ObjectNode o = (ObjectNode) NetworkJson.readTree(f);
    ((ObjectNode) o.get("violation").get("sides").get(1)).put("price", "3");
    Files.writeString(f, NetworkJson.MAPPER.writeValueAsString(o));
    assertFalse(CounterexampleFiles.replay(f).reproduces(), "a changed number must not replay");
    ObjectNode bad = (ObjectNode) NetworkJson.readTree(f);
    ((com.fasterxml.jackson.databind.node.ArrayNode) bad.get("model").get("grid")).set(0, NetworkJson.MAPPER.getNodeFactory().textNode("-1"));
    Files.writeString(f, NetworkJson.MAPPER.writeValueAsString(bad));
    assertThrows(InputException.class, () -> CounterexampleFiles.replay(f), "a grid with a negative value (Assumption 4.1) is refused");
  }
}
