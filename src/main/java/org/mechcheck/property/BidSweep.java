package org.mechcheck.property;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Affine;
import org.mechcheck.num.OneParameter;

/**
 * Every bid of one agent, exactly. The mechanism runs with the agent's bid as the unknown x
 * ({@link OneParameter}); each run reports the breakpoints its comparisons depend on. Running
 * at every breakpoint, between consecutive ones, at 0 and beyond the last, until no new
 * breakpoint appears, visits every path the mechanism can take as x ranges over [0, inf); on
 * each open piece the agent's utility is affine in x, and its supremum is checked too.
 */
final class BidSweep {

  /** A bid and the agent's exact utility there. */
  record Point(BigFraction bid, BigFraction utility) {}

  private BidSweep() {}

  /** The best bid for agent v, her informing set already fixed in {@code profile}: the point of highest utility (lowest bid on ties). */
  static Point best(Mechanism mech, Profile<BigFraction> profile, int v) {
    Market market = profile.market();
    BigFraction value = market.agent(v).value();
    TreeSet<BigFraction> breakpoints = new TreeSet<>();
    TreeSet<BigFraction> tried = new TreeSet<>();
    List<Point> points = new ArrayList<>();
    List<Affine[]> pieces = new ArrayList<>();
    TreeSet<BigFraction> todo = new TreeSet<>(List.of(BigFraction.ZERO, value));
    while (!todo.isEmpty()) {
      for (BigFraction x : todo) {
        tried.add(x);
        Affine u = utility(mech, profile, v, x, breakpoints);
        points.add(new Point(x, u.at(x)));
        pieces.add(new Affine[] {u, Affine.constant(x)});
      }
      todo = candidates(breakpoints);
      todo.removeAll(tried);
    }
    Point best = points.get(0);
    for (Point p : points) if (better(p, best)) best = p;
    // On each piece between breakpoints the utility is affine; a sloped piece may approach a
    // higher value towards an open end. Find a witness inside the piece if it beats the best.
    for (Affine[] piece : pieces) {
      Affine u = piece[0];
      BigFraction x = piece[1].c0();
      if (u.isConstant() || breakpoints.contains(x)) continue;
      BigFraction lo = breakpoints.lower(x), hi = breakpoints.higher(x);
      if (lo == null || lo.signum() < 0) lo = BigFraction.ZERO;
      BigFraction target = best.utility();
      BigFraction cross = target.subtract(u.c0()).divide(u.c1()); // u(cross) == best
      BigFraction witness;
      if (u.c1().signum() > 0) {
        BigFraction from = cross.compareTo(x) > 0 ? cross : x;
        witness = hi == null ? from.add(BigFraction.ONE) : (from.compareTo(hi) < 0 ? from.add(hi).divide(2) : null);
      } else {
        BigFraction to = cross.compareTo(x) < 0 ? cross : x;
        witness = to.compareTo(lo) > 0 ? to.add(lo).divide(2) : null;
      }
      if (witness == null) continue;
      BigFraction uw = utility(mech, profile, v, witness, new TreeSet<>()).at(witness);
      Point p = new Point(witness, uw);
      if (better(p, best)) best = p;
    }
    return best;
  }

  private static boolean better(Point p, Point q) {
    int c = p.utility().compareTo(q.utility());
    return c > 0 || (c == 0 && p.bid().compareTo(q.bid()) < 0);
  }

  /** 0, each non-negative breakpoint, the midpoints between consecutive ones, and one beyond the last. */
  private static TreeSet<BigFraction> candidates(TreeSet<BigFraction> breakpoints) {
    TreeSet<BigFraction> xs = new TreeSet<>();
    BigFraction prev = BigFraction.ZERO;
    xs.add(prev);
    for (BigFraction b : breakpoints) {
      if (b.signum() <= 0) continue;
      xs.add(b);
      xs.add(prev.add(b).divide(2));
      prev = b;
    }
    xs.add(prev.add(BigFraction.ONE));
    return xs;
  }

  /** Agent v's utility as an affine function of her bid, along the path the mechanism takes at bid x. */
  private static Affine utility(Mechanism mech, Profile<BigFraction> profile, int v, BigFraction x, TreeSet<BigFraction> breakpoints) {
    OneParameter arith = new OneParameter(x, breakpoints);
    Market market = profile.market();
    Profile<Affine> p = profile.map(Affine::constant).deviate(v, Affine.X, null);
    Outcome<Affine> o = mech.run(p, arith);
    return o.utility(v, Affine.constant(market.agent(v).value()), Affine.constant(market.agent(v).cost()), arith);
  }
}
