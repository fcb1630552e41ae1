package org.coppice.learn.ensemble;

import java.util.Arrays;
import org.coppice.data.Instance;

/**
 * The output rules of the Adaptive Random Forest classifier (Gomes et al. 2017; MOA 2024.07 {@code
 * meta.AdaptiveRandomForest}): outputs are class votes; a member's performance is its accuracy (the
 * weight of the instances its vote's argmax got right, over the number of instances scored); its
 * share of the ensemble vote is its votes normalised to sum 1, times its accuracy in percent when
 * weighted voting is on and the accuracy is positive, and nothing when its votes do not sum to a
 * positive number; its detectors are fed 1 for an error and 0 for a correct prediction made after
 * learning. "Argmax" is the first maximum (MOA's {@code Utils.maxIndex}).
 */
public final class ClassificationRules implements OutputRules {
  private final int numClasses;
  private final boolean weightedVote;

  /**
   * @param weightedVote weight each member's share by its accuracy (MOA: on unless {@code -w})
   */
  public ClassificationRules(int numClasses, boolean weightedVote) {
    if (numClasses < 1) {
      throw new IllegalArgumentException("at least one class is needed, got " + numClasses);
    }
    this.numClasses = numClasses;
    this.weightedVote = weightedVote;
  }

  @Override
  public int width() {
    return numClasses;
  }

  @Override
  public double target(Instance instance) {
    return instance.y;
  }

  /** A class index (not the missing label -1) and a positive weight. */
  @Override
  public boolean trainable(double target, double weight) {
    return target >= 0 && weight > 0;
  }

  @Override
  public void checkTarget(double target) {
    if (target >= numClasses) {
      throw new IllegalArgumentException("class index " + (int) target + " out of range");
    }
  }

  /** {@code weight} if the output's argmax is the target, else 0. */
  @Override
  public double score(double[] output, double target, double weight) {
    return argmax(output, numClasses) == (int) target ? weight : 0.0;
  }

  @Override
  public void share(double[] output, double performance, long results, double[] out, int from) {
    double sum = 0.0;
    double sumAbs = 0.0;
    for (int c = 0; c < numClasses; c++) {
      double v = output[c];
      sum += v;
      sumAbs += v > 0.0 ? v : -v;
    }
    if (!(sum > 0.0)) {
      Arrays.fill(out, from, from + numClasses, 0.0);
      return;
    }
    double scale = 1.0 / sumAbs;
    double accuracy = 100.0 * performance / results; // NaN after creation or a drift, as MOA
    boolean weight = weightedVote && accuracy > 0.0;
    for (int c = 0; c < numClasses; c++) {
      double v = output[c] * scale;
      out[from + c] = weight ? v * accuracy : v;
    }
  }

  /** 0 if the output's argmax is the target, else 1. */
  @Override
  public double detectorInput(double[] output, double target) {
    return argmax(output, numClasses) == (int) target ? 0.0 : 1.0;
  }

  /** Index of the first maximum of v[0, len) (0 when len is 0); NaN never wins. */
  static int argmax(double[] v, int len) {
    int best = 0;
    for (int i = 1; i < len; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }
}
