package org.coppice.eval;

/**
 * The metrics of {@link ClassificationMetrics}, over the last {@code windowSize} results only (a
 * sliding window, as MOA's {@code WindowClassificationPerformanceEvaluator} but with the metric
 * definitions of {@link ClassificationMetrics}). Results with a weight that is not positive are
 * ignored and do not enter the window.
 *
 * <p>A ring buffer holds (actual, predicted, weight, log-loss term) per result. Adding a result
 * adds it to running sums and subtracts the result it evicts, so {@link #add} is O(1) (plus the
 * argmax over the votes) and allocates nothing. To keep rounding errors of the subtractions from
 * accumulating, the sums are recomputed from the ring, oldest first, each time the ring wraps
 * around (an amortised O(1) per add); right after that the metrics equal exactly those of a {@link
 * ClassificationMetrics} fed with the window's results in order. Not thread-safe.
 */
public final class WindowedClassificationMetrics {
  private final int windowSize;
  private final ClassificationMetrics sums;
  // Ring buffer of the results in the window; next is the slot the next result goes to.
  private final int[] actual;
  private final int[] predicted;
  private final double[] weight;
  private final double[] logLossTerm;
  private int next;
  private int size;

  /**
   * Empty metrics.
   *
   * @param numClasses number of classes, at least 1
   * @param windowSize number of most recent results kept, at least 1
   */
  public WindowedClassificationMetrics(int numClasses, int windowSize) {
    if (windowSize < 1) {
      throw new IllegalArgumentException("windowSize must be >= 1: " + windowSize);
    }
    this.windowSize = windowSize;
    this.sums = new ClassificationMetrics(numClasses);
    this.actual = new int[windowSize];
    this.predicted = new int[windowSize];
    this.weight = new double[windowSize];
    this.logLossTerm = new double[windowSize];
  }

  /**
   * Adds one result, evicting the oldest one if the window is full. Arguments as {@link
   * ClassificationMetrics#add(int, double[], double)}.
   */
  public void add(int actualClass, double[] votes, double w) {
    sums.checkClass(actualClass);
    if (!(w > 0)) {
      return;
    }
    int k = sums.numClasses();
    int p = ClassificationMetrics.predictedClass(votes, k);
    double term = ClassificationMetrics.logLossTerm(actualClass, votes, k);
    int slot = next;
    if (size == windowSize) {
      sums.remove(actual[slot], predicted[slot], weight[slot], logLossTerm[slot]);
    } else {
      size++;
    }
    actual[slot] = actualClass;
    predicted[slot] = p;
    weight[slot] = w;
    logLossTerm[slot] = term;
    sums.add(actualClass, p, w, term);
    next = slot + 1 == windowSize ? 0 : slot + 1;
    if (next == 0) {
      recompute();
    }
  }

  /** Rebuilds the running sums from the ring, oldest result first. */
  private void recompute() {
    sums.reset();
    int start = size == windowSize ? next : 0;
    for (int i = 0; i < size; i++) {
      int s = start + i;
      if (s >= windowSize) {
        s -= windowSize;
      }
      sums.add(actual[s], predicted[s], weight[s], logLossTerm[s]);
    }
  }

  /** Empties the window. */
  public void reset() {
    sums.reset();
    next = 0;
    size = 0;
  }

  /** The capacity of the window. */
  public int windowSize() {
    return windowSize;
  }

  /** Number of results in the window. */
  public long count() {
    return sums.count();
  }

  /** Sum of the weights in the window. */
  public double weight() {
    return sums.weight();
  }

  /** Accuracy over the window; see {@link ClassificationMetrics#accuracy()}. */
  public double accuracy() {
    return sums.accuracy();
  }

  /** Cohen's kappa over the window; see {@link ClassificationMetrics#kappa()}. */
  public double kappa() {
    return sums.kappa();
  }

  /** Macro F1 over the window; see {@link ClassificationMetrics#macroF1()}. */
  public double macroF1() {
    return sums.macroF1();
  }

  /** Log loss over the window; see {@link ClassificationMetrics#logLoss()}. */
  public double logLoss() {
    return sums.logLoss();
  }

  /** A copy of the window's confusion matrix, indexed {@code [actual][predicted]}. */
  public double[][] confusionMatrix() {
    return sums.confusionMatrix();
  }

  @Override
  public String toString() {
    return String.format(
        "WindowedClassificationMetrics{window=%d, count=%d, accuracy=%.6f}",
        windowSize, count(), accuracy());
  }
}
