package org.coppice.learn.regression;

import org.coppice.data.Instance;
import org.coppice.learn.ensemble.OutputRules;
import org.coppice.learn.regression.ArfRegressorConfig.DetectorInput;

/**
 * The output rules of the adaptive random forest regressor, as MOA 2024.07's {@code
 * AdaptiveRandomForestRegressor}: one output (the tree's prediction); every tree's share is its
 * prediction, unweighted (the forest divides the sum by the number of trees, a plain mean); the
 * performance is the sum of squared errors of the predictions made before learning, unweighted as
 * MOA's {@code BasicRegressionPerformanceEvaluator} keeps it (reported, never used to weight); the
 * detectors get the prediction after learning, or with {@link DetectorInput#ERROR} its absolute
 * error.
 */
final class RegressionRules implements OutputRules {
  private final boolean feedError;

  RegressionRules(DetectorInput input) {
    this.feedError = input == DetectorInput.ERROR;
  }

  @Override
  public int width() {
    return 1;
  }

  @Override
  public double target(Instance instance) {
    return instance.target;
  }

  @Override
  public boolean trainable(double target, double weight) {
    return !Double.isNaN(target) && weight > 0;
  }

  @Override
  public void checkTarget(double target) {
    if (Double.isInfinite(target)) {
      throw new IllegalArgumentException("the target must be finite, got " + target);
    }
  }

  @Override
  public double score(double[] output, double target, double weight) {
    double e = target - output[0];
    double s = e * e;
    return s >= 0 ? s : Double.POSITIVE_INFINITY; // a NaN prediction: the worst score, not NaN
  }

  @Override
  public void share(double[] output, double performance, long results, double[] out, int from) {
    out[from] = output[0];
  }

  @Override
  public double detectorInput(double[] output, double target) {
    return feedError ? Math.abs(target - output[0]) : output[0];
  }
}
