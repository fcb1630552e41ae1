package org.coppice.learn;

/**
 * A weighted normal estimator: weight sum W, mean μ and scatter S (sum of weighted squared
 * deviations), updated with the weighted form of Welford's method (B. P. Welford, "Note on a Method
 * for Calculating Corrected Sums of Squares and Products", Technometrics 4, 1962; D. H. D. West,
 * "Updating Mean and Variance Estimates: An Improved Method", CACM 22, 1979), computed in the same
 * order as MOA's {@code GaussianEstimator}.
 *
 * <p>The state is three doubles, {@code [W, μ, S]}. Besides this object, the static kernels work on
 * such triples stored anywhere in a flat {@code double[]} ({@code state[offset]} = W, {@code
 * state[offset + 1]} = μ, {@code state[offset + 2]} = S), so that learners can keep many estimators
 * in one primitive array. Not thread-safe.
 */
public final class GaussianEstimator {
  /** Number of doubles per estimator in a flat state array. */
  public static final int STRIDE = 3;

  private static final double NORMAL_CONSTANT = Math.sqrt(2 * Math.PI);

  private final double[] state = new double[STRIDE];

  /** An empty estimator (W = 0). */
  public GaussianEstimator() {}

  /** Adds {@code x} with weight {@code w}; NaN and infinite values are ignored. */
  public void add(double x, double w) {
    add(state, 0, x, w);
  }

  /** The weight sum W. */
  public double weightSum() {
    return state[0];
  }

  /** The mean μ (0 while W = 0). */
  public double mean() {
    return state[1];
  }

  /** The scatter S, the sum of weighted squared deviations from the mean. */
  public double scatter() {
    return state[2];
  }

  /** S / (W - 1) if W &gt; 1, else 0, as MOA. */
  public double variance() {
    return variance(state, 0);
  }

  /** The square root of {@link #variance()}. */
  public double stdDev() {
    return Math.sqrt(variance(state, 0));
  }

  /** The normal density at {@code x}; see {@link #density(double[], int, double)}. */
  public double density(double x) {
    return density(state, 0, x);
  }

  /** Restores a state read with {@link #weightSum()}, {@link #mean()} and {@link #scatter()}. */
  public void restore(double weightSum, double mean, double scatter) {
    state[0] = weightSum;
    state[1] = mean;
    state[2] = scatter;
  }

  // ---- kernels on flat arrays ----

  /**
   * Adds {@code x} with weight {@code w} to the estimator at {@code offset}. NaN and infinite
   * values are ignored. The first value (while W is not positive) sets μ = x and W = w; later ones
   * do W += w, μ' = μ + w(x - μ)/W, S += w(x - μ)(x - μ').
   */
  public static void add(double[] state, int offset, double x, double w) {
    if (Double.isInfinite(x) || Double.isNaN(x)) {
      return;
    }
    if (state[offset] > 0.0) {
      double ws = state[offset] += w;
      double last = state[offset + 1];
      double mean = last + w * (x - last) / ws;
      state[offset + 1] = mean;
      state[offset + 2] += w * (x - last) * (x - mean);
    } else {
      state[offset + 1] = x;
      state[offset] = w;
    }
  }

  /** S / (W - 1) if W &gt; 1, else 0, for the estimator at {@code offset}. */
  public static double variance(double[] state, int offset) {
    double w = state[offset];
    return w > 1.0 ? state[offset + 2] / (w - 1.0) : 0.0;
  }

  /**
   * The normal density N(μ, σ²) at {@code x} for the estimator at {@code offset}, σ² being {@link
   * #variance(double[], int)}. When σ = 0 it is 1 if {@code x} equals μ and 0 otherwise; when W is
   * not positive it is 0.
   */
  public static double density(double[] state, int offset, double x) {
    if (state[offset] > 0.0) {
      return normalDensity(state[offset + 1], Math.sqrt(variance(state, offset)), x);
    }
    return 0.0;
  }

  /**
   * The density of N(mean, sd²) at {@code x}; for {@code sd} = 0, 1 if {@code x} equals the mean
   * and 0 otherwise (MOA's convention). The kernel behind {@link #density(double[], int, double)},
   * for callers that keep σ computed once.
   */
  public static double normalDensity(double mean, double sd, double x) {
    if (sd > 0.0) {
      double diff = x - mean;
      return (1.0 / (NORMAL_CONSTANT * sd)) * Math.exp(-(diff * diff / (2.0 * sd * sd)));
    }
    return x == mean ? 1.0 : 0.0;
  }

  @Override
  public String toString() {
    return "GaussianEstimator{w=" + state[0] + ", mean=" + state[1] + ", var=" + variance() + "}";
  }
}
