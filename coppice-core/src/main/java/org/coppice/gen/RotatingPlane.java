package org.coppice.gen;

import org.coppice.util.JavaRandom;

/**
 * The rotating hyperplane that {@link HyperplaneGenerator} and {@link
 * HyperplaneRegressionGenerator} share (Hulten, Spencer and Domingos, KDD 2001, as MOA's {@code
 * HyperplaneGenerator} draws it). Per instance, in MOA's order: {@link #drawAttributes}, the
 * generator's noise draw ({@link #percentChance}), then {@link #rotate}.
 */
final class RotatingPlane {
  private final int numAtts;
  private final int numDriftAtts;
  private final double magChange;
  private final int sigmaPercentage;
  private final long seed;
  private final JavaRandom random;
  private final double[] weights;
  // sigma: [attribute] direction of the weight's drift, +1 or -1 (0 for a weight that never moves)
  private final int[] sigma;

  /** {@code sum w_i x_i} of the last {@link #drawAttributes}. */
  double weightedSum;

  /** {@code sum w_i} at the last {@link #drawAttributes}. */
  double sumOfWeights;

  RotatingPlane(int numAtts, int numDriftAtts, double magChange, int sigmaPercentage, long seed) {
    this.numAtts = numAtts;
    this.numDriftAtts = numDriftAtts;
    this.magChange = magChange;
    this.sigmaPercentage = sigmaPercentage;
    this.seed = seed;
    this.random = new JavaRandom(seed);
    this.weights = new double[numAtts];
    this.sigma = new int[numAtts];
    restart();
  }

  /** Reseeds the random and draws the weights afresh, uniform in [0, 1). */
  void restart() {
    random.setSeed(seed);
    for (int i = 0; i < numAtts; i++) {
      weights[i] = random.nextDouble();
      sigma[i] = i < numDriftAtts ? 1 : 0;
    }
  }

  /** Fills {@code x} with attributes uniform in [0, 1) and sets the two sums. */
  void drawAttributes(double[] x) {
    double sum = 0.0;
    double sumWeights = 0.0;
    for (int i = 0; i < numAtts; i++) {
      x[i] = random.nextDouble();
      sum += weights[i] * x[i];
      sumWeights += weights[i];
    }
    weightedSum = sum;
    sumOfWeights = sumWeights;
  }

  /** One draw that is true with probability {@code percentage}/100 (MOA's noise test). */
  boolean percentChance(int percentage) {
    return 1 + random.nextInt(100) <= percentage;
  }

  /**
   * Moves the drifting weights by {@code magChange} in their direction, each direction reversing
   * with probability {@code sigmaPercentage}/100 (one draw per drifting weight, even when {@code
   * magChange} is 0).
   */
  void rotate() {
    for (int i = 0; i < numDriftAtts; i++) {
      weights[i] += sigma[i] * magChange;
      if (percentChance(sigmaPercentage)) {
        sigma[i] = -sigma[i];
      }
    }
  }

  double weight(int i) {
    return weights[i];
  }
}
