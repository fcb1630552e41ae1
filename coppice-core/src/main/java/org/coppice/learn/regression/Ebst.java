package org.coppice.learn.regression;

import java.util.Arrays;

/**
 * The extended binary search tree (E-BST) of one numeric attribute in one leaf (E. Ikonomovska, J.
 * Gama, S. Džeroski, "Learning model trees from evolving data streams", DMKD 23(1), 2011, §3.2;
 * MOA's {@code FIMTDDNumericAttributeClassObserver}). Each node holds a distinct attribute value (a
 * candidate threshold {@code x <= key}) and the count, sum and sum of squares of the targets of the
 * instances that went to its left ({@code <=}) side on their way down.
 *
 * <p>As in MOA, every observation counts once whatever its weight, and missing (NaN) values are not
 * observed. MOA also keeps the right-side sums and has a pruning step ({@code removeBadSplits}),
 * but that step never changes the tree (it only assigns to a local variable) and nothing else reads
 * the right-side sums, so neither is kept here; every result is the same.
 *
 * <p>Storage is flat: node {@code i} is {@code data[4i .. 4i+3] = key, count, sum, sum of squares}
 * and {@code child[2i], child[2i+1] = left, right} (-1 for none). Nodes are appended in insertion
 * order, so every child index is larger than its parent's (the loader checks this). Insertion and
 * the split search are iterative, so a degenerate (sorted-input) tree of any depth is fine; once
 * the arrays have grown, observing allocates nothing.
 */
final class Ebst {
  static final int STRIDE = 4;
  private static final int KEY = 0;
  private static final int COUNT = 1;
  private static final int SUM = 2;
  private static final int SUM_SQ = 3;

  double[] data;
  int[] child;
  int size;

  Ebst() {
    this.data = new double[STRIDE * 8];
    this.child = new int[2 * 8];
  }

  /** Restores a tree read from a file (arrays of exactly {@code size} nodes, already checked). */
  Ebst(double[] data, int[] child, int size) {
    this.data = data;
    this.child = child;
    this.size = size;
  }

  /** Adds one observation of attribute value {@code v} with target {@code y} (NaN: ignored). */
  void observe(double v, double y) {
    if (v != v) {
      return;
    }
    if (size == 0) {
      append(v, y);
      return;
    }
    double[] d = data;
    int n = 0;
    while (true) {
      int o = n * STRIDE;
      double key = d[o + KEY];
      if (v == key) {
        addLeft(o, y);
        return;
      }
      if (v < key) {
        addLeft(o, y);
        int l = child[2 * n];
        if (l < 0) {
          int added = append(v, y); // may reallocate child: index it afterwards
          child[2 * n] = added;
          return;
        }
        n = l;
      } else {
        int r = child[2 * n + 1];
        if (r < 0) {
          int added = append(v, y);
          child[2 * n + 1] = added;
          return;
        }
        n = r;
      }
      d = data;
    }
  }

  private void addLeft(int o, double y) {
    data[o + COUNT] += 1;
    data[o + SUM] += y;
    data[o + SUM_SQ] += y * y;
  }

  private int append(double v, double y) {
    if (size * STRIDE == data.length) {
      int cap = Math.max(8, data.length / STRIDE * 2);
      data = Arrays.copyOf(data, cap * STRIDE);
      child = Arrays.copyOf(child, cap * 2);
    }
    int n = size++;
    int o = n * STRIDE;
    data[o + KEY] = v;
    // 0 + y, not y: MOA accumulates into a zeroed vector (this turns -0.0 into 0.0 as it does).
    data[o + COUNT] = 0.0 + 1;
    data[o + SUM] = 0.0 + y;
    data[o + SUM_SQ] = 0.0 + y * y;
    child[2 * n] = -1;
    child[2 * n + 1] = -1;
    return n;
  }

  /**
   * The best threshold of this attribute by {@link #merit variance reduction}, searched in order of
   * the keys as MOA's FindBestSplit: the running left/right sums start at zero and at {@code
   * (count, sum, sumSq)} of the leaf, each node's left-side sums move from right to left before it
   * is scored and back after its right subtree, and the search stops descending once the right
   * count is exactly 0. The first best (strictly greater merit) wins. Writes the merit and the
   * threshold into {@code out[0], out[1]}.
   *
   * @param stack scratch of at least {@link #size} ints (grown by the caller)
   * @return false if the tree is empty or the leaf count is 0 (no suggestion)
   */
  boolean bestSplit(double count, double sum, double sumSq, int[] stack, double[] out) {
    if (size == 0 || count == 0.0) {
      return false;
    }
    double sumL = 0;
    double sumR = sum;
    double sqL = 0;
    double sqR = sumSq;
    double cntL = 0;
    double cntR = count;
    boolean found = false;
    double bestMerit = 0;
    double bestKey = 0;
    // Each stack entry is node * 4 + phase: 0 entering, 1 after the left subtree, 2 after the
    // right subtree. The same additions and subtractions as the recursion, in the same order.
    int top = 0;
    stack[top++] = 0;
    double[] d = data;
    while (top > 0) {
      int e = stack[top - 1];
      int n = e >>> 2;
      int phase = e & 3;
      int o = n * STRIDE;
      if (phase == 0) {
        if (cntR == 0.0) {
          top--;
          continue;
        }
        stack[top - 1] = (n << 2) | 1;
        int l = child[2 * n];
        if (l >= 0) {
          stack[top++] = l << 2;
        }
      } else if (phase == 1) {
        double c = d[o + COUNT];
        double s = d[o + SUM];
        double q = d[o + SUM_SQ];
        sumL += s;
        sumR -= s;
        sqL += q;
        sqR -= q;
        cntL += c;
        cntR -= c;
        double merit = merit(cntL + cntR, sumL + sumR, sqL + sqR, cntL, sumL, sqL, cntR, sumR, sqR);
        if (!found || merit > bestMerit) {
          found = true;
          bestMerit = merit;
          bestKey = d[o + KEY];
        }
        stack[top - 1] = (n << 2) | 2;
        int r = child[2 * n + 1];
        if (r >= 0) {
          stack[top++] = r << 2;
        }
      } else {
        double c = d[o + COUNT];
        double s = d[o + SUM];
        double q = d[o + SUM_SQ];
        sumL -= s;
        sumR += s;
        sqL -= q;
        sqR += q;
        cntL -= c;
        cntR += c;
        top--;
      }
    }
    out[0] = bestMerit;
    out[1] = bestKey;
    return found;
  }

  /**
   * Standard deviation reduction as MOA's {@code VarianceReductionSplitCriterion} computes it (the
   * variances, not their roots, despite the name): {@code var(all) - N_L/N var(left) - N_R/N
   * var(right)}, or 0 unless both sides have a count of at least 5. A variance is {@code (sumSq -
   * sum²/n)/n} with the count truncated to an int, as in MOA.
   */
  static double merit(
      double n,
      double s,
      double q,
      double nl,
      double sl,
      double ql,
      double nr,
      double sr,
      double qr) {
    if (!(nl >= 5.0) || !(nr >= 5.0)) {
      return 0.0;
    }
    double sdr = variance(n, s, q);
    sdr -= (nl / n) * variance(nl, sl, ql);
    sdr -= (nr / n) * variance(nr, sr, qr);
    return sdr;
  }

  private static double variance(double count, double sum, double sumSq) {
    int n = (int) count;
    return (sumSq - ((sum * sum) / n)) / n;
  }
}
