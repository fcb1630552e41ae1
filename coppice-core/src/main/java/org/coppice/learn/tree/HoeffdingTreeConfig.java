package org.coppice.learn.tree;

import java.util.Objects;

/**
 * Hyper-parameters of a {@link HoeffdingTree}. Defaults equal MOA 2024.07's {@code
 * trees.HoeffdingTree}: grace period 200, split confidence 1e-7, tie threshold 0.05, information
 * gain with minimum branch fraction 0.01, 10 Gaussian split points, multiway nominal splits,
 * pre-pruning on, naive Bayes adaptive leaves, tree seed 1, all attributes monitored. Immutable;
 * build with {@link #builder()}.
 */
public final class HoeffdingTreeConfig {
  /** {@link #subspaceSize()} value meaning "monitor every attribute, draw nothing". */
  public static final int ALL_ATTRIBUTES = -1;

  private final int gracePeriod;
  private final double splitConfidence;
  private final double tieThreshold;
  private final SplitCriterion splitCriterion;
  private final double minBranchFraction;
  private final LeafPrediction leafPrediction;
  private final double nbThreshold;
  private final int numBins;
  private final boolean binarySplits;
  private final boolean noPrePrune;
  private final int subspaceSize;
  private final long seed;

  private HoeffdingTreeConfig(Builder b) {
    this.gracePeriod = b.gracePeriod;
    this.splitConfidence = b.splitConfidence;
    this.tieThreshold = b.tieThreshold;
    this.splitCriterion = b.splitCriterion;
    this.minBranchFraction = b.minBranchFraction;
    this.leafPrediction = b.leafPrediction;
    this.nbThreshold = b.nbThreshold;
    this.numBins = b.numBins;
    this.binarySplits = b.binarySplits;
    this.noPrePrune = b.noPrePrune;
    this.subspaceSize = b.subspaceSize;
    this.seed = b.seed;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder preset with this configuration's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.gracePeriod = gracePeriod;
    b.splitConfidence = splitConfidence;
    b.tieThreshold = tieThreshold;
    b.splitCriterion = splitCriterion;
    b.minBranchFraction = minBranchFraction;
    b.leafPrediction = leafPrediction;
    b.nbThreshold = nbThreshold;
    b.numBins = numBins;
    b.binarySplits = binarySplits;
    b.noPrePrune = noPrePrune;
    b.subspaceSize = subspaceSize;
    b.seed = seed;
    return b;
  }

  /** Weight a leaf must see between split attempts (MOA {@code -g}). */
  public int gracePeriod() {
    return gracePeriod;
  }

  /** δ of the Hoeffding bound (MOA {@code -c}). */
  public double splitConfidence() {
    return splitConfidence;
  }

  /** Split anyway once the Hoeffding bound is below this (MOA {@code -t}). */
  public double tieThreshold() {
    return tieThreshold;
  }

  public SplitCriterion splitCriterion() {
    return splitCriterion;
  }

  /**
   * Information gain only: a split needs two branches with more than this fraction of the weight.
   */
  public double minBranchFraction() {
    return minBranchFraction;
  }

  public LeafPrediction leafPrediction() {
    return leafPrediction;
  }

  /** {@link LeafPrediction#NAIVE_BAYES} only: below this leaf weight, predict the class counts. */
  public double nbThreshold() {
    return nbThreshold;
  }

  /** Number of candidate thresholds per numeric attribute (MOA Gaussian observer {@code -n}). */
  public int numBins() {
    return numBins;
  }

  /** Offer only binary (one value versus the rest) nominal splits (MOA {@code -b}). */
  public boolean binarySplits() {
    return binarySplits;
  }

  /** Do not offer the "do not split" candidate (MOA {@code -p}). */
  public boolean noPrePrune() {
    return noPrePrune;
  }

  /**
   * Number of attributes a leaf monitors, drawn at random at the leaf's first learn (the Adaptive
   * Random Forest's feature subspace), or {@link #ALL_ATTRIBUTES}.
   */
  public int subspaceSize() {
    return subspaceSize;
  }

  /** Seed of the tree's own generator, used only to draw subspaces (MOA {@code -r}). */
  public long seed() {
    return seed;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HoeffdingTreeConfig c
        && gracePeriod == c.gracePeriod
        && Double.compare(splitConfidence, c.splitConfidence) == 0
        && Double.compare(tieThreshold, c.tieThreshold) == 0
        && splitCriterion == c.splitCriterion
        && Double.compare(minBranchFraction, c.minBranchFraction) == 0
        && leafPrediction == c.leafPrediction
        && Double.compare(nbThreshold, c.nbThreshold) == 0
        && numBins == c.numBins
        && binarySplits == c.binarySplits
        && noPrePrune == c.noPrePrune
        && subspaceSize == c.subspaceSize
        && seed == c.seed;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        gracePeriod,
        splitConfidence,
        tieThreshold,
        splitCriterion,
        minBranchFraction,
        leafPrediction,
        nbThreshold,
        numBins,
        binarySplits,
        noPrePrune,
        subspaceSize,
        seed);
  }

  @Override
  public String toString() {
    return "HoeffdingTreeConfig{grace="
        + gracePeriod
        + ", splitConfidence="
        + splitConfidence
        + ", tie="
        + tieThreshold
        + ", criterion="
        + splitCriterion
        + ", minBranchFraction="
        + minBranchFraction
        + ", leaf="
        + leafPrediction
        + ", nbThreshold="
        + nbThreshold
        + ", bins="
        + numBins
        + ", binarySplits="
        + binarySplits
        + ", noPrePrune="
        + noPrePrune
        + ", subspace="
        + subspaceSize
        + ", seed="
        + seed
        + "}";
  }

  /** Builder with MOA's Hoeffding tree defaults. */
  public static final class Builder {
    private int gracePeriod = 200;
    private double splitConfidence = 1e-7;
    private double tieThreshold = 0.05;
    private SplitCriterion splitCriterion = SplitCriterion.INFO_GAIN;
    private double minBranchFraction = 0.01;
    private LeafPrediction leafPrediction = LeafPrediction.NAIVE_BAYES_ADAPTIVE;
    private double nbThreshold = 0;
    private int numBins = 10;
    private boolean binarySplits = false;
    private boolean noPrePrune = false;
    private int subspaceSize = ALL_ATTRIBUTES;
    private long seed = 1;

    private Builder() {}

    public Builder gracePeriod(int v) {
      if (v < 1) {
        throw new IllegalArgumentException("grace period must be at least 1, got " + v);
      }
      gracePeriod = v;
      return this;
    }

    public Builder splitConfidence(double v) {
      if (!(v > 0 && v < 1)) {
        throw new IllegalArgumentException("split confidence must be in (0, 1), got " + v);
      }
      splitConfidence = v;
      return this;
    }

    public Builder tieThreshold(double v) {
      if (!(v >= 0)) {
        throw new IllegalArgumentException("tie threshold must be >= 0, got " + v);
      }
      tieThreshold = v;
      return this;
    }

    public Builder splitCriterion(SplitCriterion v) {
      splitCriterion = Objects.requireNonNull(v);
      return this;
    }

    public Builder minBranchFraction(double v) {
      if (!(v >= 0 && v < 0.5)) {
        throw new IllegalArgumentException("min branch fraction must be in [0, 0.5), got " + v);
      }
      minBranchFraction = v;
      return this;
    }

    public Builder leafPrediction(LeafPrediction v) {
      leafPrediction = Objects.requireNonNull(v);
      return this;
    }

    public Builder nbThreshold(double v) {
      nbThreshold = v;
      return this;
    }

    public Builder numBins(int v) {
      if (v < 1) {
        throw new IllegalArgumentException("number of bins must be at least 1, got " + v);
      }
      numBins = v;
      return this;
    }

    public Builder binarySplits(boolean v) {
      binarySplits = v;
      return this;
    }

    public Builder noPrePrune(boolean v) {
      noPrePrune = v;
      return this;
    }

    /** A positive subspace size, or {@link HoeffdingTreeConfig#ALL_ATTRIBUTES}. */
    public Builder subspaceSize(int v) {
      if (v < 1 && v != ALL_ATTRIBUTES) {
        throw new IllegalArgumentException("subspace size must be positive, got " + v);
      }
      subspaceSize = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public HoeffdingTreeConfig build() {
      return new HoeffdingTreeConfig(this);
    }
  }
}
