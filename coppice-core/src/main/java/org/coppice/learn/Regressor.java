package org.coppice.learn;

import org.coppice.data.Instance;

/**
 * An incremental regressor: it predicts a number, then learns, one instance at a time.
 *
 * <p>Contract: {@link #predict} never changes the model and returns 0 before anything has been
 * learned (as MOA); {@link #learn} ignores instances whose target is NaN or whose weight is not
 * positive.
 */
public interface Regressor extends Learner {
  @Override
  default Task task() {
    return Task.REGRESSION;
  }

  /** The predicted value for {@code x}. */
  double predict(double[] x);

  /** Learns one instance with target {@code y} and weight {@code weight}. */
  void learn(double[] x, double y, double weight);

  /**
   * Test-then-train over a block of instances: for each {@code i < n} in order, writes the
   * prediction for {@code batch[i]} (made before the model learns it) into {@code predictions[i]},
   * then learns it. Must equal calling {@link #predict} and {@link #learn} alternately;
   * implementations may override it to work on the block in parallel.
   */
  default void testThenTrain(Instance[] batch, int n, double[] predictions) {
    for (int i = 0; i < n; i++) {
      Instance inst = batch[i];
      predictions[i] = predict(inst.x);
      learn(inst.x, inst.target, inst.weight);
    }
  }
}
