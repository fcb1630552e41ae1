package org.coppice.learn.knn;

import java.util.Arrays;
import org.coppice.data.Schema;
import org.coppice.learn.Classifier;

/**
 * k nearest neighbours over a sliding window, as MOA's {@code lazy.kNN} with linear search.
 *
 * <p>The model is the last {@code window} instances learned (oldest dropped first). The votes for
 * {@code x} count, per class, the window instances nearest to {@code x}: the {@code k} nearest (all
 * of the window if it holds fewer) plus every other instance exactly as far as the k-th, so a tie
 * at the k-th distance lets more than {@code k} vote. Instance weights only decide whether an
 * instance is learned (a weight that is not positive is ignored); they do not weigh the vote.
 *
 * <p>The distance is MOA's normalised Euclidean distance: over the features in schema order, the
 * squared differences summed, where
 *
 * <ul>
 *   <li>a numeric value v is first scaled to {@code (v - min) / (max - min)} with the minimum and
 *       maximum of the feature over the current window's non-missing values (0 if they are equal);
 *       two present values differ by the difference of their scaled values; if exactly one is
 *       missing, the difference is the other's scaled value s, or {@code 1 - s} if s &lt; 0.5; if
 *       both are missing it is 1;
 *   <li>nominal values differ by 0 if they are equal and present, and by 1 otherwise.
 * </ul>
 *
 * If a numeric feature is missing from the whole window but present in {@code x}, MOA's scaling
 * gives NaN for every distance and its search then keeps the oldest {@code k} instances of the
 * window; so does this class. Features are expected finite or NaN (missing).
 *
 * <p>Before anything is learned the votes are all 0. Not thread-safe. Neither {@link #votes} nor
 * {@link #learn} allocates once the window has been filled (the window's arrays grow by doubling up
 * to {@code window} rows as it fills).
 */
public final class Knn implements Classifier {
  private static final int INITIAL_ROWS = 256;

  private final Schema schema;
  private final KnnConfig config;
  private final int numFeatures;
  private final int numClasses;
  private final boolean[] nominal;
  private final boolean anyNominal;

  // The window: a ring of rows. While it is not full, rows 0..size-1 are in arrival order and head
  // is 0; once full, the oldest row is at head.
  private double[] rows; // raw values, row-major
  private double[] scaled; // numeric: scaled value (NaN if missing); nominal: value as an int
  private int[] labels;
  private int allocated;
  private int head;
  private int size;

  // Per feature: the range of the window's non-missing values (numeric features only) and their
  // number.
  private final double[] min;
  private final double[] max;
  private final int[] atMin; // how many window values equal min
  private final int[] atMax;
  private final int[] present;

  // Scratch.
  private final double[] query;
  private final boolean[] rescan;
  private double[] dist;
  private double[] heap;

  /**
   * An empty model.
   *
   * @throws IllegalArgumentException if {@code schema} is for regression, or the window times the
   *     number of features exceeds what one Java array holds
   */
  public Knn(Schema schema, KnnConfig config) {
    if (schema.isRegression()) {
      throw new IllegalArgumentException("knn is a classifier; the target is numeric");
    }
    this.schema = schema;
    this.config = config;
    this.numFeatures = schema.numFeatures();
    this.numClasses = schema.numClasses();
    if ((long) config.window() * Math.max(1, numFeatures) > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(
          "window " + config.window() + " times " + numFeatures + " features is too large");
    }
    this.nominal = new boolean[numFeatures];
    for (int j = 0; j < numFeatures; j++) {
      nominal[j] = schema.feature(j).isNominal();
    }
    this.anyNominal = schema.features().stream().anyMatch(a -> a.isNominal());
    this.min = new double[numFeatures];
    this.max = new double[numFeatures];
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
    this.atMin = new int[numFeatures];
    this.atMax = new int[numFeatures];
    this.present = new int[numFeatures];
    this.query = new double[numFeatures];
    this.rescan = new boolean[numFeatures];
    grow(Math.min(config.window(), INITIAL_ROWS));
  }

  @Override
  public Schema schema() {
    return schema;
  }

  /** The settings. */
  public KnnConfig config() {
    return config;
  }

  /** Number of instances in the window (at most {@link KnnConfig#window()}). */
  public int windowSize() {
    return size;
  }

  private void grow(int rowsWanted) {
    int n = rowsWanted;
    rows = rows == null ? new double[n * numFeatures] : Arrays.copyOf(rows, n * numFeatures);
    scaled = scaled == null ? new double[n * numFeatures] : Arrays.copyOf(scaled, n * numFeatures);
    labels = labels == null ? new int[n] : Arrays.copyOf(labels, n);
    dist = new double[n];
    heap = new double[Math.min(config.k(), n)];
    allocated = n;
  }

  /**
   * Learns one instance: it enters the window, dropping the oldest if the window is full.
   *
   * @throws IllegalArgumentException if {@code y} is not a class index of the schema
   */
  @Override
  public void learn(double[] x, int y, double weight) {
    if (y < 0 || !(weight > 0)) {
      return;
    }
    if (y >= numClasses) {
      throw new IllegalArgumentException("class index " + y + " >= " + numClasses);
    }
    int slot;
    if (size == config.window()) {
      slot = head;
      head = head + 1 == size ? 0 : head + 1;
      evict(slot);
    } else {
      if (size == allocated) {
        grow((int) Math.min(config.window(), 2L * allocated));
      }
      slot = size++;
    }
    int o = slot * numFeatures;
    System.arraycopy(x, 0, rows, o, numFeatures);
    labels[slot] = y;
    for (int j = 0; j < numFeatures; j++) {
      double v = x[j];
      if (!Double.isNaN(v)) {
        present[j]++;
      }
      if (nominal[j]) {
        scaled[o + j] = nominalValue(v);
        continue;
      }
      boolean changed;
      if (rescan[j]) {
        rescan[j] = false;
        changed = rescanRange(j);
      } else {
        changed = false;
        if (v < min[j]) {
          min[j] = v;
          atMin[j] = 1;
          changed = true;
        } else if (v == min[j]) {
          atMin[j]++;
        }
        if (v > max[j]) {
          max[j] = v;
          atMax[j] = 1;
          changed = true;
        } else if (v == max[j]) {
          atMax[j]++;
        }
      }
      if (changed) {
        rescale(j);
      } else {
        scaled[o + j] = scale(v, j);
      }
    }
  }

  /** Forgets the counts of the row at {@code slot}, before it is overwritten. */
  private void evict(int slot) {
    int o = slot * numFeatures;
    for (int j = 0; j < numFeatures; j++) {
      double v = rows[o + j];
      if (Double.isNaN(v)) {
        continue;
      }
      present[j]--;
      if (nominal[j]) {
        continue;
      }
      if (v == min[j] && --atMin[j] == 0) {
        rescan[j] = true;
      }
      if (v == max[j] && --atMax[j] == 0) {
        rescan[j] = true;
      }
    }
  }

  /** Recomputes feature {@code j}'s range over the window; true if it changed. */
  private boolean rescanRange(int j) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    int nLo = 0;
    int nHi = 0;
    for (int s = 0, o = j; s < size; s++, o += numFeatures) {
      double v = rows[o];
      if (v < lo) {
        lo = v;
        nLo = 1;
      } else if (v == lo) {
        nLo++;
      }
      if (v > hi) {
        hi = v;
        nHi = 1;
      } else if (v == hi) {
        nHi++;
      }
    }
    boolean changed = lo != min[j] || hi != max[j];
    min[j] = lo;
    max[j] = hi;
    atMin[j] = nLo;
    atMax[j] = nHi;
    return changed;
  }

  /** Scales feature {@code j} of every row in the window with the current range. */
  private void rescale(int j) {
    for (int s = 0, o = j; s < size; s++, o += numFeatures) {
      scaled[o] = scale(rows[o], j);
    }
  }

  /**
   * A nominal value as MOA compares it, truncated to an int (NaN stays NaN), so that two values
   * differ by at least 1 or not at all.
   */
  private static double nominalValue(double v) {
    return Double.isNaN(v) ? Double.NaN : (double) (int) v;
  }

  /** MOA's scaling of a numeric value: NaN stays NaN, a range of width 0 gives 0. */
  private double scale(double v, int j) {
    if (Double.isNaN(v)) {
      return Double.NaN;
    }
    if (max[j] == min[j]) {
      return 0;
    }
    return (v - min[j]) / (max[j] - min[j]);
  }

  /**
   * Writes into {@code votes} the number of nearest window instances of each class (see the class
   * comment); all zeros while the window is empty. Does not change the model.
   */
  @Override
  public void votes(double[] x, double[] votes) {
    Arrays.fill(votes, 0, numClasses, 0.0);
    int n = size;
    if (n == 0) {
      return;
    }
    int kk = Math.min(config.k(), n);
    boolean missing = false;
    for (int j = 0; j < numFeatures; j++) {
      double v = x[j];
      if (Double.isNaN(v)) {
        missing = true;
        query[j] = Double.NaN;
      } else if (nominal[j]) {
        query[j] = nominalValue(v);
      } else if (present[j] == 0) {
        // MOA scales with an empty range to NaN: every distance is NaN and the oldest k vote.
        for (int c = 0; c < kk; c++) {
          int s = head + c < n ? head + c : head + c - n;
          votes[labels[s]]++;
        }
        return;
      } else {
        query[j] = scale(v, j);
      }
      missing |= present[j] < n;
    }
    double[] d = dist;
    double[] h = heap;
    int filled = 0;
    for (int s = 0; s < n; s++) {
      double ds = missing ? distanceWithMissing(s) : anyNominal ? distance(s) : numericDistance(s);
      d[s] = ds;
      if (filled < kk) {
        siftUp(h, filled++, ds);
      } else if (ds < h[0]) {
        siftDown(h, kk, ds);
      }
    }
    double kth = h[0];
    int[] y = labels;
    for (int s = 0; s < n; s++) {
      if (d[s] <= kth) {
        votes[y[s]]++;
      }
    }
  }

  /** {@link #distance} when every feature is numeric. */
  private double numericDistance(int s) {
    double[] w = scaled;
    double[] q = query;
    int o = s * numFeatures;
    double sum = 0;
    for (int j = 0; j < q.length; j++) {
      double diff = q[j] - w[o + j];
      sum += diff * diff;
    }
    return sum;
  }

  /** Squared distance from the query to row {@code s}, neither having a missing value. */
  private double distance(int s) {
    double[] w = scaled;
    double[] q = query;
    int o = s * numFeatures;
    double sum = 0;
    for (int j = 0; j < q.length; j++) {
      double diff = q[j] - w[o + j];
      if (nominal[j]) {
        diff = Math.min(1.0, Math.abs(diff)); // nominal values are whole: 1 if unequal
      }
      sum += diff * diff;
    }
    return sum;
  }

  /** Squared distance from the query to row {@code s}, either possibly having missing values. */
  private double distanceWithMissing(int s) {
    double[] w = scaled;
    double[] q = query;
    int o = s * numFeatures;
    double sum = 0;
    for (int j = 0; j < q.length; j++) {
      double a = q[j];
      double b = w[o + j];
      boolean ma = Double.isNaN(a);
      boolean mb = Double.isNaN(b);
      double diff;
      if (nominal[j]) {
        diff = ma || mb || (int) a != (int) b ? 1 : 0;
      } else if (ma && mb) {
        diff = 1;
      } else if (ma || mb) {
        diff = ma ? b : a;
        if (diff < 0.5) {
          diff = 1.0 - diff;
        }
      } else {
        diff = a - b;
      }
      sum += diff * diff;
    }
    return sum;
  }

  /** Adds {@code v} to the max-heap {@code h} holding {@code n} values. */
  private static void siftUp(double[] h, int n, double v) {
    int i = n;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (h[parent] >= v) {
        break;
      }
      h[i] = h[parent];
      i = parent;
    }
    h[i] = v;
  }

  /** Replaces the largest of the {@code n} values of the max-heap {@code h} with {@code v}. */
  private static void siftDown(double[] h, int n, double v) {
    int i = 0;
    while (true) {
      int c = 2 * i + 1;
      if (c >= n) {
        break;
      }
      if (c + 1 < n && h[c + 1] > h[c]) {
        c++;
      }
      if (h[c] <= v) {
        break;
      }
      h[i] = h[c];
      i = c;
    }
    h[i] = v;
  }

  // ---- state ----

  /** The window's raw values, oldest row first ({@link #windowSize()} × features). */
  double[] windowRows() {
    double[] out = new double[size * numFeatures];
    int first = (size - head) * numFeatures;
    System.arraycopy(rows, head * numFeatures, out, 0, first);
    System.arraycopy(rows, 0, out, first, head * numFeatures);
    return out;
  }

  /** The window's labels, oldest first. */
  int[] windowLabels() {
    int[] out = new int[size];
    System.arraycopy(labels, head, out, 0, size - head);
    System.arraycopy(labels, 0, out, size - head, head);
    return out;
  }

  /**
   * Restores a window read with {@link #windowRows()} and {@link #windowLabels()} into an empty
   * model.
   *
   * @throws IllegalArgumentException if the sizes or the labels do not fit
   */
  void restore(double[] windowRows, int[] windowLabels) {
    int n = windowLabels.length;
    if (size != 0 || n > config.window() || windowRows.length != (long) n * numFeatures) {
      throw new IllegalArgumentException("the window does not fit this model");
    }
    for (int label : windowLabels) {
      if (label < 0 || label >= numClasses) {
        throw new IllegalArgumentException("class index " + label + " out of range");
      }
    }
    if (n > allocated) {
      grow(n);
    }
    System.arraycopy(windowRows, 0, rows, 0, windowRows.length);
    System.arraycopy(windowLabels, 0, labels, 0, n);
    size = n;
    head = 0;
    for (int j = 0; j < numFeatures; j++) {
      int p = 0;
      for (int s = 0, o = j; s < n; s++, o += numFeatures) {
        if (!Double.isNaN(rows[o])) {
          p++;
        }
      }
      present[j] = p;
      if (nominal[j]) {
        for (int s = 0, o = j; s < n; s++, o += numFeatures) {
          scaled[o] = nominalValue(rows[o]);
        }
        continue;
      }
      rescanRange(j);
      rescale(j);
    }
  }

  @Override
  public String toString() {
    return "Knn(k=" + config.k() + ", window " + size + "/" + config.window() + ")";
  }
}
