package org.coppice.data;

import java.util.Arrays;

/**
 * One labelled record, mutable so that a stream can refill the same object for every record (no
 * allocation per record). {@code x[i]} is feature {@code i}: a number, a nominal value index, or
 * {@code NaN} when missing. {@code y} is the class index, or {@link #MISSING_LABEL}.
 */
public final class Instance {
  /** The value of {@link #y} when the label is missing. */
  public static final int MISSING_LABEL = -1;

  /** Feature values; length is the schema's number of features. */
  public final double[] x;

  /** Class index, or {@link #MISSING_LABEL}. */
  public int y = MISSING_LABEL;

  /** Instance weight; learners ignore instances whose weight is not positive. */
  public double weight = 1.0;

  public Instance(int numFeatures) {
    this.x = new double[numFeatures];
  }

  public Instance(double[] x, int y, double weight) {
    this.x = x;
    this.y = y;
    this.weight = weight;
  }

  /** Copies another instance of the same width into this one. */
  public void copyFrom(Instance other) {
    System.arraycopy(other.x, 0, x, 0, x.length);
    y = other.y;
    weight = other.weight;
  }

  /** An independent copy. */
  public Instance copy() {
    return new Instance(x.clone(), y, weight);
  }

  @Override
  public String toString() {
    return "Instance{x=" + Arrays.toString(x) + ", y=" + y + ", w=" + weight + "}";
  }
}
