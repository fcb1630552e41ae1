package org.coppice.eval;

/**
 * Prequential regression metrics, as MOA 2024.07's {@code BasicRegressionPerformanceEvaluator}
 * defines them. Every result with a positive weight adds its absolute error |y − ŷ| and squared
 * error (y − ŷ)² unweighted, and its weight to the observed weight W; then MAE = Σ|y − ŷ| / W and
 * RMSE = √(Σ(y − ŷ)² / W). R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)², where ȳ is the running mean of the
 * targets seen <em>before</em> each result (Σy / W, 0 for the first), so the denominator is the
 * error of predicting the past mean: a prequential baseline.
 *
 * <p>Before anything is scored MAE, RMSE and R² are NaN (MOA reports 0). Not thread-safe; {@link
 * #add} allocates nothing.
 */
public final class RegressionMetrics {
  private double weight; // W
  private long count;
  private double absoluteError; // Σ|y − ŷ|
  private double squaredError; // Σ(y − ŷ)²
  private double targetSum; // Σy (unweighted, as MOA)
  private double baselineSquaredError; // Σ(y − mean of earlier y)²

  /** Empty metrics: nothing scored yet. */
  public RegressionMetrics() {}

  /** Adds one result; a weight that is not positive is ignored. */
  public void add(double actual, double predicted, double w) {
    if (!(w > 0)) {
      return;
    }
    double mean = weight != 0 ? targetSum / weight : 0.0;
    double e = actual - predicted;
    squaredError += e * e;
    absoluteError += Math.abs(e);
    baselineSquaredError += (actual - mean) * (actual - mean);
    targetSum += actual;
    weight += w;
    count++;
  }

  /** Number of results scored. */
  public long count() {
    return count;
  }

  /** Mean absolute error, NaN before any result. */
  public double mae() {
    return weight > 0 ? absoluteError / weight : Double.NaN;
  }

  /** Root mean squared error, NaN before any result. */
  public double rmse() {
    return weight > 0 ? Math.sqrt(squaredError / weight) : Double.NaN;
  }

  /** Coefficient of determination against the running mean, NaN before any result. */
  public double r2() {
    return weight > 0 ? 1 - squaredError / baselineSquaredError : Double.NaN;
  }
}
