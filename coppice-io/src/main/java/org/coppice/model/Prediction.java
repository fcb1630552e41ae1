package org.coppice.model;

import java.util.List;

/**
 * A model's answer for one record.
 *
 * @param classIndex index of the predicted class (the first with the highest probability)
 * @param label the predicted class's name
 * @param probabilities the votes normalised to sum 1, by class index (uniform when the model has no
 *     opinion yet)
 * @param classes the class names, by index
 */
public record Prediction(
    int classIndex, String label, double[] probabilities, List<String> classes) {
  /** Probability of class {@code label}, or 0 for an unknown label. */
  public double probability(String label) {
    int i = classes.indexOf(label);
    return i < 0 ? 0 : probabilities[i];
  }

  /**
   * Returns the predicted class of raw {@code votes} (the first maximum, as in prequential
   * evaluation) and normalises the votes into probabilities in place.
   */
  static int normalise(double[] votes) {
    int best = org.coppice.learn.Classifier.argmax(votes);
    double sum = 0;
    for (int c = 0; c < votes.length; c++) {
      double v = votes[c] > 0 ? votes[c] : 0; // NaN and negatives count as 0
      votes[c] = v;
      sum += v;
    }
    for (int c = 0; c < votes.length; c++) {
      votes[c] = sum > 0 ? votes[c] / sum : 1.0 / votes.length;
    }
    return best;
  }
}
