package org.coppice.data;

import java.util.Arrays;

/**
 * One labelled record, mutable so that a stream can refill the same object for every record (no
 * allocation per record). {@code x[i]} is feature {@code i}: a number, a nominal value index, or
 * {@code NaN} when missing. For a nominal target {@code y} is the class index, or {@link
 * #MISSING_LABEL}; for a numeric target (regression) {@code target} is the value, or {@code NaN}
 * when missing.
 */
public final class Instance {
  /** The value of {@link #y} when the label is missing. */
  public static final int MISSING_LABEL = -1;

  /** Feature values; length is the schema's number of features. */
  public final double[] x;

  /** Class index, or {@link #MISSING_LABEL}. */
  public int y = MISSING_LABEL;

  /** Numeric target (regression), or {@code NaN} when missing; unused for a nominal target. */
  public double target = Double.NaN;

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

  /** A regression instance with numeric target {@code target}. */
  public static Instance regression(double[] x, double target, double weight) {
    Instance inst = new Instance(x, MISSING_LABEL, weight);
    inst.target = target;
    return inst;
  }

  /** True when the instance has a label: a class index or a numeric target that is not NaN. */
  public boolean isLabelled() {
    return y >= 0 || target == target;
  }

  /** Copies another instance of the same width into this one. */
  public void copyFrom(Instance other) {
    System.arraycopy(other.x, 0, x, 0, x.length);
    y = other.y;
    target = other.target;
    weight = other.weight;
  }

  /** An independent copy. */
  public Instance copy() {
    Instance c = new Instance(x.clone(), y, weight);
    c.target = target;
    return c;
  }

  @Override
  public String toString() {
    return "Instance{x="
        + Arrays.toString(x)
        + ", y="
        + y
        + (target == target ? ", target=" + target : "")
        + ", w="
        + weight
        + "}";
  }
}
