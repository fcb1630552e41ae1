package org.coppice.learn.tree;

import java.util.Arrays;
import org.coppice.learn.GaussianEstimator;
import org.coppice.util.NormalDistribution;

/**
 * The split decision of a Hoeffding tree leaf (Domingos and Hulten 2000, Table 1; MOA's {@code
 * HoeffdingTree.attemptToSplit}): every monitored attribute's observer proposes its best split, the
 * candidates are ranked by the {@link SplitMerit} strategy, and the leaf splits once the best beats
 * the second by more than the Hoeffding bound ε, or ε falls below the tie threshold.
 *
 * <p>Reads the tree's observers and counts, never changes them; the tree carries out the decision.
 * Its scratch arrays are reused, so one search belongs to one tree. Scratch layouts:
 *
 * <pre>
 * post:      [branch][class] class weights of each branch of the candidate being scored
 * postLen:   [branch]        length of each branch's class vector (MOA's DoubleVector length)
 * gMin .. gStdDev: [class]   one numeric observer unpacked, σ computed once per attempt
 * thresholds: [bin]          candidate thresholds of one numeric observer, ascending
 * </pre>
 */
final class SplitSearch {
  /** {@link #attempt} outcomes. */
  static final int NO_SPLIT = 0;

  static final int NULL_SPLIT = 1; // the "do not split" candidate won
  static final int SPLIT = 2; // split on bestAttr / bestKind / bestValue

  private final ObserverPool t;
  private final SplitMerit criterion;
  private final int numClasses;
  private final int numBins;
  private final boolean binarySplits;
  private final boolean noPrePrune;
  private final double splitConfidence;
  private final double tieThreshold;

  // The winning candidate of the last attempt that returned SPLIT.
  int bestAttr;
  byte bestKind;
  double bestValue;

  final double[] post;
  final int[] postLen;
  private final double[] branchWeight;
  private final double[] gMin;
  private final double[] gMax;
  private final double[] gWeight;
  private final double[] gMean;
  private final double[] gStdDev;
  private final double[] thresholds;

  // The best suggestion of one observer, returned through these fields.
  private double suggestionMerit;
  private byte suggestionKind;
  private double suggestionValue;

  SplitSearch(ObserverPool tree, HoeffdingTreeConfig config) {
    this.t = tree;
    this.criterion = SplitMerit.of(config);
    this.numClasses = tree.numClasses;
    this.numBins = config.numBins();
    this.binarySplits = config.binarySplits();
    this.noPrePrune = config.noPrePrune();
    this.splitConfidence = config.splitConfidence();
    this.tieThreshold = config.tieThreshold();
    int maxBranches = tree.layout.maxBranches;
    this.post = new double[maxBranches * numClasses];
    this.postLen = new int[maxBranches];
    this.branchWeight = new double[maxBranches];
    this.gMin = new double[numClasses];
    this.gMax = new double[numClasses];
    this.gWeight = new double[numClasses];
    this.gMean = new double[numClasses];
    this.gStdDev = new double[numClasses];
    this.thresholds = new double[numBins];
  }

  /**
   * ε = √(R² ln(1/δ) / 2n): with probability 1 − δ the true mean is within ε of the observed one.
   */
  static double hoeffdingBound(double range, double delta, double n) {
    return Math.sqrt(((range * range) * Math.log(1.0 / delta)) / (2.0 * n));
  }

  /**
   * Decides whether leaf {@code n} (which has observers) should split: {@link #NO_SPLIT}, {@link
   * #NULL_SPLIT}, or {@link #SPLIT} with the winner in {@link #bestAttr}, {@link #bestKind}, {@link
   * #bestValue}.
   */
  int attempt(int n) {
    if (t.isPure(n)) {
      return NO_SPLIT;
    }
    final double[] counts = t.counts;
    final int len = t.classLen[n];
    final int pre = n * numClasses;
    final double preWeight = t.leafWeight(n);
    criterion.begin(counts, pre, len);
    // Candidates in MOA's order: the null split, then each observer in attribute order. After a
    // stable ascending sort MOA takes the last two; so among equal merits the later candidate ranks
    // higher.
    int candidates = 0;
    double bestMerit = Double.NaN;
    double secondMerit = Double.NaN;
    int attr = -1; // -1: the null split
    byte kind = NodeStore.LEAF;
    double value = 0;
    if (!noPrePrune) {
      bestMerit = criterion.nullSplit(counts, pre, len, preWeight);
      candidates = 1;
    }
    int off = t.obsOffset[n];
    int sub = n * t.leafAttributes;
    for (int j = 0; j < t.leafAttributes; j++) {
      int a = t.subspace[sub + j];
      boolean found = t.nominal[a] ? bestNominalSuggestion(off, a) : bestNumericSuggestion(off);
      off += t.blockSize[a];
      if (!found) {
        continue;
      }
      double merit = suggestionMerit;
      if (candidates == 0 || Double.compare(merit, bestMerit) >= 0) {
        secondMerit = bestMerit;
        bestMerit = merit;
        attr = a;
        kind = suggestionKind;
        value = suggestionValue;
      } else if (candidates == 1 || Double.compare(merit, secondMerit) >= 0) {
        secondMerit = merit;
      }
      candidates++;
    }
    boolean shouldSplit;
    if (candidates < 2) {
      shouldSplit = candidates > 0;
    } else {
      double epsilon = hoeffdingBound(criterion.range(len), splitConfidence, preWeight);
      shouldSplit = bestMerit - secondMerit > epsilon || epsilon < tieThreshold;
    }
    if (!shouldSplit) {
      return NO_SPLIT;
    }
    if (attr < 0) {
      return NULL_SPLIT;
    }
    bestAttr = attr;
    bestKind = kind;
    bestValue = value;
    return SPLIT;
  }

  /**
   * Fills {@link #post} and {@link #postLen} with the class distributions of the branches of the
   * split ({@code kind}, {@code value}) of the observer at {@code off} of attribute {@code attr};
   * returns the number of branches that have a distribution.
   */
  int distribute(int off, int attr, byte kind, double value) {
    if (kind == NodeStore.NUMERIC_SPLIT) {
      loadGaussians(off);
      numericPostSplit(value);
      return 2;
    }
    if (kind == NodeStore.NOMINAL_BINARY_SPLIT) {
      nominalBinaryPostSplit(off, attr, (int) value);
      return 2;
    }
    int branches = maxValueCount(off, attr);
    nominalMultiwayPostSplit(off, attr, branches);
    return branches;
  }

  // ------------------------------------------------------------------------------------------------
  // Numeric observers (MOA GaussianNumericAttributeClassObserver)

  private boolean bestNumericSuggestion(int off) {
    int numThresholds = candidateThresholds(off);
    if (numThresholds > 0) {
      loadGaussians(off);
    }
    boolean found = false;
    for (int i = 0; i < numThresholds; i++) {
      double threshold = thresholds[i];
      numericPostSplit(threshold);
      double merit = merit(2);
      if (!found || merit > suggestionMerit) {
        found = true;
        suggestionMerit = merit;
        suggestionKind = NodeStore.NUMERIC_SPLIT;
        suggestionValue = threshold;
      }
    }
    return found;
  }

  /** Equal-width thresholds strictly inside [min, max] over the classes seen; returns how many. */
  private int candidateThresholds(int off) {
    final double[] obs = t.obs;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < numClasses; c++) {
      int base = off + c * ObserverPool.GAUSS_STATS;
      if (obs[base + ObserverPool.GMIN] == obs[base + ObserverPool.GMIN]) {
        if (obs[base + ObserverPool.GMIN] < min) {
          min = obs[base + ObserverPool.GMIN];
        }
        if (obs[base + ObserverPool.GMAX] > max) {
          max = obs[base + ObserverPool.GMAX];
        }
      }
    }
    int count = 0;
    if (min < Double.POSITIVE_INFINITY) {
      double range = max - min;
      int bins = numBins;
      for (int i = 0; i < bins; i++) {
        double threshold = range / (bins + 1.0) * (i + 1) + min;
        // Ascending by construction; keep distinct values strictly inside (MOA uses a TreeSet).
        if (threshold > min
            && threshold < max
            && (count == 0 || threshold > thresholds[count - 1])) {
          thresholds[count++] = threshold;
        }
      }
    }
    return count;
  }

  /** Copies the numeric observer at {@code off} into the per-class scratch, σ computed once. */
  private void loadGaussians(int off) {
    final double[] obs = t.obs;
    for (int c = 0; c < numClasses; c++) {
      int base = off + c * ObserverPool.GAUSS_STATS;
      gMin[c] = obs[base + ObserverPool.GMIN];
      gMax[c] = obs[base + ObserverPool.GMAX];
      gWeight[c] = obs[base + ObserverPool.GW];
      gMean[c] = obs[base + ObserverPool.GMEAN];
      gStdDev[c] = Math.sqrt(GaussianEstimator.variance(obs, base + ObserverPool.GW));
    }
  }

  /** Class distributions on each side of "x <= t" for the observer loaded by loadGaussians. */
  private void numericPostSplit(double threshold) {
    Arrays.fill(post, 0, 2 * numClasses, 0.0);
    postLen[0] = 0;
    postLen[1] = 0;
    final int right = numClasses;
    for (int c = 0; c < numClasses; c++) {
      double cmin = gMin[c];
      if (cmin != cmin) {
        continue; // class never seen: no estimator
      }
      double w = gWeight[c];
      if (threshold < cmin) {
        post[right + c] += w;
        postLen[1] = c + 1;
      } else if (threshold >= gMax[c]) {
        post[c] += w;
        postLen[0] = c + 1;
      } else {
        // MOA GaussianEstimator.estimatedWeight_LessThan_EqualTo_GreaterThan_Value
        double mean = gMean[c];
        double sd = gStdDev[c];
        double eq = (w > 0.0 ? GaussianEstimator.normalDensity(mean, sd, threshold) : 0.0) * w;
        double lt =
            sd > 0.0
                ? NormalDistribution.cdf((threshold - mean) / sd) * w - eq
                : (threshold < mean ? w - eq : 0.0);
        double gt = w - eq - lt;
        if (gt < 0.0) {
          gt = 0.0;
        }
        post[c] += lt + eq;
        post[right + c] += gt;
        postLen[0] = c + 1;
        postLen[1] = c + 1;
      }
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Nominal observers (MOA NominalAttributeClassObserver)

  private boolean bestNominalSuggestion(int off, int a) {
    int maxLen = maxValueCount(off, a);
    boolean found = false;
    if (!binarySplits) {
      nominalMultiwayPostSplit(off, a, maxLen);
      suggestionMerit = merit(maxLen);
      suggestionKind = NodeStore.NOMINAL_MULTIWAY_SPLIT;
      suggestionValue = 0;
      found = true;
    }
    for (int v = 0; v < maxLen; v++) {
      nominalBinaryPostSplit(off, a, v);
      double merit = merit(2);
      if (!found || merit > suggestionMerit) {
        found = true;
        suggestionMerit = merit;
        suggestionKind = NodeStore.NOMINAL_BINARY_SPLIT;
        suggestionValue = v;
      }
    }
    return found;
  }

  /** The highest value index seen with any class, plus 1. */
  private int maxValueCount(int off, int a) {
    int stride = ObserverPool.NCOUNTS + t.numValues[a];
    int maxLen = 0;
    for (int c = 0; c < numClasses; c++) {
      maxLen = Math.max(maxLen, (int) t.obs[off + c * stride + ObserverPool.NLEN]);
    }
    return maxLen;
  }

  private void nominalMultiwayPostSplit(int off, int a, int branches) {
    final double[] obs = t.obs;
    int stride = ObserverPool.NCOUNTS + t.numValues[a];
    Arrays.fill(post, 0, branches * numClasses, 0.0);
    Arrays.fill(postLen, 0, branches, 0);
    for (int c = 0; c < numClasses; c++) {
      int base = off + c * stride;
      int len = (int) obs[base + ObserverPool.NLEN];
      for (int v = 0; v < len; v++) {
        post[v * numClasses + c] += obs[base + ObserverPool.NCOUNTS + v];
        postLen[v] = c + 1;
      }
    }
  }

  private void nominalBinaryPostSplit(int off, int a, int value) {
    final double[] obs = t.obs;
    int stride = ObserverPool.NCOUNTS + t.numValues[a];
    Arrays.fill(post, 0, 2 * numClasses, 0.0);
    postLen[0] = 0;
    postLen[1] = 0;
    for (int c = 0; c < numClasses; c++) {
      int base = off + c * stride;
      int len = (int) obs[base + ObserverPool.NLEN];
      for (int v = 0; v < len; v++) {
        int branch = v == value ? 0 : 1;
        post[branch * numClasses + c] += obs[base + ObserverPool.NCOUNTS + v];
        postLen[branch] = c + 1;
      }
    }
  }

  /** Merit of the first {@code branches} distributions in {@link #post}. */
  private double merit(int branches) {
    double total = 0.0;
    for (int b = 0; b < branches; b++) {
      double w = NodeStore.sum(post, b * numClasses, postLen[b]);
      branchWeight[b] = w;
      total += w;
    }
    return criterion.merit(post, postLen, branchWeight, branches, numClasses, total);
  }
}
