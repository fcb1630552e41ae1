package org.coppice.learn.regression;

/**
 * Settings of a {@link RegressionTree}, with MOA 2024.07 {@code trees.FIMTDD}'s defaults (its
 * option letter in brackets). Immutable; build with {@link #builder()}.
 *
 * @param gracePeriod weight a leaf sees between split attempts [-g 200]
 * @param splitConfidence delta of the Hoeffding bound [-c 1e-7]
 * @param tieThreshold split anyway once the Hoeffding bound is below this [-t 0.05]
 * @param phAlpha Page-Hinkley tolerance alpha of the change detection in split nodes [-a 0.005]
 * @param phThreshold Page-Hinkley threshold lambda [-h 50]
 * @param alternateFadingFactor fading factor of the alternate-tree loss comparison [-f 0.995]
 * @param alternateMinInstances instances between two comparisons of an alternate tree [-y 150]
 * @param alternateMaxInstances instances after which a losing alternate tree is dropped [-u 1500]
 * @param perceptronLeaves leaves predict with a perceptron (model tree, MOA's default); false: with
 *     the mean target (regression tree) [-e]
 * @param learningRate initial learning rate of the leaf perceptrons [-l 0.02]
 * @param learningRateDecay learning rate decay factor [-d 0.001]
 * @param constantLearningRate keep the learning rate constant [-p]
 * @param seed seed of the perceptron initial weights (and the subspaces) [-r 1]
 */
public record RegressionTreeConfig(
    int gracePeriod,
    double splitConfidence,
    double tieThreshold,
    double phAlpha,
    int phThreshold,
    double alternateFadingFactor,
    int alternateMinInstances,
    int alternateMaxInstances,
    boolean perceptronLeaves,
    double learningRate,
    double learningRateDecay,
    boolean constantLearningRate,
    long seed) {

  /**
   * @throws IllegalArgumentException for a value outside MOA's range of the option
   */
  public RegressionTreeConfig {
    check("gracePeriod", gracePeriod, 0, Integer.MAX_VALUE);
    check("splitConfidence", splitConfidence, Double.MIN_VALUE, 1);
    check("tieThreshold", tieThreshold, 0, 1);
    check("phAlpha", phAlpha, 0, 1);
    check("phThreshold", phThreshold, 0, Integer.MAX_VALUE);
    check("alternateFadingFactor", alternateFadingFactor, 0, 1);
    check("alternateMinInstances", alternateMinInstances, 0, Integer.MAX_VALUE);
    check("alternateMaxInstances", alternateMaxInstances, 0, Integer.MAX_VALUE);
    check("learningRate", learningRate, 0, 1);
    check("learningRateDecay", learningRateDecay, 0, 1);
  }

  private static void check(String name, double v, double min, double max) {
    if (!(v >= min && v <= max)) {
      throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "]: " + v);
    }
  }

  /** MOA's defaults. */
  public static RegressionTreeConfig defaults() {
    return builder().build();
  }

  /** A builder holding MOA's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.gracePeriod = gracePeriod;
    b.splitConfidence = splitConfidence;
    b.tieThreshold = tieThreshold;
    b.phAlpha = phAlpha;
    b.phThreshold = phThreshold;
    b.alternateFadingFactor = alternateFadingFactor;
    b.alternateMinInstances = alternateMinInstances;
    b.alternateMaxInstances = alternateMaxInstances;
    b.perceptronLeaves = perceptronLeaves;
    b.learningRate = learningRate;
    b.learningRateDecay = learningRateDecay;
    b.constantLearningRate = constantLearningRate;
    b.seed = seed;
    return b;
  }

  /** Collects settings, named as the record components; every setter returns this builder. */
  public static final class Builder {
    private int gracePeriod = 200;
    private double splitConfidence = 1e-7;
    private double tieThreshold = 0.05;
    private double phAlpha = 0.005;
    private int phThreshold = 50;
    private double alternateFadingFactor = 0.995;
    private int alternateMinInstances = 150;
    private int alternateMaxInstances = 1500;
    private boolean perceptronLeaves = true;
    private double learningRate = 0.02;
    private double learningRateDecay = 0.001;
    private boolean constantLearningRate;
    private long seed = 1;

    private Builder() {}

    public Builder gracePeriod(int v) {
      gracePeriod = v;
      return this;
    }

    public Builder splitConfidence(double v) {
      splitConfidence = v;
      return this;
    }

    public Builder tieThreshold(double v) {
      tieThreshold = v;
      return this;
    }

    public Builder phAlpha(double v) {
      phAlpha = v;
      return this;
    }

    public Builder phThreshold(int v) {
      phThreshold = v;
      return this;
    }

    public Builder alternateFadingFactor(double v) {
      alternateFadingFactor = v;
      return this;
    }

    public Builder alternateMinInstances(int v) {
      alternateMinInstances = v;
      return this;
    }

    public Builder alternateMaxInstances(int v) {
      alternateMaxInstances = v;
      return this;
    }

    public Builder perceptronLeaves(boolean v) {
      perceptronLeaves = v;
      return this;
    }

    public Builder learningRate(double v) {
      learningRate = v;
      return this;
    }

    public Builder learningRateDecay(double v) {
      learningRateDecay = v;
      return this;
    }

    public Builder constantLearningRate(boolean v) {
      constantLearningRate = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    /**
     * @throws IllegalArgumentException for a value out of range
     */
    public RegressionTreeConfig build() {
      return new RegressionTreeConfig(
          gracePeriod,
          splitConfidence,
          tieThreshold,
          phAlpha,
          phThreshold,
          alternateFadingFactor,
          alternateMinInstances,
          alternateMaxInstances,
          perceptronLeaves,
          learningRate,
          learningRateDecay,
          constantLearningRate,
          seed);
    }
  }
}
