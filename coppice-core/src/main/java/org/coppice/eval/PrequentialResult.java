package org.coppice.eval;

import java.util.List;

/**
 * The outcome of a {@link PrequentialEvaluator} run: cumulative metrics over every scored instance,
 * the windowed metrics at the end, timing, and optional checkpoints. Immutable.
 *
 * <p>Classification metrics follow the definitions of {@link ClassificationMetrics} (accuracy is a
 * fraction in [0, 1]), regression metrics those of {@link RegressionMetrics}; the other task's
 * metrics are NaN, and every metric is NaN if no instance was scored.
 */
public final class PrequentialResult {
  /**
   * Metrics over a set of results.
   *
   * @param count number of scored instances
   * @param accuracy fraction correct (weighted)
   * @param kappa Cohen's kappa
   * @param macroF1 macro F1 over the classes present
   * @param logLoss mean log loss
   * @param mae mean absolute error (regression)
   * @param rmse root mean squared error (regression)
   * @param r2 coefficient of determination (regression)
   */
  public record Metrics(
      long count,
      double accuracy,
      double kappa,
      double macroF1,
      double logLoss,
      double mae,
      double rmse,
      double r2) {
    private static final double NA = Double.NaN;

    static Metrics of(ClassificationMetrics m) {
      return new Metrics(m.count(), m.accuracy(), m.kappa(), m.macroF1(), m.logLoss(), NA, NA, NA);
    }

    static Metrics of(WindowedClassificationMetrics m) {
      return new Metrics(m.count(), m.accuracy(), m.kappa(), m.macroF1(), m.logLoss(), NA, NA, NA);
    }

    static Metrics of(RegressionMetrics m) {
      return new Metrics(m.count(), NA, NA, NA, NA, m.mae(), m.rmse(), m.r2());
    }

    static Metrics of(WindowedRegressionMetrics m) {
      return new Metrics(m.count(), NA, NA, NA, NA, m.mae(), m.rmse(), m.r2());
    }
  }

  /**
   * The main metric after a given number of instances: accuracy for classification, RMSE for
   * regression.
   *
   * @param instances instances processed so far (scored or not)
   * @param accuracy cumulative accuracy (classification) or RMSE (regression) at that point
   * @param windowAccuracy the same over the window at that point
   */
  public record Checkpoint(long instances, double accuracy, double windowAccuracy) {}

  private final long instances;
  private final Metrics cumulative;
  private final double[][] confusion;
  private final int windowSize;
  private final Metrics window;
  private final double seconds;
  private final List<Checkpoint> checkpoints;

  PrequentialResult(
      long instances,
      ClassificationMetrics cumulative,
      WindowedClassificationMetrics window,
      double seconds,
      List<Checkpoint> checkpoints) {
    this.instances = instances;
    this.cumulative = Metrics.of(cumulative);
    this.confusion = cumulative.confusionMatrix();
    this.windowSize = window.windowSize();
    this.window = Metrics.of(window);
    this.seconds = seconds;
    this.checkpoints = List.copyOf(checkpoints);
  }

  PrequentialResult(
      long instances,
      RegressionMetrics cumulative,
      WindowedRegressionMetrics window,
      double seconds,
      List<Checkpoint> checkpoints) {
    this.instances = instances;
    this.cumulative = Metrics.of(cumulative);
    this.confusion = new double[0][0];
    this.windowSize = window.windowSize();
    this.window = Metrics.of(window);
    this.seconds = seconds;
    this.checkpoints = List.copyOf(checkpoints);
  }

  /** Instances read from the stream and given to the learner, including unlabelled ones. */
  public long instances() {
    return instances;
  }

  /** Instances scored: labelled, with a positive weight. */
  public long scored() {
    return cumulative.count();
  }

  /** Cumulative accuracy in [0, 1]. */
  public double accuracy() {
    return cumulative.accuracy();
  }

  /** Cumulative Cohen's kappa. */
  public double kappa() {
    return cumulative.kappa();
  }

  /** Cumulative macro F1. */
  public double macroF1() {
    return cumulative.macroF1();
  }

  /** Cumulative log loss. */
  public double logLoss() {
    return cumulative.logLoss();
  }

  /** Mean absolute error over every scored instance (regression; NaN for classification). */
  public double mae() {
    return cumulative.mae();
  }

  /** Root mean squared error over every scored instance (regression). */
  public double rmse() {
    return cumulative.rmse();
  }

  /** Coefficient of determination over every scored instance (regression). */
  public double r2() {
    return cumulative.r2();
  }

  /** All cumulative metrics. */
  public Metrics cumulative() {
    return cumulative;
  }

  /**
   * A copy of the cumulative confusion matrix, {@code [actual][predicted]} summed weights; empty
   * for regression.
   */
  public double[][] confusionMatrix() {
    double[][] copy = new double[confusion.length][];
    for (int i = 0; i < confusion.length; i++) {
      copy[i] = confusion[i].clone();
    }
    return copy;
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
        "PrequentialResult{instances=%d, accuracy=%.6f, kappa=%.6f, macroF1=%.6f, logLoss=%.6f,"
            + " windowAccuracy=%.6f, seconds=%.3f}",
        instances, accuracy(), kappa(), macroF1(), logLoss(), window.accuracy(), seconds);
  }
}
