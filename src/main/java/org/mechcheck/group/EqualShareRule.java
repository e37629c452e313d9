package org.mechcheck.group;

import java.util.List;

/**
 * An ex-post rule of a group sale whose allocation and share are separable, the form of the
 * slides' mechanism: sell iff sum_i score_i(v_i) >= 0, and every member pays
 * sum_i sharePart_i(v_i) + shareConstant. {@link IncentiveCheck} reads only this.
 */
public interface EqualShareRule {
  List<Member> members();

  double score(int i, double v);

  double sharePart(int i, double v);

  double shareConstant();

  default boolean sells(double[] v) {
    double s = 0;
    for (int i = 0; i < v.length; i++) s += score(i, v[i]);
    return s >= -Cells.TIE;
  }

  default double share(double[] v) {
    double t = shareConstant();
    for (int i = 0; i < v.length; i++) t += sharePart(i, v[i]);
    return t;
  }
}
