package org.coppice.learn.tree;

/**
 * A split criterion as a strategy: how good a candidate split's class distributions are, and the
 * range R of that merit in the Hoeffding bound ε = √(R² ln(1/δ) / 2n) (Domingos and Hulten 2000).
 * Both criteria compute exactly what MOA's {@code InfoGainSplitCriterion} and {@code
 * GiniSplitCriterion} compute, in the same order, including their treatment of empty branches.
 *
 * <p>The post-split distributions come flat, as {@link SplitSearch} builds them:
 *
 * <pre>
 * post:         [branch][class]   (stride numClasses; only the first postLen[branch] are meaningful)
 * branchWeight: [branch]          (sums of the rows, computed by the caller)
 * </pre>
 *
 * One instance per tree (information gain keeps the pre-split entropy of the current attempt).
 */
abstract class SplitMerit {
  private static final double LOG2 = Math.log(2);

  /** The criterion {@code config} asks for. */
  static SplitMerit of(HoeffdingTreeConfig config) {
    return switch (config.splitCriterion()) {
      case INFO_GAIN -> new InfoGain(config.minBranchFraction());
      case GINI -> new Gini();
    };
  }

  /** Starts a split attempt at a leaf whose class distribution is counts[from, from + len). */
  abstract void begin(double[] counts, int from, int len);

  /** Merit of not splitting (MOA: the criterion of the distribution against itself). */
  abstract double nullSplit(double[] counts, int from, int len, double weight);

  /**
   * Merit of the {@code branches} post-split distributions in {@code post}, whose weights are
   * {@code branchWeight} and add up to {@code total}.
   */
  abstract double merit(
      double[] post, int[] postLen, double[] branchWeight, int branches, int stride, double total);

  /** Range R of the merit, for a leaf with {@code len} classes in its count vector. */
  abstract double range(int len);

  /** Entropy in bits of d[from, from + len), as MOA computes it from unnormalised counts. */
  static double entropy(double[] d, int from, int len) {
    double h = 0.0;
    double s = 0.0;
    for (int i = 0; i < len; i++) {
      double v = d[from + i];
      if (v > 0.0) {
        h -= v * (Math.log(v) / LOG2);
        s += v;
      }
    }
    return s > 0.0 ? (h + s * (Math.log(s) / LOG2)) / s : 0.0;
  }

  /** Gini impurity of d[from, from + len), whose weight is w. */
  static double gini(double[] d, int from, int len, double w) {
    double g = 1.0;
    for (int i = 0; i < len; i++) {
      double rel = d[from + i] / w;
      g -= rel * rel;
    }
    return g;
  }

  /**
   * Information gain in bits. A split with fewer than two branches above the minimum branch
   * fraction of the weight scores −∞ (so the null split always does).
   */
  static final class InfoGain extends SplitMerit {
    private final double minBranchFraction;
    private double preSplitEntropy;

    InfoGain(double minBranchFraction) {
      this.minBranchFraction = minBranchFraction;
    }

    @Override
    void begin(double[] counts, int from, int len) {
      preSplitEntropy = entropy(counts, from, len);
    }

    @Override
    double nullSplit(double[] counts, int from, int len, double weight) {
      return Double.NEGATIVE_INFINITY; // a single branch never passes the minimum-fraction rule
    }

    @Override
    double merit(
        double[] post,
        int[] postLen,
        double[] branchWeight,
        int branches,
        int stride,
        double total) {
      int above = 0;
      for (int b = 0; b < branches; b++) {
        if (branchWeight[b] / total > minBranchFraction) {
          above++;
        }
      }
      if (above < 2) {
        return Double.NEGATIVE_INFINITY;
      }
      double postEntropy = 0.0;
      for (int b = 0; b < branches; b++) {
        postEntropy += branchWeight[b] * entropy(post, b * stride, postLen[b]);
      }
      return preSplitEntropy - postEntropy / total;
    }

    @Override
    double range(int len) {
      return Math.log(len > 2 ? len : 2) / LOG2;
    }
  }

  /** Reduction of the Gini impurity; range 1. */
  static final class Gini extends SplitMerit {
    @Override
    void begin(double[] counts, int from, int len) {}

    @Override
    double nullSplit(double[] counts, int from, int len, double weight) {
      return 1.0 - gini(counts, from, len, weight);
    }

    @Override
    double merit(
        double[] post,
        int[] postLen,
        double[] branchWeight,
        int branches,
        int stride,
        double total) {
      double g = 0.0;
      for (int b = 0; b < branches; b++) {
        double w = branchWeight[b];
        g += (w / total) * gini(post, b * stride, postLen[b], w);
      }
      return 1.0 - g;
    }

    @Override
    double range(int len) {
      return 1.0;
    }
  }
}
