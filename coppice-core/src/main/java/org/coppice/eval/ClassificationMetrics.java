package org.coppice.eval;

import java.util.Arrays;

/**
 * Cumulative, weighted classification metrics over the results added since creation or the last
 * {@link #reset()}. Each result is a true class, a vote vector (the predicted class is its first
 * argmax, as MOA's {@code Utils.maxIndex}) and a weight; results with a weight that is not positive
 * are ignored, as in MOA's {@code BasicClassificationPerformanceEvaluator}.
 *
 * <ul>
 *   <li>{@link #accuracy()}: correct weight / total weight, in [0, 1].
 *   <li>{@link #kappa()}: Cohen's kappa (J. Cohen, "A Coefficient of Agreement for Nominal Scales",
 *       Educational and Psychological Measurement 20, 1960), (p0 - pc)/(1 - pc) with p0 the
 *       accuracy and pc = Σ_c (actual weight of c / W)(predicted weight of c / W), as MOA computes
 *       it; NaN when pc = 1.
 *   <li>{@link #macroF1()}: the mean of the per-class F1 = 2·TP_c/(actual_c + predicted_c), over
 *       the classes c that occur as an actual or as a predicted class (so classes absent from both
 *       are left out instead of counting as 0). This is the usual macro F1 (as scikit-learn's with
 *       labels restricted to those present); it is not MOA's "F1 Score", the harmonic mean of macro
 *       precision and macro recall.
 *   <li>{@link #logLoss()}: the weighted mean of -ln p, p being the vote of the true class divided
 *       by the sum of the votes, clipped to [1e-15, 1]. When the votes do not sum to a positive
 *       finite number (for example all zero) the distribution is uniform over the classes.
 * </ul>
 *
 * <p>Every metric is NaN while no weight has been added. {@link #add} is O(1) (O(length of the
 * votes) for the argmax and the log loss) and allocates nothing. Not thread-safe.
 */
public final class ClassificationMetrics {
  /** Lower clip of the probability in the log loss. */
  public static final double MIN_PROBABILITY = 1e-15;

  private final int numClasses;
  // confusion: [actual * numClasses + predicted], summed weights
  private final double[] confusion;
  // Marginals of confusion: actualWeight[c] is row c's sum, predictedWeight[c] column c's.
  private final double[] actualWeight;
  private final double[] predictedWeight;
  private double weight;
  private double correct;
  private double logLossSum;
  private long count;

  /** Empty metrics for {@code numClasses} classes (at least 1). */
  public ClassificationMetrics(int numClasses) {
    if (numClasses < 1) {
      throw new IllegalArgumentException("numClasses must be >= 1: " + numClasses);
    }
    this.numClasses = numClasses;
    this.confusion = new double[numClasses * numClasses];
    this.actualWeight = new double[numClasses];
    this.predictedWeight = new double[numClasses];
  }

  /**
   * Adds one result.
   *
   * @param actual the true class, in [0, numClasses)
   * @param votes unnormalised class votes; entries past numClasses are ignored and missing ones
   *     count as 0
   * @param weight the result's weight; ignored unless positive
   * @throws IllegalArgumentException if {@code actual} is out of range
   */
  public void add(int actual, double[] votes, double weight) {
    checkClass(actual);
    if (!(weight > 0)) {
      return;
    }
    add(actual, predictedClass(votes, numClasses), weight, logLossTerm(actual, votes, numClasses));
  }

  /** Adds one result whose prediction and log-loss term are already computed. */
  void add(int actual, int predicted, double w, double logLossTerm) {
    confusion[actual * numClasses + predicted] += w;
    actualWeight[actual] += w;
    predictedWeight[predicted] += w;
    weight += w;
    if (actual == predicted) {
      correct += w;
    }
    logLossSum += w * logLossTerm;
    count++;
  }

  /** Removes a result added with {@link #add(int, int, double, double)}. */
  void remove(int actual, int predicted, double w, double logLossTerm) {
    confusion[actual * numClasses + predicted] -= w;
    actualWeight[actual] -= w;
    predictedWeight[predicted] -= w;
    weight -= w;
    if (actual == predicted) {
      correct -= w;
    }
    logLossSum -= w * logLossTerm;
    count--;
  }

  /** The predicted class: the first argmax of the first {@code numClasses} votes, 0 if none. */
  static int predictedClass(double[] votes, int numClasses) {
    int n = Math.min(votes.length, numClasses);
    int best = 0;
    for (int i = 1; i < n; i++) {
      if (votes[i] > votes[best]) {
        best = i;
      }
    }
    return best;
  }

  /** -ln of the clipped probability that {@code votes} give to {@code actual}. */
  static double logLossTerm(int actual, double[] votes, int numClasses) {
    int n = Math.min(votes.length, numClasses);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += votes[i];
    }
    double p;
    if (sum > 0 && sum < Double.POSITIVE_INFINITY) {
      p = actual < n ? votes[actual] / sum : 0.0;
    } else {
      p = 1.0 / numClasses;
    }
    if (!(p >= MIN_PROBABILITY)) {
      p = MIN_PROBABILITY; // also catches NaN
    } else if (p > 1) {
      p = 1;
    }
    return -Math.log(p);
  }

  void checkClass(int actual) {
    if (actual < 0 || actual >= numClasses) {
      throw new IllegalArgumentException("class " + actual + " not in [0, " + numClasses + ")");
    }
  }

  /** Clears every result. */
  public void reset() {
    Arrays.fill(confusion, 0);
    Arrays.fill(actualWeight, 0);
    Arrays.fill(predictedWeight, 0);
    weight = 0;
    correct = 0;
    logLossSum = 0;
    count = 0;
  }

  /** Number of classes. */
  public int numClasses() {
    return numClasses;
  }

  /** Number of results counted (with a positive weight). */
  public long count() {
    return count;
  }

  /** Sum of the weights of the results counted. */
  public double weight() {
    return weight;
  }

  /** Correct weight over total weight, in [0, 1]; NaN if empty. */
  public double accuracy() {
    return weight > 0 ? correct / weight : Double.NaN;
  }

  /** Cohen's kappa; NaN if empty or if chance agreement is 1. */
  public double kappa() {
    if (!(weight > 0)) {
      return Double.NaN;
    }
    double p0 = correct / weight;
    double pc = 0;
    for (int c = 0; c < numClasses; c++) {
      pc += (actualWeight[c] / weight) * (predictedWeight[c] / weight);
    }
    return pc == 1 ? Double.NaN : (p0 - pc) / (1 - pc);
  }

  /** Macro-averaged F1 over the classes present as actual or predicted; NaN if empty. */
  public double macroF1() {
    double sum = 0;
    int present = 0;
    for (int c = 0; c < numClasses; c++) {
      double denominator = actualWeight[c] + predictedWeight[c];
      if (denominator > 0) {
        sum += 2 * confusion[c * numClasses + c] / denominator;
        present++;
      }
    }
    return present > 0 ? sum / present : Double.NaN;
  }

  /** Weighted mean log loss (natural logarithm); NaN if empty. */
  public double logLoss() {
    return weight > 0 ? logLossSum / weight : Double.NaN;
  }

  /** A copy of the confusion matrix of summed weights, indexed {@code [actual][predicted]}. */
  public double[][] confusionMatrix() {
    double[][] m = new double[numClasses][];
    for (int a = 0; a < numClasses; a++) {
      m[a] = Arrays.copyOfRange(confusion, a * numClasses, (a + 1) * numClasses);
    }
    return m;
  }

  @Override
  public String toString() {
    return String.format(
        "ClassificationMetrics{count=%d, accuracy=%.6f, kappa=%.6f, macroF1=%.6f, logLoss=%.6f}",
        count, accuracy(), kappa(), macroF1(), logLoss());
  }
}
