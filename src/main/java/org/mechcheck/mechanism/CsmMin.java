package org.mechcheck.mechanism;

/** {@code csm-min}: the customer sharing mechanism with Definition 10 read literally (see {@link Csm}). */
public final class CsmMin extends Csm {
  public CsmMin() {
    super(Reading.MINIMUM);
  }
}
