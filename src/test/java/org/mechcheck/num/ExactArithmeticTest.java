package org.mechcheck.num;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing and printing of exact rationals, the exact and fast arithmetics, and the documented tie-break. */
class ExactArithmeticTest {

  @ParameterizedTest(name = "\"{0}\" prints as \"{1}\"")
  @CsvSource({
    "22/3, 22/3",
    "-3, -3",
    "0.1, 1/10",
    "44/6, 22/3",
    "-0, 0",
    "0/5, 0",
    "3/-6, -1/2",
    "-3/-6, 1/2",
    "2.50, 5/2",
    "1e-1, 1/10",
    "007, 7",
    "-0.125, -1/8",
    "12345678901234567890/2, 6172839450617283945",
  })
  void parseThenFormat(String in, String out) {
    assertEquals(out, Rationals.format(Rationals.parse(in)));
  }

  @ParameterizedTest
  @CsvSource({"22/3", "-3", "0", "1/10", "-7/2", "5"})
  void formatThenParseIsTheIdentity(String s) {
    BigFraction q = Rationals.parse(s);
    assertEquals(s, Rationals.format(q));
    assertEquals(q, Rationals.parse(Rationals.format(q)));
  }

  @Test
  void parseIsExact() {
    assertEquals(BigFraction.of(1, 10), Rationals.parse("0.1"));
    assertEquals(BigFraction.of(7, 3), Rationals.parse("7/3"));
    assertEquals(BigFraction.of(3, 10), Rationals.parse("0.1").add(Rationals.parse("0.2")), "0.1 + 0.2 is exactly 3/10");
  }

  @Test
  void parseRejectsNonNumbersWithAReason() {
    for (String bad : List.of("abc", "", "  ", "1/", "/2", "1/2/3", "0x10", "NaN", "Infinity", "1,5")) {
      NumberFormatException e = assertThrows(NumberFormatException.class, () -> Rationals.parse(bad), "'" + bad + "'");
      assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "'" + bad + "' gives a reason");
    }
    NumberFormatException z = assertThrows(NumberFormatException.class, () -> Rationals.parse("1/0"));
    assertTrue(z.getMessage().contains("zero denominator"), z.getMessage());
  }

  /** Sums whose terms are dyadic, so doubles represent them exactly and the two must agree to the bit. */
  @Test
  void exactAndFastAgreeOnSums() {
    List<BigFraction> xs = List.of(BigFraction.of(1, 2), BigFraction.of(-3, 4), BigFraction.of(7), BigFraction.of(5, 8), BigFraction.of(-2));
    BigFraction exact = Exact.INSTANCE.sum(xs.stream().map(Exact.INSTANCE::of).toList());
    double fast = Fast.INSTANCE.sum(xs.stream().map(Fast.INSTANCE::of).toList());
    assertEquals(BigFraction.of(43, 8), exact, "1/2 - 3/4 + 7 + 5/8 - 2");
    assertEquals(43.0 / 8, fast);
    assertEquals(exact.doubleValue(), fast);

    BigFraction e2 = Exact.INSTANCE.sub(Exact.INSTANCE.add(Exact.INSTANCE.of(3), Exact.INSTANCE.mul(Exact.INSTANCE.of(BigFraction.of(5, 4)), BigFraction.of(2))), Exact.INSTANCE.of(1));
    double f2 = Fast.INSTANCE.sub(Fast.INSTANCE.add(Fast.INSTANCE.of(3), Fast.INSTANCE.mul(Fast.INSTANCE.of(BigFraction.of(5, 4)), BigFraction.of(2))), Fast.INSTANCE.of(1));
    assertEquals(BigFraction.of(9, 2), e2);
    assertEquals(4.5, f2);
  }

  /** Non-dyadic terms: exact is exact, fast is close but may not be (which is why Fast is always re-checked). */
  @Test
  void fastIsCloseOnNonDyadicSums() {
    List<BigFraction> xs = List.of(BigFraction.of(1, 10), BigFraction.of(2, 10), BigFraction.of(1, 3));
    BigFraction exact = Exact.INSTANCE.sum(xs);
    double fast = Fast.INSTANCE.sum(xs.stream().map(Fast.INSTANCE::of).toList());
    assertEquals(BigFraction.of(19, 30), exact);
    assertEquals(19.0 / 30, fast, 1e-12);
    assertTrue(Exact.INSTANCE.ge(Exact.INSTANCE.add(BigFraction.of(1, 10), BigFraction.of(2, 10)), BigFraction.of(3, 10)));
    assertTrue(Exact.INSTANCE.ge(BigFraction.of(3, 10), Exact.INSTANCE.add(BigFraction.of(1, 10), BigFraction.of(2, 10))));
  }

  /** Tie-break (Arith's contract, spec/): argmax and argmin return the lowest index among equal optima. */
  @Test
  void argmaxAndArgminReturnTheLowestIndexOnTies() {
    Exact e = Exact.INSTANCE;
    List<BigFraction> xs = List.of(BigFraction.of(1), BigFraction.of(3), BigFraction.of(6, 2), BigFraction.of(2), BigFraction.of(3));
    assertEquals(1, e.argmax(xs));
    List<BigFraction> ys = List.of(BigFraction.of(2), BigFraction.of(1, 2), BigFraction.of(5), BigFraction.of(2, 4));
    assertEquals(1, e.argmin(ys));
    List<BigFraction> same = List.of(BigFraction.of(4), BigFraction.of(8, 2), BigFraction.of(4));
    assertEquals(0, e.argmax(same));
    assertEquals(0, e.argmin(same));
    assertEquals(0, e.argmax(List.of(BigFraction.of(-1))));
    assertEquals(2, e.argmax(List.of(BigFraction.of(-1), BigFraction.ZERO, BigFraction.ONE)), "no tie: the maximum");
    assertEquals(0, e.argmin(List.of(BigFraction.of(-1), BigFraction.ZERO, BigFraction.ONE)), "no tie: the minimum");

    Fast f = Fast.INSTANCE;
    assertEquals(1, f.argmax(List.of(1.0, 3.0, 3.0, 2.0)));
    assertEquals(2, f.argmin(List.of(2.0, 1.0, 0.5, 0.5)));
    assertThrows(IllegalArgumentException.class, () -> e.argmax(List.of()));
    assertThrows(IllegalArgumentException.class, () -> e.argmin(List.of()));
  }

  @Test
  void maxMinAndMaxOr() {
    Exact e = Exact.INSTANCE;
    assertEquals(BigFraction.of(7, 2), e.max(BigFraction.of(7, 2), BigFraction.of(3)));
    assertEquals(BigFraction.of(3), e.min(BigFraction.of(7, 2), BigFraction.of(3)));
    assertEquals(BigFraction.ZERO, e.maxOr(BigFraction.ZERO, List.of()), "the floor alone for an empty list");
    assertEquals(BigFraction.ZERO, e.maxOr(BigFraction.ZERO, List.of(BigFraction.of(-2), BigFraction.of(-1, 2))));
    assertEquals(BigFraction.of(5, 3), e.maxOr(BigFraction.ZERO, List.of(BigFraction.of(-2), BigFraction.of(5, 3), BigFraction.ONE)));
    assertEquals(BigFraction.of(-4), e.neg(BigFraction.of(4)));
    assertTrue(e.gt(BigFraction.of(1, 3), BigFraction.of(33, 100)));
    assertTrue(e.lt(BigFraction.of(33, 100), BigFraction.of(1, 3)));
    assertTrue(e.le(BigFraction.of(2, 6), BigFraction.of(1, 3)) && e.ge(BigFraction.of(2, 6), BigFraction.of(1, 3)));
  }

  /**
   * commons-numbers-fraction 1.2 ordered negative fractions by magnitude (-2 > -1/2), which made
   * every exact comparison of two negative numbers wrong; 1.3 fixed it. This pins the order.
   */
  @ParameterizedTest(name = "{0} < {1}")
  @CsvSource({"-2, -1/2", "-2, -1", "-3/2, -4/3", "-1, 0", "0, 1/3", "1/3, 1/2", "3/-2, -1", "-5, 1/-2"})
  void negativeNumbersAreOrdered(String lo, String hi) {
    BigFraction a = Rationals.parse(lo), b = Rationals.parse(hi);
    assertTrue(a.compareTo(b) < 0 && b.compareTo(a) > 0, lo + " < " + hi);
    assertTrue(Exact.INSTANCE.lt(a, b) && !Exact.INSTANCE.ge(a, b), lo + " < " + hi + " in Exact");
    assertEquals(0, Exact.INSTANCE.argmax(List.of(a, b, a)) == 1 ? 0 : 1);
    assertEquals(0, Exact.INSTANCE.argmin(List.of(a, b, a)));
  }
}
