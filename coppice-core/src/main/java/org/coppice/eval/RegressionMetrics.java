package org.coppice.eval;

/**
 * Cumulative regression metrics over the results added since creation or the last {@link #reset()},
 * exactly as MOA 2024.07's {@code BasicRegressionPerformanceEvaluator} computes them. Each result
 * is a true value {@code y}, a prediction {@code p} and a weight; results with a weight that is not
 * positive are ignored.
 *
 * <p>As in MOA, the error sums are <em>not</em> weighted: {@code Σ|y - p|} and {@code Σ(y - p)²}
 * run over the results, and only the divisor {@code W} is the sum of their weights (with unit
 * weights, the usual definitions):
 *
 * <ul>
 *   <li>{@link #mae()}: {@code Σ|y - p| / W};
 *   <li>{@link #rmse()}: {@code sqrt(Σ(y - p)² / W)};
 *   <li>{@link #r2()}: the coefficient of determination {@code 1 - Σ(y - p)² / Σ(y - ȳ)²}, where
 *       {@code ȳ} is <em>prequential</em>: the mean of the targets before each result ({@code Σy /
 *       W} over the earlier results, 0 for the first), so R² compares the model with a running-mean
 *       predictor evaluated the same way;
 *   <li>{@link #relativeMae()}: {@code Σ|y - p| / Σ|y - ȳ|} (0 when the denominator is 0, as MOA);
 *   <li>{@link #relativeRmse()}: {@code sqrt(Σ(y - p)² / Σ(y - ȳ)²)} (0 likewise);
 *   <li>{@link #adjustedR2()}: {@code 1 - (1 - R²)(W - 1)/(W - k - 1)} with {@code k} = features +
 *       1, MOA's {@code numAttributes}.
 * </ul>
 *
 * <p>Unlike MOA, which prints 0, every metric is NaN while no result has been added. {@link #add}
 * is O(1) and allocates nothing. Not thread-safe.
 */
public final class RegressionMetrics {
  private final int numFeatures;
  private double weight;
  private double squareError;
  private double absoluteError;
  private double sumTarget;
  private double squareTargetError;
  private double absoluteTargetError;
  private long count;

  /**
   * Empty metrics.
   *
   * @param numFeatures number of input features (for the adjusted R²)
   */
  public RegressionMetrics(int numFeatures) {
    if (numFeatures < 0) {
      throw new IllegalArgumentException("numFeatures must be >= 0: " + numFeatures);
    }
    this.numFeatures = numFeatures;
  }

  /**
   * Adds one result.
   *
   * @param actual the true value (a NaN makes the metrics NaN: filter missing targets first)
   * @param prediction the predicted value
   * @param w the result's weight; ignored unless positive
   */
  public void add(double actual, double prediction, double w) {
    if (!(w > 0)) {
      return;
    }
    double meanTarget = weight != 0 ? sumTarget / weight : 0.0;
    double e = actual - prediction;
    double t = actual - meanTarget;
    squareError += e * e;
    absoluteError += Math.abs(e);
    squareTargetError += t * t;
    absoluteTargetError += Math.abs(t);
    sumTarget += actual;
    weight += w;
    count++;
  }

  /** Clears every result. */
  public void reset() {
    weight = 0;
    squareError = 0;
    absoluteError = 0;
    sumTarget = 0;
    squareTargetError = 0;
    absoluteTargetError = 0;
    count = 0;
  }

  /** Number of results counted (with a positive weight). */
  public long count() {
    return count;
  }

  /** Sum of the weights of the results counted. */
  public double weight() {
    return weight;
  }

  /** Unweighted sum of the absolute errors, {@code Σ|y - p|}. */
  public double sumAbsoluteError() {
    return absoluteError;
  }

  /** Unweighted sum of the squared errors, {@code Σ(y - p)²}. */
  public double sumSquaredError() {
    return squareError;
  }

  /** Mean absolute error; NaN if empty. */
  public double mae() {
    return weight > 0 ? absoluteError / weight : Double.NaN;
  }

  /** Root mean squared error; NaN if empty. */
  public double rmse() {
    return weight > 0 ? Math.sqrt(squareError / weight) : Double.NaN;
  }

  /** Coefficient of determination against the prequential mean; NaN if empty. */
  public double r2() {
    return weight > 0 ? 1 - (squareError / squareTargetError) : Double.NaN;
  }

  /** Adjusted coefficient of determination; NaN if empty. */
  public double adjustedR2() {
    return weight > 0
        ? 1 - ((1 - r2()) * (weight - 1)) / (weight - (numFeatures + 1) - 1)
        : Double.NaN;
  }

  /** Absolute error relative to the prequential-mean predictor's; NaN if empty. */
  public double relativeMae() {
    if (!(weight > 0)) {
      return Double.NaN;
    }
    return absoluteTargetError > 0 ? absoluteError / absoluteTargetError : 0.0;
  }

  /** Root squared error relative to the prequential-mean predictor's; NaN if empty. */
  public double relativeRmse() {
    if (!(weight > 0)) {
      return Double.NaN;
    }
    return Math.sqrt(squareTargetError > 0 ? squareError / squareTargetError : 0.0);
  }

  @Override
  public String toString() {
    return String.format(
        "RegressionMetrics{count=%d, mae=%.6f, rmse=%.6f, r2=%.6f}", count, mae(), rmse(), r2());
  }
}
