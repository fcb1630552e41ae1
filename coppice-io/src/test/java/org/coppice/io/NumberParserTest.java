package org.coppice.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NumberParserTest {
  private final NumberParser parser = new NumberParser();

  private double parse(String s) {
    assertTrue(parser.parse(s), "should parse: " + s);
    return parser.value;
  }

  private static void assertBits(double expected, double actual, String input) {
    assertEquals(
        Double.doubleToLongBits(expected),
        Double.doubleToLongBits(actual),
        input + ": expected " + expected + " but was " + actual);
  }

  @Test
  void parsesCommonForms() {
    assertBits(0.0, parse("0"), "0");
    assertBits(-0.0, parse("-0.0"), "-0.0");
    assertBits(1.5, parse("+1.5"), "+1.5");
    assertBits(0.5, parse(".5"), ".5");
    assertBits(5.0, parse("5."), "5.");
    assertBits(0.056443, parse("0.056443"), "0.056443");
    assertBits(-0.002, parse("-2e-3"), "-2e-3");
    assertBits(100.0, parse("1E2"), "1E2");
    assertBits(1.0e-5, parse("1.0E-5"), "1.0E-5");
    assertBits(123456789012345678.0, parse("123456789012345678"), "long");
    assertBits(Double.MIN_VALUE, parse("4.9E-324"), "min");
    assertBits(Double.MAX_VALUE, parse("1.7976931348623157E308"), "max");
    assertBits(Double.POSITIVE_INFINITY, parse("1e400"), "overflow");
    assertBits(Double.POSITIVE_INFINITY, parse("Infinity"), "Infinity");
    assertBits(Double.NEGATIVE_INFINITY, parse("-inf"), "-inf");
    assertTrue(Double.isNaN(parse("NaN")));
  }

  @Test
  void rejectsNonNumbers() {
    for (String s :
        new String[] {
          "", "-", "+", ".", "e5", "1e", "1e+", "1d", "1f", "0x10", "1.2.3", " 1", "1 ", "--1",
          "abc", "1,5", "infinit", "nan1", "1_000"
        }) {
      assertFalse(parser.parse(s), "should not parse: '" + s + "'");
    }
  }

  @Test
  void agreesWithDoubleParseDoubleBitForBit() {
    Random random = new Random(42);
    for (int i = 0; i < 5_000; i++) {
      double d = Double.longBitsToDouble(random.nextLong());
      if (Double.isNaN(d)) {
        continue;
      }
      String s = Double.toString(d);
      assertBits(d, parse(s), s);
    }
    for (int i = 0; i < 5_000; i++) {
      StringBuilder sb = new StringBuilder();
      if (random.nextBoolean()) {
        sb.append('-');
      }
      int intDigits = random.nextInt(8);
      for (int k = 0; k < intDigits; k++) {
        sb.append((char) ('0' + random.nextInt(10)));
      }
      sb.append('.');
      int fracDigits = 1 + random.nextInt(12);
      for (int k = 0; k < fracDigits; k++) {
        sb.append((char) ('0' + random.nextInt(10)));
      }
      if (random.nextInt(4) == 0) {
        sb.append('e').append(random.nextInt(60) - 30);
      }
      String s = sb.toString();
      assertBits(Double.parseDouble(s), parse(s), s);
    }
  }

  @Test
  void parsesARangeOfACharArray() {
    char[] line = "x,12.25,y".toCharArray();
    assertTrue(parser.parse(line, 2, 7));
    assertEquals(12.25, parser.value);
  }
}
