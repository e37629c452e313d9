package org.mechcheck.datatrade;

/**
 * Speed figures for the README: java -cp target/mechcheck-cli.jar org.mechcheck.datatrade.Bench [paperAtN20: true|false].
 * Every exact equilibrium is timed with the certified algorithm (the one the commands use) and the
 * exact fast algorithm beside it; Algorithms 1-3 as written for comparison.
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) {
    boolean paper20 = args.length == 0 || Boolean.parseBoolean(args[0]);
    for (int model : new int[] {1, 4}) {
      Chain c = ValuationModels.model(model, 5);
      Reallocation ave = Reallocation.ave(5);
      for (int w = 0; w < 5; w++) {
        FastAlgorithm.solve(c, ave, TieBreak.LOW, Field.EXACT); // warm-up
        CertifiedAlgorithm.solve(c, ave, TieBreak.LOW);
      }
      int reps = 10;
      long t0 = System.nanoTime();
      for (int r = 0; r < reps; r++) Evaluation.of(CertifiedAlgorithm.solve(c, ave, TieBreak.LOW));
      double certified = (System.nanoTime() - t0) / 1e6 / reps;
      t0 = System.nanoTime();
      for (int r = 0; r < reps; r++) Evaluation.of(FastAlgorithm.solve(c, ave, TieBreak.LOW, Field.EXACT));
      double fast = (System.nanoTime() - t0) / 1e6 / reps;
      t0 = System.nanoTime();
      PaperAlgorithm.solve(c, ave, TieBreak.LOW, Field.EXACT);
      double paper = (System.nanoTime() - t0) / 1e6;
      System.out.printf("model %d, n=5 (L=%d), AVE, exact equilibrium + evaluation: certified %.1f ms, exact fast %.1f ms, Algorithms 1-3 %.1f ms%n", model, c.size(), certified, fast, paper);
    }
    long t0 = System.nanoTime();
    OptSearch.Result r = OptSearch.search(ValuationModels.model(1, 5), TieBreak.LOW, 1, 3, 1500, null);
    System.out.printf("OPT model 1, n=5: %.1f s (%d evaluations), SW %.4f%n", (System.nanoTime() - t0) / 1e9, r.evaluations(), r.objective());
    Chain c = ValuationModels.model(1, 20);
    Reallocation ave = Reallocation.ave(20);
    t0 = System.nanoTime();
    CertifiedAlgorithm.solve(c, ave, TieBreak.LOW);
    System.out.printf("model 1, n=20 (L=%d), AVE, exact (certified): %.2f s%n", c.size(), (System.nanoTime() - t0) / 1e9);
    t0 = System.nanoTime();
    FastAlgorithm.solve(c, ave, TieBreak.LOW, Field.DOUBLE);
    System.out.printf("model 1, n=20 (L=%d), AVE, doubles (fast): %.2f s%n", c.size(), (System.nanoTime() - t0) / 1e9);
    t0 = System.nanoTime();
    FastAlgorithm.solve(c, ave, TieBreak.LOW, Field.EXACT);
    System.out.printf("model 1, n=20 (L=%d), AVE, exact (fast, exact throughout): %.2f s%n", c.size(), (System.nanoTime() - t0) / 1e9);
    if (paper20) {
      t0 = System.nanoTime();
      PaperAlgorithm.solve(c, ave, TieBreak.LOW, Field.DOUBLE);
      System.out.printf("model 1, n=20 (L=%d), AVE, doubles: Algorithms 1-3 %.2f s%n", c.size(), (System.nanoTime() - t0) / 1e9);
    }
  }
}
