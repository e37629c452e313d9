package org.mechcheck.multiunit;

import org.mechcheck.mechanism.Idm;
import org.mechcheck.mechanism.Contract;
import org.mechcheck.mechanism.UnitDemand;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.network.ReportGraph;
import org.mechcheck.kernel.SupplyLedger;
import org.mechcheck.num.Arith;

/**
 * The generalised information diffusion mechanism of Zhao et al., "Selling Multiple Items via
 * Social Networks" (AAMAS-18), as 002 states it: k identical units, one per buyer.
 * <ol>
 *   <li>P_i and C_i are i's critical parents and critical children (the agents that dominate i,
 *       and those i dominates, in the report graph rooted at the seller);
 *   <li>N^opt are the k highest bidders, and the optimal allocation tree T^opt has the nodes
 *       N^opt ∪ P^opt (P^opt = the critical parents of N^opt), each hanging from her nearest
 *       critical parent (the seller when she has none), with weight
 *       w_i = |{j ∈ N^opt : j = i or i ∈ P_j}|: the units the efficient allocation gives to i
 *       and her critical children;
 *   <li>allocation: the seller hands w_j units to each of her children j in T^opt and pushes them
 *       on a stack Q. A popped i is a winner (joins W) iff she is allocated in an optimal solution
 *       of "maximise SW_{-C_i^K}" under its constraints ({@code eligible}). A winner who does not
 *       hold a unit of her own takes one from {@code out}, the lowest of the efficient winners
 *       below her still holding one: GetFrom(i) = out. Then i hands w_j units to each child j in
 *       T^opt with w_j > 0 and pushes j;
 *   <li>payment: a winner pays SW_{-D_i} - (SW_{-C_i^K} - b_i); a critical parent of a winner who
 *       does not win pays SW_{-D_i} - SW_{-C_i^K}; everyone else pays 0.
 * </ol>
 * The readings the notes leave open are in spec/gidm.md: above all, N_{-X} are the agents still
 * informed when those of X take no part (as in IDM), N_i^received = W ∩ P_i in both
 * maximisations, and "i satisfies the maximisation" means π_i = 1 in some optimal solution.
 */
public final class Gidm implements Mechanism {

  @Override
  public String name() {
    return "gidm";
  }

  @Override
  public String description() {
    return "generalised IDM for k units: units move down the optimal allocation tree; critical agents may take one";
  }

  @Override
  public String source() {
    return "002 (GIDM); Zhao et al. AAMAS-18";
  }

  @Override
  public String domain() {
    return "k >= 1 units, one per buyer; every agent a bidder (no intermediary costs)";
  }

  @Override
  public boolean multiUnit() {
    return true;
  }

  @Override
  public Optional<String> refusal(Market market) {
    return UnitDemand.refusal(name(), market);
  }

  // the last clause: with one unit GIDM is IDM (GidmTest compares them on every network up to 5 agents)
  /*@ also
    @ ensures \result.winners().length <= profile.market().units();
    @ ensures (\forall int v; 0 < v && v < profile.market().size(); !profile.graph().informed(v) ==> arith.eq(\result.payment(v), arith.zero()) && \result.allocation(v).signum() == 0);
    @ ensures (\forall int i; 0 <= i && i < \result.winners().length; profile.graph().informed(\result.winners()[i]));
    @ ensures profile.market().units() == 1 ==> \result.sameAs(new Idm().run(profile, arith), arith);
    @*/
  @Override
  public <N> Outcome<N> run(Profile<N> profile, Arith<N> arith) {
    if (profile.graph().informed().isEmpty()) return Outcome.noSale(profile.market(), arith);
    return new Run<>(profile, arith).outcome();
  }

  @Override
  public List<Contract> contracts() {
    return List.of(
        Contract.AT_MOST_K_WINNERS,
        Contract.UNINFORMED_PAY_AND_WIN_NOTHING,
        Contract.WINNERS_INFORMED,
        new Contract("profile.market().units() == 1 ==> \\result.sameAs(new Idm().run(profile, arith), arith)",
            (profile, arith, result) -> profile.market().units() != 1 || result.sameAs(new Idm().run(profile, arith), arith)));
  }

  /** One run of the mechanism: the tree, the stack and the maximisations over one profile. */
  private static final class Run<N> {
    private final Profile<N> profile;
    private final Arith<N> a;
    private final ReportGraph g;
    private final Market market;
    private final int k;
    /** N^opt in rank order (highest bid first, the earlier node on ties). */
    private final List<Integer> opt;
    private final BitSet optSet = new BitSet();
    /** Parent in T^opt (0: the seller), -1 off the tree. */
    private final int[] parent;
    /** w_i(T^opt), decreased along the way from a winner down to the unit she takes. */
    private final int[] w;
    /** Efficient winners whose own unit has not been taken by a winner above them. */
    private final BitSet holds = new BitSet();
    private final List<Integer> winners = new ArrayList<>();
    private final int[] getFrom;
    /** SW_{-C_i^K} of every popped i. */
    private final List<N> swC;

    Run(Profile<N> profile, Arith<N> a) {
      this.profile = profile;
      this.a = a;
      this.g = profile.graph();
      this.market = profile.market();
      this.k = market.units();
      int n = market.size();
      this.opt = UnitDemand.ranked(UnitDemand.informed(profile), k, profile, a);
      opt.forEach(optSet::set);
      holds.or(optSet);
      this.parent = new int[n];
      this.w = new int[n];
      this.getFrom = new int[n];
      Arrays.fill(parent, -1);
      Arrays.fill(getFrom, -1);
      this.swC = new ArrayList<>(java.util.Collections.nCopies(n, null));
      for (int j : opt) {
        List<Integer> seq = g.criticalSequence(j); // P_j from the seller outwards, then j
        int above = 0;
        for (int x : seq) {
          w[x]++;
          parent[x] = above;
          above = x;
        }
      }
    }

    Outcome<N> outcome() {
      allocate();
      boolean[] won = new boolean[market.size()];
      for (int i : winners) won[i] = true;
      if (SupplyLedger.allocated(won, k) < 0) throw new IllegalStateException("gidm: " + winners.size() + " winners for " + k + " units");
      return Outcome.awardAll(market, winners, payments(), details());
    }

    // ------------------------------------------------------------------ allocation

    private void allocate() {
      Deque<Integer> q = new ArrayDeque<>();
      for (int j : children(0)) if (w[j] > 0) q.push(j);
      while (!q.isEmpty()) {
        int i = q.pop();
        if (eligible(i)) {
          winners.add(i);
          getFrom[i] = source(i);
        }
        for (int j : children(i)) if (w[j] > 0) q.push(j);
      }
    }

    /**
     * Step (1): maximise SW_{-C_i^K} = Σ_{j ∈ N_{-C_i^K}} π_j b_j subject to π_j = 1 for the
     * units already handed out (N_i^received = W ∩ P_i) and for every other efficient winner
     * outside C_i^K that did not give her unit to one of them (N^opt \ C_i^K \ N_i^out), at most
     * k units in all. i qualifies iff π_i = 1 in an optimal solution, i.e. iff forcing her in
     * loses nothing (ties go to i, as IDM keeps the item when b_i = p_j).
     */
    private boolean eligible(int i) {
      BitSet ck = ckOf(i);
      BitSet forced = received(i);
      BitSet others = (BitSet) optSet.clone();
      others.andNot(ck);
      others.andNot(out(i));
      others.clear(i);
      forced.or(others);
      N best = sw(ck, forced);
      swC.set(i, best);
      if (!SupplyLedger.mayTake(forced.cardinality(), k)) return false; // no unit left for i
      BitSet withI = (BitSet) forced.clone();
      withI.set(i);
      return a.ge(sw(ck, withI), best);
    }

    /**
     * Step (2): where a new winner's unit comes from. If her children's weights add up to
     * w_i - 1 she holds her own (GetFrom(i) = i); otherwise, with k_i = w_i, she takes the unit of
     * the k_i-th highest of the efficient winners below her still holding one (the lowest of
     * them), and that unit no longer travels down the path from i to {@code out}.
     */
    private int source(int i) {
      int below = 0;
      for (int j : children(i)) below += w[j];
      if (below == w[i] - 1) {
        holds.clear(i);
        return i;
      }
      List<Integer> holders = new ArrayList<>();
      for (int j : opt) if (holds.get(j) && j != i && isAbove(i, j)) holders.add(j);
      if (holders.size() != w[i]) throw new IllegalStateException("gidm: " + market.id(i) + " has " + w[i] + " units but " + holders.size() + " holders below");
      int out = holders.get(w[i] - 1);
      holds.clear(out);
      for (int v = out; v != i; v = parent[v]) w[v]--;
      return out;
    }

    /**
     * C_i^K = C_i(θ')^K ∪ P(C_i(θ')^K) ∪ C(P(C_i(θ')^K)): the k highest bidders among i's critical
     * children, their critical parents below i, and those parents' critical children.
     */
    private BitSet ckOf(int i) {
      BitSet ci = criticalChildren(i);
      BitSet ck = new BitSet();
      for (int j : topK(ci)) {
        ck.set(j);
        for (int l : criticalParents(j)) {
          if (ci.get(l)) {
            ck.set(l);
            ck.or(criticalChildren(l));
          }
        }
      }
      return ck;
    }

    /**
     * The k highest bidders of a set in rank order. N^opt are the k highest of all, so the set's
     * members in N^opt come first, in N^opt's order; only the rest needs ranking.
     */
    private List<Integer> topK(BitSet among) {
      List<Integer> top = new ArrayList<>();
      for (int j : opt) if (among.get(j)) top.add(j);
      BitSet rest = (BitSet) among.clone();
      rest.andNot(optSet);
      top.addAll(UnitDemand.ranked(rest.stream().boxed().toList(), k - top.size(), profile, a));
      return top;
    }

    /** N_i^received = W ∩ P_i: the winners among i's critical parents (all popped before i). */
    private BitSet received(int i) {
      BitSet r = new BitSet();
      for (int l : winners) if (isAbove(l, i)) r.set(l);
      return r;
    }

    /** N_i^out: who gave her unit to one of N_i^received and is not in it herself. */
    private BitSet out(int i) {
      BitSet rec = received(i);
      BitSet out = new BitSet();
      for (int l = rec.nextSetBit(0); l >= 0; l = rec.nextSetBit(l + 1)) if (!rec.get(getFrom[l])) out.set(getFrom[l]);
      return out;
    }

    /**
     * max Σ_{j ∈ N_{-X}} π_j b_j subject to π_j = 1 on {@code forced} and Σ π_j <= k: N_{-X} are the
     * agents still informed when those of X take no part. Bids are at least 0, so the free units go
     * to the highest of the others.
     */
    private N sw(BitSet removed, BitSet forced) {
      List<N> fixed = new ArrayList<>();
      List<N> rest = new ArrayList<>();
      BitSet seen = new BitSet();
      for (int j : UnitDemand.informedWithout(profile, removed)) {
        seen.set(j);
        (forced.get(j) ? fixed : rest).add(profile.bid(j));
      }
      BitSet missing = (BitSet) forced.clone();
      missing.andNot(seen);
      if (!missing.isEmpty() || forced.cardinality() > k) {
        throw new IllegalStateException("gidm: infeasible maximisation (forced " + forced + " of " + k + " units, uninformed " + missing + ")");
      }
      return a.add(a.sum(fixed), UnitDemand.topSum(rest, k - forced.cardinality(), a));
    }

    // ------------------------------------------------------------------ payment

    @SuppressWarnings("unchecked")
    private N[] payments() {
      N[] pay = (N[]) new Object[market.size()];
      Arrays.fill(pay, a.zero());
      BitSet parentsOfWinners = new BitSet();
      for (int j : winners) for (int l : criticalParents(j)) parentsOfWinners.set(l);
      for (int i : winners) pay[i] = a.sub(swD(i), a.sub(swC.get(i), profile.bid(i)));
      for (int i = parentsOfWinners.nextSetBit(0); i >= 0; i = parentsOfWinners.nextSetBit(i + 1)) {
        if (!winners.contains(i)) pay[i] = a.sub(swD(i), swC.get(i));
      }
      return pay;
    }

    /**
     * SW_{-D_i}, D_i = {i} ∪ C_i: the same maximisation without i and her critical children, with
     * π_j = 1 on N_i^received = W ∩ P_i and on every efficient winner outside D_i who did not give
     * her unit to one of them.
     */
    private N swD(int i) {
      BitSet d = g.dominated(i);
      BitSet forced = received(i);
      BitSet others = (BitSet) optSet.clone();
      others.andNot(d);
      others.andNot(out(i));
      forced.or(others);
      BitSet self = new BitSet();
      self.set(i);
      return sw(self, forced);
    }

    // ------------------------------------------------------------------ structure

    /** Children(i) in T^opt, in node order. */
    private List<Integer> children(int i) {
      List<Integer> out = new ArrayList<>();
      for (int j = 1; j < parent.length; j++) if (parent[j] == i) out.add(j);
      return out;
    }

    /** Whether {@code l} is a critical parent of {@code j}. */
    private boolean isAbove(int l, int j) {
      return l != j && g.dominated(l).get(j);
    }

    private List<Integer> criticalParents(int j) {
      List<Integer> seq = new ArrayList<>(g.criticalSequence(j));
      seq.remove(seq.size() - 1);
      return seq;
    }

    private BitSet criticalChildren(int i) {
      BitSet c = g.dominated(i);
      c.clear(i);
      return c;
    }

    private Map<String, Object> details() {
      Map<String, Object> d = new LinkedHashMap<>();
      Map<Integer, Integer> from = new LinkedHashMap<>();
      for (int i : winners) from.put(i, getFrom[i]);
      d.put("getFrom", from);
      return d;
    }
  }
}
