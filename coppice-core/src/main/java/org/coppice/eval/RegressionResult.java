package org.coppice.eval;

import java.util.List;

/**
 * The outcome of a {@link PrequentialEvaluator} run of a regressor: cumulative metrics over every
 * scored instance, the windowed metrics at the end, timing, and optional checkpoints. Immutable.
 * Metrics follow {@link RegressionMetrics} and {@link WindowedRegressionMetrics} (MOA's
 * definitions); every metric is NaN if no instance was scored.
 */
public final class RegressionResult {
  /**
   * Metrics over a set of results.
   *
   * @param count number of scored instances
   * @param mae mean absolute error
   * @param rmse root mean squared error
   * @param r2 coefficient of determination (against the prequential mean)
   * @param adjustedR2 adjusted coefficient of determination
   * @param relativeMae absolute error relative to the mean predictor's
   * @param relativeRmse root squared error relative to the mean predictor's
   */
  public record Metrics(
      long count,
      double mae,
      double rmse,
      double r2,
      double adjustedR2,
      double relativeMae,
      double relativeRmse) {
    static Metrics of(RegressionMetrics m) {
      return new Metrics(
          m.count(), m.mae(), m.rmse(), m.r2(), m.adjustedR2(), m.relativeMae(), m.relativeRmse());
    }

    static Metrics of(WindowedRegressionMetrics m) {
      return new Metrics(
          m.count(), m.mae(), m.rmse(), m.r2(), m.adjustedR2(), m.relativeMae(), m.relativeRmse());
    }
  }

  /**
   * The metrics after a given number of instances.
   *
   * @param instances instances processed so far (scored or not)
   * @param cumulative cumulative metrics at that point
   * @param window windowed metrics at that point
   */
  public record Checkpoint(long instances, Metrics cumulative, Metrics window) {}

  private final long instances;
  private final Metrics cumulative;
  private final double sumAbsoluteError;
  private final double sumSquaredError;
  private final int windowSize;
  private final Metrics window;
  private final double seconds;
  private final List<Checkpoint> checkpoints;

  RegressionResult(
      long instances,
      RegressionMetrics cumulative,
      WindowedRegressionMetrics window,
      double seconds,
      List<Checkpoint> checkpoints) {
    this.instances = instances;
    this.cumulative = Metrics.of(cumulative);
    this.sumAbsoluteError = cumulative.sumAbsoluteError();
    this.sumSquaredError = cumulative.sumSquaredError();
    this.windowSize = window.windowSize();
    this.window = Metrics.of(window);
    this.seconds = seconds;
    this.checkpoints = List.copyOf(checkpoints);
  }

  /** Instances read from the stream and given to the learner, including unlabelled ones. */
  public long instances() {
    return instances;
  }

  /** Instances scored: with a target that is not NaN and a positive weight. */
  public long scored() {
    return cumulative.count();
  }

  /** Cumulative mean absolute error. */
  public double mae() {
    return cumulative.mae();
  }

  /** Cumulative root mean squared error. */
  public double rmse() {
    return cumulative.rmse();
  }

  /** Cumulative coefficient of determination. */
  public double r2() {
    return cumulative.r2();
  }

  /** Unweighted sum of the absolute errors of the scored instances. */
  public double sumAbsoluteError() {
    return sumAbsoluteError;
  }

  /** Unweighted sum of the squared errors of the scored instances. */
  public double sumSquaredError() {
    return sumSquaredError;
  }

  /** All cumulative metrics. */
  public Metrics cumulative() {
    return cumulative;
  }

  /** The size of the sliding window. */
  public int windowSize() {
    return windowSize;
  }

  /** Metrics over the last {@link #windowSize()} scored instances at the end of the run. */
  public Metrics window() {
    return window;
  }

  /** Wall-clock seconds of the test-then-train loop, reading included. */
  public double seconds() {
    return seconds;
  }

  /** {@link #instances()} / {@link #seconds()}; NaN if no time was measured. */
  public double instancesPerSecond() {
    return seconds > 0 ? instances / seconds : Double.NaN;
  }

  /** Periodic checkpoints in order (empty unless requested). */
  public List<Checkpoint> checkpoints() {
    return checkpoints;
  }

  @Override
  public String toString() {
    return String.format(
        "RegressionResult{instances=%d, mae=%.6f, rmse=%.6f, r2=%.6f, windowRmse=%.6f,"
            + " seconds=%.3f}",
        instances, mae(), rmse(), r2(), window.rmse(), seconds);
  }
}
