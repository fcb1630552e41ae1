package org.coppice.learn.tree;

import java.util.Objects;

/**
 * Settings of a {@link LeveragingBag}: MOA 2024.07 {@code meta.LeveragingBag}'s options with its
 * defaults ({@link #defaults()}). MOA's other resampling methods ({@code -m} other than {@code
 * LeveragingBag}) and output codes ({@code -o}) are not offered.
 *
 * @param ensembleSize number of Hoeffding trees, at least 1 (MOA {@code -s}, default 10)
 * @param lambda λ of the Poisson(λ) weights, positive and finite (MOA {@code -w}, default 6)
 * @param adwinDelta δ of each tree's ADWIN error monitor, in (0, 1) (MOA {@code -a}, default 0.002)
 * @param seed seed of the generator of the Poisson weights (MOA {@code -r}, default 1)
 * @param threads threads that train the trees, at least 1; never changes a result
 * @param tree the settings of every tree (MOA {@code -l trees.HoeffdingTree}, its defaults)
 */
public record LeveragingBagConfig(
    int ensembleSize,
    double lambda,
    double adwinDelta,
    long seed,
    int threads,
    HoeffdingTreeConfig tree) {
  public LeveragingBagConfig {
    if (ensembleSize < 1) {
      throw new IllegalArgumentException("at least one tree is needed, got " + ensembleSize);
    }
    if (!(lambda > 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("lambda must be positive and finite, got " + lambda);
    }
    if (!(adwinDelta > 0 && adwinDelta < 1)) {
      throw new IllegalArgumentException("the ADWIN delta must be in (0, 1), got " + adwinDelta);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    Objects.requireNonNull(tree, "tree");
  }

  /**
   * MOA's defaults: 10 trees with MOA's Hoeffding tree defaults, λ 6, δ 0.002, seed 1; 1 thread.
   */
  public static LeveragingBagConfig defaults() {
    return new LeveragingBagConfig(10, 6.0, 0.002, 1, 1, HoeffdingTreeConfig.builder().build());
  }

  /** These settings with {@code threads} threads. */
  public LeveragingBagConfig withThreads(int threads) {
    return new LeveragingBagConfig(ensembleSize, lambda, adwinDelta, seed, threads, tree);
  }
}
