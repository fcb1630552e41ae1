package org.coppice.learn.knn;

/**
 * Settings of a {@link Knn}: the number of neighbours that vote and the number of most recent
 * instances kept. Immutable.
 *
 * @param k neighbours that vote, from 1 to {@link #MAX_K} (MOA {@code -k}, default 10)
 * @param window most recent instances kept, from 1 to {@link #MAX_WINDOW} (MOA {@code -w}, its
 *     {@code limit}, default 1000)
 */
public record KnnConfig(int k, int window) {
  /** The largest accepted {@code k}. */
  public static final int MAX_K = 1 << 24;

  /** The largest accepted window. */
  public static final int MAX_WINDOW = 1 << 24;

  /** MOA's defaults: 10 neighbours, 1000 instances. */
  public static final KnnConfig DEFAULTS = new KnnConfig(10, 1000);

  /**
   * Checks the ranges.
   *
   * @throws IllegalArgumentException if {@code k} or {@code window} is out of range
   */
  public KnnConfig {
    if (k < 1 || k > MAX_K) {
      throw new IllegalArgumentException("k must be from 1 to " + MAX_K + ", got " + k);
    }
    if (window < 1 || window > MAX_WINDOW) {
      throw new IllegalArgumentException(
          "window must be from 1 to " + MAX_WINDOW + ", got " + window);
    }
  }
}
