package org.mechcheck.field.sybil;

import java.util.Optional;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.mechanism.SingleUnitSocial;
import org.mechcheck.mechanism.Vickrey;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;

/**
 * NSP, the neighbour second-price auction: the seller sells one item by a second-price auction
 * among her own neighbours r_s, and nobody they might invite takes part.
 * <ol>
 *   <li>the highest bidder among the seller's neighbours wins (the earlier node on ties);
 *   <li>she pays the second-highest bid among them, 0 when she is the only one;
 *   <li>everyone else pays 0.
 * </ol>
 * That is the Vickrey auction among the seller's neighbours, which the core already has, run on a
 * social network. The name and the definition are those of Chen, Deng, Wang, Wu and Zhao
 * (arXiv 2211.01984) as the issue states them; the paper's own text was not available, so no
 * claim of it is registered (spec/nsp.md).
 */
public final class Nsp implements Mechanism {
  private static final Vickrey NEIGHBOURS_ONLY = new Vickrey();

  @Override
  public String name() {
    return "nsp";
  }

  @Override
  public String description() {
    return "neighbour second price: a second-price auction among the seller's neighbours, no diffusion";
  }

  @Override
  public String source() {
    return "Chen, Deng, Wang, Wu, Zhao, arXiv 2211.01984 (NSP, as the issue states it; paper text not read)";
  }

  @Override
  public String domain() {
    return "single unit; every agent a bidder (no intermediary costs); only the seller's neighbours take part";
  }

  @Override
  public Optional<String> refusal(Market market) {
    return SingleUnitSocial.refusal(name(), market);
  }

  @Override
  public <N> Outcome<N> run(Profile<N> profile, Arith<N> arith) {
    return NEIGHBOURS_ONLY.run(profile, arith);
  }
}
