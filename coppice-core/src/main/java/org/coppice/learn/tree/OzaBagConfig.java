package org.coppice.learn.tree;

import java.util.Objects;

/**
 * Settings of an {@link OzaBag}: MOA 2024.07 {@code meta.OzaBag}'s options with its defaults
 * ({@link #defaults()}).
 *
 * @param ensembleSize number of Hoeffding trees, at least 1 (MOA {@code -s}, default 10)
 * @param seed seed of the generator of the Poisson(1) weights (MOA {@code -r}, default 1)
 * @param threads threads that train the trees, at least 1; never changes a result
 * @param tree the settings of every tree (MOA {@code -l trees.HoeffdingTree}, its defaults)
 */
public record OzaBagConfig(int ensembleSize, long seed, int threads, HoeffdingTreeConfig tree) {
  public OzaBagConfig {
    if (ensembleSize < 1) {
      throw new IllegalArgumentException("at least one tree is needed, got " + ensembleSize);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    Objects.requireNonNull(tree, "tree");
  }

  /** MOA's defaults: 10 trees with MOA's Hoeffding tree defaults, seed 1; one thread. */
  public static OzaBagConfig defaults() {
    return new OzaBagConfig(10, 1, 1, HoeffdingTreeConfig.builder().build());
  }

  /** These settings with {@code threads} threads. */
  public OzaBagConfig withThreads(int threads) {
    return new OzaBagConfig(ensembleSize, seed, threads, tree);
  }
}
