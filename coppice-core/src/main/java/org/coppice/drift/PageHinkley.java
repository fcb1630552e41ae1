package org.coppice.drift;

/**
 * The Page-Hinkley test (E. S. Page, "Continuous Inspection Schemes", Biometrika 41, 1954), as
 * computed by MOA 2024.07's {@code PageHinkleyDM.java}: a one-sided test for an increase in the
 * mean of its input.
 *
 * <p>On each input x: mean += (x - mean)/n; sum = α·sum + (x - mean - δ); n += 1. Once n reaches
 * {@code minInstances}, a change is signalled when sum &gt; λ. There is no running minimum (MOA's
 * version compares the faded cumulative sum itself with λ). The input after a change starts from a
 * reset state (n = 1, mean = 0, sum = 0). Never in a warning zone.
 *
 * <p>Not thread-safe; no allocation per input.
 */
public final class PageHinkley implements DriftDetector {
  /** MOA's default minimum number of instances. */
  public static final int DEFAULT_MIN_INSTANCES = 30;

  /** MOA's default magnitude δ of tolerated changes. */
  public static final double DEFAULT_DELTA = 0.005;

  /** MOA's default threshold λ. */
  public static final double DEFAULT_LAMBDA = 50;

  /** MOA's default fading factor α; written as MOA writes it, which is exactly 0.9999. */
  public static final double DEFAULT_ALPHA = 1 - 0.0001;

  private final int minInstances;
  private final double delta;
  private final double lambda;
  private final double alpha;

  // n is one more than the number of inputs since the last reset, as in MOA.
  private int n;
  private double mean;
  private double sum;
  private boolean initialized;
  private boolean change;

  /** A detector with MOA's defaults (30, 0.005, 50, 0.9999). */
  public PageHinkley() {
    this(DEFAULT_MIN_INSTANCES, DEFAULT_DELTA, DEFAULT_LAMBDA, DEFAULT_ALPHA);
  }

  /**
   * A detector.
   *
   * @param minInstances no change before the counter reaches this many inputs; non-negative
   * @param delta magnitude of change tolerated per input
   * @param lambda detection threshold on the faded cumulative sum
   * @param alpha fading factor applied to the sum at each input, in [0, 1]
   */
  public PageHinkley(int minInstances, double delta, double lambda, double alpha) {
    if (minInstances < 0) {
      throw new IllegalArgumentException("minInstances must be >= 0: " + minInstances);
    }
    if (!(alpha >= 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in [0, 1]: " + alpha);
    }
    this.minInstances = minInstances;
    this.delta = delta;
    this.lambda = lambda;
    this.alpha = alpha;
    reset();
  }

  private void reset() {
    n = 1;
    mean = 0.0;
    sum = 0.0;
  }

  /**
   * Feeds one value.
   *
   * @return true if the faded cumulative deviation exceeds λ at this input
   */
  @Override
  public boolean update(double x) {
    if (change || !initialized) {
      reset();
      initialized = true;
    }
    mean = mean + (x - mean) / (double) n;
    sum = alpha * sum + (x - mean - delta);
    n++;
    change = n >= minInstances && sum > lambda;
    return change;
  }

  /** Whether the last input signalled a change. */
  public boolean changeDetected() {
    return change;
  }

  /** Always false, as in MOA. */
  @Override
  public boolean inWarningZone() {
    return false;
  }

  /** The running mean of the inputs since the last reset, or 0 before the first input. */
  @Override
  public double estimation() {
    return initialized ? mean : 0.0;
  }

  @Override
  public PageHinkley freshCopy() {
    return new PageHinkley(minInstances, delta, lambda, alpha);
  }

  // ---- state, for model files ----

  /** Inputs (counter n) needed before a change can be signalled. */
  public int minInstances() {
    return minInstances;
  }

  /** Magnitude of change tolerated per input. */
  public double delta() {
    return delta;
  }

  /** Detection threshold. */
  public double lambda() {
    return lambda;
  }

  /** Fading factor of the cumulative sum. */
  public double alpha() {
    return alpha;
  }

  /** The counter n: one more than the number of inputs since the last reset. */
  public int n() {
    return n;
  }

  /** The running mean. */
  public double mean() {
    return mean;
  }

  /** The faded cumulative sum compared with λ. */
  public double sum() {
    return sum;
  }

  /** Whether the detector has seen an input since its creation. */
  public boolean initialized() {
    return initialized;
  }

  /** Rebuilds a detector from the values of its accessors. */
  public static PageHinkley restore(
      int minInstances,
      double delta,
      double lambda,
      double alpha,
      int n,
      double mean,
      double sum,
      boolean initialized,
      boolean change) {
    if (n < 1) {
      throw new IllegalArgumentException("Page-Hinkley counter must be >= 1: " + n);
    }
    PageHinkley d = new PageHinkley(minInstances, delta, lambda, alpha);
    d.n = n;
    d.mean = mean;
    d.sum = sum;
    d.initialized = initialized;
    d.change = change;
    return d;
  }

  @Override
  public String toString() {
    return "PageHinkley{n=" + n + ", mean=" + mean + ", sum=" + sum + ", change=" + change + "}";
  }
}
