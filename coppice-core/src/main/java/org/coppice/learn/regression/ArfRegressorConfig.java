package org.coppice.learn.regression;

import java.util.Objects;
import org.coppice.learn.tree.MaxFeatures;

/**
 * Settings of an {@link AdaptiveRandomForestRegressor}, with MOA 2024.07's {@code
 * meta.AdaptiveRandomForestRegressor} defaults (its option letter in brackets). Immutable; build
 * with {@link #builder()}.
 *
 * @param ensembleSize number of trees [-s 100]
 * @param maxFeatures features in each leaf's random subspace [-o Percentage -m 60]
 * @param lambda λ of the Poisson weights of online bagging [-a 6]
 * @param driftDelta δ of each tree's ADWIN drift detector [-x ADWINChangeDetector -a 0.001]
 * @param warningDelta δ of each tree's ADWIN warning detector [-p ADWINChangeDetector -a 0.01]
 * @param driftDetection detect drifts (off: no warnings or background trees either) [-u off]
 * @param backgroundLearners grow a background tree on a warning, swapped in at the next drift (off:
 *     a drift resets the tree) [-q off]
 * @param detectorInput what each tree's detectors are fed; MOA feeds the prediction
 * @param seed seed of the Poisson weights [randomSeed 1; MOA has no command-line option for it]
 * @param threads threads that train the trees, at least 1; never changes a result
 * @param tree the member trees' settings: MOA's {@code ARFFIMTDD -g 50 -c 0.01} (grace period 50,
 *     split confidence 0.01, the other FIMT-DD defaults, tree seed 1 for the subspace draws); the
 *     leaves must predict their mean target ({@code perceptronLeaves} false), as ARFFIMTDD's do
 */
public record ArfRegressorConfig(
    int ensembleSize,
    MaxFeatures maxFeatures,
    double lambda,
    double driftDelta,
    double warningDelta,
    boolean driftDetection,
    boolean backgroundLearners,
    DetectorInput detectorInput,
    long seed,
    int threads,
    RegressionTreeConfig tree) {

  /**
   * What a tree's warning and drift detectors (ADWIN, which reports a change only when the mean of
   * its window rises) are fed after the tree learned an instance.
   */
  public enum DetectorInput {
    /**
     * The tree's prediction for the instance, as MOA's {@code AdaptiveRandomForestRegressor} does:
     * a change is a rise in the tree's predictions, whether or not its error grew.
     */
    PREDICTION,
    /**
     * The tree's absolute error |y − prediction| on the instance: a change is a rise in the error,
     * the signal the ARF classifier monitors (there, the 0/1 error).
     */
    ERROR
  }

  /**
   * @throws IllegalArgumentException for a value out of range, or perceptron leaves
   */
  public ArfRegressorConfig {
    if (ensembleSize < 1) {
      throw new IllegalArgumentException("ensembleSize must be at least 1: " + ensembleSize);
    }
    Objects.requireNonNull(maxFeatures, "maxFeatures");
    Objects.requireNonNull(detectorInput, "detectorInput");
    Objects.requireNonNull(tree, "tree");
    if (tree.perceptronLeaves()) {
      throw new IllegalArgumentException(
          "the forest's trees predict with the mean target (MOA's ARFFIMTDD), not perceptrons");
    }
    if (!(lambda > 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("lambda must be positive and finite: " + lambda);
    }
    checkDelta("driftDelta", driftDelta);
    checkDelta("warningDelta", warningDelta);
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
  }

  private static void checkDelta(String name, double v) {
    if (!(v > 0 && v < 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1): " + v);
    }
  }

  /** The member tree settings MOA's forest uses: {@code ARFFIMTDD -g 50 -c 0.01}, mean leaves. */
  public static RegressionTreeConfig defaultTreeConfig() {
    return RegressionTreeConfig.builder()
        .gracePeriod(50)
        .splitConfidence(0.01)
        .perceptronLeaves(false)
        .build();
  }

  /** MOA's defaults, on one thread. */
  public static ArfRegressorConfig defaults() {
    return builder().build();
  }

  /** A builder holding MOA's defaults (and one thread). */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.ensembleSize = ensembleSize;
    b.maxFeatures = maxFeatures;
    b.lambda = lambda;
    b.driftDelta = driftDelta;
    b.warningDelta = warningDelta;
    b.driftDetection = driftDetection;
    b.backgroundLearners = backgroundLearners;
    b.detectorInput = detectorInput;
    b.seed = seed;
    b.threads = threads;
    b.tree = tree;
    return b;
  }

  /** Collects settings, named as the record components; every setter returns this builder. */
  public static final class Builder {
    private int ensembleSize = 100;
    private MaxFeatures maxFeatures = MaxFeatures.DEFAULT;
    private double lambda = 6.0;
    private double driftDelta = 0.001;
    private double warningDelta = 0.01;
    private boolean driftDetection = true;
    private boolean backgroundLearners = true;
    private DetectorInput detectorInput = DetectorInput.PREDICTION;
    private long seed = 1;
    private int threads = 1;
    private RegressionTreeConfig tree = defaultTreeConfig();

    private Builder() {}

    public Builder ensembleSize(int v) {
      ensembleSize = v;
      return this;
    }

    public Builder maxFeatures(MaxFeatures v) {
      maxFeatures = v;
      return this;
    }

    public Builder lambda(double v) {
      lambda = v;
      return this;
    }

    public Builder driftDelta(double v) {
      driftDelta = v;
      return this;
    }

    public Builder warningDelta(double v) {
      warningDelta = v;
      return this;
    }

    public Builder driftDetection(boolean v) {
      driftDetection = v;
      return this;
    }

    public Builder backgroundLearners(boolean v) {
      backgroundLearners = v;
      return this;
    }

    public Builder detectorInput(DetectorInput v) {
      detectorInput = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder threads(int v) {
      threads = v;
      return this;
    }

    public Builder tree(RegressionTreeConfig v) {
      tree = v;
      return this;
    }

    /**
     * @throws IllegalArgumentException for a value out of range
     */
    public ArfRegressorConfig build() {
      return new ArfRegressorConfig(
          ensembleSize,
          maxFeatures,
          lambda,
          driftDelta,
          warningDelta,
          driftDetection,
          backgroundLearners,
          detectorInput,
          seed,
          threads,
          tree);
    }
  }
}
