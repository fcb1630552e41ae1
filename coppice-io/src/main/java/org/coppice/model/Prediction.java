package org.coppice.model;

import java.util.List;

/**
 * A model's answer for one record: a class with its probabilities (classification), or a number
 * (regression).
 *
 * @param classIndex index of the predicted class (the first with the highest probability); -1 for
 *     regression
 * @param label the predicted class's name; null for regression
 * @param probabilities the votes normalised to sum 1, by class index (uniform when the model has no
 *     opinion yet); empty for regression
 * @param classes the class names, by index; empty for regression
 * @param value the predicted number (regression); NaN for classification
 */
public record Prediction(
    int classIndex, String label, double[] probabilities, List<String> classes, double value) {
  /** A classification answer. */
  public static Prediction ofClass(
      int classIndex, String label, double[] probabilities, List<String> classes) {
    return new Prediction(classIndex, label, probabilities, classes, Double.NaN);
  }

  /** A regression answer. */
  public static Prediction ofValue(double value) {
    return new Prediction(-1, null, new double[0], List.of(), value);
  }

  /** True for a regression answer ({@link #value()}), false for a class. */
  public boolean isRegression() {
    return label == null;
  }

  /** Probability of class {@code label}, or 0 for an unknown label. */
  public double probability(String label) {
    int i = classes.indexOf(label);
    return i < 0 ? 0 : probabilities[i];
  }

  /**
   * Normalises raw {@code votes} into probabilities in place and returns the predicted class.
   *
   * <p>Forest votes are finite and non-negative except in one degenerate case that MOA shares: a
   * tree whose votes are all subnormal overflows the reciprocal of their sum, so the forest's vote
   * holds +∞ (all the mass) or NaN (none) for that instance. Then the probability is split evenly
   * over the +∞ classes, and the predicted class is the first most probable one. In every other
   * case the prediction is the first maximum of the raw votes, exactly as in prequential
   * evaluation.
   */
  static int normalise(double[] votes) {
    int infinite = 0;
    boolean finite = true;
    for (double v : votes) {
      if (v == Double.POSITIVE_INFINITY) {
        infinite++;
      }
      finite &= Double.isFinite(v);
    }
    int best = finite ? org.coppice.learn.Classifier.argmax(votes) : -1;
    if (infinite > 0) {
      for (int c = 0; c < votes.length; c++) {
        votes[c] = votes[c] == Double.POSITIVE_INFINITY ? 1.0 / infinite : 0.0;
      }
    } else {
      double sum = 0;
      for (int c = 0; c < votes.length; c++) {
        double v = votes[c] > 0 ? votes[c] : 0; // NaN and negatives count as 0
        votes[c] = v;
        sum += v;
      }
      for (int c = 0; c < votes.length; c++) {
        votes[c] = sum > 0 ? votes[c] / sum : 1.0 / votes.length;
      }
    }
    return best >= 0 ? best : org.coppice.learn.Classifier.argmax(votes);
  }
}
