package org.mechcheck.datatrade;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.num.Rationals;

/**
 * Searches for the smallest instance that violates Theorem 4.4, Theorem 4.3 or the welfare remark,
 * over chains that satisfy their hypotheses exactly ({@link JumpChain}: Markovian, positive,
 * homogeneous) and mechanisms on a lattice of shares, in exact arithmetic. Instances come in
 * order of size: chain length n, then grid size L = n * width + 1, then the ratio, the drift, the
 * jump law (smallest total weight first) and the matrix (lattice order, 0 first). The first
 * violation found is therefore one of the smallest in (n, L); its matrix is then shrunk (entries
 * set to 0 while the violation stays). A violation of the paper's algorithm (candidate prices:
 * every grid value's threshold, {@link Candidates#GRID}) counts only if it shows with the same
 * outcome when sellers consider only the thresholds of the buyers they can meet
 * ({@link Candidates#SUPPORT}), where a jump chain's equilibrium on the reachable states is that of
 * the untruncated homogeneous model: otherwise it would be about where the finite grid ends.
 *
 * <p>With {@code ownShare} only mechanisms in which every seller keeps a positive share of her own
 * sale (t_{i+1,i} > 0) are searched: the reading under which 004's proofs go through.
 */
public final class CounterexampleSearch {
  private CounterexampleSearch() {}

  public static final String EXPANSION = DatatradeClaims.EXPANSION;
  public static final String LOCAL = DatatradeClaims.LOCAL;
  public static final String WELFARE = DatatradeClaims.WELFARE;
  public static final List<String> CLAIMS = List.of(EXPANSION, LOCAL, WELFARE);
  /** The reading under which every seller keeps a positive share of her own sale: claim id + this suffix. */
  public static final String OWN_SHARE = "-own-share";

  /** The claim's id in spec/claims.json. */
  public static String id(String claim, boolean ownShare) {
    return ownShare ? claim + OWN_SHARE : claim;
  }

  /** The instance space: chain lengths 1..maxN, ratios, jump widths 1..maxWidth, weights up to maxWeight, shares. */
  public record Space(int maxN, List<BigFraction> rhos, int maxWidth, int maxWeight, List<BigFraction> shares) {
    public static Space standard(int maxN) {
      return new Space(maxN, List.of(BigFraction.of(2), BigFraction.of(3, 2), BigFraction.of(3)), 2, 3, List.of(BigFraction.ZERO, BigFraction.of(1, 2), BigFraction.ONE));
    }

    public String describe() {
      return "n = 1.." + maxN + ", jump chains with ratio " + String.join(", ", rhos.stream().map(Rationals::format).toList()) + ", jump widths 1.." + maxWidth + " (every drift with 0 inside the range), integer weights up to "
          + maxWeight + ", shares in {" + String.join(", ", shares.stream().map(Rationals::format).toList()) + "}";
    }
  }

  /** One instance: the chain, the tie-break, and t (Theorem 4.4, welfare) or the pair t1, t2 for player i (Theorem 4.3). */
  public record Instance(JumpChain chain, TieBreak tieBreak, Reallocation t, Reallocation t2, int player) {}

  public record Finding(String claim, boolean ownShare, Instance instance, TheoremChecks.Violation violation, long examined) {
    public String id() {
      return CounterexampleSearch.id(claim, ownShare);
    }
  }

  /** The search's outcome: a finding or null; how many instances were checked; whether the whole space was covered. */
  public record Result(Finding finding, long instances, boolean complete, int largestN, long gridOnly, double seconds) {}

  /** Checks the claim on one instance; null when it holds there. */
  public static TheoremChecks.Violation check(String claim, Chain c, Instance x, Candidates cand) {
    return switch (claim) {
      case EXPANSION -> TheoremChecks.expansion(c, x.t(), x.tieBreak(), cand);
      case LOCAL -> TheoremChecks.local(c, x.player(), x.t(), x.t2(), x.tieBreak(), cand);
      case WELFARE -> TheoremChecks.welfare(c, x.t(), x.tieBreak(), cand);
      default -> throw new IllegalArgumentException(claim);
    };
  }

  /** Same event outcome (trade, pair, who buys); for welfare, both are welfare losses (prices, and with them the numbers, may differ). */
  static boolean sameOutcome(TheoremChecks.Violation a, TheoremChecks.Violation b) {
    if (a == null || b == null || !a.kind().equals(b.kind()) || a.trade() != b.trade()) return false;
    if (a.kind().equals("welfare")) return true;
    if (a.vPrev().subtract(b.vPrev()).signum() != 0 || a.v().subtract(b.v()).signum() != 0) return false;
    for (int s = 0; s < a.sides().size(); s++) if (a.sides().get(s).buys() != b.sides().get(s).buys()) return false;
    return true;
  }

  /** Whether the violation shows with the same outcome when sellers consider only the thresholds of buyers they can meet. */
  public static boolean holdsOnSupport(String claim, Chain c, Instance x, TheoremChecks.Violation v) {
    return sameOutcome(v, check(claim, c, x, Candidates.SUPPORT));
  }

  public static Result run(String claim, boolean ownShare, TieBreak tb, Space space, double budgetSeconds) {
    if (!CLAIMS.contains(claim)) throw new org.mechcheck.store.InputException("claim: '" + claim + "' (known: " + String.join(", ", CLAIMS) + ")");
    long t0 = System.nanoTime();
    long count = 0, gridOnly = 0;
    int largest = 0;
    for (int n = 1; n <= space.maxN(); n++) {
      List<Candidate> mechanisms = mechanisms(claim, n, ownShare, space.shares());
      for (JumpChain jc : chains(n, space)) {
        Chain c = jc.chain();
        Equilibrium<BigFraction> raw = CertifiedAlgorithm.solve(c, Reallocation.raw(n), tb);
        BigFraction swRaw = claim.equals(WELFARE) ? Evaluation.of(raw).sw() : null;
        for (Candidate m : mechanisms) {
          count++;
          Instance x = new Instance(jc, tb, m.t(), m.t2(), m.player());
          TheoremChecks.Violation v = switch (claim) {
            case EXPANSION -> TheoremChecks.expansion(c, raw, x.t(), tb, Candidates.GRID);
            case WELFARE -> TheoremChecks.welfare(c, swRaw, x.t(), tb, Candidates.GRID);
            default -> TheoremChecks.local(c, x.player(), x.t(), x.t2(), tb, Candidates.GRID);
          };
          if (v != null) gridOnly++;
          if (v != null && holdsOnSupport(claim, c, x, v)) {
            Instance small = shrink(claim, ownShare, x);
            TheoremChecks.Violation sv = small == x ? v : check(claim, c, small, Candidates.GRID);
            return new Result(new Finding(claim, ownShare, small, sv, count), count, false, n, gridOnly - 1, (System.nanoTime() - t0) / 1e9);
          }
        }
        if (budgetSeconds > 0 && (System.nanoTime() - t0) / 1e9 > budgetSeconds) return new Result(null, count, false, n - 1, gridOnly, (System.nanoTime() - t0) / 1e9);
      }
      largest = n;
    }
    return new Result(null, count, true, largest, gridOnly, (System.nanoTime() - t0) / 1e9);
  }

  /** Sets matrix entries to 0, one at a time, while the instance stays admissible and keeps a violation that persists on wider grids. */
  static Instance shrink(String claim, boolean ownShare, Instance x) {
    if (claim.equals(LOCAL)) return x; // the pair's conditions tie the two matrices together; the lattice order already puts zeros first
    Instance best = x;
    boolean changed = true;
    while (changed) {
      changed = false;
      BigFraction[][] rows = best.t().rows();
      for (int i = 1; i <= best.t().n && !changed; i++) {
        for (int j = 0; j < i && !changed; j++) {
          if (rows[i][j].signum() == 0) continue;
          BigFraction[][] r = best.t().rows();
          r[i][j] = BigFraction.ZERO;
          Reallocation t = new Reallocation("t", r);
          if (isRaw(t) || (claim.equals(WELFARE) && !t.budgetBalanced()) || (ownShare && !TheoremChecks.ownSharesPositive(t))) continue;
          Instance y = new Instance(best.chain(), best.tieBreak(), t, null, -1);
          Chain c = best.chain().chain();
          TheoremChecks.Violation w = check(claim, c, y, Candidates.GRID);
          if (w != null && holdsOnSupport(claim, c, y, w)) {
            best = y;
            changed = true;
          }
        }
      }
    }
    return best;
  }

  static boolean isRaw(Reallocation t) {
    Reallocation raw = Reallocation.raw(t.n);
    for (int i = 1; i <= t.n; i++) for (int j = 0; j <= t.n; j++) if (t.get(i, j).subtract(raw.get(i, j)).signum() != 0) return false;
    return true;
  }

  /** Jump chains of length n in search order. */
  static List<JumpChain> chains(int n, Space s) {
    List<JumpChain> out = new ArrayList<>();
    for (int d = 1; d <= s.maxWidth(); d++) {
      List<int[]> laws = laws(d, s.maxWeight());
      for (BigFraction rho : s.rhos()) {
        for (int lo = 0; lo >= -d; lo--) {
          for (int[] law : laws) out.add(new JumpChain(n, rho, lo, law, 0));
        }
      }
    }
    return out;
  }

  /** Weight vectors of length d+1, positive at both ends, gcd 1; smallest total first. */
  static List<int[]> laws(int d, int maxWeight) {
    List<int[]> out = new ArrayList<>();
    int[] a = new int[d + 1];
    fill(a, 0, maxWeight, out);
    out.sort(Comparator.<int[]>comparingInt(x -> Arrays.stream(x).sum()).thenComparing(Arrays::compare));
    return out;
  }

  private static void fill(int[] a, int pos, int max, List<int[]> out) {
    if (pos == a.length) {
      int g = 0;
      for (int x : a) g = gcd(g, x);
      if (g == 1) out.add(a.clone());
      return;
    }
    boolean end = pos == 0 || pos == a.length - 1;
    for (int v = end ? 1 : 0; v <= max; v++) {
      a[pos] = v;
      fill(a, pos + 1, max, out);
    }
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /** A mechanism to try: t alone, or the pair (t, t2) for player i (Theorem 4.3). */
  record Candidate(Reallocation t, Reallocation t2, int player) {}

  /**
   * The mechanisms to try for a chain of length n: for Theorem 4.4 every lattice t but RAW, for
   * welfare every budget-balanced one but RAW; for Theorem 4.3 every admissible pair for every
   * player i.
   */
  static List<Candidate> mechanisms(String claim, int n, boolean ownShare, List<BigFraction> shares) {
    List<Candidate> out = new ArrayList<>();
    if (!claim.equals(LOCAL)) {
      boolean balanced = claim.equals(WELFARE);
      for (BigFraction[][] t : matrices(n, shares, balanced, ownShare, -1)) {
        Reallocation r = new Reallocation("t", t);
        if (!isRaw(r)) out.add(new Candidate(r, null, -1));
      }
      return out;
    }
    for (int i = 0; i < n; i++) {
      for (BigFraction[][] t1 : matrices(n, shares, false, ownShare, i)) {
        Reallocation r1 = new Reallocation("t1", t1);
        for (BigFraction[][] t2 : columnVariants(t1, i, shares, ownShare)) out.add(new Candidate(r1, new Reallocation("t2", t2), i));
      }
    }
    return out;
  }

  /** Past-only matrices with entries in shares (rows sum to at most 1, or exactly 1); with player >= 0, condition (d) of Theorem 4.3 for that player. */
  static List<BigFraction[][]> matrices(int n, List<BigFraction> shares, boolean balanced, boolean ownShare, int player) {
    List<List<BigFraction[]>> rows = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      List<BigFraction[]> opts = new ArrayList<>();
      rowsFor(new BigFraction[n + 1], 0, i, BigFraction.ZERO, shares, balanced, ownShare, player, opts);
      rows.add(opts);
    }
    List<BigFraction[][]> out = new ArrayList<>();
    BigFraction[][] cur = Reallocation.empty(n);
    product(rows, 0, cur, out);
    return out;
  }

  private static void rowsFor(BigFraction[] row, int j, int i, BigFraction sum, List<BigFraction> shares, boolean balanced, boolean ownShare, int player, List<BigFraction[]> out) {
    if (j == row.length) {
      if (balanced && sum.subtract(BigFraction.ONE).signum() != 0) return;
      out.add(row.clone());
      return;
    }
    for (BigFraction s : shares) {
      boolean zeroOnly = j >= i || (player >= 0 && j < player && j != i - 1); // past only; Theorem 4.3 (d)
      if (zeroOnly && s.signum() != 0) continue;
      if (!zeroOnly && ownShare && j == i - 1 && s.signum() == 0) continue;
      BigFraction next = sum.add(s);
      if (next.compareTo(BigFraction.ONE) > 0) continue;
      row[j] = s;
      rowsFor(row, j + 1, i, next, shares, balanced, ownShare, player, out);
    }
  }

  private static void product(List<List<BigFraction[]>> rows, int r, BigFraction[][] cur, List<BigFraction[][]> out) {
    if (r == rows.size()) {
      BigFraction[][] m = new BigFraction[cur.length][];
      for (int i = 0; i < cur.length; i++) m[i] = cur[i].clone();
      out.add(m);
      return;
    }
    for (BigFraction[] row : rows.get(r)) {
      cur[r + 1] = row;
      product(rows, r + 1, cur, out);
    }
  }

  /** Every t2 that differs from t1 only in player i's column with t2_{i+1,i} <= t1_{i+1,i} and t2_{j,i} >= t1_{j,i} (j >= i+2), feasible, and not t1. */
  static List<BigFraction[][]> columnVariants(BigFraction[][] t1, int i, List<BigFraction> shares, boolean ownShare) {
    int n = t1.length - 1;
    List<BigFraction[][]> out = new ArrayList<>();
    BigFraction[][] t2 = new BigFraction[n + 1][];
    for (int r = 0; r <= n; r++) t2[r] = t1[r].clone();
    column(t1, t2, i, i + 1, shares, ownShare, out);
    return out;
  }

  private static void column(BigFraction[][] t1, BigFraction[][] t2, int i, int j, List<BigFraction> shares, boolean ownShare, List<BigFraction[][]> out) {
    int n = t1.length - 1;
    if (j > n) {
      boolean same = true;
      for (int r = i + 1; r <= n; r++) same &= t2[r][i].subtract(t1[r][i]).signum() == 0;
      if (same) return;
      BigFraction[][] m = new BigFraction[n + 1][];
      for (int r = 0; r <= n; r++) m[r] = t2[r].clone();
      out.add(m);
      return;
    }
    BigFraction others = BigFraction.ZERO;
    for (int p = 0; p <= n; p++) if (p != i) others = others.add(t1[j][p]);
    for (BigFraction s : shares) {
      int c = s.compareTo(t1[j][i]);
      if (j == i + 1 ? c > 0 : c < 0) continue;
      if (j == i + 1 && ownShare && s.signum() == 0) continue;
      if (others.add(s).compareTo(BigFraction.ONE) > 0) continue;
      t2[j][i] = s;
      column(t1, t2, i, j + 1, shares, ownShare, out);
    }
    t2[j][i] = t1[j][i];
  }
}
