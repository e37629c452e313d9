package org.mechcheck.property;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Optional;
import org.mechcheck.mechanism.Csm;
import org.mechcheck.mechanism.Vickrey;
import org.mechcheck.mechanism.Welfare;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;

/** Revenue benchmarks a REV claim can name. */
public enum Benchmark {
  VICKREY("vickrey", "the Vickrey revenue among the seller's neighbours (b2_rs)"),
  W_D1STAR("w-d1star", "W*_{-d_1*}: optimal welfare without d_1*, the first agent on LCC_m whose threshold neighbourhood is not all she informs (000 Theorem 2; threshold by the construction procedure)"),
  K_VICKREY("k-vickrey", "k times the (k+1)-th highest bid among the seller's bidder neighbours (0 when fewer): the revenue of the k-unit Vickrey auction among them, k the units for sale"),
  SRA("sra", "the sra protocol's exact expectation over its inviter choices: the reference of an EQ claim (for REV: its revenue)");

  private final String id;
  private final String meaning;

  Benchmark(String id, String meaning) {
    this.id = id;
    this.meaning = meaning;
  }

  public String id() {
    return id;
  }

  public String meaning() {
    return meaning;
  }

  public static Optional<Benchmark> parse(String s) {
    return Arrays.stream(values()).filter(b -> b.id.equalsIgnoreCase(s)).findFirst();
  }

  /** The benchmark's value on a truthful profile. */
  public <N> N value(Profile<N> p, Arith<N> a) {
    return switch (this) {
      case VICKREY -> Vickrey.revenue(p, a);
      case W_D1STAR -> wMinusD1Star(p, a);
      case K_VICKREY -> kVickrey(p, a);
      case SRA -> reference().orElseThrow().run(p, a).revenue(a);
    };
  }

  /** The uniform-price k-unit Vickrey auction among the seller's bidder neighbours: k units at the (k+1)-th highest bid. */
  private static <N> N kVickrey(Profile<N> p, Arith<N> a) {
    int k = p.market().units();
    java.util.List<N> bids = new java.util.ArrayList<>();
    for (int v : p.market().neighbours(0)) if (p.market().isBidder(v)) bids.add(p.bid(v));
    return a.mul(org.mechcheck.multiunit.Units.kth(bids, k + 1, a), org.apache.commons.numbers.fraction.BigFraction.of(k));
  }


  /** The mechanism an EQ claim compares with, when the benchmark names one. */
  public Optional<org.mechcheck.mechanism.Mechanism> reference() {
    return this == SRA ? org.mechcheck.mechanism.Mechanisms.byName("sra") : Optional.empty();
  }

  private static <N> N wMinusD1Star(Profile<N> p, Arith<N> a) {
    Welfare<N> w = new Welfare<>(p, a);
    int m = w.winner();
    if (m < 0) return a.zero();
    int[] chain = w.lowestCostChain(m);
    Csm csm = new Csm(Csm.Reading.PROCEDURE);
    for (int k = 1; k < chain.length - 1; k++) {
      int i = chain[k];
      BitSet r = csm.threshold(p, a, i, m, chain);
      if (!r.equals(p.informs(i))) return w.best(p.graph().dominated(i));
    }
    // no intermediary on the chain can change the winner: the sum in Theorem 2's proof is empty
    // and the revenue identity gives W*_{-m}
    return w.bestWithout(m);
  }
}
