package org.coppice.learn.baseline;

import java.util.Arrays;
import org.coppice.data.Schema;
import org.coppice.learn.Classifier;

/**
 * The majority-class baseline, as MOA's {@code MajorityClass}: its votes are the weight of each
 * class seen so far, so it predicts the class with the largest weight (the first one on ties, class
 * 0 before any learning). Not thread-safe.
 */
public final class MajorityClass implements Classifier {
  private final Schema schema;
  private final double[] classWeights;

  /** An empty model for {@code schema}. */
  public MajorityClass(Schema schema) {
    this.schema = schema;
    this.classWeights = new double[schema.numClasses()];
  }

  @Override
  public Schema schema() {
    return schema;
  }

  /** Writes the weight seen so far of each class into {@code votes}. */
  @Override
  public void votes(double[] x, double[] votes) {
    System.arraycopy(classWeights, 0, votes, 0, classWeights.length);
  }

  @Override
  public void learn(double[] x, int y, double weight) {
    if (y < 0 || !(weight > 0)) {
      return;
    }
    if (y >= classWeights.length) {
      throw new IllegalArgumentException("class index " + y + " >= " + classWeights.length);
    }
    classWeights[y] += weight;
  }

  /** A copy of the weight seen of each class. */
  public double[] classWeights() {
    return classWeights.clone();
  }

  /** Restores weights read with {@link #classWeights()}. */
  public void restore(double[] weights) {
    if (weights.length != classWeights.length) {
      throw new IllegalArgumentException(
          "expected " + classWeights.length + " class weights, got " + weights.length);
    }
    System.arraycopy(weights, 0, classWeights, 0, weights.length);
  }

  @Override
  public String toString() {
    return "MajorityClass" + Arrays.toString(classWeights);
  }
}
