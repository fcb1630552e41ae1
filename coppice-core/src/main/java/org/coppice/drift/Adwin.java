package org.coppice.drift;

import java.util.Arrays;

/**
 * ADWIN, the adaptive sliding window of Bifet and Gavaldà ("Learning from Time-Changing Data with
 * Adaptive Windowing", SIAM International Conference on Data Mining, 2007), computed exactly as MOA
 * 2024.07's {@code ADWIN.java}: the same exponential histogram, the same cut test and the same
 * floating-point results bit for bit, so that it cuts at the same inputs. Two shortcuts keep the
 * results unchanged: dividing by a bucket size 2^r is done as a multiplication by 2^-r (exact), and
 * a division-free pre-test skips the boundaries where MOA's cut test is certainly false, with a
 * margin far above rounding error.
 *
 * <p>The window is summarised by buckets in rows. Row {@code r} holds buckets of {@code 2^r} inputs
 * each; row 0 holds the newest inputs, and within a row slot 0 is the oldest bucket. A row holds at
 * most {@link #MAX_BUCKETS} buckets between inputs: when an insertion fills a row to {@code
 * MAX_BUCKETS + 1}, its two oldest buckets are merged into one appended to the next row.
 *
 * <p>Every {@link #clock()} inputs (counted by {@link #time()}, never reset), if the window is
 * longer than 10, the window is scanned from its oldest bucket to its newest, splitting it into an
 * older part (n0 inputs, sum u0) and a newer part (n1, u1); the newest bucket is never a split
 * point. A split with n0 &gt; 6 and n1 &gt; 6 cuts when {@code |u0/n0 - u1/n1| > ε}, with {@code δ'
 * = ln(2 ln(W) / δ)}, {@code m = 1/(n0 - 4) + 1/(n1 - 4)}, {@code σ² = VAR/W} and {@code ε = sqrt(2
 * m σ² δ') + 2/3 δ' m}. A cut drops the single oldest bucket and the scan restarts.
 *
 * <p>Two integer products ({@code n*n} when merging and {@code n1*W} when dropping a bucket) are
 * computed in 32-bit arithmetic as in MOA, and so overflow for windows of several hundred thousand
 * inputs; this is kept on purpose so that results stay identical to MOA's.
 *
 * <p>State layout, for model files ({@link #restore}): {@code rowCounts[r]} is the number of
 * buckets in row {@code r} for {@code r < rows()}; the sum and the variance term of bucket {@code
 * s} of row {@code r} are at index {@code r * ROW_STRIDE + s} of {@code bucketSums} and {@code
 * bucketVariances}.
 *
 * <p>Not thread-safe. {@link #setInput} allocates nothing except when the histogram grows a new row
 * (at most once per doubling of the window).
 */
public final class Adwin implements DriftDetector {
  /** MOA's default confidence δ. */
  public static final double DEFAULT_DELTA = 0.002;

  /** MOA's default number of inputs between two checks. */
  public static final int DEFAULT_CLOCK = 32;

  /** Buckets kept per row between inputs (MOA's {@code MAXBUCKETS}). */
  public static final int MAX_BUCKETS = 5;

  /** Slots reserved per row in the flat bucket arrays: a row briefly holds one extra bucket. */
  public static final int ROW_STRIDE = MAX_BUCKETS + 1;

  // A check needs a window longer than this (MOA's mintMinimLongitudWindow).
  private static final int MIN_WINDOW = 10;
  // Both sub-windows must hold more than this + 1 inputs (MOA's mintMinWinLength).
  private static final int MIN_SUB_WINDOW = 5;
  private static final int INITIAL_ROWS = 8;
  // INV_POW2[r] = 2^-r, exact.
  private static final double[] INV_POW2 = new double[33];
  // Relative slack for rounding in surelyNoCut: ~10^4 ulps, far above the few ulps that occur.
  private static final double ROUNDING_SLACK = 1e-12;
  private static final double SAFETY = 1 - 1e-9;

  static {
    for (int r = 0; r < INV_POW2.length; r++) {
      INV_POW2[r] = Math.scalb(1.0, -r);
    }
  }

  private final double delta;
  private final int clock;

  private int time;
  private int width;
  private double total;
  // Sum of squared deviations from the mean over the window (MOA's VARIANCE); variance() = this/W.
  private double varianceSum;
  // Rows in use (MOA's lastBucketRow + 1); always >= 1.
  private int rows;
  // counts: [row]
  private int[] counts;
  // sums: [row * ROW_STRIDE + slot]
  private double[] sums;
  // variances: [row * ROW_STRIDE + slot]
  private double[] variances;

  /** An empty window with δ = {@link #DEFAULT_DELTA} and clock {@link #DEFAULT_CLOCK}. */
  public Adwin() {
    this(DEFAULT_DELTA, DEFAULT_CLOCK);
  }

  /** An empty window with confidence {@code delta} in (0, 1) and clock {@link #DEFAULT_CLOCK}. */
  public Adwin(double delta) {
    this(delta, DEFAULT_CLOCK);
  }

  /**
   * An empty window.
   *
   * @param delta confidence of the cut test, in (0, 1); smaller cuts less often
   * @param clock the window is checked for a cut every {@code clock} inputs; positive
   */
  public Adwin(double delta, int clock) {
    if (!(delta > 0 && delta < 1)) {
      throw new IllegalArgumentException("delta must be in (0, 1): " + delta);
    }
    if (clock <= 0) {
      throw new IllegalArgumentException("clock must be positive: " + clock);
    }
    this.delta = delta;
    this.clock = clock;
    this.rows = 1;
    this.counts = new int[INITIAL_ROWS];
    this.sums = new double[INITIAL_ROWS * ROW_STRIDE];
    this.variances = new double[INITIAL_ROWS * ROW_STRIDE];
  }

  /**
   * Adds {@code value} to the window and, every {@link #clock()} inputs, drops old buckets while
   * the window holds two sub-windows with significantly different means.
   *
   * @return true if at least one bucket was dropped at this input
   */
  public boolean setInput(double value) {
    time++;
    insert(value);
    if (time % clock != 0 || width <= MIN_WINDOW) {
      return false;
    }
    boolean change = false;
    while (scanAndCut()) {
      change = true;
    }
    return change;
  }

  /** Same as {@link #setInput}. */
  @Override
  public boolean update(double value) {
    return setInput(value);
  }

  /** Always false: ADWIN has no warning zone. */
  @Override
  public boolean inWarningZone() {
    return false;
  }

  /** The mean of the window, {@code total() / width()}; NaN while the window is empty. */
  @Override
  public double estimation() {
    return total / width;
  }

  /** An empty window with the same δ and clock. */
  @Override
  public Adwin freshCopy() {
    return new Adwin(delta, clock);
  }

  /** Number of inputs in the window. */
  public int width() {
    return width;
  }

  /** Sum of the inputs in the window. */
  public double total() {
    return total;
  }

  /**
   * Population variance of the inputs in the window, {@link #varianceSum()} / width; NaN if empty.
   */
  public double variance() {
    return varianceSum / width;
  }

  /**
   * Sum of squared deviations from the window mean, as maintained incrementally (MOA's VARIANCE).
   */
  public double varianceSum() {
    return varianceSum;
  }

  /** The confidence δ of the cut test. */
  public double delta() {
    return delta;
  }

  /** Number of inputs between two checks. */
  public int clock() {
    return clock;
  }

  /** Number of inputs seen since creation (never reset by a cut). */
  public int time() {
    return time;
  }

  /**
   * Number of bucket rows in use (at least 1); row {@code r} holds buckets of {@code 2^r} inputs.
   */
  public int rows() {
    return rows;
  }

  /** Number of buckets in row {@code row}, in [0, {@link #MAX_BUCKETS}]. */
  public int rowCount(int row) {
    checkRow(row);
    return counts[row];
  }

  /** Sum of the inputs in bucket {@code slot} of row {@code row} (slot 0 is the oldest). */
  public double bucketSum(int row, int slot) {
    checkSlot(row, slot);
    return sums[row * ROW_STRIDE + slot];
  }

  /** Variance term (sum of squared deviations) of bucket {@code slot} of row {@code row}. */
  public double bucketVariance(int row, int slot) {
    checkSlot(row, slot);
    return variances[row * ROW_STRIDE + slot];
  }

  /** A copy of the per-row bucket counts, of length {@link #rows()}. */
  public int[] rowCounts() {
    return Arrays.copyOf(counts, rows);
  }

  /**
   * A copy of the bucket sums, of length {@code rows() * ROW_STRIDE}, laid out as {@code [row *
   * ROW_STRIDE + slot]}; unused slots are 0.
   */
  public double[] bucketSums() {
    return Arrays.copyOf(sums, rows * ROW_STRIDE);
  }

  /** A copy of the bucket variance terms, laid out as {@link #bucketSums()}. */
  public double[] bucketVariances() {
    return Arrays.copyOf(variances, rows * ROW_STRIDE);
  }

  /**
   * Rebuilds a window from state read with the accessors of this class. The width is derived from
   * the row counts; {@code total} and {@code varianceSum} are taken as given, since they are
   * maintained incrementally and cannot be recomputed bit for bit.
   *
   * @param rowCounts buckets per row; length is the number of rows (at least 1), every count in [0,
   *     {@link #MAX_BUCKETS}], and the last row non-empty unless it is the only row
   * @param bucketSums at least {@code rowCounts.length * ROW_STRIDE} values, layout {@code [row *
   *     ROW_STRIDE + slot]}; slots at or past a row's count are ignored
   * @param bucketVariances same layout as {@code bucketSums}
   * @throws IllegalArgumentException if the state is inconsistent
   */
  public static Adwin restore(
      double delta,
      int clock,
      int time,
      double total,
      double varianceSum,
      int[] rowCounts,
      double[] bucketSums,
      double[] bucketVariances) {
    Adwin a = new Adwin(delta, clock);
    int n = rowCounts.length;
    if (n < 1 || n > 31) {
      throw new IllegalArgumentException("ADWIN needs 1 to 31 rows, got " + n);
    }
    if (bucketSums.length < n * ROW_STRIDE || bucketVariances.length < n * ROW_STRIDE) {
      throw new IllegalArgumentException("ADWIN bucket arrays are shorter than rows * ROW_STRIDE");
    }
    if (time < 0) {
      throw new IllegalArgumentException("ADWIN time is negative: " + time);
    }
    if (n > 1 && rowCounts[n - 1] == 0) {
      throw new IllegalArgumentException("ADWIN's last row is empty");
    }
    a.ensureRows(n);
    long w = 0;
    for (int r = 0; r < n; r++) {
      int c = rowCounts[r];
      if (c < 0 || c > MAX_BUCKETS) {
        throw new IllegalArgumentException("ADWIN row " + r + " holds " + c + " buckets");
      }
      a.counts[r] = c;
      System.arraycopy(bucketSums, r * ROW_STRIDE, a.sums, r * ROW_STRIDE, c);
      System.arraycopy(bucketVariances, r * ROW_STRIDE, a.variances, r * ROW_STRIDE, c);
      w += (long) c << r;
    }
    if (w > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("ADWIN window too wide: " + w);
    }
    a.rows = n;
    a.time = time;
    a.width = (int) w;
    a.total = total;
    a.varianceSum = varianceSum;
    return a;
  }

  // ---- internals ----

  private void insert(double value) {
    width++;
    int k = counts[0]++;
    sums[k] = value;
    variances[k] = 0;
    if (width > 1) {
      double d = value - total / (width - 1);
      varianceSum += (width - 1) * d * d / width;
    }
    total += value;
    compress();
  }

  /** Merges the two oldest buckets of every full row into the next row, from row 0 upwards. */
  private void compress() {
    for (int r = 0; counts[r] == ROW_STRIDE; r++) {
      if (r + 1 == rows) {
        ensureRows(rows + 1);
        rows++;
      }
      int n = 1 << r;
      int base = r * ROW_STRIDE;
      double a = sums[base];
      double b = sums[base + 1];
      // x * 2^-r is bit-identical to MOA's x / 2^r, and cheaper.
      double d = a * INV_POW2[r] - b * INV_POW2[r];
      // n * n in int arithmetic, as MOA (it wraps to 0 from row 16 on).
      int nn = n * n;
      double inc = nn * d * d * INV_POW2[r + 1];
      int next = (r + 1) * ROW_STRIDE + counts[r + 1]++;
      sums[next] = a + b;
      variances[next] = variances[base] + variances[base + 1] + inc;
      shiftRow(r, 2);
    }
  }

  /** One scan from the oldest bucket; drops the oldest bucket and returns true on a cut. */
  private boolean scanAndCut() {
    // Fixed during one scan: W only changes when the scan cuts, which ends it.
    double dd = Math.log(2 * Math.log(width) / delta);
    double v = varianceSum / width;
    double third = (double) 2 / 3 * dd;
    double twoVdd = 2 * v * dd;
    int n0 = 0;
    int n1 = width;
    double u0 = 0;
    double u1 = total;
    for (int r = rows - 1; r >= 0; r--) {
      int size = 1 << r;
      int c = counts[r];
      int base = r * ROW_STRIDE;
      for (int k = 0; k < c; k++) {
        double s = sums[base + k];
        n0 += size;
        n1 -= size;
        u0 += s;
        u1 -= s;
        if (r == 0 && k == c - 1) {
          return false;
        }
        if (n1 > MIN_SUB_WINDOW + 1
            && n0 > MIN_SUB_WINDOW + 1
            && !surelyNoCut(n0, n1, u0, u1, third, twoVdd)) {
          // MOA's test, with its operations in its order.
          double abs = Math.abs(u0 / n0 - u1 / n1);
          double m =
              (double) 1 / (n0 - MIN_SUB_WINDOW + 1) + (double) 1 / (n1 - MIN_SUB_WINDOW + 1);
          double epsilon = Math.sqrt(2 * m * v * dd) + third * m;
          if (abs > epsilon) {
            deleteOldest();
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * A division-free test that is true only when MOA's cut test is certainly false. With m = Q/P, Q
   * = n0 + n1 - 8 and P = (n0 - 4)(n1 - 4), and B an upper bound of |u0/n0 - u1/n1|·n0·n1 that
   * covers the rounding of both ways of computing it, there is no cut when B·P is below
   * (2/3)δ'·Q·n0·n1 or B²·P is below 2σ²δ'·Q·(n0·n1)², each with a margin far above rounding error.
   * The rare boundaries it cannot settle go through the exact test.
   */
  private static boolean surelyNoCut(
      int n0, int n1, double u0, double u1, double third, double twoVdd) {
    double x0 = n0;
    double x1 = n1;
    double b =
        Math.abs(u0 * x1 - u1 * x0) + ROUNDING_SLACK * (Math.abs(u0) * x1 + Math.abs(u1) * x0);
    double p = (x0 - 4) * (x1 - 4);
    double q = (x0 + x1 - 8) * SAFETY;
    double nn = x0 * x1;
    return b * p < third * q * nn || b * b * p < twoVdd * q * nn * nn;
  }

  private void deleteOldest() {
    int r = rows - 1;
    int n1 = 1 << r;
    int base = r * ROW_STRIDE;
    width -= n1;
    total -= sums[base];
    double d = sums[base] * INV_POW2[r] - total / width;
    // n1 * width in int arithmetic, as MOA.
    int nw = n1 * width;
    varianceSum -= variances[base] + nw * d * d / (n1 + width);
    shiftRow(r, 1);
    if (counts[r] == 0 && rows > 1) {
      rows--;
    }
  }

  /** Drops the {@code k} oldest buckets of row {@code r}, clearing the freed slots. */
  private void shiftRow(int r, int k) {
    int base = r * ROW_STRIDE;
    int c = counts[r];
    for (int s = 0; s < c - k; s++) {
      sums[base + s] = sums[base + s + k];
      variances[base + s] = variances[base + s + k];
    }
    for (int s = c - k; s < c; s++) {
      sums[base + s] = 0;
      variances[base + s] = 0;
    }
    counts[r] = c - k;
  }

  private void ensureRows(int n) {
    if (n > counts.length) {
      int cap = Math.max(n, counts.length * 2);
      counts = Arrays.copyOf(counts, cap);
      sums = Arrays.copyOf(sums, cap * ROW_STRIDE);
      variances = Arrays.copyOf(variances, cap * ROW_STRIDE);
    }
  }

  private void checkRow(int row) {
    if (row < 0 || row >= rows) {
      throw new IndexOutOfBoundsException("row " + row + " of " + rows);
    }
  }

  private void checkSlot(int row, int slot) {
    checkRow(row);
    if (slot < 0 || slot >= counts[row]) {
      throw new IndexOutOfBoundsException("slot " + slot + " of " + counts[row] + " in row " + row);
    }
  }

  @Override
  public String toString() {
    return "Adwin{delta=" + delta + ", width=" + width + ", mean=" + estimation() + "}";
  }
}
