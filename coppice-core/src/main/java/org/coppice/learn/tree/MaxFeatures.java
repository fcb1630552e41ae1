package org.coppice.learn.tree;

import java.util.Locale;

/**
 * How many features each Adaptive Random Forest leaf draws into its subspace (MOA's {@code -o} and
 * {@code -m} options), resolved against the number of features M by {@link #resolve(int)} exactly
 * as MOA's {@code AdaptiveRandomForest.initEnsemble}.
 *
 * @param mode the rule
 * @param value the integer MOA calls {@code -m}: a count for {@link Mode#SPECIFIED}, a percentage
 *     for {@link Mode#PERCENTAGE} (negative: 100 + value), unused otherwise
 */
public record MaxFeatures(Mode mode, int value) {
  /** The rules MOA offers. */
  public enum Mode {
    /** m = value (negative: all but |value|). */
    SPECIFIED,
    /** m = round(√M) + 1. */
    SQRT_M_PLUS_1,
    /** m = M − round(√M + 1). */
    M_MINUS_SQRT_M_PLUS_1,
    /** m = round(M · value / 100). */
    PERCENTAGE
  }

  /** MOA's default: 60 % of the features. */
  public static final MaxFeatures DEFAULT = new MaxFeatures(Mode.PERCENTAGE, 60);

  public MaxFeatures {
    if (mode == null) {
      throw new IllegalArgumentException("mode is required");
    }
  }

  /**
   * Parses the CLI form: {@code sqrt} (√M+1), {@code 60%} (a percentage), {@code 5} (a count),
   * {@code -2} (all but two), or {@code all}.
   *
   * @throws IllegalArgumentException with a message naming the accepted forms
   */
  public static MaxFeatures parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.equals("sqrt")) {
        return new MaxFeatures(Mode.SQRT_M_PLUS_1, 0);
      }
      if (t.equals("all")) {
        return new MaxFeatures(Mode.PERCENTAGE, 100);
      }
      if (t.endsWith("%")) {
        int p = Integer.parseInt(t.substring(0, t.length() - 1).trim());
        if (p < -100 || p > 100) {
          throw new IllegalArgumentException(
              "a percentage of features must be in [-100, 100]: " + text);
        }
        return new MaxFeatures(Mode.PERCENTAGE, p);
      }
      return new MaxFeatures(Mode.SPECIFIED, Integer.parseInt(t));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "max features must be sqrt, all, a percentage like 60%, or a count like 5; got '"
              + text
              + "'");
    }
  }

  /**
   * The subspace size m for M features, with MOA's clamps: negative means all but |m|, then [1, M].
   */
  public int resolve(int numFeatures) {
    int n = numFeatures;
    int m;
    switch (mode) {
      case SPECIFIED -> m = value;
      case SQRT_M_PLUS_1 -> m = (int) Math.round(Math.sqrt(n)) + 1;
      case M_MINUS_SQRT_M_PLUS_1 -> m = n - (int) Math.round(Math.sqrt(n) + 1);
      default -> {
        double p = (value < 0 ? 100 + value : value) / 100.0;
        m = (int) Math.round(n * p);
      }
    }
    if (m < 0) {
      m = n + m;
    }
    if (m <= 0) {
      m = 1;
    }
    if (m > n) {
      m = n;
    }
    return m;
  }

  @Override
  public String toString() {
    return switch (mode) {
      case SPECIFIED -> Integer.toString(value);
      case SQRT_M_PLUS_1 -> "sqrt";
      case M_MINUS_SQRT_M_PLUS_1 -> "M-sqrt";
      case PERCENTAGE -> value + "%";
    };
  }
}
