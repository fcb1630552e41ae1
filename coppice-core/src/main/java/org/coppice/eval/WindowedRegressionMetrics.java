package org.coppice.eval;

/**
 * The metrics of {@link RegressionMetrics} over the last {@code windowSize} results, exactly as MOA
 * 2024.07's {@code WindowRegressionPerformanceEvaluator} computes them (window 1000 by default in
 * {@link PrequentialEvaluator}). Results with a weight that is not positive are ignored and do not
 * enter the window.
 *
 * <p>As in MOA, each quantity (weight, squared and absolute error, target, and the squared and
 * absolute error of the mean predictor) has a ring of the last {@code windowSize} values and a
 * running sum that subtracts the value leaving and adds the value entering; the mean predictor for
 * a result is the window's target sum over the window's weight <em>including</em> the new result's
 * weight (MOA adds the weight first). The error sums are unweighted, as in {@link
 * RegressionMetrics}. Every metric is NaN while the window is empty. {@link #add} is O(1) and
 * allocates nothing. Not thread-safe.
 */
public final class WindowedRegressionMetrics {
  private final int windowSize;
  private final int numFeatures;
  private final Ring weight;
  private final Ring squareError;
  private final Ring absoluteError;
  private final Ring target;
  private final Ring squareTargetError;
  private final Ring absoluteTargetError;
  private double totalWeight;
  private long added;

  /** MOA's {@code Estimator}: a ring of values with a running sum. */
  private static final class Ring {
    final double[] window;
    int pos;
    double sum;

    Ring(int size) {
      window = new double[size];
    }

    void add(double value) {
      sum -= window[pos];
      sum += value;
      window[pos] = value;
      pos++;
      if (pos == window.length) {
        pos = 0;
      }
    }

    void clear() {
      java.util.Arrays.fill(window, 0);
      pos = 0;
      sum = 0;
    }
  }

  /**
   * Empty metrics.
   *
   * @param numFeatures number of input features (for the adjusted R²)
   * @param windowSize number of most recent results kept, at least 1
   */
  public WindowedRegressionMetrics(int numFeatures, int windowSize) {
    if (windowSize < 1) {
      throw new IllegalArgumentException("windowSize must be >= 1: " + windowSize);
    }
    if (numFeatures < 0) {
      throw new IllegalArgumentException("numFeatures must be >= 0: " + numFeatures);
    }
    this.windowSize = windowSize;
    this.numFeatures = numFeatures;
    weight = new Ring(windowSize);
    squareError = new Ring(windowSize);
    absoluteError = new Ring(windowSize);
    target = new Ring(windowSize);
    squareTargetError = new Ring(windowSize);
    absoluteTargetError = new Ring(windowSize);
  }

  /**
   * Adds one result, evicting the oldest one if the window is full; see {@link
   * RegressionMetrics#add}.
   */
  public void add(double actual, double prediction, double w) {
    if (!(w > 0)) {
      return;
    }
    totalWeight += w;
    weight.add(w);
    double meanTarget = weight.sum != 0 ? target.sum / weight.sum : 0.0;
    double e = actual - prediction;
    double t = actual - meanTarget;
    squareError.add(e * e);
    squareTargetError.add(t * t);
    target.add(actual);
    absoluteTargetError.add(Math.abs(t));
    absoluteError.add(Math.abs(e));
    added++;
  }

  /** Empties the window. */
  public void reset() {
    weight.clear();
    squareError.clear();
    absoluteError.clear();
    target.clear();
    squareTargetError.clear();
    absoluteTargetError.clear();
    totalWeight = 0;
    added = 0;
  }

  /** The capacity of the window. */
  public int windowSize() {
    return windowSize;
  }

  /** Number of results in the window. */
  public long count() {
    return Math.min(added, windowSize);
  }

  /** Sum of the weights in the window. */
  public double weight() {
    return weight.sum;
  }

  private boolean empty() {
    return added == 0;
  }

  /** Mean absolute error over the window; NaN if empty. */
  public double mae() {
    if (empty()) {
      return Double.NaN;
    }
    return weight.sum > 0 ? absoluteError.sum / weight.sum : 0.0;
  }

  /** Root mean squared error over the window; NaN if empty. */
  public double rmse() {
    if (empty()) {
      return Double.NaN;
    }
    return Math.sqrt(weight.sum > 0 ? squareError.sum / weight.sum : 0.0);
  }

  /** Coefficient of determination over the window; NaN if empty. */
  public double r2() {
    if (empty()) {
      return Double.NaN;
    }
    return weight.sum > 0 ? 1 - (squareError.sum / squareTargetError.sum) : 0.0;
  }

  /**
   * Adjusted coefficient of determination; as in MOA, its sample size is the total weight of every
   * result added, not the window's. NaN if empty.
   */
  public double adjustedR2() {
    if (empty()) {
      return Double.NaN;
    }
    return 1 - ((1 - r2()) * (totalWeight - 1)) / (totalWeight - (numFeatures + 1) - 1);
  }

  /** Absolute error relative to the mean predictor's, over the window; NaN if empty. */
  public double relativeMae() {
    if (empty()) {
      return Double.NaN;
    }
    return absoluteTargetError.sum > 0 ? absoluteError.sum / absoluteTargetError.sum : 0.0;
  }

  /** Root squared error relative to the mean predictor's, over the window; NaN if empty. */
  public double relativeRmse() {
    if (empty()) {
      return Double.NaN;
    }
    return Math.sqrt(squareTargetError.sum > 0 ? squareError.sum / squareTargetError.sum : 0.0);
  }

  @Override
  public String toString() {
    return String.format(
        "WindowedRegressionMetrics{window=%d, count=%d, mae=%.6f, rmse=%.6f, r2=%.6f}",
        windowSize, count(), mae(), rmse(), r2());
  }
}
