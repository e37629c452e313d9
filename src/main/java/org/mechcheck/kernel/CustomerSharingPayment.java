package org.mechcheck.kernel;

/**
 * CSM's payment (000, Definition 10): agent i pays what the others lose by her presence as she
 * reported it, measured against what they would have without her threshold neighbourhood, plus
 * her value on the trading chain:
 * <pre>
 *   x_i = W*_{-d_i} - W*_{-r*_i} + v_i(chain)   for an intermediary,
 *   x_i = W*_{-i}   - W*         + v_i(chain)   for a buyer.
 * </pre>
 * Both are {@code without - withThreshold + onChain}. Affine in its arguments.
 */
public final class CustomerSharingPayment {
  private CustomerSharingPayment() {}

  /*@ public normal_behavior
    @ requires -1099511627776L <= without && without <= 1099511627776L;
    @ requires -1099511627776L <= withoutThreshold && withoutThreshold <= 1099511627776L;
    @ requires -1099511627776L <= onChain && onChain <= 1099511627776L;
    @ ensures \result == without - withoutThreshold + onChain;
    @ assignable \strictly_nothing;
    @*/
  public static long payment(long without, long withoutThreshold, long onChain) {
    return without - withoutThreshold + onChain;
  }

  /**
   * The seller's revenue from the chain's agents, the winner last (Theorem 2's proof): the sum
   * of their payments. The chain's values add up to the efficient welfare W*, which is also the
   * winner's threshold term, so both drop out: the revenue is the intermediaries' welfare
   * differences plus W*_{-m}.
   */
  /*@ public normal_behavior
    @ requires without != null && withoutThreshold != null && onChain != null;
    @ requires 1 <= without.length && without.length <= 1024;
    @ requires without.length == withoutThreshold.length && without.length == onChain.length;
    @ requires (\forall int i; 0 <= i && i < without.length;
    @             -1099511627776L <= without[i] && without[i] <= 1099511627776L
    @          && -1099511627776L <= withoutThreshold[i] && withoutThreshold[i] <= 1099511627776L
    @          && -1099511627776L <= onChain[i] && onChain[i] <= 1099511627776L);
    @ requires withoutThreshold[without.length - 1]
    @          == (\sum int i; 0 <= i && i < without.length - 1; onChain[i]) + onChain[without.length - 1];
    @ ensures \result == (\sum int i; 0 <= i && i < without.length - 1; without[i])
    @                  - (\sum int i; 0 <= i && i < without.length - 1; withoutThreshold[i])
    @                  + without[without.length - 1];
    @ assignable \strictly_nothing;
    @*/
  public static long revenue(long[] without, long[] withoutThreshold, long[] onChain) {
    int last = without.length - 1;
    long lost = 0;
    long kept = 0;
    long values = 0;
    long total = 0;
    /*@ loop_invariant 0 <= k && k <= last
      @   && lost == (\sum int i; 0 <= i && i < k; without[i])
      @   && kept == (\sum int i; 0 <= i && i < k; withoutThreshold[i])
      @   && values == (\sum int i; 0 <= i && i < k; onChain[i])
      @   && -k * 1099511627776L <= lost && lost <= k * 1099511627776L
      @   && -k * 1099511627776L <= kept && kept <= k * 1099511627776L
      @   && -k * 1099511627776L <= values && values <= k * 1099511627776L
      @   && total == lost - kept + values;
      @ assignable \strictly_nothing;
      @ decreases last - k;
      @*/
    for (int k = 0; k < last; k++) {
      total += payment(without[k], withoutThreshold[k], onChain[k]);
      lost += without[k];
      kept += withoutThreshold[k];
      values += onChain[k];
    }
    return total + payment(without[last], withoutThreshold[last], onChain[last]);
  }
}
