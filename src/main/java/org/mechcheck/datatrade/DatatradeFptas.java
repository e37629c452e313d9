package org.mechcheck.datatrade;

import org.mechcheck.cli.Table;
import org.mechcheck.cli.Errors;
import java.util.concurrent.Callable;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.num.Rationals;
import org.mechcheck.store.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Algorithm 4: an epsilon-approximate sequential equilibrium of a continuous chain, optionally with Definition 3.6 measured. */
@Command(name = "fptas", mixinStandardHelpOptions = true, description = "004 Algorithm 4: epsilon-approximate sequential equilibrium of a continuous chain (density proportional to exp(kappa w v) on [L0, H0]); --check measures Definition 3.6.")
final class DatatradeFptas implements Callable<Integer> {
  @Option(names = "--epsilon", required = true, description = "approximation epsilon, e.g. 1/2")
  String epsilon;

  @Option(names = "--n", defaultValue = "2", description = "chain length (default ${DEFAULT-VALUE})")
  int n;

  @Option(names = "--L0", defaultValue = "0", description = "lower end of the valuation support (default ${DEFAULT-VALUE})")
  String lo;

  @Option(names = "--H0", defaultValue = "1", description = "upper end of the valuation support (default ${DEFAULT-VALUE})")
  String hi;

  @Option(names = "--kappa", defaultValue = "1", description = "tilt: f(v | w) proportional to exp(kappa w v); K0 = |kappa| (H0 - L0) (default ${DEFAULT-VALUE})")
  String kappa;

  @Option(names = "--mechanism", defaultValue = "AVE", description = "RAW, AVE or TBDS (with --alpha) (default ${DEFAULT-VALUE})")
  String mechanism;

  @Option(names = "--alpha", description = "TBDS's alpha, e.g. 1/2")
  String alpha;

  @Option(names = "--tie-break", defaultValue = "low", description = "price tie-break: low or high (default ${DEFAULT-VALUE})")
  String tieBreak;

  @Option(names = "--check", description = "measure Definition 3.6's conditions (a) and (b) on the continuous model")
  boolean check;

  @Option(names = "--probes", defaultValue = "3", description = "valuations probed inside each grid cell by --check, besides its left end (default ${DEFAULT-VALUE})")
  int probes;

  private static BigFraction num(String s, String opt) {
    try {
      return Rationals.parse(s);
    } catch (NumberFormatException e) {
      throw new InputException(opt + ": " + e.getMessage());
    }
  }

  @Override
  public Integer call() {
    if (probes < 0) throw new InputException("--probes: must be nonnegative");
    org.mechcheck.cli.Options.between("--n", n, 1, ValuationModels.MAX_N); // as the other datatrade commands' chains
    ContinuousModel m = new ContinuousModel(n, num(lo, "--L0"), num(hi, "--H0"), num(kappa, "--kappa"));
    Reallocation t = ModelJson.mechanism(mechanism, n, alpha == null ? null : num(alpha, "--alpha"));
    Fptas.Result r = Fptas.solve(m, t, TieBreak.parse(tieBreak), num(epsilon, "--epsilon"));
    System.out.println("Algorithm 4 on " + m.describe() + ", " + t.name + ", tie-break " + r.tieBreak().label());
    System.out.printf("epsilon %s: eps0 = %s, L = %d grid points; discrete model solved in doubles in %.2f s%n", Rationals.format(r.epsilon()), Rationals.format(r.eps0()), r.L(), r.seconds());
    String[] head = new String[3 + 2 * n];
    head[0] = "cell";
    head[1] = "v from";
    head[2] = "v to";
    for (int i = 0; i < n; i++) {
      head[3 + 2 * i] = i == 0 ? "gain s~_0" : "s~_" + i;
      head[4 + 2 * i] = "p~_" + i;
    }
    Table tab = new Table(head);
    int step = Math.max(1, r.L() / 12);
    for (int k = 0; k < r.L(); k += step) {
      String[] row = new String[head.length];
      row[0] = "" + k;
      row[1] = String.format("%.5f", r.left(k));
      row[2] = String.format("%.5f", r.right(k));
      for (int i = 0; i < n; i++) {
        row[3 + 2 * i] = String.format("%.5f", r.equilibrium().u[i][k]);
        row[4 + 2 * i] = String.format("%.5f", r.equilibrium().p[i][k]);
      }
      tab.row(row);
    }
    System.out.print(tab);
    if (step > 1) System.out.println("(every " + step + "th cell; player " + n + "'s threshold is her valuation's grid point)");
    if (!check) return 0;
    long t0 = System.nanoTime();
    ApproximationCheck.Report rep = ApproximationCheck.check(r, probes);
    System.out.printf("Definition 3.6 at %d valuations (Gauss-Legendre quadrature per cell, doubles, %.1f s):%n", rep.probes(), (System.nanoTime() - t0) / 1e9);
    System.out.printf("  (a) worst (s^dagger - g(v, p~)) / (eps max{1, s^dagger}) = %.4f at %s%n", rep.worstA(), rep.whereA());
    System.out.printf("  (b) worst |s~ - s^dagger| / (eps max{1, s^dagger}) = %.4f at %s%n", rep.worstB(), rep.whereB());
    System.out.println(rep.holds() ? "  both conditions hold at every probe" : "  VIOLATED");
    return rep.holds() ? 0 : Errors.VIOLATION;
  }
}
