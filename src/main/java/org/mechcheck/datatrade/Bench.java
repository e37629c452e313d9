package org.mechcheck.datatrade;

import org.apache.commons.numbers.fraction.BigFraction;

/** Speed figures for the README: java -cp target/mechcheck-cli.jar org.mechcheck.datatrade.Bench [paperAtN20: true|false]. */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) {
    boolean paper20 = args.length == 0 || Boolean.parseBoolean(args[0]);
    for (int model : new int[] {1, 4}) {
      Chain c = ValuationModels.model(model, 5);
      for (int w = 0; w < 5; w++) FastAlgorithm.solve(c, Reallocation.ave(5), TieBreak.LOW, Field.EXACT); // warm-up
      long t0 = System.nanoTime();
      int reps = 10;
      for (int r = 0; r < reps; r++) Evaluation.of(FastAlgorithm.solve(c, Reallocation.ave(5), TieBreak.LOW, Field.EXACT));
      double fast = (System.nanoTime() - t0) / 1e6 / reps;
      t0 = System.nanoTime();
      PaperAlgorithm.solve(c, Reallocation.ave(5), TieBreak.LOW, Field.EXACT);
      double paper = (System.nanoTime() - t0) / 1e6;
      System.out.printf("model %d, n=5 (L=%d), AVE, exact equilibrium + evaluation: fast %.1f ms, Algorithms 1-3 %.1f ms%n", model, c.size(), fast, paper);
    }
    long t0 = System.nanoTime();
    OptSearch.Result r = OptSearch.search(ValuationModels.model(1, 5), TieBreak.LOW, 1, 3, 1500, null);
    System.out.printf("OPT model 1, n=5: %.1f s (%d evaluations), SW %.4f%n", (System.nanoTime() - t0) / 1e9, r.evaluations(), r.objective());
    Chain c = ValuationModels.model(1, 20);
    for (Field<?> f : new Field<?>[] {Field.DOUBLE, Field.EXACT}) {
      t0 = System.nanoTime();
      time(c, f, false);
      double fast = (System.nanoTime() - t0) / 1e9;
      System.out.printf("model 1, n=20 (L=%d), AVE, %s: fast %.2f s%n", c.size(), f, fast);
    }
    if (paper20) {
      t0 = System.nanoTime();
      time(c, Field.DOUBLE, true);
      System.out.printf("model 1, n=20 (L=%d), AVE, double: Algorithms 1-3 %.2f s%n", c.size(), (System.nanoTime() - t0) / 1e9);
    }
  }

  private static <N> void time(Chain c, Field<N> f, boolean paper) {
    Reallocation t = Reallocation.ave(c.n);
    if (paper) PaperAlgorithm.solve(c, t, TieBreak.LOW, f);
    else FastAlgorithm.solve(c, t, TieBreak.LOW, f);
  }

  static BigFraction unused() {
    return BigFraction.ZERO;
  }
}
