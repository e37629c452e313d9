package org.mechcheck.mutants;

import java.util.List;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Property;

/**
 * The verifier's regression suite: variants of the shipped mechanisms, each with the claim of the
 * original it breaks (property and class) and the smallest number of agents at which the bounded
 * search finds the break, measured with {@code MutantSuite}; and harmless variants, with the bound
 * up to which the search must find nothing. {@code quick} entries run in the test suite.
 */
final class Catalogue {
  private Catalogue() {}

  /** One variant and what the search must say of it: killed at {@code agents} (faulty), or nothing up to {@code agents} (harmless). */
  record Entry(Mechanism mutant, boolean faulty, Property property, NetworkClass networkClass, Benchmark benchmark, int units, int agents, boolean quick) {
    String id() {
      return mutant.name() + " " + property.name() + (property.takesBenchmark() ? "(" + benchmark.id() + ")" : "") + " on " + networkClass.id();
    }
  }

  static Entry kill(Mechanism m, Property p, NetworkClass c, int agents, boolean quick) {
    return new Entry(m, true, p, c, Benchmark.VICKREY, 1, agents, quick);
  }

  static Entry keep(Mechanism m, Property p, NetworkClass c, int agents, boolean quick) {
    return new Entry(m, false, p, c, Benchmark.VICKREY, 1, agents, quick);
  }

  static final NetworkClass SOCIAL = NetworkClass.SOCIAL, CS = NetworkClass.CS_GENERAL, CS_TREE = NetworkClass.CS_TREE, SOCIAL_TREE = NetworkClass.SOCIAL_TREE;

  /** Every variant, with the bound the measurements gave. */
  static List<Entry> all() {
    return List.of(
        kill(new IdmMutants.Variant(IdmMutants.Slip.OWN_PRICE, "idm-own-price"), Property.IC, SOCIAL, 4, true),
        kill(new IdmMutants.Variant(IdmMutants.Slip.STRICT_KEEP, "idm-strict-keep"), Property.IC, SOCIAL, 2, true),
        kill(new IdmMutants.Variant(IdmMutants.Slip.SHIFTED_PRICES, "idm-shifted-prices"), Property.IC, SOCIAL, 2, true),
        keep(new IdmMutants.Variant(IdmMutants.Slip.PRICES_BACKWARDS, "idm-prices-backwards"), Property.IC, SOCIAL, 3, true),
        kill(new IdmTcMutants.Variant(IdmTcMutants.Slip.NO_REIMBURSEMENT, "idm-tc-no-reimbursement"), Property.IR, CS_TREE, 2, true),
        // written as a fault, but on trees d's dominated set is everything below her, which removing d alone cuts off as well:
        // the variant computes the same outcome on every tree, the class of IDM-TC's claims (the survey found nothing up to 4 agents)
        keep(new IdmTcMutants.Variant(IdmTcMutants.Slip.WITHOUT_HERSELF_ONLY, "idm-tc-without-herself"), Property.IC, CS_TREE, 4, true),
        keep(new IdmTcMutants.Variant(IdmTcMutants.Slip.REIMBURSE_LAST, "idm-tc-reimburse-last"), Property.IR, CS_TREE, 4, true),
        kill(new CsmMutants.Variant(CsmMutants.Slip.BUYER_SIGN, "csm-buyer-sign"), Property.IR, CS, 1, true),
        kill(new CsmMutants.Variant(CsmMutants.Slip.THRESHOLD_TIE, "csm-threshold-tie"), Property.BB, CS, 3, true),
        kill(new CsmMutants.Variant(CsmMutants.Slip.NO_COST_TERM, "csm-no-cost-term"), Property.IR, CS, 2, true),
        keep(new CsmMutants.Variant(CsmMutants.Slip.THRESHOLD_FOR_ALL, "csm-threshold-for-all"), Property.IR, CS, 3, true),
        kill(new VcgMutants.Variant(VcgMutants.Slip.PIVOT_WITH_AGENT, "vcg-pivot-with-agent"), Property.IC, CS, 1, true),
        keep(new VcgMutants.Variant(VcgMutants.Slip.REGROUPED, "vcg-regrouped"), Property.IC, CS, 3, false),
        kill(new VcgMutants.Auction(VcgMutants.Price.FIRST_PRICE, "vickrey-first-price"), Property.IC, SOCIAL, 1, true),
        keep(new VcgMutants.Auction(VcgMutants.Price.BEST_OF_THE_OTHERS, "vickrey-best-of-the-others"), Property.IC, SOCIAL, 3, true),
        // no property says "at most k units": REV against k-Vickrey kills it (and EFF at 4), NW does not
        new Entry(new GidmMutants.ExtraUnit(), true, Property.REV, SOCIAL_TREE, Benchmark.K_VICKREY, 2, 3, true));
  }
}
