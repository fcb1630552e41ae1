package org.coppice.learn.tree;

import java.util.Arrays;
import java.util.Objects;
import org.coppice.data.Schema;
import org.coppice.learn.Classifier;

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
// The learner assembled from the package's parts: the nodes (NodeStore) and the leaves' observers
// (ObserverPool) are the layers this class extends; the split decision (SplitSearch with a
// SplitMerit) and the leaf predictions (LeafModel) are strategies it holds.
public final class HoeffdingTree extends ObserverPool implements Classifier {
  final Schema schema;
  final HoeffdingTreeConfig config;
  boolean frozen; // loaded in inference-only form: cannot learn

  // ---- per node, besides the node store's and the observers' columns ----
  double[] lastEvalWeight; // [node] leaf weight at the last split attempt
  double[] mcCorrect; // [node] NB-adaptive: weight the majority class got right
  double[] nbCorrect; // [node] NB-adaptive: weight naive Bayes got right

  private final LeafModel leafModel;
  private final SplitSearch search;

  // Set by votesForTraining, consumed by learnAfterVotes: the leaf reached (-1: route again).
  // learnedNode: the node that learned last.
  private int routedLeaf = -1;
  private int learnedNode = -1;

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
    super(
        Objects.requireNonNull(schema, "schema").numClasses(),
        schema.numFeatures(),
        layout,
        Objects.requireNonNull(config, "config").subspaceSize(),
        config.seed());
    this.schema = schema;
    this.config = config;
    lastEvalWeight = NO_DOUBLES;
    mcCorrect = NO_DOUBLES;
    nbCorrect = NO_DOUBLES;
    this.leafModel = LeafModel.of(this);
    this.search = new SplitSearch(this, config);
  }

  @Override
  public Schema schema() {
    return schema;
  }

  public HoeffdingTreeConfig config() {
    return config;
  }

  /** True for a tree loaded in inference-only form, which cannot learn. */
  @Override
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
    clearNodes();
    clearObservers();
    random.setSeed(config.seed());
    routedLeaf = -1;
    leafModel.forget();
    learnedNode = -1;
  }

  @Override
  void growNodeColumns(int capacity) {
    super.growNodeColumns(capacity);
    lastEvalWeight = Arrays.copyOf(lastEvalWeight, capacity);
    mcCorrect = Arrays.copyOf(mcCorrect, capacity);
    nbCorrect = Arrays.copyOf(nbCorrect, capacity);
  }

  /**
   * Whether predicting at leaf {@code n} reads its observers (the frozen form keeps only those).
   */
  boolean leafReadsObservers(int n) {
    return leafModel.readsObservers(n);
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
    leafModel.votes(n, x, votes);
  }

  /**
   * {@link #votes}, also remembering what a following {@link #learnAfterVotes} on the same {@code
   * x} needs: the leaf reached (so it is not routed to again) and whatever the leaf model keeps
   * (for naive Bayes adaptive, both argmaxes, so the leaf's naive Bayes scores are computed once
   * per test-then-train step, not twice).
   */
  void votesForTraining(double[] x, double[] votes) {
    routedLeaf = -1;
    leafModel.forget();
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
    leafModel.trainingVotes(n, x, votes);
  }

  /**
   * The votes for {@code x} right after {@link #learnAfterVotes} on the same {@code x}: routing
   * resumes at the node that learned, which is on x's path whatever it became.
   */
  void votesAfterLearn(double[] x, double[] votes) {
    Arrays.fill(votes, 0, numClasses, 0.0);
    if (root >= 0) {
      leafVotes(routeFrom(learnedNode >= 0 ? learnedNode : root, x), x, votes);
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Learning

  @Override
  public void learn(double[] x, int y, double weight) {
    checkNotFrozen();
    routedLeaf = -1;
    leafModel.forget();
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
      leafModel.forget();
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
        leafModel.forget();
        return; // missing value at a split node: MOA does not learn the instance
      }
    }
    learnedNode = n;
    leafModel.beforeLearn(n, x, y, weight);
    counts[n * numClasses + y] += weight;
    if (classLen[n] <= y) {
      classLen[n] = y + 1;
    }
    observe(n, x, y, weight);
    double seen = leafWeight(n);
    if (seen - lastEvalWeight[n] >= config.gracePeriod()) {
      attemptSplit(n);
      if (kind[n] == LEAF) {
        lastEvalWeight[n] = seen;
      }
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Splitting (MOA HoeffdingTree.attemptToSplit)

  private void attemptSplit(int n) {
    switch (search.attempt(n)) {
      case SplitSearch.NULL_SPLIT ->
          // The null split won: MOA deactivates the leaf and its tracker-limit pass reactivates it
          // at once, as a fresh leaf that keeps its class counts only.
          resetLeaf(n);
      case SplitSearch.SPLIT -> split(n, search.bestAttr, search.bestKind, search.bestValue);
      default -> {}
    }
  }

  /**
   * ε = √(R² ln(1/δ) / 2n): with probability 1 − δ the true mean is within ε of the observed one.
   */
  static double hoeffdingBound(double range, double delta, double n) {
    return SplitSearch.hoeffdingBound(range, delta, n);
  }

  /** Replaces leaf {@code n} by a split node with one new leaf per branch. */
  private void split(int n, int attr, byte splitKind, double value) {
    int branches = search.distribute(observerOffset(n, attr), attr, splitKind, value);
    // A multiway split has room for values first seen later (absent children).
    int slots = splitKind == NOMINAL_MULTIWAY_SPLIT ? numValues[attr] : 2;
    freeObservers(n);
    int start = makeSplit(n, splitKind, attr, value, slots);
    for (int b = 0; b < branches; b++) {
      // newLeaf may grow the node arrays but never touches the search's post[].
      int child = newLeaf(search.post, b * numClasses, search.postLen[b]);
      children[start + b] = child;
    }
  }

  /** A fresh leaf that keeps only its class counts (MOA deactivate + reactivate). */
  private void resetLeaf(int n) {
    freeObservers(n);
    mcCorrect[n] = 0;
    nbCorrect[n] = 0;
    lastEvalWeight[n] = leafWeight(n);
  }

  private int newLeaf(double[] initial, int from, int len) {
    int n = newNode(initial, from, len);
    lastEvalWeight[n] = leafWeight(n);
    mcCorrect[n] = 0;
    nbCorrect[n] = 0;
    obsOffset[n] = -1;
    return n;
  }

  // ------------------------------------------------------------------------------------------------
  // Shape, for reports

  /** Number of nodes, split nodes and leaves together. */
  public int numNodes() {
    return liveNodes();
  }

  /** Number of leaves. */
  public int numLeaves() {
    return countLeaves();
  }

  /** Depth of the deepest node (a lone root leaf has depth 0; an empty tree -1); no recursion. */
  public int depth() {
    return maxDepth();
  }
}
