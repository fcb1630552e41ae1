package org.coppice.learn.tree;

import java.util.Arrays;
import org.coppice.data.Schema;
import org.coppice.learn.GaussianEstimator;
import org.coppice.util.JavaRandom;

/**
 * The attribute observers of every leaf (Domingos and Hulten 2000, §2: the sufficient statistics
 * n_ijk a leaf keeps to evaluate splits), all in one {@code double[]} pool: each leaf that has
 * learned owns one block holding the observers of its monitored attributes, in ascending attribute
 * order. Blocks freed by splits and resets are reused by later leaves of the same block size.
 *
 * <pre>
 * obs:    [leaf block][monitored attribute, ascending][observer of that attribute]
 * numeric observer:  [class][W, MEAN, M2, MIN, MAX]        (GAUSS_STATS = 5 doubles per class)
 * nominal observer:  [class][LEN, TOTAL, count_0 .. count_{V-1}]   (V = declared values)
 * </pre>
 *
 * <p>A numeric observer is MOA's {@code GaussianNumericAttributeClassObserver}: per class, a
 * weighted normal estimator whose [W, MEAN, M2] triple is updated by {@link GaussianEstimator}'s
 * kernel (the one naive Bayes uses), plus the range [MIN, MAX]; MIN is NaN until the class has been
 * seen with a non-missing value (MOA's "no estimator yet"). A nominal observer is MOA's {@code
 * NominalAttributeClassObserver}: LEN is the highest value index seen with the class plus 1 (0: the
 * class was never seen), TOTAL the sum of the counts.
 *
 * <p>A leaf monitors all attributes, or, in a random forest (Gomes et al. 2017), a random subspace
 * of m attributes drawn without replacement at its first learn from the tree's generator, as MOA's
 * {@code ARFHoeffdingTree}.
 */
abstract class ObserverPool extends NodeStore {
  static final int GW = 0;
  static final int GMEAN = 1;
  static final int GM2 = 2;
  static final int GMIN = 3;
  static final int GMAX = 4;
  static final int GAUSS_STATS = 5;

  static final int NLEN = 0;
  static final int NTOTAL = 1;
  static final int NCOUNTS = 2;

  final Layout layout;
  final int numFeatures;
  final boolean[] nominal; // [attribute], shared: see Layout
  final int[] numValues; // [attribute] declared nominal values (0 for numeric)
  final int[] blockSize; // [attribute] doubles in one observer
  final int leafAttributes; // attributes monitored by each leaf (m, or all)
  final boolean drawSubspace;
  final JavaRandom random; // draws the subspaces

  // ---- per node ----
  int[] obsOffset; // [node] start of the leaf's block in obs[], or -1 (split node, or not learned)
  int[] subspace; // [node][leafAttributes] monitored attributes, ascending

  // ---- the pool ----
  double[] obs;
  int obsSize;
  int[] freeBlockOffsets = NO_INTS; // [k] blocks freed by splits, reused when the size matches
  int[] freeBlockSizes = NO_INTS;
  int freeBlockCount;
  private int[] drawList; // [attribute] scratch of the subspace draws, allocated at the first draw

  /**
   * What every tree over one schema derives from it, computed once and shared by all the trees of a
   * forest (a forest over 1,000 features would otherwise repeat it in every tree).
   */
  static final class Layout {
    final boolean[] nominal; // [attribute]
    final int[] numValues; // [attribute] declared nominal values (0 for numeric)
    final int[] blockSize; // [attribute] doubles in one observer
    final int maxBranches;

    Layout(Schema schema) {
      int numFeatures = schema.numFeatures();
      int numClasses = schema.numClasses();
      nominal = new boolean[numFeatures];
      numValues = new int[numFeatures];
      blockSize = new int[numFeatures];
      int branches = 2;
      for (int a = 0; a < numFeatures; a++) {
        nominal[a] = schema.feature(a).isNominal();
        numValues[a] = schema.feature(a).numValues();
        blockSize[a] =
            nominal[a] ? numClasses * (NCOUNTS + numValues[a]) : numClasses * GAUSS_STATS;
        branches = Math.max(branches, numValues[a]);
      }
      maxBranches = branches;
    }
  }

  /**
   * @param subspaceSize attributes per leaf, or {@link HoeffdingTreeConfig#ALL_ATTRIBUTES}
   */
  ObserverPool(int numClasses, int numFeatures, Layout layout, int subspaceSize, long seed) {
    super(numClasses);
    this.layout = layout;
    this.numFeatures = numFeatures;
    this.nominal = layout.nominal;
    this.numValues = layout.numValues;
    this.blockSize = layout.blockSize;
    int m = subspaceSize;
    // As ARFHoeffdingTree: a subspace at least as wide as the instance (class included) means all.
    this.drawSubspace = m != HoeffdingTreeConfig.ALL_ATTRIBUTES && m < numFeatures + 1;
    this.leafAttributes = drawSubspace ? Math.min(m, numFeatures) : numFeatures;
    this.random = new JavaRandom(seed);
    obsOffset = NO_INTS;
    subspace = NO_INTS;
    obs = NO_DOUBLES;
  }

  @Override
  void growNodeColumns(int capacity) {
    obsOffset = Arrays.copyOf(obsOffset, capacity);
    subspace = Arrays.copyOf(subspace, capacity * leafAttributes);
  }

  @Override
  void releaseNode(int n) {
    freeObservers(n);
  }

  /** Forgets every block. */
  void clearObservers() {
    obsSize = 0;
    freeBlockCount = 0;
  }

  // ------------------------------------------------------------------------------------------------
  // Learning

  /**
   * Adds x with class y and weight w to leaf {@code n}'s observers, drawing its subspace and
   * allocating its block at its first learn.
   */
  final void observe(int n, double[] x, int y, double weight) {
    if (obsOffset[n] < 0) {
      initObservers(n);
    }
    int off = obsOffset[n];
    int sub = n * leafAttributes;
    for (int j = 0; j < leafAttributes; j++) {
      int a = subspace[sub + j];
      double v = x[a];
      if (v == v) { // not missing
        if (nominal[a]) {
          int base = off + y * (NCOUNTS + numValues[a]);
          int index = (int) v;
          obs[base + NCOUNTS + index] += weight;
          obs[base + NTOTAL] += weight;
          if (obs[base + NLEN] <= index) {
            obs[base + NLEN] = index + 1;
          }
        } else {
          observeNumeric(obs, off + y * GAUSS_STATS, v, weight);
        }
      }
      off += blockSize[a];
    }
  }

  /**
   * One value into the [W, MEAN, M2, MIN, MAX] observer of one class at {@code base}: the range
   * takes every non-missing value, the estimator only finite ones (GaussianEstimator ignores
   * infinities).
   */
  static void observeNumeric(double[] obs, int base, double v, double weight) {
    if (obs[base + GMIN] != obs[base + GMIN]) {
      obs[base + GMIN] = v;
      obs[base + GMAX] = v;
    } else {
      if (v < obs[base + GMIN]) {
        obs[base + GMIN] = v;
      }
      if (v > obs[base + GMAX]) {
        obs[base + GMAX] = v;
      }
    }
    GaussianEstimator.add(obs, base + GW, v, weight);
  }

  /**
   * Draws the leaf's subspace (ARFHoeffdingTree: at its first learn) and allocates its observers.
   */
  private void initObservers(int n) {
    int sub = n * leafAttributes;
    if (drawSubspace) {
      // Without replacement: take position nextInt(size) of the remaining list, as MOA 2024.07.
      if (drawList == null) {
        drawList = new int[numFeatures];
      }
      for (int a = 0; a < numFeatures; a++) {
        drawList[a] = a;
      }
      int size = numFeatures;
      for (int j = 0; j < leafAttributes; j++) {
        int pos = random.nextInt(size);
        subspace[sub + j] = drawList[pos];
        System.arraycopy(drawList, pos + 1, drawList, pos, size - pos - 1);
        size--;
      }
      // Observers are kept and visited in attribute order, as MOA's AutoExpandVector of observers.
      Arrays.sort(subspace, sub, sub + leafAttributes);
    } else {
      for (int j = 0; j < leafAttributes; j++) {
        subspace[sub + j] = j;
      }
    }
    int off = allocateBlock(leafBlockSize(n));
    obsOffset[n] = off;
    for (int j = 0; j < leafAttributes; j++) {
      int a = subspace[sub + j];
      Arrays.fill(obs, off, off + blockSize[a], 0.0);
      if (!nominal[a]) {
        for (int c = 0; c < numClasses; c++) {
          obs[off + c * GAUSS_STATS + GMIN] = Double.NaN;
          obs[off + c * GAUSS_STATS + GMAX] = Double.NaN;
        }
      }
      off += blockSize[a];
    }
  }

  /** Returns leaf {@code n}'s block to the pool, if it has one. */
  final void freeObservers(int n) {
    if (obsOffset[n] >= 0) {
      freeBlock(obsOffset[n], leafBlockSize(n));
      obsOffset[n] = -1;
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Reading

  /** Doubles in leaf {@code n}'s block. */
  final int leafBlockSize(int n) {
    int size = 0;
    int sub = n * leafAttributes;
    for (int j = 0; j < leafAttributes; j++) {
      size += blockSize[subspace[sub + j]];
    }
    return size;
  }

  /** Start in obs[] of leaf {@code n}'s observer of {@code attr}, which it monitors. */
  final int observerOffset(int n, int attr) {
    int off = obsOffset[n];
    int sub = n * leafAttributes;
    for (int j = 0; j < leafAttributes; j++) {
      int a = subspace[sub + j];
      if (a == attr) {
        break;
      }
      off += blockSize[a];
    }
    return off;
  }

  /**
   * MOA NaiveBayes.doNaiveBayesPrediction over the leaf's observers: prior times the likelihood of
   * each non-missing monitored attribute, no logarithms, no normalisation; entries past the
   * class-count length stay 0. Reads state only.
   */
  final void naiveBayes(int n, double[] x, double[] out) {
    Arrays.fill(out, 0, numClasses, 0.0);
    int len = classLen[n];
    if (len == 0) {
      return;
    }
    int base = n * numClasses;
    double total = sum(counts, base, len);
    for (int c = 0; c < len; c++) {
      out[c] = counts[base + c] / total;
    }
    int off = obsOffset[n];
    if (off < 0) {
      return;
    }
    int sub = n * leafAttributes;
    for (int j = 0; j < leafAttributes; j++) {
      int a = subspace[sub + j];
      double v = x[a];
      if (v == v) {
        if (nominal[a]) {
          int stride = NCOUNTS + numValues[a];
          int index = (int) v;
          for (int c = 0; c < len; c++) {
            int b = off + c * stride;
            double vlen = obs[b + NLEN];
            if (vlen == 0) {
              out[c] *= 0.0;
            } else {
              double cnt = index < vlen ? obs[b + NCOUNTS + index] : 0.0;
              out[c] *= (cnt + 1.0) / (obs[b + NTOTAL] + vlen);
            }
          }
        } else {
          for (int c = 0; c < len; c++) {
            int b = off + c * GAUSS_STATS;
            if (obs[b + GMIN] != obs[b + GMIN]) {
              out[c] *= 0.0;
            } else {
              out[c] *= GaussianEstimator.density(obs, b + GW, v);
            }
          }
        }
      }
      off += blockSize[a];
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Block allocator

  private int allocateBlock(int size) {
    for (int i = freeBlockCount - 1; i >= 0; i--) {
      if (freeBlockSizes[i] == size) {
        int off = freeBlockOffsets[i];
        freeBlockCount--;
        freeBlockOffsets[i] = freeBlockOffsets[freeBlockCount];
        freeBlockSizes[i] = freeBlockSizes[freeBlockCount];
        return off;
      }
    }
    if (obsSize + size > obs.length) {
      obs = Arrays.copyOf(obs, Math.max(obsSize + size, obs.length * 2));
    }
    int off = obsSize;
    obsSize += size;
    return off;
  }

  private void freeBlock(int off, int size) {
    if (off + size == obsSize) {
      obsSize = off;
      return;
    }
    if (freeBlockCount == freeBlockOffsets.length) {
      int cap = Math.max(8, freeBlockCount * 2);
      freeBlockOffsets = Arrays.copyOf(freeBlockOffsets, cap);
      freeBlockSizes = Arrays.copyOf(freeBlockSizes, cap);
    }
    freeBlockOffsets[freeBlockCount] = off;
    freeBlockSizes[freeBlockCount] = size;
    freeBlockCount++;
  }
}
