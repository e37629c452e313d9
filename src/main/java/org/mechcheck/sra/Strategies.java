package org.mechcheck.sra;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.mechcheck.num.Arith;

/**
 * The three action classes of 001 §3 (after Parkes and Shneidman): information revelation t_i
 * (bid and invitations), message passing q_i (which inviters get the aggregated bid) and
 * computation f_i (the aggregated bid). Each has the intended strategy and a family of deviations.
 */
public final class Strategies {
  private Strategies() {}

  /** t_i: the bid v'_i and the invited neighbours r'_i ⊆ r_i (Definition 4.1). */
  public record Revelation<N>(N bid, BitSet invites) {}

  /** q_i (Definition 4.3): the inviters that receive the aggregated bid; the others get a Withhold. */
  public interface Passing {
    /** {@code inviters} in the order they invited her; returns the chosen ones. */
    List<Integer> targets(List<Integer> inviters, Env<?> env);

    String describe();
  }

  /** f_i (Definition 4.2): the aggregated bid from the received bids and her own bid. */
  public interface Computation<N> {
    N aggregate(List<N> received, N ownBid, Arith<N> a);

    String describe();
  }

  /** Intended q^M: one inviter chosen uniformly at random. */
  public static final Passing ONE_AT_RANDOM = new Passing() {
    public List<Integer> targets(List<Integer> inviters, Env<?> env) {
      return inviters.isEmpty() ? List.of() : List.of(inviters.get(env.choose(inviters.size())));
    }

    public String describe() {
      return "reports to one inviter at random (intended)";
    }
  };

  /** Deviation: reports to nobody. */
  public static final Passing NOBODY = new Passing() {
    public List<Integer> targets(List<Integer> inviters, Env<?> env) {
      return List.of();
    }

    public String describe() {
      return "reports to no inviter";
    }
  };

  /** Deviation: reports to every inviter in {@code chosen} (several, one fixed, ...); inviters outside it get a Withhold. */
  public static Passing to(BitSet chosen) {
    return new Passing() {
      public List<Integer> targets(List<Integer> inviters, Env<?> env) {
        List<Integer> out = new ArrayList<>();
        for (int x : inviters) if (chosen.get(x)) out.add(x);
        return out;
      }

      public String describe() {
        return "reports to " + chosen;
      }
    };
  }

  /** Intended f^M: the largest of the received bids and her own. */
  public static <N> Computation<N> max() {
    return new Computation<>() {
      public N aggregate(List<N> received, N ownBid, Arith<N> a) {
        return a.maxOr(ownBid, received);
      }

      public String describe() {
        return "aggregates the maximum (intended)";
      }
    };
  }

  /** Deviation: the intended output plus {@code delta} (below it when negative), never below 0. */
  public static <N> Computation<N> shifted(N delta, String text) {
    return new Computation<>() {
      public N aggregate(List<N> received, N ownBid, Arith<N> a) {
        return a.max(a.zero(), a.add(a.maxOr(ownBid, received), delta));
      }

      public String describe() {
        return "aggregates the maximum shifted by " + text;
      }
    };
  }

  /** Deviation: always outputs {@code value}, whatever she receives. */
  public static <N> Computation<N> constant(N value, String text) {
    return new Computation<>() {
      public N aggregate(List<N> received, N ownBid, Arith<N> a) {
        return value;
      }

      public String describe() {
        return "aggregates the constant " + text;
      }
    };
  }

  /** Deviation: ignores what she receives and passes on her own bid only (a lower output). */
  public static <N> Computation<N> ownOnly() {
    return new Computation<>() {
      public N aggregate(List<N> received, N ownBid, Arith<N> a) {
        return ownBid;
      }

      public String describe() {
        return "aggregates her own bid only";
      }
    };
  }
}
