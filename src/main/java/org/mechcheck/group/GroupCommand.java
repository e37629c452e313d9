package org.mechcheck.group;

import org.mechcheck.cli.Table;
import org.mechcheck.cli.Home;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.num.Rationals;
import org.mechcheck.store.InputException;
import org.mechcheck.store.NetworkJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** 003: selling one good to a group whose members pay equal shares (spec/group.md). */
/** {@code mechcheck group}: the group-sale plugin's command (003). */
@Command(name = "group", mixinStandardHelpOptions = true, description = "003: the optimal equal-share mechanism for a group (weights, threshold, revenue vs the best posted price, BIC/IR measured).",
    subcommands = {GroupCommand.Evidence.class})
public final class GroupCommand implements Callable<Integer>, org.mechcheck.cli.PluginCommand {
  @Override
  public String name() {
    return "group";
  }

  @Option(names = "--member", description = "a member's value distribution: U(lo,hi), Exp(rate[,shift]), Beta(a,b), TN(mu,sigma,lo,hi), D(v1:p1,...); once per member")
  List<String> members = new ArrayList<>();

  @Option(names = "--weights", description = "evaluate these weights w1,w2,... (non-negative, adding up to exactly 1) instead of the optimal ones")
  String weights;

  @Option(names = "--json", description = "{\"weights\", \"postedPrice\", \"revenuePerMember\", \"revenueTotal\", \"bic\", \"interimIr\"}")
  boolean json;

  @Option(names = "--out", description = "write the pictures here: allocation-region.png/.svg (two members) and interim-allocation.png/.svg")
  Path out;

  @Option(names = "--random", defaultValue = "1000", description = "random feasible weightings to compare with (default ${DEFAULT-VALUE})")
  int random;

  @Option(names = "--seed", defaultValue = "1", description = "seed of the random weightings (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--grid", defaultValue = "400", description = "values per member at which misreports are tried (default ${DEFAULT-VALUE})")
  int grid;

  @Option(names = "--others", defaultValue = "100000", description = "profiles of the other members averaged over per report (default ${DEFAULT-VALUE}; for 3+ members 20000)")
  Integer others;

  @Override
  public Integer call() throws IOException {
    org.mechcheck.cli.Options.between("--grid", grid, 2, 1_000_000);
    org.mechcheck.cli.Options.between("--others", others, 1, 100_000_000);
    org.mechcheck.cli.Options.atLeast("--random", random, 0);
    List<Member> ms = GroupSale.members(members);
    double[] w = weights == null ? null : parseWeights(weights, ms.size());
    int budget = ms.size() <= 2 ? others : Math.min(others, 20000);
    GroupSale g = GroupSale.analyse(ms, w, random, seed, grid, budget);
    if (out != null) {
      try {
        Files.createDirectories(out);
      } catch (IOException e) {
        throw new InputException(out + ": cannot create folder (" + e.getMessage() + ")");
      }
      if (ms.size() == 2) RegionChart.region(out.resolve("allocation-region"), g.mechanism(), g.posted().price());
      RegionChart.interimAllocations(out.resolve("interim-allocation"), g.mechanism());
    }
    System.out.print(json ? json(g) + "\n" : text(g));
    return 0;
  }

  static double[] parseWeights(String text, int n) {
    String[] parts = text.split(",", -1);
    if (parts.length != n) throw new InputException("--weights: " + parts.length + " weights for " + n + " members");
    double[] w = new double[n];
    BigFraction sum = BigFraction.ZERO;
    for (int i = 0; i < n; i++) {
      BigFraction q;
      try {
        q = Rationals.parse(parts[i]);
      } catch (NumberFormatException e) {
        throw new InputException("--weights: " + e.getMessage());
      }
      if (q.signum() < 0) throw new InputException("--weights: weight " + parts[i].trim() + " is negative");
      sum = sum.add(q);
      w[i] = q.doubleValue();
    }
    if (!sum.equals(BigFraction.ONE)) throw new InputException("--weights: the weights add up to " + Rationals.format(sum) + ", not 1");
    return w;
  }

  static String json(GroupSale g) {
    EqualShareMechanism m = g.mechanism();
    int n = m.members().size();
    ObjectNode o = NetworkJson.MAPPER.createObjectNode();
    ArrayNode ws = o.putArray("weights");
    for (double x : m.weights()) ws.add(x);
    o.put("postedPrice", g.posted().price());
    ObjectNode per = o.putObject("revenuePerMember");
    per.put("optimal", m.revenuePerMember());
    per.put("posted", g.posted().revenuePerMember());
    ObjectNode tot = o.putObject("revenueTotal");
    tot.put("optimal", n * m.revenuePerMember());
    tot.put("posted", n * g.posted().revenuePerMember());
    o.putObject("bic").put("maxGain", g.incentives().maxGain());
    o.putObject("interimIr").put("minUtility", g.incentives().minInterimUtility());
    return o.toString();
  }

  static String text(GroupSale g) {
    EqualShareMechanism m = g.mechanism();
    List<Member> ms = m.members();
    int n = ms.size();
    double[] w = m.weights(), r = m.memberSurplus();
    UniformPair cf = g.optimalWeights() ? g.closedForm().orElse(null) : null;
    StringBuilder s = new StringBuilder();
    s.append("Selling to a group (003): ").append(n).append(n == 1 ? " member" : " members").append(", each pays the same share; ")
        .append(g.optimalWeights() ? "optimal weights" : "the given weights").append('\n');
    Table t = new Table("member", "value", "regular", "weight", "closed form", "E[X_i phi_i]");
    for (int i = 0; i < n; i++) {
      Member mi = ms.get(i);
      String exact = cf == null ? "" : (i == 0 ? cf.w1() : cf.w2()).toString();
      t.row("" + (i + 1), mi.toString(), mi.regular() ? "yes" : "no (ironed)", dec(w[i]), exact, dec(r[i]));
    }
    s.append(t);
    for (int i = 0; i < n; i++) {
      if (!ms.get(i).regular()) s.append("member ").append(i + 1).append(" is not regular: ").append(ms.get(i).irregularity()).append("; its virtual value is ironed (Myerson)\n");
    }
    s.append("allocation: sell iff sum_i w_i phi_i(v_i) >= 0");
    g.affineThreshold().ifPresent(a -> {
      boolean same = true;
      for (int i = 1; i < n; i++) same &= Math.abs(a[i] - a[0]) < 1e-12;
      StringBuilder lhs = new StringBuilder();
      for (int i = 0; i < n; i++) {
        double coef = same ? w[i] : w[i] * a[i];
        lhs.append(i == 0 ? "" : " + ").append(dec(coef)).append(" v").append(i + 1);
      }
      double delta = same ? a[n] / a[0] : a[n];
      s.append(", i.e. iff ").append(lhs).append(" >= delta = ").append(dec(delta));
      if (cf != null) s.append(" (").append(cf.delta()).append(" = 1 + w2/2 here: (a1 w1 + a2 w2)/2)");
    });
    s.append('\n');
    double c = m.revenuePerMember();
    String cfRev = cf == null ? "" : " (" + cf.revenuePerMember() + ")";
    String cfPost = cf == null ? "" : " (" + cf.postedRevenuePerMember() + ")";
    String cfPrice = cf == null ? "" : " (" + cf.postedPrice() + ")";
    s.append(String.format(Locale.ROOT, "revenue per member: %s %s%s; best posted price %s%s at p = %s%s%n",
        g.optimalWeights() ? "optimal" : "these weights", dec(c), cfRev, dec(g.posted().revenuePerMember()), cfPost, dec(g.posted().price()), cfPrice));
    s.append(String.format(Locale.ROOT, "revenue total (%d shares): %s; posted price %s%n", n, dec(n * c), dec(n * g.posted().revenuePerMember())));
    IncentiveCheck.Result ic = g.incentives();
    s.append(String.format(Locale.ROOT, "BIC: largest gain from misreporting %s (member %d, value %s reporting %s; %d reports per member x %d profiles of the others)%n",
        sci(ic.maxGain()), ic.gainMember() + 1, dec(ic.gainValue()), dec(ic.gainReport()), ic.reportGrid(), ic.others()));
    s.append(String.format(Locale.ROOT, "interim IR: lowest interim utility %s (member %d at value %s)%n", sci(ic.minInterimUtility()), ic.minMember() + 1, dec(ic.minValue())));
    StringBuilder prof = new StringBuilder();
    for (int i = 0; i < n; i++) prof.append(i == 0 ? "" : ", ").append(dec(ic.exPostProfile()[i]));
    s.append(String.format(Locale.ROOT, "ex-post IR (measured, not claimed): lowest ex-post utility %s (member %d at values (%s))%n", dec(ic.minExPostUtility()), ic.exPostMember() + 1, prof));
    s.append(String.format(Locale.ROOT, "expected share, measured from the ex-post rule: %s%n", dec(ic.expectedShare())));
    if (!g.optimalWeights()) {
      int lo = 0, hi = 0;
      for (int i = 0; i < n; i++) {
        if (r[i] < r[lo]) lo = i;
        if (r[i] > r[hi]) hi = i;
      }
      if (r[hi] > r[lo]) {
        s.append(String.format(Locale.ROOT, "not IR at a higher share: with each paying E[X_%d phi_%d] = %s, member %d at value %s would have interim utility %s - %s = %s%n",
            hi + 1, hi + 1, dec(r[hi]), lo + 1, dec(ms.get(lo).distribution().lo()), dec(r[lo]), dec(r[hi]), dec(r[lo] - r[hi])));
      }
    }
    GroupSale.RandomWeightings rw = g.random();
    s.append(String.format(Locale.ROOT, "optimality: objective E[max(sum w_i phi_i, 0)] = %s at these weights; %d random weightings (seed %d): best revenue %s, lowest objective %s; posted price %s%n",
        dec(m.weightedSurplus()), rw.count(), rw.seed(), dec(rw.bestRevenue()), dec(rw.lowestObjective()), dec(g.posted().revenuePerMember())));
    s.append(String.format(Locale.ROOT, "%.2f s (weights, shares and revenue %.2f s; the rest is the checks)%n", g.seconds(), g.weightsSeconds()));
    return s.toString();
  }

  static String dec(double x) {
    if (!Double.isFinite(x)) return Double.toString(x);
    if (Math.abs(x) < 5e-13) return "0";
    return new BigDecimal(x).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }

  static String sci(double x) {
    return String.format(Locale.ROOT, "%.2g", x);
  }

  @Command(name = "evidence", mixinStandardHelpOptions = true, description = "Recomputes the evidence of the group claims into proofs/group/ (hazard-rate samples, BIC/IR and posted-price samples).")
  static final class Evidence implements Callable<Integer> {
    @Option(names = "--pairs", defaultValue = "100", description = "pairs per family (default ${DEFAULT-VALUE})")
    int pairs;

    @Option(names = "--seed", defaultValue = "1", description = "seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", description = "folder (default proofs/group in the checkout)")
    Path out;

    @Override
    public Integer call() throws IOException {
      org.mechcheck.cli.Options.atLeast("--pairs", pairs, 1);
      Path dir = out != null ? out : Home.get().resolve("proofs/group");
      for (String line : GroupEvidence.writeAll(dir, pairs, seed)) System.out.println(line);
      return 0;
    }
  }
}
