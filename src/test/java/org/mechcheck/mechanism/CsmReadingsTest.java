package org.mechcheck.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Iterator;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechcheck.network.Enumerator;
import org.mechcheck.network.Market;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Exact;
import org.mechcheck.store.NetworkJson;

/**
 * spec/csm.md argues that the construction procedure returns the unique smallest withheld set
 * that changes the winner, so the two readings of Definition 10 coincide. Checked here on
 * every customer-sharing network with up to 5 agents, under seeded random values and costs
 * with many ties (small ranges), comparing thresholds and payments.
 */
class CsmReadingsTest {
  @Test
  void procedureAndMinimumReadingsGiveTheSameOutcome() {
    Csm procedure = new Csm(Csm.Reading.PROCEDURE), minimum = new Csm(Csm.Reading.MINIMUM);
    SplittableRandom random = new SplittableRandom(2026);
    Exact a = Exact.INSTANCE;
    int compared = 0;
    for (int n = 1; n <= 5; n++) {
      for (Iterator<Market> it = Enumerator.stream(NetworkClass.CS_GENERAL, n).iterator(); it.hasNext(); ) {
        Market structure = it.next();
        for (int t = 0; t < 2; t++) {
          BigFraction[] v = new BigFraction[structure.size()], c = new BigFraction[structure.size()];
          for (int i = 1; i < structure.size(); i++) {
            v[i] = BigFraction.of(random.nextInt(6));
            c[i] = BigFraction.of(random.nextInt(3));
          }
          Market m = structure.withTypes(structure.name(), v, c);
          Outcome<BigFraction> p = Contract.run(procedure, Profile.truthful(m, a));
          Outcome<BigFraction> q = Contract.run(minimum, Profile.truthful(m, a));
          String where = NetworkJson.line(NetworkJson.toJson(m));
          assertEquals(p.details().get("threshold"), q.details().get("threshold"), where);
          for (int i = 1; i < m.size(); i++) assertEquals(0, p.payment(i).compareTo(q.payment(i)), m.id(i) + " on " + where);
          compared++;
        }
      }
    }
    long networks = 0;
    for (int n = 1; n <= 5; n++) networks += Enumerator.count(NetworkClass.CS_GENERAL, n);
    assertEquals(2 * networks, compared, "every network of cs-general up to 5 agents, twice");
  }
}
