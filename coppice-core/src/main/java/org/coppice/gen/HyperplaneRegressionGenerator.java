package org.coppice.gen;

import java.util.ArrayList;
import java.util.List;
import org.coppice.data.Attribute;
import org.coppice.data.Instance;
import org.coppice.data.Schema;

/**
 * The rotating hyperplane of {@link HyperplaneGenerator} with a numeric target, after MOA's {@code
 * HyperplaneGeneratorForRegression}: the target is {@code 100 · sum w_i x_i}; with probability
 * {@code noisePercentage}/100 it becomes {@code t + t / sum w_i}. The weights, attributes and drift
 * are those of the classification generator.
 *
 * <p>Draw-for-draw identical to MOA's {@code HyperplaneGeneratorForRegression} with the same
 * options and {@code instanceRandomSeed}: at restart the weights; per instance the attributes, the
 * noise draw, then one direction draw per drifting attribute. Defaults are MOA's: 10 attributes, 2
 * drifting, magChange 0, noise 5%, sigma 10%, seed 1. MOA's {@code numClasses} option, which only
 * names unused class values there, is not taken. The features are {@code att1..attN} and the target
 * {@code target}.
 */
public final class HyperplaneRegressionGenerator implements StreamGenerator {
  private final int numAtts;
  private final int numDriftAtts;
  private final double magChange;
  private final int noisePercentage;
  private final int sigmaPercentage;
  private final long seed;
  private final Schema schema;
  private final RotatingPlane plane;

  private HyperplaneRegressionGenerator(Builder b) {
    this.numAtts = Specs.checkRange("numAtts", b.numAtts, 0, Integer.MAX_VALUE);
    this.numDriftAtts = Specs.checkRange("numDriftAtts", b.numDriftAtts, 0, numAtts);
    this.magChange = Specs.checkRange("magChange", b.magChange, 0.0, 1.0);
    this.noisePercentage = Specs.checkRange("noisePercentage", b.noisePercentage, 0, 100);
    this.sigmaPercentage = Specs.checkRange("sigmaPercentage", b.sigmaPercentage, 0, 100);
    this.seed = b.seed;
    List<Attribute> features = new ArrayList<>();
    Specs.addNumeric(features, "att", numAtts);
    this.schema = new Schema(spec(), features, Attribute.numeric("target"));
    this.plane = new RotatingPlane(numAtts, numDriftAtts, magChange, sigmaPercentage, seed);
  }

  /** A generator with all of MOA's defaults. */
  public HyperplaneRegressionGenerator() {
    this(new Builder());
  }

  /** A builder holding MOA's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Options of a {@link HyperplaneRegressionGenerator}; every setter returns this builder. */
  public static final class Builder {
    private int numAtts = 10;
    private int numDriftAtts = 2;
    private double magChange = 0.0;
    private int noisePercentage = 5;
    private int sigmaPercentage = 10;
    private long seed = 1;

    private Builder() {}

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

    /** Percentage of noisy targets, 0 to 100; default 5. */
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
    public HyperplaneRegressionGenerator build() {
      return new HyperplaneRegressionGenerator(this);
    }
  }

  @Override
  public Schema schema() {
    return schema;
  }

  /** Fills {@code into} (features and target) with the next instance, then rotates the plane. */
  @Override
  public boolean next(Instance into) {
    plane.drawAttributes(into.x);
    // MOA's order of operations (sum * 10, then * 10), kept for bit-identical targets.
    double target = plane.weightedSum * 10;
    target = target * 10;
    if (plane.percentChance(noisePercentage)) {
      target = target + target / plane.sumOfWeights;
    }
    into.y = Instance.MISSING_LABEL;
    into.target = target;
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
    return "hyperplane-regression(attributes="
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
