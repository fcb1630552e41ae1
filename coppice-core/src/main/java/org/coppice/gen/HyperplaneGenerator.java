package org.coppice.gen;

import java.util.ArrayList;
import java.util.List;
import org.coppice.data.Attribute;
import org.coppice.data.Instance;
import org.coppice.data.Schema;

/**
 * The rotating hyperplane of G. Hulten, L. Spencer and P. Domingos, "Mining time-changing data
 * streams", KDD 2001, after MOA's {@code HyperplaneGenerator}.
 *
 * <p>At restart the weights {@code w_i} are drawn uniform in [0, 1). Each instance has {@code
 * numAtts} numeric features {@code att1..attN} uniform in [0, 1); its class is 1 when {@code sum
 * w_i x_i >= 0.5 sum w_i} and 0 otherwise, then flipped with probability {@code
 * noisePercentage}/100. After each instance the first {@code numDriftAtts} weights move by {@code
 * magChange} in their current direction, and each direction reverses with probability {@code
 * sigmaPercentage}/100. As in MOA, the schema declares {@code numClasses} classes but only classes
 * 0 and 1 occur.
 *
 * <p>Draw-for-draw identical to MOA's {@code HyperplaneGenerator} with the same options and {@code
 * instanceRandomSeed} (the weights, the attributes, the noise draw, then one direction draw per
 * drifting attribute, even when {@code magChange} is 0). Defaults are MOA's: 2 classes, 10
 * attributes, 2 drifting, magChange 0, noise 5%, sigma 10%, seed 1. Unlike MOA, {@code numDriftAtts
 * > numAtts} is rejected up front (MOA fails on the first instance).
 */
public final class HyperplaneGenerator implements StreamGenerator {
  private final int numClasses;
  private final int numAtts;
  private final int numDriftAtts;
  private final double magChange;
  private final int noisePercentage;
  private final int sigmaPercentage;
  private final long seed;
  private final Schema schema;
  private final RotatingPlane plane;

  private HyperplaneGenerator(Builder b) {
    this.numClasses = Specs.checkRange("numClasses", b.numClasses, 2, Integer.MAX_VALUE);
    this.numAtts = Specs.checkRange("numAtts", b.numAtts, 0, Integer.MAX_VALUE);
    this.numDriftAtts = Specs.checkRange("numDriftAtts", b.numDriftAtts, 0, numAtts);
    this.magChange = Specs.checkRange("magChange", b.magChange, 0.0, 1.0);
    this.noisePercentage = Specs.checkRange("noisePercentage", b.noisePercentage, 0, 100);
    this.sigmaPercentage = Specs.checkRange("sigmaPercentage", b.sigmaPercentage, 0, 100);
    this.seed = b.seed;
    List<Attribute> features = new ArrayList<>();
    Specs.addNumeric(features, "att", numAtts);
    this.schema = Specs.schema(spec(), features, Specs.values("class", 1, numClasses));
    this.plane = new RotatingPlane(numAtts, numDriftAtts, magChange, sigmaPercentage, seed);
  }

  /** A generator with all of MOA's defaults. */
  public HyperplaneGenerator() {
    this(new Builder());
  }

  /** A builder holding MOA's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Options of a {@link HyperplaneGenerator}; every setter returns this builder. */
  public static final class Builder {
    private int numClasses = 2;
    private int numAtts = 10;
    private int numDriftAtts = 2;
    private double magChange = 0.0;
    private int noisePercentage = 5;
    private int sigmaPercentage = 10;
    private long seed = 1;

    private Builder() {}

    /** Number of declared classes, at least 2 (only 0 and 1 occur); default 2. */
    public Builder numClasses(int numClasses) {
      this.numClasses = numClasses;
      return this;
    }

    /** Number of attributes; default 10. */
    public Builder numAtts(int numAtts) {
      this.numAtts = numAtts;
      return this;
    }

    /** Number of leading attributes whose weight drifts, at most numAtts; default 2. */
    public Builder numDriftAtts(int numDriftAtts) {
      this.numDriftAtts = numDriftAtts;
      return this;
    }

    /** Change of each drifting weight per instance, 0 to 1; default 0. */
    public Builder magChange(double magChange) {
      this.magChange = magChange;
      return this;
    }

    /** Percentage of labels flipped, 0 to 100; default 5. */
    public Builder noisePercentage(int noisePercentage) {
      this.noisePercentage = noisePercentage;
      return this;
    }

    /** Percentage chance that a drift direction reverses after each instance; default 10. */
    public Builder sigmaPercentage(int sigmaPercentage) {
      this.sigmaPercentage = sigmaPercentage;
      return this;
    }

    /** Seed of the instance random (MOA's instanceRandomSeed); default 1. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * @throws IllegalArgumentException if an option is out of range
     */
    public HyperplaneGenerator build() {
      return new HyperplaneGenerator(this);
    }
  }

  public int numClasses() {
    return numClasses;
  }

  public int numAtts() {
    return numAtts;
  }

  public int numDriftAtts() {
    return numDriftAtts;
  }

  public double magChange() {
    return magChange;
  }

  public int noisePercentage() {
    return noisePercentage;
  }

  public int sigmaPercentage() {
    return sigmaPercentage;
  }

  public long seed() {
    return seed;
  }

  /** The current weight of attribute {@code i} (it changes as the hyperplane rotates). */
  public double weight(int i) {
    return plane.weight(i);
  }

  @Override
  public Schema schema() {
    return schema;
  }

  /**
   * Fills {@code into} with the next instance, then rotates the hyperplane; always returns true.
   */
  @Override
  public boolean next(Instance into) {
    plane.drawAttributes(into.x);
    int label = plane.weightedSum >= plane.sumOfWeights * 0.5 ? 1 : 0;
    if (plane.percentChance(noisePercentage)) {
      label = 1 - label;
    }
    into.y = label;
    into.weight = 1.0;
    plane.rotate();
    return true;
  }

  @Override
  public void restart() {
    plane.restart();
  }

  @Override
  public String spec() {
    return "hyperplane(classes="
        + numClasses
        + ",attributes="
        + numAtts
        + ",drift-attributes="
        + numDriftAtts
        + ",mag="
        + Specs.num(magChange)
        + ",noise="
        + noisePercentage
        + ",sigma="
        + sigmaPercentage
        + ",seed="
        + seed
        + ")";
  }

  @Override
  public String toString() {
    return spec();
  }
}
