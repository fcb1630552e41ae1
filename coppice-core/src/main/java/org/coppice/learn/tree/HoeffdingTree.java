package org.coppice.learn.tree;

import java.util.Arrays;
import java.util.Objects;
import org.coppice.data.Schema;
import org.coppice.learn.Classifier;
import org.coppice.util.JavaRandom;
import org.coppice.util.NormalDistribution;

/**
 * A Hoeffding tree (VFDT; Domingos and Hulten, "Mining High-Speed Data Streams", KDD 2000), as MOA
 * 2024.07 implements it in {@code trees.HoeffdingTree} and, with a random feature subspace per
 * leaf, in {@code trees.ARFHoeffdingTree} (Gomes et al. 2017). A leaf splits once the best
 * candidate beats the second by more than the Hoeffding bound ε = √(R² ln(1/δ) / 2n), or ε falls
 * below the tie threshold.
 *
 * <p>Numeric attributes are summarised per class by a Gaussian estimator with min and max (MOA's
 * {@code GaussianNumericAttributeClassObserver}); nominal attributes by per-class value counts with
 * multiway and one-versus-rest splits. Leaves predict by majority class, naive Bayes or naive Bayes
 * adaptive.
 *
 * <p>All state lives in flat primitive arrays indexed by node id, so learning allocates nothing per
 * instance and the tree can be written out as a handful of arrays. Not thread-safe.
 */
public final class HoeffdingTree implements Classifier {
  // Node kinds. A split node routes x[attr] to a branch; a missing value stops routing there.
  static final byte LEAF = 0;
  static final byte NUMERIC_SPLIT = 1; // branch 0 iff x <= value
  static final byte NOMINAL_BINARY_SPLIT = 2; // branch 0 iff x == value
  static final byte NOMINAL_MULTIWAY_SPLIT = 3; // branch = x

  // Numeric observer block of one attribute: [class][W, MEAN, M2, MIN, MAX]; MIN is NaN until the
  // class
  // has been seen with a non-missing value (that is MOA's "estimator exists").
  static final int GW = 0;
  static final int GMEAN = 1;
  static final int GM2 = 2;
  static final int GMIN = 3;
  static final int GMAX = 4;
  static final int GAUSS_STATS = 5;

  // Nominal observer block of one attribute: [class][LEN, TOTAL, count_0 .. count_{V-1}]; LEN is
  // the
  // highest value index seen with the class plus 1 (0: class never seen), TOTAL the sum of the
  // counts.
  static final int NLEN = 0;
  static final int NTOTAL = 1;
  static final int NCOUNTS = 2;

  private static final double LOG2 = Math.log(2);
  private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

  final Schema schema;
  final HoeffdingTreeConfig config;
  final int numClasses;
  final int numFeatures;
  final Layout layout;
  final boolean[] nominal; // [attribute], shared: see Layout
  final int[] numValues; // [attribute] declared nominal values (0 for numeric)
  final int[] blockSize; // [attribute] doubles in one observer block
  final int leafAttributes; // attributes per leaf (m, or all)
  final boolean drawSubspace;
  final JavaRandom random;
  boolean frozen; // loaded in inference-only form: cannot learn

  // ---- nodes: [node] ----
  int numNodes;
  int root = -1;
  byte[] kind;
  int[] splitAttr;
  double[] splitValue;
  int[] childStart; // into children[]
  int[] childCount;
  double[] counts; // [node][class]; frozen at split time for split nodes
  int[] classLen; // [node] length of MOA's class-count vector
  double[] lastEvalWeight; // [node] leaf weight at the last split attempt
  double[] mcCorrect; // [node] NB-adaptive: weight the majority class got right
  double[] nbCorrect; // [node] NB-adaptive: weight naive Bayes got right
  int[] obsOffset; // [node] start of the leaf's observer blocks in obs[], or -1 before its first
  // learn
  int[] subspace; // [node][leafAttributes] monitored attributes, ascending

  // ---- children: node ids, -1 for an absent child ----
  int[] children;
  int childrenSize;

  // ---- observers: per leaf, the blocks of its monitored attributes in ascending attribute order
  // ----
  double[] obs;
  int obsSize;
  int[] freeBlockOffsets = new int[0]; // blocks freed by splits, reused when the size matches
  int[] freeBlockSizes = new int[0];
  int freeBlockCount;

  // ---- scratch, reused ----
  private final double[] nbScratch;
  private final double[] post; // [branch][class]
  private final double[] branchWeight; // [branch]
  // One numeric observer unpacked during a split attempt: [class]
  private final double[] gMin;
  private final double[] gMax;
  private final double[] gWeight;
  private final double[] gMean;
  private final double[] gStdDev;
  private double preSplitEntropy;
  private final int[] postLen; // [branch]
  private final double[] thresholds;
  private int[] drawList; // [attribute] scratch for subspace draws, allocated at the first draw
  private final int maxBranches;

  // Set by votesForTraining, consumed by learnAfterVotes: the leaf reached (-1: route again) and,
  // when cachedArgmaxes, the two NB-adaptive argmaxes at that leaf. learnedNode: the node that
  // learned last.
  private int routedLeaf = -1;
  private boolean cachedArgmaxes;
  private int cachedMajority;
  private int cachedNaiveBayes;
  private int learnedNode = -1;

  /**
   * What every tree over one schema derives from it, computed once and shared by all the trees of a
   * forest (a forest over 1,000 features would otherwise repeat it in every tree).
   */
  static final class Layout {
    final boolean[] nominal; // [attribute]
    final int[] numValues; // [attribute] declared nominal values (0 for numeric)
    final int[] blockSize; // [attribute] doubles in one observer block
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

  private static final byte[] NO_BYTES = new byte[0];
  private static final int[] NO_INTS = new int[0];
  private static final double[] NO_DOUBLES = new double[0];

  /** An empty tree for {@code schema}. */
  public HoeffdingTree(Schema schema, HoeffdingTreeConfig config) {
    this(schema, config, new Layout(schema));
  }

  /**
   * An empty tree sharing {@code layout}. Allocates nothing that grows with the tree or the schema:
   * node storage comes with the first leaf, so a tree about to be replaced by a loaded one is
   * cheap.
   */
  HoeffdingTree(Schema schema, HoeffdingTreeConfig config, Layout layout) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.config = Objects.requireNonNull(config, "config");
    this.layout = layout;
    this.numClasses = schema.numClasses();
    this.numFeatures = schema.numFeatures();
    this.nominal = layout.nominal;
    this.numValues = layout.numValues;
    this.blockSize = layout.blockSize;
    this.maxBranches = layout.maxBranches;
    int m = config.subspaceSize();
    // As ARFHoeffdingTree: a subspace at least as wide as the instance (class included) means all.
    this.drawSubspace = m != HoeffdingTreeConfig.ALL_ATTRIBUTES && m < numFeatures + 1;
    this.leafAttributes = drawSubspace ? Math.min(m, numFeatures) : numFeatures;
    this.random = new JavaRandom(config.seed());
    this.nbScratch = new double[numClasses];
    this.post = new double[maxBranches * numClasses];
    this.postLen = new int[maxBranches];
    this.branchWeight = new double[maxBranches];
    this.gMin = new double[numClasses];
    this.gMax = new double[numClasses];
    this.gWeight = new double[numClasses];
    this.gMean = new double[numClasses];
    this.gStdDev = new double[numClasses];
    this.thresholds = new double[config.numBins()];
    kind = NO_BYTES;
    splitAttr = NO_INTS;
    splitValue = NO_DOUBLES;
    childStart = NO_INTS;
    childCount = NO_INTS;
    counts = NO_DOUBLES;
    classLen = NO_INTS;
    lastEvalWeight = NO_DOUBLES;
    mcCorrect = NO_DOUBLES;
    nbCorrect = NO_DOUBLES;
    obsOffset = NO_INTS;
    subspace = NO_INTS;
    children = NO_INTS;
    obs = NO_DOUBLES;
  }

  @Override
  public Schema schema() {
    return schema;
  }

  public HoeffdingTreeConfig config() {
    return config;
  }

  /** True for a tree loaded in inference-only form, which cannot learn. */
  public boolean isFrozen() {
    return frozen;
  }

  void checkNotFrozen() {
    if (frozen) {
      throw new IllegalStateException(
          "this model was saved in inference-only (frozen) form and cannot learn");
    }
  }

  /**
   * Forgets everything learned; the tree's generator restarts from its seed (MOA resetLearning).
   */
  public void reset() {
    numNodes = 0;
    root = -1;
    childrenSize = 0;
    obsSize = 0;
    freeBlockCount = 0;
    random.setSeed(config.seed());
    routedLeaf = -1;
    cachedArgmaxes = false;
    learnedNode = -1;
  }

  // ------------------------------------------------------------------------------------------------
  // Prediction

  @Override
  public void votes(double[] x, double[] votes) {
    Arrays.fill(votes, 0, numClasses, 0.0);
    if (root >= 0) {
      leafVotes(routeFrom(root, x), x, votes);
    }
  }

  /** Votes of the node where routing ended ({@code ~parent} for an absent child). */
  private void leafVotes(int n, double[] x, double[] votes) {
    if (n < 0) {
      n = ~n; // absent child: the split node's frozen counts
    }
    if (kind[n] != LEAF) {
      copyCounts(n, votes);
      return;
    }
    switch (config.leafPrediction()) {
      case MAJORITY_CLASS -> copyCounts(n, votes);
      case NAIVE_BAYES -> {
        if (leafWeight(n) >= config.nbThreshold()) {
          naiveBayes(n, x, votes);
        } else {
          copyCounts(n, votes);
        }
      }
      case NAIVE_BAYES_ADAPTIVE -> {
        if (mcCorrect[n] > nbCorrect[n]) {
          copyCounts(n, votes);
        } else {
          naiveBayes(n, x, votes);
        }
      }
    }
  }

  /**
   * {@link #votes}, also remembering what a following {@link #learnAfterVotes} on the same {@code
   * x} needs: the leaf reached (so it is not routed to again) and, for naive Bayes adaptive leaves,
   * both argmaxes (so the leaf's naive Bayes scores are computed once per test-then-train step, not
   * twice).
   */
  void votesForTraining(double[] x, double[] votes) {
    routedLeaf = -1;
    cachedArgmaxes = false;
    Arrays.fill(votes, 0, numClasses, 0.0);
    if (root < 0) {
      return;
    }
    int n = routeFrom(root, x);
    if (n < 0 || kind[n] != LEAF) {
      leafVotes(n, x, votes);
      return;
    }
    routedLeaf = n;
    if (config.leafPrediction() != LeafPrediction.NAIVE_BAYES_ADAPTIVE) {
      leafVotes(n, x, votes);
      return;
    }
    naiveBayes(n, x, nbScratch);
    cachedNaiveBayes = argmax(nbScratch, classLen[n]);
    cachedMajority = majorityIndex(n);
    cachedArgmaxes = true;
    if (mcCorrect[n] > nbCorrect[n]) {
      copyCounts(n, votes);
    } else {
      System.arraycopy(nbScratch, 0, votes, 0, numClasses);
    }
  }

  /**
   * The predicted class for {@code x} right after {@link #learnAfterVotes} on the same {@code x}:
   * routing resumes at the node that learned, which is on x's path whatever it became.
   */
  int predictAfterLearn(double[] x, double[] scratch) {
    Arrays.fill(scratch, 0, numClasses, 0.0);
    if (root >= 0) {
      leafVotes(routeFrom(learnedNode >= 0 ? learnedNode : root, x), x, scratch);
    }
    return argmax(scratch, numClasses);
  }

  // ------------------------------------------------------------------------------------------------
  // Learning

  @Override
  public void learn(double[] x, int y, double weight) {
    checkNotFrozen();
    routedLeaf = -1;
    cachedArgmaxes = false;
    learnInternal(x, y, weight);
  }

  /**
   * {@link #learn} after {@link #votesForTraining} on the same {@code x} with no learning in
   * between.
   */
  void learnAfterVotes(double[] x, int y, double weight) {
    learnInternal(x, y, weight);
  }

  private void learnInternal(double[] x, int y, double weight) {
    learnedNode = -1;
    int n = routedLeaf;
    routedLeaf = -1;
    if (y < 0 || !(weight > 0)) {
      cachedArgmaxes = false;
      return;
    }
    if (y >= numClasses) {
      throw new IllegalArgumentException("class index " + y + " out of range " + numClasses);
    }
    if (n < 0) {
      if (root < 0) {
        root = newLeaf(null, 0, 0);
      }
      n = routeFrom(root, x);
      if (n < 0) {
        int parent = ~n;
        int branch = branch(parent, x[splitAttr[parent]]);
        n = newLeaf(null, 0, 0);
        children[childStart[parent] + branch] = n;
      } else if (kind[n] != LEAF) {
        cachedArgmaxes = false;
        return; // missing value at a split node: MOA does not learn the instance
      }
    }
    learnedNode = n;
    learnAtLeaf(n, x, y, weight);
    double seen = leafWeight(n);
    if (seen - lastEvalWeight[n] >= config.gracePeriod()) {
      attemptSplit(n);
      if (kind[n] == LEAF) {
        lastEvalWeight[n] = seen;
      }
    }
  }

  private void learnAtLeaf(int n, double[] x, int y, double weight) {
    if (config.leafPrediction() == LeafPrediction.NAIVE_BAYES_ADAPTIVE) {
      int majority;
      int bayes;
      if (cachedArgmaxes) {
        majority = cachedMajority;
        bayes = cachedNaiveBayes;
      } else {
        majority = majorityIndex(n);
        naiveBayes(n, x, nbScratch);
        bayes = argmax(nbScratch, classLen[n]);
      }
      if (majority == y) {
        mcCorrect[n] += weight;
      }
      if (bayes == y) {
        nbCorrect[n] += weight;
      }
    }
    cachedArgmaxes = false;
    counts[n * numClasses + y] += weight;
    if (classLen[n] <= y) {
      classLen[n] = y + 1;
    }
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
          int base = off + y * GAUSS_STATS;
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
          if (!Double.isInfinite(v)) {
            // Weighted Welford step, as MOA's GaussianEstimator.
            double w0 = obs[base + GW];
            if (w0 > 0.0) {
              double wSum = w0 + weight;
              double lastMean = obs[base + GMEAN];
              double mean = lastMean + weight * (v - lastMean) / wSum;
              obs[base + GW] = wSum;
              obs[base + GMEAN] = mean;
              obs[base + GM2] += weight * (v - lastMean) * (v - mean);
            } else {
              obs[base + GMEAN] = v;
              obs[base + GW] = weight;
            }
          }
        }
      }
      off += blockSize[a];
    }
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
    int size = 0;
    for (int j = 0; j < leafAttributes; j++) {
      size += blockSize[subspace[sub + j]];
    }
    int off = allocateBlock(size);
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

  // ------------------------------------------------------------------------------------------------
  // Splitting (MOA HoeffdingTree.attemptToSplit)

  private void attemptSplit(int n) {
    if (isPure(n)) {
      return;
    }
    final int len = classLen[n];
    final int pre = n * numClasses;
    final double preWeight = leafWeight(n);
    preSplitEntropy = entropy(counts, pre, len);
    // Candidates in MOA's order: the null split, then each observer in attribute order. After a
    // stable
    // ascending sort MOA takes the last two; so among equal merits the later candidate ranks
    // higher.
    int candidates = 0;
    double bestMerit = Double.NaN;
    double secondMerit = Double.NaN;
    int bestAttr = -1; // -1: the null split
    byte bestKind = LEAF;
    double bestValue = 0;
    if (!config.noPrePrune()) {
      bestMerit = nullSplitMerit(pre, len, preWeight);
      candidates = 1;
    }
    int off = obsOffset[n];
    int sub = n * leafAttributes;
    for (int j = 0; j < leafAttributes; j++) {
      int a = subspace[sub + j];
      boolean found =
          nominal[a] ? bestNominalSuggestion(n, off, a) : bestNumericSuggestion(n, off, a);
      off += blockSize[a];
      if (!found) {
        continue;
      }
      double merit = suggestionMerit;
      if (candidates == 0 || Double.compare(merit, bestMerit) >= 0) {
        secondMerit = bestMerit;
        bestMerit = merit;
        bestAttr = a;
        bestKind = suggestionKind;
        bestValue = suggestionValue;
      } else if (candidates == 1 || Double.compare(merit, secondMerit) >= 0) {
        secondMerit = merit;
      }
      candidates++;
    }
    boolean shouldSplit;
    if (candidates < 2) {
      shouldSplit = candidates > 0;
    } else {
      double epsilon = hoeffdingBound(rangeOfMerit(len), config.splitConfidence(), preWeight);
      shouldSplit = bestMerit - secondMerit > epsilon || epsilon < config.tieThreshold();
    }
    if (!shouldSplit) {
      return;
    }
    if (bestAttr < 0) {
      // The null split won: MOA deactivates the leaf and its tracker-limit pass reactivates it at
      // once, as a fresh leaf that keeps its class counts only.
      resetLeaf(n);
      return;
    }
    split(n, bestAttr, bestKind, bestValue);
  }

  /**
   * ε = √(R² ln(1/δ) / 2n): with probability 1 − δ the true mean is within ε of the observed one.
   */
  static double hoeffdingBound(double range, double delta, double n) {
    return Math.sqrt(((range * range) * Math.log(1.0 / delta)) / (2.0 * n));
  }

  private boolean isPure(int n) {
    int nonZero = 0;
    int base = n * numClasses;
    for (int c = 0; c < classLen[n]; c++) {
      if (counts[base + c] != 0 && ++nonZero > 1) {
        return false;
      }
    }
    return true;
  }

  private double nullSplitMerit(int pre, int len, double preWeight) {
    if (config.splitCriterion() == SplitCriterion.INFO_GAIN) {
      return Double.NEGATIVE_INFINITY; // a single branch never passes the minimum-fraction rule
    }
    return 1.0 - gini(counts, pre, len, preWeight);
  }

  private double rangeOfMerit(int len) {
    if (config.splitCriterion() == SplitCriterion.GINI) {
      return 1.0;
    }
    return Math.log(len > 2 ? len : 2) / LOG2;
  }

  // The best suggestion of one observer, returned through these fields.
  private double suggestionMerit;
  private byte suggestionKind;
  private double suggestionValue;

  /** MOA GaussianNumericAttributeClassObserver.getBestEvaluatedSplitSuggestion. */
  private boolean bestNumericSuggestion(int n, int off, int a) {
    int numThresholds = candidateThresholds(off);
    if (numThresholds > 0) {
      loadGaussians(off);
    }
    boolean found = false;
    for (int i = 0; i < numThresholds; i++) {
      double t = thresholds[i];
      numericPostSplit(t);
      double merit = merit(2);
      if (!found || merit > suggestionMerit) {
        found = true;
        suggestionMerit = merit;
        suggestionKind = NUMERIC_SPLIT;
        suggestionValue = t;
      }
    }
    return found;
  }

  /** Equal-width thresholds strictly inside [min, max] over the classes seen; returns how many. */
  private int candidateThresholds(int off) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < numClasses; c++) {
      int base = off + c * GAUSS_STATS;
      if (obs[base + GMIN] == obs[base + GMIN]) {
        if (obs[base + GMIN] < min) {
          min = obs[base + GMIN];
        }
        if (obs[base + GMAX] > max) {
          max = obs[base + GMAX];
        }
      }
    }
    int count = 0;
    if (min < Double.POSITIVE_INFINITY) {
      double range = max - min;
      int bins = config.numBins();
      for (int i = 0; i < bins; i++) {
        double t = range / (bins + 1.0) * (i + 1) + min;
        // Ascending by construction; keep distinct values strictly inside (MOA uses a TreeSet).
        if (t > min && t < max && (count == 0 || t > thresholds[count - 1])) {
          thresholds[count++] = t;
        }
      }
    }
    return count;
  }

  /** Copies the numeric observer at {@code off} into the per-class scratch, σ computed once. */
  private void loadGaussians(int off) {
    for (int c = 0; c < numClasses; c++) {
      int base = off + c * GAUSS_STATS;
      double w = obs[base + GW];
      gMin[c] = obs[base + GMIN];
      gMax[c] = obs[base + GMAX];
      gWeight[c] = w;
      gMean[c] = obs[base + GMEAN];
      gStdDev[c] = stdDev(w, obs[base + GM2]);
    }
  }

  /** Class distributions on each side of "x <= t" for the observer loaded by loadGaussians. */
  private void numericPostSplit(double t) {
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
      if (t < cmin) {
        post[right + c] += w;
        postLen[1] = c + 1;
      } else if (t >= gMax[c]) {
        post[c] += w;
        postLen[0] = c + 1;
      } else {
        // MOA GaussianEstimator.estimatedWeight_LessThan_EqualTo_GreaterThan_Value
        double mean = gMean[c];
        double sd = gStdDev[c];
        double eq = density(w, mean, sd, t) * w;
        double lt =
            sd > 0.0 ? NormalDistribution.cdf((t - mean) / sd) * w - eq : (t < mean ? w - eq : 0.0);
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

  /** MOA NominalAttributeClassObserver.getBestEvaluatedSplitSuggestion. */
  private boolean bestNominalSuggestion(int n, int off, int a) {
    int stride = NCOUNTS + numValues[a];
    int maxLen = 0;
    for (int c = 0; c < numClasses; c++) {
      maxLen = Math.max(maxLen, (int) obs[off + c * stride + NLEN]);
    }
    boolean found = false;
    if (!config.binarySplits()) {
      nominalMultiwayPostSplit(off, a, maxLen);
      suggestionMerit = merit(maxLen);
      suggestionKind = NOMINAL_MULTIWAY_SPLIT;
      suggestionValue = 0;
      found = true;
    }
    for (int v = 0; v < maxLen; v++) {
      nominalBinaryPostSplit(off, a, v);
      double merit = merit(2);
      if (!found || merit > suggestionMerit) {
        found = true;
        suggestionMerit = merit;
        suggestionKind = NOMINAL_BINARY_SPLIT;
        suggestionValue = v;
      }
    }
    return found;
  }

  private void nominalMultiwayPostSplit(int off, int a, int branches) {
    int stride = NCOUNTS + numValues[a];
    Arrays.fill(post, 0, branches * numClasses, 0.0);
    Arrays.fill(postLen, 0, branches, 0);
    for (int c = 0; c < numClasses; c++) {
      int base = off + c * stride;
      int len = (int) obs[base + NLEN];
      for (int v = 0; v < len; v++) {
        post[v * numClasses + c] += obs[base + NCOUNTS + v];
        postLen[v] = c + 1;
      }
    }
  }

  private void nominalBinaryPostSplit(int off, int a, int value) {
    int stride = NCOUNTS + numValues[a];
    Arrays.fill(post, 0, 2 * numClasses, 0.0);
    postLen[0] = 0;
    postLen[1] = 0;
    for (int c = 0; c < numClasses; c++) {
      int base = off + c * stride;
      int len = (int) obs[base + NLEN];
      for (int v = 0; v < len; v++) {
        int branch = v == value ? 0 : 1;
        post[branch * numClasses + c] += obs[base + NCOUNTS + v];
        postLen[branch] = c + 1;
      }
    }
  }

  /**
   * Merit of the post-split distributions in {@code post} (MOA InfoGainSplitCriterion or
   * GiniSplitCriterion), given the pre-split entropy in {@link #preSplitEntropy}.
   */
  private double merit(int branches) {
    double total = 0.0;
    for (int b = 0; b < branches; b++) {
      double w = sum(post, b * numClasses, postLen[b]);
      branchWeight[b] = w;
      total += w;
    }
    if (config.splitCriterion() == SplitCriterion.GINI) {
      double g = 0.0;
      for (int b = 0; b < branches; b++) {
        double w = branchWeight[b];
        g += (w / total) * gini(post, b * numClasses, postLen[b], w);
      }
      return 1.0 - g;
    }
    int above = 0;
    for (int b = 0; b < branches; b++) {
      if (branchWeight[b] / total > config.minBranchFraction()) {
        above++;
      }
    }
    if (above < 2) {
      return Double.NEGATIVE_INFINITY;
    }
    double postEntropy = 0.0;
    for (int b = 0; b < branches; b++) {
      postEntropy += branchWeight[b] * entropy(post, b * numClasses, postLen[b]);
    }
    return preSplitEntropy - postEntropy / total;
  }

  private static double sum(double[] a, int from, int len) {
    double s = 0.0;
    for (int i = 0; i < len; i++) {
      s += a[from + i];
    }
    return s;
  }

  private static double entropy(double[] d, int from, int len) {
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

  private static double gini(double[] d, int from, int len, double w) {
    double g = 1.0;
    for (int i = 0; i < len; i++) {
      double rel = d[from + i] / w;
      g -= rel * rel;
    }
    return g;
  }

  /** Replaces leaf {@code n} by a split node with one new leaf per branch. */
  private void split(int n, int attr, byte splitKind, double value) {
    int off = obsOffset[n];
    int sub = n * leafAttributes;
    for (int j = 0; j < leafAttributes; j++) {
      int a = subspace[sub + j];
      if (a == attr) {
        break;
      }
      off += blockSize[a];
    }
    int branches;
    int slots;
    if (splitKind == NUMERIC_SPLIT) {
      loadGaussians(off);
      numericPostSplit(value);
      branches = 2;
      slots = 2;
    } else if (splitKind == NOMINAL_BINARY_SPLIT) {
      nominalBinaryPostSplit(off, attr, (int) value);
      branches = 2;
      slots = 2;
    } else {
      int stride = NCOUNTS + numValues[attr];
      branches = 0;
      for (int c = 0; c < numClasses; c++) {
        branches = Math.max(branches, (int) obs[off + c * stride + NLEN]);
      }
      nominalMultiwayPostSplit(off, attr, branches);
      slots = numValues[attr]; // room for values first seen later (absent children)
    }
    freeBlock(obsOffset[n], leafBlockSize(n));
    obsOffset[n] = -1;
    kind[n] = splitKind;
    splitAttr[n] = attr;
    splitValue[n] = value;
    ensureChildrenCapacity(childrenSize + slots);
    int start = childrenSize;
    childrenSize += slots;
    childStart[n] = start;
    childCount[n] = slots;
    Arrays.fill(children, start, start + slots, -1);
    for (int b = 0; b < branches; b++) {
      // newLeaf may grow the node arrays but never touches post[].
      int child = newLeaf(post, b * numClasses, postLen[b]);
      children[start + b] = child;
    }
  }

  /** A fresh leaf that keeps only its class counts (MOA deactivate + reactivate). */
  private void resetLeaf(int n) {
    if (obsOffset[n] >= 0) {
      freeBlock(obsOffset[n], leafBlockSize(n));
      obsOffset[n] = -1;
    }
    mcCorrect[n] = 0;
    nbCorrect[n] = 0;
    lastEvalWeight[n] = leafWeight(n);
  }

  private int leafBlockSize(int n) {
    int size = 0;
    int sub = n * leafAttributes;
    for (int j = 0; j < leafAttributes; j++) {
      size += blockSize[subspace[sub + j]];
    }
    return size;
  }

  // ------------------------------------------------------------------------------------------------
  // Leaf prediction helpers

  private void copyCounts(int n, double[] out) {
    System.arraycopy(counts, n * numClasses, out, 0, classLen[n]);
  }

  /** MOA DoubleVector.maxIndex of the counts: -1 for an empty vector, else the first maximum. */
  private int majorityIndex(int n) {
    int len = classLen[n];
    return len == 0 ? -1 : argmax(counts, n * numClasses, len);
  }

  double leafWeight(int n) {
    return sum(counts, n * numClasses, classLen[n]);
  }

  /**
   * MOA NaiveBayes.doNaiveBayesPrediction over the leaf's observers: prior times the likelihood of
   * each non-missing monitored attribute, no logarithms, no normalisation; entries past the
   * class-count length stay 0.
   */
  private void naiveBayes(int n, double[] x, double[] out) {
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
              double w = obs[b + GW];
              out[c] *= density(w, obs[b + GMEAN], stdDev(w, obs[b + GM2]), v);
            }
          }
        }
      }
      off += blockSize[a];
    }
  }

  private static double stdDev(double w, double m2) {
    return Math.sqrt(w > 1.0 ? m2 / (w - 1.0) : 0.0);
  }

  /** MOA GaussianEstimator.probabilityDensity. */
  private static double density(double w, double mean, double sd, double v) {
    if (w > 0.0) {
      if (sd > 0.0) {
        double diff = v - mean;
        return (1.0 / (SQRT_2PI * sd)) * Math.exp(-(diff * diff / (2.0 * sd * sd)));
      }
      return v == mean ? 1.0 : 0.0;
    }
    return 0.0;
  }

  static int argmax(double[] v, int len) {
    return argmax(v, 0, len);
  }

  /** Offset of the first maximum in v[from, from+len) (0 when len is 0); NaN never wins. */
  static int argmax(double[] v, int from, int len) {
    int best = 0;
    for (int i = 1; i < len; i++) {
      if (v[from + i] > v[from + best]) {
        best = i;
      }
    }
    return best;
  }

  // ------------------------------------------------------------------------------------------------
  // Routing and storage

  /**
   * Follows x from {@code start}. Returns the leaf reached, or the split node where a missing value
   * stopped routing, or {@code ~parent} (negative) when the branch taken has no child yet. Reads
   * state only, so concurrent predictions are safe while nothing learns.
   */
  private int routeFrom(int start, double[] x) {
    int n = start;
    while (kind[n] != LEAF) {
      double v = x[splitAttr[n]];
      if (v != v) {
        return n;
      }
      int branch = branch(n, v);
      if (branch < 0 || branch >= childCount[n]) {
        return n; // a value the schema does not have: behave as a missing value
      }
      int child = children[childStart[n] + branch];
      if (child < 0) {
        return ~n;
      }
      n = child;
    }
    return n;
  }

  private int branch(int n, double v) {
    switch (kind[n]) {
      case NUMERIC_SPLIT:
        return v <= splitValue[n] ? 0 : 1;
      case NOMINAL_BINARY_SPLIT:
        return (int) v == (int) splitValue[n] ? 0 : 1;
      default:
        return (int) v;
    }
  }

  private int newLeaf(double[] initial, int from, int len) {
    if (numNodes == kind.length) {
      allocateNodes(Math.max(16, kind.length * 2));
    }
    int n = numNodes++;
    kind[n] = LEAF;
    splitAttr[n] = -1;
    splitValue[n] = 0;
    childStart[n] = 0;
    childCount[n] = 0;
    int base = n * numClasses;
    Arrays.fill(counts, base, base + numClasses, 0.0);
    if (initial != null) {
      System.arraycopy(initial, from, counts, base, len);
    }
    classLen[n] = len;
    lastEvalWeight[n] = leafWeight(n);
    mcCorrect[n] = 0;
    nbCorrect[n] = 0;
    obsOffset[n] = -1;
    return n;
  }

  private void allocateNodes(int capacity) {
    kind = Arrays.copyOf(kind, capacity);
    splitAttr = Arrays.copyOf(splitAttr, capacity);
    splitValue = Arrays.copyOf(splitValue, capacity);
    childStart = Arrays.copyOf(childStart, capacity);
    childCount = Arrays.copyOf(childCount, capacity);
    counts = Arrays.copyOf(counts, capacity * numClasses);
    classLen = Arrays.copyOf(classLen, capacity);
    lastEvalWeight = Arrays.copyOf(lastEvalWeight, capacity);
    mcCorrect = Arrays.copyOf(mcCorrect, capacity);
    nbCorrect = Arrays.copyOf(nbCorrect, capacity);
    obsOffset = Arrays.copyOf(obsOffset, capacity);
    subspace = Arrays.copyOf(subspace, capacity * leafAttributes);
  }

  private void ensureChildrenCapacity(int needed) {
    if (needed > children.length) {
      children = Arrays.copyOf(children, Math.max(needed, children.length * 2));
    }
  }

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

  // ------------------------------------------------------------------------------------------------
  // Shape, for reports

  /** Number of nodes, split nodes and leaves together. */
  public int numNodes() {
    return numNodes;
  }

  /** Number of leaves. */
  public int numLeaves() {
    int leaves = 0;
    for (int n = 0; n < numNodes; n++) {
      if (kind[n] == LEAF) {
        leaves++;
      }
    }
    return leaves;
  }

  /** Depth of the deepest node (a lone root leaf has depth 0; an empty tree -1); no recursion. */
  public int depth() {
    if (root < 0) {
      return -1;
    }
    int[] depthOf = new int[numNodes];
    int deepest = 0;
    // Children always have larger ids than their parent, so one pass in id order suffices.
    for (int n = 0; n < numNodes; n++) {
      if (kind[n] != LEAF) {
        for (int b = 0; b < childCount[n]; b++) {
          int c = children[childStart[n] + b];
          if (c >= 0) {
            depthOf[c] = depthOf[n] + 1;
            deepest = Math.max(deepest, depthOf[c]);
          }
        }
      }
    }
    return deepest;
  }
}
