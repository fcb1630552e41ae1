package org.coppice.cli;

import java.util.Locale;

/** Number formatting for the text reports; locale-independent. */
final class Format {
  private Format() {}

  /** A setting value, short: 6 for 6.0, 0.001, 1e-7. */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = Double.toString(v);
    return s.replace(".0E", "E").replace("E", "e");
  }

  /** An integer with thousands separators: 100,000. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A metric with {@code decimals} decimals, or "n/a" for NaN. */
  static String fixed(double v, int decimals) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  /** A fraction as a percentage with 2 decimals: 89.12 %. */
  static String percent(double fraction) {
    return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.2f %%", 100 * fraction);
  }

  /** A rate, rounded, with thousands separators. */
  static String rate(double perSecond) {
    return Double.isNaN(perSecond) || Double.isInfinite(perSecond)
        ? "n/a"
        : String.format(Locale.ROOT, "%,.0f", perSecond);
  }

  /** A duration as m:ss or h:mm:ss. */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    long h = s / 3600;
    long m = (s / 60) % 60;
    long sec = s % 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
        : String.format(Locale.ROOT, "%d:%02d", m, sec);
  }
}
