package org.mechcheck.mutants;

import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.multiunit.Gidm;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;

/** Variants of GIDM (002, multiunit/Gidm.java). */
final class GidmMutants {
  private GidmMutants() {}

  enum Slip {
    /** GIDM run as if the seller had one unit more than she has: k + 1 units handed out. */
    EXTRA_UNIT
  }

  static final class ExtraUnit extends Mutant<Slip> {
    ExtraUnit() {
      super(new Gidm(), "gidm-extra-unit", Slip.EXTRA_UNIT);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <N> Outcome<N> run(Profile<N> profile, Arith<N> arith) {
      Market market = profile.market();
      Market more = market.withUnits(market.units() + 1);
      Profile<N> p = Profile.of(more, profile::cost, v -> profile.bid(v), arith);
      for (int v = 1; v < market.size(); v++) p = p.withInforms(v, profile.informs(v));
      Outcome<N> o = original().run(p, arith);
      int n = market.size();
      BigFraction[] allocation = new BigFraction[n], through = new BigFraction[n];
      N[] pay = (N[]) new Object[n];
      for (int v = 0; v < n; v++) {
        allocation[v] = o.allocation(v);
        through[v] = o.through(v);
        pay[v] = v == 0 ? arith.zero() : o.payment(v);
      }
      return new Outcome<>(market, allocation, through, o.chains(), pay, o.details());
    }
  }

}
