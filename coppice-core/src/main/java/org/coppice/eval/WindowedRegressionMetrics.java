package org.coppice.eval;

/**
 * The metrics of {@link RegressionMetrics} over the last {@code windowSize} results, as MOA
 * 2024.07's {@code WindowRegressionPerformanceEvaluator}: each term (weight, absolute error,
 * squared error, target, baseline error) has a ring of the last {@code windowSize} values and a
 * running sum that adds the new value and subtracts the one it evicts, in MOA's order, so the
 * figures are MOA's to the last bit. The baseline of R² is the mean target over the window before
 * each result. Results whose weight is not positive are ignored. Not thread-safe; {@link #add}
 * allocates nothing.
 */
public final class WindowedRegressionMetrics {
  private final int windowSize;
  // Rings: [term][slot]; every term advances together, so one position serves all.
  private final double[] weights;
  private final double[] absoluteErrors;
  private final double[] squaredErrors;
  private final double[] targets;
  private final double[] baselineErrors;
  private int position;
  private long count;
  private double weight;
  private double absoluteError;
  private double squaredError;
  private double targetSum;
  private double baselineError;

  /**
   * Empty metrics.
   *
   * @param windowSize number of most recent results kept, at least 1
   */
  public WindowedRegressionMetrics(int windowSize) {
    if (windowSize < 1) {
      throw new IllegalArgumentException("windowSize must be >= 1: " + windowSize);
    }
    this.windowSize = windowSize;
    this.weights = new double[windowSize];
    this.absoluteErrors = new double[windowSize];
    this.squaredErrors = new double[windowSize];
    this.targets = new double[windowSize];
    this.baselineErrors = new double[windowSize];
  }

  /** Adds one result; a weight that is not positive is ignored. */
  public void add(double actual, double predicted, double w) {
    if (!(w > 0)) {
      return;
    }
    int p = position;
    weight = slide(weights, p, weight, w);
    double mean = weight != 0 ? targetSum / weight : 0.0; // after the weight, as MOA
    double e = actual - predicted;
    squaredError = slide(squaredErrors, p, squaredError, e * e);
    baselineError = slide(baselineErrors, p, baselineError, (actual - mean) * (actual - mean));
    targetSum = slide(targets, p, targetSum, actual);
    absoluteError = slide(absoluteErrors, p, absoluteError, Math.abs(e));
    position = p + 1 == windowSize ? 0 : p + 1;
    count++;
  }

  private static double slide(double[] ring, int p, double sum, double value) {
    sum -= ring[p];
    sum += value;
    ring[p] = value;
    return sum;
  }

  /** The window's size. */
  public int windowSize() {
    return windowSize;
  }

  /** Number of results in the window. */
  public long count() {
    return Math.min(count, windowSize);
  }

  /** Mean absolute error over the window, NaN before any result. */
  public double mae() {
    return count > 0 && weight > 0 ? absoluteError / weight : Double.NaN;
  }

  /** Root mean squared error over the window, NaN before any result. */
  public double rmse() {
    return count > 0 && weight > 0 ? Math.sqrt(squaredError / weight) : Double.NaN;
  }

  /** R² over the window, NaN before any result. */
  public double r2() {
    return count > 0 && weight > 0 ? 1 - squaredError / baselineError : Double.NaN;
  }
}
