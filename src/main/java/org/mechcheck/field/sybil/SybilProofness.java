package org.mechcheck.field.sybil;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Model;
import com.microsoft.z3.Params;
import com.microsoft.z3.RealSort;
import com.microsoft.z3.Solver;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.field.sybil.SybilSplit.Shares;
import org.mechcheck.field.sybil.SybilSplit.Transformed;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;
import org.mechcheck.num.Exact;
import org.mechcheck.num.Rationals;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Concrete;
import org.mechcheck.property.Deviation;
import org.mechcheck.property.Property;
import org.mechcheck.property.Violation;
import org.mechcheck.smt.PathExplorer;
import org.mechcheck.smt.Stats;
import org.mechcheck.smt.SymbolicMarket;
import org.mechcheck.smt.Z3Arith;

/**
 * SP, Sybil-proofness, as issue 16 states it: an agent gains nothing by joining under several
 * identities. Her deviation space is every way to split her into 2..k identities, each with a bid
 * and a share of her neighbours ({@link SybilSplit}); the others report truthfully; her utility is
 * her value if any identity wins (once, whatever the number of units) minus the sum of all the
 * identities' payments. The reading is spec/sybil-proofness.md: k, how the neighbours are shared
 * (partition or cover) and whether the identities may be linked to each other are the parameters,
 * one registered property per reading ({@code SP}, {@code SP3}, and the variants below).
 *
 * <p>Everything runs on the transformed market, the one the seller sees (new nodes for the
 * identities, each identity's bid its own Z3 variable). The Z3 query and the concrete check are
 * one code path: the concrete check asks the same question with the market's values as constants
 * (linear real arithmetic, decided exactly; an undecided query is an error, never "holds"), then
 * re-runs the split exactly and reports its bids as the best point of a fixed grid (0, every value
 * of the market, one above the largest, one above their sum, the midpoints between), falling back on the model's own bids only when no grid
 * point gains. A saved counterexample names the agent, carries no deviation, and records the split
 * in its {@code detail} ({@link SybilSplit#describe}); its replay re-runs this deterministic check
 * for that agent and finds the same split and numbers.
 */
public class SybilProofness implements Property {
  /** Milliseconds per query of the concrete check (an undecided query is an error). */
  static final int CONCRETE_TIMEOUT_MS = 30_000;

  private final int maxIdentities;
  private final Shares sharing;
  private final boolean identityLinks;

  /** SP: up to 2 identities, her neighbours partitioned among them, identities may be linked to each other. */
  public SybilProofness() {
    this(2, Shares.PARTITION, true);
  }

  protected SybilProofness(int maxIdentities, Shares sharing, boolean identityLinks) {
    if (maxIdentities < 2) throw new IllegalArgumentException("a Sybil split has at least 2 identities");
    this.maxIdentities = maxIdentities;
    this.sharing = sharing;
    this.identityLinks = identityLinks;
  }

  /** SP3: up to 3 identities. */
  public static final class Three extends SybilProofness {
    public Three() {
      super(3, Shares.PARTITION, true);
    }
  }

  /** SP-APART: up to 2 identities, never linked to each other. */
  public static final class Apart extends SybilProofness {
    public Apart() {
      super(2, Shares.PARTITION, false);
    }
  }

  /** SP-COVER: up to 2 identities; a neighbour may be linked to both. */
  public static final class Cover extends SybilProofness {
    public Cover() {
      super(2, Shares.COVER, true);
    }
  }

  public int maxIdentities() {
    return maxIdentities;
  }

  public Shares sharing() {
    return sharing;
  }

  public boolean identityLinks() {
    return identityLinks;
  }

  @Override
  public String name() {
    return "SP" + (maxIdentities == 2 ? "" : String.valueOf(maxIdentities)) + (sharing == Shares.COVER ? "-COVER" : "") + (identityLinks ? "" : "-APART");
  }

  @Override
  public String meaning() {
    return "Sybil-proof: no agent gains by joining as 2.." + maxIdentities + " identities, each with a bid and "
        + (sharing == Shares.PARTITION ? "a part of her neighbours (each neighbour linked to one identity)" : "some of her neighbours (each neighbour linked to one or more)")
        + (identityLinks ? ", the identities possibly linked to each other" : ", the identities not linked to each other");
  }

  @Override
  public boolean agentLevel() {
    return true;
  }

  @Override
  public Optional<String> refusesDeviation(Deviation d) {
    return Optional.of(name() + " counterexamples record the split in detail, not as a deviation");
  }

  /** The splits this reading allows agent v. */
  public List<SybilSplit> splits(Market m, int v) {
    return SybilSplit.all(m, v, maxIdentities, sharing, identityLinks);
  }

  /** A split that gains, its bids and her exact utility under it. */
  public record Attack(SybilSplit split, BigFraction[] bids, BigFraction utility) {}

  // ---------------------------------------------------------------- the query (symbolic and concrete)

  /** One query: the split, its identities' bid variables, and the description it was asked under. */
  private record Query(SybilSplit split, List<ArithExpr<RealSort>> bids, String description) {}

  /** Asks, split by split, whether some bids of v's identities beat her truthful utility; the first model ends the queries. */
  private List<Query> askAgent(SymbolicMarket s, int v) {
    Market market = s.market();
    ArithExpr<RealSort> truth = s.utility(s.truth(), v);
    List<Query> asked = new ArrayList<>();
    List<SybilSplit> splits = splits(market, v);
    for (int k = 0; k < splits.size() && !s.done(); k++) {
      SybilSplit split = splits.get(k);
      Transformed t = transformed(s.mechanism(), market, split);
      List<ArithExpr<RealSort>> bids = new ArrayList<>();
      List<String> ids = split.ids(market);
      for (int i = 0; i < split.identities(); i++) bids.add(s.fresh("sybil_" + ids.get(i) + "_" + k));
      Profile<ArithExpr<RealSort>> p = Profile.of(t.market(), w -> s.cost(t.original(w)),
          w -> t.isIdentity(w) ? bids.get(t.identityIndex(w)) : s.value(t.original(w)), s.arith());
      List<PathExplorer.Path<Outcome<ArithExpr<RealSort>>>> paths = s.explore(() -> s.mechanism().run(p, s.arith()));
      ArithExpr<RealSort> u = s.summary(paths, o -> utility(o, t, s.value(v), s.arith()));
      List<BoolExpr> cs = new ArrayList<>();
      for (ArithExpr<RealSort> b : bids) cs.add(s.ctx().mkGe(b, s.arith().zero()));
      cs.add(s.ctx().mkGt(u, truth));
      String description = market.id(v) + " gains by split " + k + " (" + split.identities() + " identities)";
      asked.add(new Query(split, bids, description));
      s.ask(s.ctx().mkAnd(cs.toArray(new BoolExpr[0])), description);
    }
    return asked;
  }

  private static Transformed transformed(Mechanism mech, Market market, SybilSplit split) {
    Transformed t = split.transform(market);
    Optional<String> refusal = mech.refusal(t.market());
    if (refusal.isPresent()) {
      throw new IllegalStateException(mech.name() + " refuses the market of " + market.id(split.agent()) + "'s split on " + market.name() + ": " + refusal.get());
    }
    return t;
  }

  /**
   * Her utility in an outcome of the transformed market: her value once if any identity wins
   * (units won beyond the first are worth nothing to her), minus every identity's payment.
   */
  static <N> N utility(Outcome<N> o, Transformed t, N value, Arith<N> a) {
    BigFraction won = BigFraction.ZERO;
    N paid = a.zero();
    for (int w : t.identity()) {
      BigFraction x = o.allocation(w);
      if (t.market().units() > 1 && !x.getDenominator().equals(java.math.BigInteger.ONE)) {
        throw new IllegalStateException("Sybil utility of a randomised allocation of several units is not defined here (P(some identity wins) is not the sum)");
      }
      won = won.add(x);
      paid = a.add(paid, o.payment(w));
    }
    if (won.compareTo(BigFraction.ONE) > 0) won = BigFraction.ONE;
    return a.sub(a.mul(value, won), paid);
  }

  @Override
  public void ask(SymbolicMarket s, Benchmark benchmark) {
    Market market = s.market();
    for (int v = 1; v < market.size() && !s.done(); v++) {
      if (market.isBidder(v) && s.truthful().graph().informed(v)) askAgent(s, v);
    }
  }

  // ---------------------------------------------------------------- the concrete check

  @Override
  public List<Violation> check(Concrete c) {
    List<Violation> found = new ArrayList<>();
    try (Context ctx = new Context()) {
      for (int v : c.informed()) {
        if (!c.market().isBidder(v)) continue;
        Attack a = attack(ctx, c, v);
        if (a != null) found.add(violation(c, v, a));
      }
    }
    return found;
  }

  /** The split of v this check reports (the first that gains, at its best grid bids), or null when none gains. */
  public Attack attack(Concrete c, int v) {
    try (Context ctx = new Context()) {
      return attack(ctx, c, v);
    }
  }

  @SuppressWarnings("unchecked")
  private Attack attack(Context ctx, Concrete c, int v) {
    Market market = c.market();
    Solver solver = ctx.mkSolver();
    Params params = ctx.mkParams();
    params.add("timeout", CONCRETE_TIMEOUT_MS);
    solver.setParameters(params);
    Stats stats = new Stats();
    PathExplorer explorer = new PathExplorer(ctx, solver, stats);
    Z3Arith z = new Z3Arith(explorer);
    ArithExpr<RealSort>[] value = new ArithExpr[market.size()], cost = new ArithExpr[market.size()];
    for (int w = 1; w < market.size(); w++) {
      value[w] = z.of(market.agent(w).value());
      cost[w] = z.of(market.agent(w).cost());
    }
    value[0] = cost[0] = z.zero();
    SymbolicMarket s = new SymbolicMarket(ctx, solver, explorer, z, stats, c.mechanism(), market, value, cost);
    List<Query> asked = askAgent(s, v);
    if (!s.done()) {
      if (s.unknown() != null) throw new IllegalStateException(name() + " check of " + market.id(v) + " on " + market.name() + " undecided: " + s.unknown());
      return null;
    }
    Query q = asked.stream().filter(x -> x.description().equals(s.what())).findFirst().orElseThrow();
    Model model = s.model();
    BigFraction[] fromModel = new BigFraction[q.bids().size()];
    for (int i = 0; i < fromModel.length; i++) fromModel[i] = Z3Arith.exact(model.eval(q.bids().get(i), true));
    return canonical(c, v, q.split(), fromModel);
  }

  /**
   * The reported bids: the best point (highest utility, then the first in order) of the grid of
   * 0, every value of the market, one above the largest, one above their sum and the midpoints
   * between consecutive ones; the model's bids when no grid point gains. Either way re-run exactly.
   */
  private Attack canonical(Concrete c, int v, SybilSplit split, BigFraction[] fromModel) {
    Market market = c.market();
    Transformed t = transformed(c.mechanism(), market, split);
    BigFraction truth = c.utility(c.outcome(), v);
    TreeSet<BigFraction> grid = new TreeSet<>();
    grid.add(BigFraction.ZERO);
    BigFraction total = BigFraction.ONE;
    for (int w = 1; w < market.size(); w++) {
      if (!market.isBidder(w)) continue;
      grid.add(market.agent(w).value());
      total = total.add(market.agent(w).value());
    }
    grid.add(grid.last().add(BigFraction.ONE));
    grid.add(total);
    List<BigFraction> points = List.copyOf(grid);
    for (int i = 1; i < points.size(); i++) grid.add(points.get(i - 1).add(points.get(i)).divide(2));
    List<BigFraction> g = List.copyOf(grid);
    int k = split.identities();
    int[] digit = new int[k];
    BigFraction[] best = null;
    BigFraction bestU = truth;
    while (true) {
      BigFraction[] bids = new BigFraction[k];
      for (int i = 0; i < k; i++) bids[i] = g.get(digit[i]);
      BigFraction u = exactUtility(c.mechanism(), market, t, v, bids);
      if (u.compareTo(bestU) > 0) {
        best = bids;
        bestU = u;
      }
      int i = k - 1;
      while (i >= 0 && ++digit[i] == g.size()) digit[i--] = 0;
      if (i < 0) break;
    }
    if (best == null) {
      BigFraction u = exactUtility(c.mechanism(), market, t, v, fromModel);
      if (u.compareTo(truth) <= 0) {
        throw new IllegalStateException(name() + ": the Z3 model for " + split.describe(market, fromModel) + " on " + market.name() + " does not gain when re-run exactly");
      }
      return new Attack(split, fromModel, u);
    }
    return new Attack(split, best, bestU);
  }

  /** Her exact utility when her identities bid {@code bids} and everyone else is truthful. */
  public static BigFraction exactUtility(Mechanism mech, Market market, Transformed t, int v, BigFraction[] bids) {
    Exact a = Exact.INSTANCE;
    Profile<BigFraction> p = Profile.of(t.market(), w -> t.market().agent(w).cost(),
        w -> t.isIdentity(w) ? bids[t.identityIndex(w)] : t.market().agent(w).value(), a);
    return utility(mech.run(p, a), t, market.agent(v).value(), a);
  }

  private Violation violation(Concrete c, int v, Attack a) {
    BigFraction truth = c.utility(c.outcome(), v);
    return new Violation(this, v, null, truth, a.utility(), detail(c.market(), a, truth));
  }

  private static String detail(Market m, Attack a, BigFraction truth) {
    return a.split().describe(m, a.bids()) + ": utility " + Rationals.format(a.utility()) + " instead of " + Rationals.format(truth);
  }

  // ---------------------------------------------------------------- replay

  @Override
  public Replayed replay(Concrete c, int v, Deviation deviation) {
    if (v <= 0) throw new IllegalArgumentException(name() + " counterexample without an agent");
    if (deviation != null) throw new IllegalArgumentException(name() + " counterexamples carry no deviation; the split is in detail");
    BigFraction truth = c.utility(c.outcome(), v);
    Attack a = c.market().isBidder(v) ? attack(c, v) : null;
    if (a == null) return new Replayed(false, truth, truth, c.market().id(v) + ": no split gains (truthful utility " + Rationals.format(truth) + ")");
    return new Replayed(true, truth, a.utility(), detail(c.market(), a, truth));
  }

  @Override
  public String numbers(Replayed r, Benchmark benchmark) {
    return "truthful " + Rationals.format(r.truthful()) + " vs split " + Rationals.format(r.deviating());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SybilProofness p && p.maxIdentities == maxIdentities && p.sharing == sharing && p.identityLinks == identityLinks;
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxIdentities, sharing, identityLinks);
  }

  @Override
  public String toString() {
    return name();
  }
}
