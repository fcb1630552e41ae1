package org.coppice.learn.tree;

import java.util.Objects;

/**
 * Hyper-parameters of an {@link AdaptiveRandomForest}. Defaults equal MOA 2024.07's {@code
 * meta.AdaptiveRandomForest}: 100 trees, 60 % of the features per leaf, λ = 6, ADWIN with δ = 0.001
 * for drift and δ = 0.01 for warnings, weighted voting, background trees, seed 1; trees with grace
 * period 50, split confidence 0.01, tie threshold 0.05, information gain, naive Bayes adaptive
 * leaves and tree seed 1.
 *
 * <p>{@link #threads()} only decides how many cores train the ensemble; results do not depend on
 * it.
 */
public final class ArfConfig {
  private final int ensembleSize;
  private final MaxFeatures maxFeatures;
  private final double lambda;
  private final double driftDelta;
  private final double warningDelta;
  private final boolean weightedVote;
  private final boolean driftDetection;
  private final boolean backgroundLearners;
  private final long seed;
  private final int threads;
  private final HoeffdingTreeConfig tree;

  private ArfConfig(Builder b) {
    this.ensembleSize = b.ensembleSize;
    this.maxFeatures = b.maxFeatures;
    this.lambda = b.lambda;
    this.driftDelta = b.driftDelta;
    this.warningDelta = b.warningDelta;
    this.weightedVote = b.weightedVote;
    this.driftDetection = b.driftDetection;
    this.backgroundLearners = b.backgroundLearners;
    this.seed = b.seed;
    this.threads = b.threads;
    this.tree = b.tree;
  }

  /**
   * The Hoeffding tree settings ARF uses by default (MOA: {@code ARFHoeffdingTree -g 50 -c 0.01}).
   */
  public static HoeffdingTreeConfig defaultTreeConfig() {
    return HoeffdingTreeConfig.builder().gracePeriod(50).splitConfidence(0.01).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.ensembleSize = ensembleSize;
    b.maxFeatures = maxFeatures;
    b.lambda = lambda;
    b.driftDelta = driftDelta;
    b.warningDelta = warningDelta;
    b.weightedVote = weightedVote;
    b.driftDetection = driftDetection;
    b.backgroundLearners = backgroundLearners;
    b.seed = seed;
    b.threads = threads;
    b.tree = tree;
    return b;
  }

  /** Number of trees (MOA {@code -s}). */
  public int ensembleSize() {
    return ensembleSize;
  }

  /** Features per leaf subspace (MOA {@code -o}/{@code -m}). */
  public MaxFeatures maxFeatures() {
    return maxFeatures;
  }

  /** λ of the Poisson draw of online bagging (MOA {@code -a}). */
  public double lambda() {
    return lambda;
  }

  /** ADWIN δ of each tree's drift detector (MOA {@code -x}). */
  public double driftDelta() {
    return driftDelta;
  }

  /** ADWIN δ of each tree's warning detector (MOA {@code -p}). */
  public double warningDelta() {
    return warningDelta;
  }

  /** Weight each tree's vote by its accuracy (MOA: on unless {@code -w}). */
  public boolean weightedVote() {
    return weightedVote;
  }

  /** Drift and warning detection (MOA: on unless {@code -u}). */
  public boolean driftDetection() {
    return driftDetection;
  }

  /** Background trees started on warning (MOA: on unless {@code -q}). */
  public boolean backgroundLearners() {
    return backgroundLearners;
  }

  /** Seed of the Poisson draws (MOA {@code -r}); trees use {@link HoeffdingTreeConfig#seed()}. */
  public long seed() {
    return seed;
  }

  /** Threads that train trees in parallel; does not change any result. */
  public int threads() {
    return threads;
  }

  /** Settings of every tree; its subspace size is replaced by {@link #maxFeatures()}. */
  public HoeffdingTreeConfig tree() {
    return tree;
  }

  /** Equal when every setting that changes the model is equal ({@link #threads()} is ignored). */
  @Override
  public boolean equals(Object o) {
    return o instanceof ArfConfig c
        && ensembleSize == c.ensembleSize
        && maxFeatures.equals(c.maxFeatures)
        && Double.compare(lambda, c.lambda) == 0
        && Double.compare(driftDelta, c.driftDelta) == 0
        && Double.compare(warningDelta, c.warningDelta) == 0
        && weightedVote == c.weightedVote
        && driftDetection == c.driftDetection
        && backgroundLearners == c.backgroundLearners
        && seed == c.seed
        && tree.equals(c.tree);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        ensembleSize,
        maxFeatures,
        lambda,
        driftDelta,
        warningDelta,
        weightedVote,
        driftDetection,
        backgroundLearners,
        seed,
        tree);
  }

  @Override
  public String toString() {
    return "ArfConfig{trees="
        + ensembleSize
        + ", maxFeatures="
        + maxFeatures
        + ", lambda="
        + lambda
        + ", driftDelta="
        + driftDelta
        + ", warningDelta="
        + warningDelta
        + ", weightedVote="
        + weightedVote
        + ", driftDetection="
        + driftDetection
        + ", backgroundLearners="
        + backgroundLearners
        + ", seed="
        + seed
        + ", threads="
        + threads
        + ", tree="
        + tree
        + "}";
  }

  /** Builder with MOA's defaults; {@link #threads} defaults to the number of available cores. */
  public static final class Builder {
    private int ensembleSize = 100;
    private MaxFeatures maxFeatures = MaxFeatures.DEFAULT;
    private double lambda = 6.0;
    private double driftDelta = 0.001;
    private double warningDelta = 0.01;
    private boolean weightedVote = true;
    private boolean driftDetection = true;
    private boolean backgroundLearners = true;
    private long seed = 1;
    private int threads = Runtime.getRuntime().availableProcessors();
    private HoeffdingTreeConfig tree = defaultTreeConfig();

    private Builder() {}

    public Builder ensembleSize(int v) {
      if (v < 1) {
        throw new IllegalArgumentException("the number of trees must be at least 1, got " + v);
      }
      ensembleSize = v;
      return this;
    }

    public Builder maxFeatures(MaxFeatures v) {
      maxFeatures = Objects.requireNonNull(v);
      return this;
    }

    public Builder lambda(double v) {
      if (!(v >= 1.0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException(
            "lambda must be a finite number >= 1 (as in MOA), got " + v);
      }
      lambda = v;
      return this;
    }

    public Builder driftDelta(double v) {
      driftDelta = checkDelta("drift delta", v);
      return this;
    }

    public Builder warningDelta(double v) {
      warningDelta = checkDelta("warning delta", v);
      return this;
    }

    private static double checkDelta(String what, double v) {
      if (!(v > 0 && v < 1)) {
        throw new IllegalArgumentException(what + " must be in (0, 1), got " + v);
      }
      return v;
    }

    public Builder weightedVote(boolean v) {
      weightedVote = v;
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

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder threads(int v) {
      if (v < 1) {
        throw new IllegalArgumentException("threads must be at least 1, got " + v);
      }
      threads = v;
      return this;
    }

    public Builder tree(HoeffdingTreeConfig v) {
      tree = Objects.requireNonNull(v);
      return this;
    }

    public ArfConfig build() {
      return new ArfConfig(this);
    }
  }
}
