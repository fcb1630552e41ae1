package org.coppice.learn.bayes;

import java.util.Arrays;
import org.coppice.data.Attribute;
import org.coppice.data.Schema;
import org.coppice.learn.Classifier;
import org.coppice.learn.GaussianEstimator;

/**
 * Incremental naive Bayes, as MOA's {@code NaiveBayes} (see e.g. G. H. John and P. Langley,
 * "Estimating Continuous Distributions in Bayesian Classifiers", UAI 1995, for the Gaussian form).
 * The vote for class c is
 *
 * <pre>  P(c) · Π_a P(x_a | c)</pre>
 *
 * over the features whose value is not missing, with P(c) the class weight over the total weight,
 * computed directly (no logarithms, no normalisation; it may underflow to 0 as in MOA):
 *
 * <ul>
 *   <li>numeric feature: the density at x_a of a normal fitted to the class's values by a {@link
 *       GaussianEstimator}; 0 if the class has no value for the feature yet;
 *   <li>nominal feature: (n_{c,v} + 1) / (Σ_u n_{c,u} + V_c), a Laplace correction where, as in
 *       MOA, V_c is the highest value index seen with class c plus 1 (not the declared number of
 *       values); 0 if the class has no value for the feature yet.
 * </ul>
 *
 * <p>Differences from MOA: before any instance has been learned the votes are all 0 (MOA's are
 * NaN); a nominal value outside the attribute's declared values is treated as missing. Not
 * thread-safe. Neither {@link #votes} nor {@link #learn} allocates.
 */
public final class NaiveBayes implements Classifier {
  private final Schema schema;
  final int numClasses;
  final boolean[] nominal;
  // Per feature: numeric -> offset of its class-0 estimator in gauss; nominal -> offset of its
  // class-0 counts row in counts.
  private final int[] offset;
  // Per feature: number of declared values (0 for numeric).
  final int[] numValues;
  // Per nominal feature: index of its class-0 entry in seen.
  final int[] seenOffset;

  final double[] classWeights;
  // gauss: [(numericOrdinal * numClasses + class) * GaussianEstimator.STRIDE + {W, mean, S}]
  final double[] gauss;
  // counts: [offset[a] + class * numValues[a] + value]
  final double[] counts;
  // seen: [seenOffset[a] + class] = highest value index seen with the class, plus 1 (0 = none)
  final int[] seen;

  /** An empty model for {@code schema}. */
  public NaiveBayes(Schema schema) {
    this.schema = schema;
    this.numClasses = schema.numClasses();
    int f = schema.numFeatures();
    this.nominal = new boolean[f];
    this.offset = new int[f];
    this.numValues = new int[f];
    this.seenOffset = new int[f];
    int gaussSize = 0;
    int countSize = 0;
    int seenSize = 0;
    for (int a = 0; a < f; a++) {
      Attribute att = schema.feature(a);
      if (att.isNominal()) {
        nominal[a] = true;
        numValues[a] = att.numValues();
        offset[a] = countSize;
        countSize += numClasses * att.numValues();
        seenOffset[a] = seenSize;
        seenSize += numClasses;
      } else {
        offset[a] = gaussSize;
        gaussSize += numClasses * GaussianEstimator.STRIDE;
      }
    }
    this.classWeights = new double[numClasses];
    this.gauss = new double[gaussSize];
    this.counts = new double[countSize];
    this.seen = new int[seenSize];
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public void votes(double[] x, double[] votes) {
    double total = 0;
    for (int c = 0; c < numClasses; c++) {
      total += classWeights[c];
    }
    if (!(total > 0)) {
      Arrays.fill(votes, 0, numClasses, 0.0);
      return;
    }
    for (int c = 0; c < numClasses; c++) {
      double v = classWeights[c] / total;
      for (int a = 0; a < nominal.length; a++) {
        double xa = x[a];
        if (Double.isNaN(xa)) {
          continue;
        }
        if (nominal[a]) {
          int value = (int) xa;
          if (value < 0 || value >= numValues[a]) {
            continue;
          }
          int len = seen[seenOffset[a] + c];
          if (len == 0) {
            v *= 0.0;
            continue;
          }
          int row = offset[a] + c * numValues[a];
          double sum = 0;
          for (int u = 0; u < len; u++) {
            sum += counts[row + u];
          }
          v *= (counts[row + value] + 1.0) / (sum + len);
        } else {
          v *= GaussianEstimator.density(gauss, offset[a] + c * GaussianEstimator.STRIDE, xa);
        }
      }
      votes[c] = v;
    }
  }

  @Override
  public void learn(double[] x, int y, double weight) {
    if (y < 0 || !(weight > 0)) {
      return;
    }
    if (y >= numClasses) {
      throw new IllegalArgumentException("class index " + y + " >= " + numClasses);
    }
    classWeights[y] += weight;
    for (int a = 0; a < nominal.length; a++) {
      double xa = x[a];
      if (Double.isNaN(xa)) {
        continue;
      }
      if (nominal[a]) {
        int value = (int) xa;
        if (value < 0 || value >= numValues[a]) {
          continue;
        }
        counts[offset[a] + y * numValues[a] + value] += weight;
        int s = seenOffset[a] + y;
        if (value + 1 > seen[s]) {
          seen[s] = value + 1;
        }
      } else {
        GaussianEstimator.add(gauss, offset[a] + y * GaussianEstimator.STRIDE, xa, weight);
      }
    }
  }

  /** A copy of the weight seen of each class. */
  public double[] classWeights() {
    return classWeights.clone();
  }

  @Override
  public String toString() {
    return "NaiveBayes{" + schema.relation() + ", " + numClasses + " classes}";
  }
}
