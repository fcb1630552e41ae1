package org.coppice.io;

/**
 * Parses decimal numbers from a range of characters without allocating in the common case.
 *
 * <p>Accepted: an optional sign, digits with an optional decimal point (at least one digit in all),
 * an optional exponent ({@code e}/{@code E}, optional sign, digits), or the words {@code inf},
 * {@code infinity} and {@code nan} in any case, optionally signed. Nothing else: no surrounding
 * whitespace, no hexadecimal, no Java suffixes such as {@code d}. Results are correctly rounded:
 * short inputs use the exact fast path (mantissa below 2<sup>53</sup> and a power of ten up to
 * 10<sup>22</sup>), others fall back to {@link Double#parseDouble}.
 */
final class NumberParser {
  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  /** The value parsed by the last successful call. */
  double value;

  /** Parses {@code s}; on success stores the number in {@link #value} and returns true. */
  boolean parse(String s) {
    return parse(s.toCharArray(), 0, s.length());
  }

  /**
   * Parses {@code b[s, e)}; on success stores the number in {@link #value} and returns true, else
   * returns false and leaves {@link #value} unspecified.
   */
  boolean parse(char[] b, int s, int e) {
    int i = s;
    if (i >= e) {
      return false;
    }
    boolean negative = false;
    char c = b[i];
    if (c == '+' || c == '-') {
      negative = c == '-';
      if (++i == e) {
        return false;
      }
      c = b[i];
    }
    if (c > '9') {
      return parseWord(b, i, e, negative);
    }
    long mantissa = 0;
    int digits = 0;
    int exp10 = 0;
    boolean anyDigit = false;
    boolean inexact = false;
    while (i < e && (c = b[i]) >= '0' && c <= '9') {
      anyDigit = true;
      if (mantissa != 0 || c != '0') {
        if (digits < 18) {
          mantissa = mantissa * 10 + (c - '0');
          digits++;
        } else {
          inexact = true;
        }
      }
      i++;
    }
    if (i < e && b[i] == '.') {
      i++;
      while (i < e && (c = b[i]) >= '0' && c <= '9') {
        anyDigit = true;
        if (mantissa == 0 && c == '0') {
          exp10--;
        } else if (digits < 18) {
          mantissa = mantissa * 10 + (c - '0');
          digits++;
          exp10--;
        } else {
          inexact = true;
        }
        i++;
      }
    }
    if (!anyDigit) {
      return false;
    }
    if (i < e && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      boolean negativeExp = false;
      if (i < e && (b[i] == '+' || b[i] == '-')) {
        negativeExp = b[i] == '-';
        i++;
      }
      if (i >= e) {
        return false;
      }
      int exp = 0;
      while (i < e && (c = b[i]) >= '0' && c <= '9') {
        if (exp < 100_000) {
          exp = exp * 10 + (c - '0');
        }
        i++;
      }
      if (i < e) {
        return false;
      }
      exp10 += negativeExp ? -exp : exp;
    } else if (i < e) {
      return false;
    }
    double v;
    if (mantissa == 0) {
      v = 0.0;
    } else if (!inexact && mantissa <= (1L << 53) && exp10 >= -22 && exp10 <= 22) {
      v = exp10 >= 0 ? mantissa * POW10[exp10] : mantissa / POW10[-exp10];
    } else {
      value = Double.parseDouble(new String(b, s, e - s));
      return true;
    }
    value = negative ? -v : v;
    return true;
  }

  private boolean parseWord(char[] b, int i, int e, boolean negative) {
    if (matches(b, i, e, "inf") || matches(b, i, e, "infinity")) {
      value = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      return true;
    }
    if (matches(b, i, e, "nan")) {
      value = Double.NaN;
      return true;
    }
    return false;
  }

  private static boolean matches(char[] b, int i, int e, String lowerWord) {
    if (e - i != lowerWord.length()) {
      return false;
    }
    for (int k = 0; k < lowerWord.length(); k++) {
      if (Character.toLowerCase(b[i + k]) != lowerWord.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
