package org.coppice.learn.regression;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.coppice.data.Schema;
import org.coppice.learn.Regressor;
import org.coppice.util.JavaRandom;

/**
 * FIMT-DD, the fast incremental model tree with drift detection of E. Ikonomovska, J. Gama and S.
 * Džeroski ("Learning model trees from evolving data streams", Data Mining and Knowledge Discovery
 * 23(1), 2011), step for step as MOA 2024.07's {@code trees.FIMTDD}:
 *
 * <ul>
 *   <li>each leaf keeps an {@linkplain Ebst E-BST} per numeric attribute; every {@code gracePeriod}
 *       of weight it finds the best threshold of each attribute by variance reduction and splits
 *       when the ratio of the second-best to the best merit is below {@code 1 - ε} (Hoeffding
 *       bound, range 1) or when {@code ε < tieThreshold}; a leaf with a single candidate splits on
 *       it at once;
 *   <li>leaves predict with a perceptron over the attributes standardised by the tree's running
 *       means and standard deviations ({@code (x - mean) / 3σ}), trained by the delta rule on the
 *       standardised target with learning rate {@code η / (1 + n·decay)}; new leaves of a split
 *       start from a copy of the parent leaf's weights; or, with {@code perceptronLeaves} off, with
 *       the leaf's mean target;
 *   <li>every split node runs a Page-Hinkley test on the standardised absolute error; a detection
 *       grows an alternate tree there, which replaces the subtree when the log ratio of the faded
 *       squared errors (original / alternate) is positive at a check every {@code
 *       alternateMinInstances}, and is dropped after {@code alternateMaxInstances} otherwise.
 * </ul>
 *
 * <p>MOA's behaviour is kept where it departs from the paper, so that results agree to the bit:
 * E-BST counts ignore instance weights while the leaf's totals use them; the E-BST pruning step is
 * a no-op (so it is left out); a replacement subtree keeps no parent link, so when it is a leaf
 * that later splits, or a split node whose alternate later wins, the new node becomes the root of
 * the whole tree; the perceptron takes {@code (int) weight} delta-rule steps per instance. Nominal
 * attributes are ignored, as MOA does (no E-BST, standardised to 0). A missing (NaN) value is not
 * observed, and, as in MOA, makes that attribute's running sums NaN, which standardises it to 0
 * from then on; at a split on it, an instance with a missing value goes left (MOA fails there).
 *
 * <p>Not thread-safe. {@link #predict} never changes the model and returns 0 before any learning.
 */
public final class RegressionTree implements Regressor {
  private final Schema schema;
  private final RegressionTreeConfig config;
  private final int numFeatures;
  private final boolean[] numeric;
  // Random subspace size for ARF-FIMTDD members (0: observe every attribute, as FIMTDD).
  private final int subspaceSize;
  final JavaRandom random;
  boolean frozen;

  Node root;

  // Running totals of the whole tree (MOA FIMTDD's examplesSeen, sumOfValues, sumOfSquares,
  // sumOfAttrValues, sumOfAttrSquares); the attribute sums are kept only for perceptron leaves.
  double examplesSeen;
  double sumOfValues;
  double sumOfSquares;
  final double[] sumOfAttrValues;
  final double[] sumOfAttrSquares;

  // Standardisation derived from the totals, refreshed whenever they change.
  private final boolean[] usable;
  private final double[] attrMean;
  private final double[] attrSd3;
  private double bias;
  private double targetMean;
  private double targetSd;
  private final double[] zeroWeights;

  // Scratch for the split search.
  private int[] stack = new int[64];
  private final double[] suggestion = new double[2];

  /** An empty FIMT-DD tree for a regression {@code schema}. */
  public RegressionTree(Schema schema, RegressionTreeConfig config) {
    this(schema, config, 0);
  }

  /**
   * An empty tree; with {@code subspaceSize > 0}, each leaf observes only that many attributes,
   * drawn at its first instance (MOA's {@code ARFFIMTDD}, the member tree of the adaptive random
   * forest regressor).
   */
  RegressionTree(Schema schema, RegressionTreeConfig config, int subspaceSize) {
    if (!schema.isRegression()) {
      throw new IllegalArgumentException("a regression tree needs a numeric target: " + schema);
    }
    this.schema = schema;
    this.config = config;
    this.numFeatures = schema.numFeatures();
    if (subspaceSize < 0 || subspaceSize > numFeatures) {
      throw new IllegalArgumentException(
          "subspace size must be in [0, " + numFeatures + "]: " + subspaceSize);
    }
    this.subspaceSize = subspaceSize;
    this.numeric = new boolean[numFeatures];
    for (int i = 0; i < numFeatures; i++) {
      numeric[i] = schema.feature(i).isNumeric();
    }
    this.random = new JavaRandom(config.seed());
    int sums = config.perceptronLeaves() ? numFeatures : 0;
    this.sumOfAttrValues = new double[sums];
    this.sumOfAttrSquares = new double[sums];
    this.usable = new boolean[sums];
    this.attrMean = new double[sums];
    this.attrSd3 = new double[sums];
    this.zeroWeights = new double[numFeatures + 1];
  }

  // ---------------------------------------------------------------- nodes

  /** What every node has (MOA FIMTDD.Node). */
  abstract static class Node {
    boolean changeDetection = true;
    Split parent;
    // Set on the root leaf of an alternate tree: the split node it may replace.
    Split original;
    double examplesSeen;
    double sumOfValues;
    double sumOfSquares;
    double sumOfAbsErrors;
  }

  /** A leaf: its perceptron, its E-BSTs and (ARF-FIMTDD) its attribute subspace. */
  static final class Leaf extends Node {
    double lastSplitEvaluation;
    // Perceptron weights (features, then the bias); null until the first instance draws them.
    double[] weights;
    double instancesSeen;
    // One E-BST per observed numeric attribute, null for the others; null before any.
    Ebst[] observers;
    int[] subspace;
  }

  /** A binary split {@code x[attribute] <= threshold} with its Page-Hinkley test and alternate. */
  static final class Split extends Node {
    final int attribute;
    final double threshold;
    Node left;
    Node right;
    Node alternate;
    double phSum;
    double phMin = Double.MAX_VALUE;
    double lossExamplesSeen;
    double lossFadedSumOriginal;
    double lossFadedSumAlternate;
    double lossNumQiTests;
    double lossSumQi;
    double previousWeight;

    Split(int attribute, double threshold) {
      this.attribute = attribute;
      this.threshold = threshold;
    }

    /** MOA's branch: left when {@code x <= threshold}; a missing value goes left too. */
    Node child(double[] x) {
      return x[attribute] > threshold ? right : left;
    }

    void replaceChild(Node old, Node replacement) {
      if (left == old) {
        left = replacement;
      } else if (right == old) {
        right = replacement;
      } else {
        throw new IllegalStateException("node is not a child of its parent");
      }
    }
  }

  // ---------------------------------------------------------------- API

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public boolean isFrozen() {
    return frozen;
  }

  /** The settings. */
  public RegressionTreeConfig config() {
    return config;
  }

  /** The subspace size of an ARF-FIMTDD member (0 for FIMTDD). */
  int subspaceSize() {
    return subspaceSize;
  }

  @Override
  public double predict(double[] x) {
    return root == null ? 0.0 : predictFrom(root, x);
  }

  /**
   * Learns one instance.
   *
   * @throws IllegalStateException if the model is frozen
   */
  @Override
  public void learn(double[] x, double y, double weight) {
    if (frozen) {
      throw new IllegalStateException("a frozen model cannot learn");
    }
    if (y != y || !(weight > 0)) {
      return;
    }
    if (root == null) {
      root = new Leaf();
    }
    double w = weight;
    examplesSeen += w;
    sumOfValues += w * y;
    sumOfSquares += w * y * y;
    for (int i = 0; i < sumOfAttrValues.length; i++) {
      double v = x[i];
      sumOfAttrValues[i] += w * v;
      sumOfAttrSquares[i] += w * v * v;
    }
    refreshStandardisation();
    double prediction = predictFrom(root, x);
    process(x, y, w, root, prediction, normalizedError(y, prediction), true, false);
  }

  /** Forgets everything, as MOA's {@code resetLearning}: empty tree, generator re-seeded. */
  public void reset() {
    if (frozen) {
      throw new IllegalStateException("a frozen model cannot learn");
    }
    root = null;
    examplesSeen = 0;
    sumOfValues = 0;
    sumOfSquares = 0;
    Arrays.fill(sumOfAttrValues, 0);
    Arrays.fill(sumOfAttrSquares, 0);
    random.setSeed(config.seed());
    refreshStandardisation();
  }

  /** A new, empty tree with the same schema, settings and subspace size (MOA: copy, then reset). */
  public RegressionTree emptyCopy() {
    return new RegressionTree(schema, config, subspaceSize);
  }

  /** Weight learned so far. */
  public double weightSeen() {
    return examplesSeen;
  }

  /** Nodes of the tree (alternate trees not counted). */
  public int numNodes() {
    return shape()[0];
  }

  /** Leaves of the tree (alternate trees not counted). */
  public int numLeaves() {
    return shape()[1];
  }

  /** Depth of the tree: 0 for an empty tree or a lone leaf. */
  public int depth() {
    return shape()[2];
  }

  /** Alternate trees being grown. */
  public int numAlternateTrees() {
    return shape()[3];
  }

  private int[] shape() {
    int nodes = 0;
    int leaves = 0;
    int depth = 0;
    int alternates = 0;
    if (root == null) {
      return new int[4];
    }
    ArrayDeque<Node> todo = new ArrayDeque<>();
    ArrayDeque<Integer> level = new ArrayDeque<>();
    todo.push(root);
    level.push(0);
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      int d = level.pop();
      nodes++;
      depth = Math.max(depth, d);
      if (n instanceof Split s) {
        if (s.alternate != null) {
          alternates++;
        }
        todo.push(s.right);
        level.push(d + 1);
        todo.push(s.left);
        level.push(d + 1);
      } else {
        leaves++;
      }
    }
    return new int[] {nodes, leaves, depth, alternates};
  }

  // ---------------------------------------------------------------- prediction

  /** The standardisation of MOA's perceptron and target, from the current totals. */
  void refreshStandardisation() {
    double n = examplesSeen;
    for (int j = 0; j < usable.length; j++) {
      double mean = sumOfAttrValues[j] / n;
      double sd = sd(sumOfAttrSquares[j], sumOfAttrValues[j], n);
      attrMean[j] = mean;
      attrSd3[j] = 3 * sd;
      usable[j] = numeric[j] && n > 1 && sd > 0;
    }
    bias = n > 1 ? 1.0 : 0.0;
    targetMean = sumOfValues / n;
    targetSd = sd(sumOfSquares, sumOfValues, n);
  }

  private static double sd(double sumSq, double sum, double n) {
    return n > 1 ? Math.sqrt((sumSq - ((sum * sum) / n)) / n) : 0.0;
  }

  /** MOA's {@code normalizeTargetValue}: {@code (y - mean) / 3σ}, or 0. */
  private double normalizeTarget(double y) {
    if (examplesSeen > 1 && targetSd > 0) {
      return (y - targetMean) / (3 * targetSd);
    }
    return 0.0;
  }

  private double normalizedError(double y, double prediction) {
    return Math.abs(normalizeTarget(y) - normalizeTarget(prediction));
  }

  double predictFrom(Node n, double[] x) {
    while (n instanceof Split s) {
      n = s.child(x);
    }
    return leafPrediction((Leaf) n, x);
  }

  private double leafPrediction(Leaf leaf, double[] x) {
    if (!config.perceptronLeaves()) {
      return leaf.examplesSeen > 0.0 ? leaf.sumOfValues / leaf.examplesSeen : 0.0;
    }
    double p = dot(leaf.weights == null ? zeroWeights : leaf.weights, x);
    return examplesSeen > 1 ? p * targetSd * 3 + targetMean : 0.0;
  }

  /** The perceptron's output on the standardised instance, summed in MOA's order. */
  private double dot(double[] w, double[] x) {
    double sum = 0.0;
    for (int j = 0; j < numFeatures; j++) {
      double v = usable[j] ? (x[j] - attrMean[j]) / attrSd3[j] : 0;
      sum += w[j] * v;
    }
    return sum + w[numFeatures] * bias;
  }

  // ---------------------------------------------------------------- learning

  private void process(
      double[] x,
      double y,
      double w,
      Node start,
      double prediction,
      double normalError,
      boolean growthAllowed,
      boolean inAlternate) {
    Node current = start;
    while (true) {
      if (current instanceof Leaf leaf) {
        learnLeaf(leaf, x, y, w, growthAllowed);
        return;
      }
      Split s = (Split) current;
      s.examplesSeen += w;
      s.sumOfAbsErrors += w * normalError;
      if (!inAlternate && s.alternate != null) {
        boolean keepAlternate = true;
        double lossO = Math.pow(y - prediction, 2);
        double lossA = Math.pow(y - predictFrom(s.alternate, x), 2);
        double fading = config.alternateFadingFactor();
        // One step per started unit of weight, as MOA's loop "for i < weight".
        for (int i = 0; i < w; i++) {
          s.lossFadedSumOriginal = lossO + fading * s.lossFadedSumOriginal;
          s.lossFadedSumAlternate = lossA + fading * s.lossFadedSumAlternate;
          s.lossExamplesSeen++;
          s.lossSumQi += Math.log(s.lossFadedSumOriginal / s.lossFadedSumAlternate);
          s.lossNumQiTests += 1;
        }
        double qi = Math.log(s.lossFadedSumOriginal / s.lossFadedSumAlternate);
        if (s.lossExamplesSeen - s.previousWeight >= config.alternateMinInstances()) {
          s.previousWeight = s.lossExamplesSeen;
          if (qi > 0) {
            Node replacement = s.alternate;
            Split parent = s.parent;
            if (parent != null) {
              parent.replaceChild(s, replacement);
              if (growthAllowed) {
                restartChangeDetection(replacement);
              }
            } else {
              root = replacement;
              restartChangeDetection(replacement);
            }
            current = replacement;
            replacement.original = null;
            keepAlternate = false;
          } else if (s.lossExamplesSeen >= config.alternateMaxInstances()) {
            // MOA also drops it when the mean Q fell while >= 10 grace periods were seen, but it
            // compares the mean with itself, so that never happens.
            s.alternate = null;
            if (growthAllowed) {
              restartChangeDetection(s);
            }
            keepAlternate = false;
          }
        }
        if (keepAlternate) {
          growthAllowed = false;
          process(x, y, w, s.alternate, prediction, normalError, true, true);
        }
      }
      if (s.changeDetection && !inAlternate) {
        double error = normalError - s.sumOfAbsErrors / s.examplesSeen - config.phAlpha();
        s.phSum += error;
        if (s.phSum < s.phMin) {
          s.phMin = s.phSum;
        }
        if (s.phSum - s.phMin > config.phThreshold()) {
          startAlternate(s);
        }
      }
      if (current instanceof Split cs) {
        current = cs.child(x);
      }
    }
  }

  private void learnLeaf(Leaf leaf, double[] x, double y, double w, boolean growthAllowed) {
    leaf.examplesSeen += w;
    leaf.sumOfValues += w * y;
    leaf.sumOfSquares += w * y * y;
    leaf.sumOfAbsErrors += w * Math.abs(normalizeTarget(Math.abs(y - leafPrediction(leaf, x))));
    if (config.perceptronLeaves()) {
      trainPerceptron(leaf, x, y, w);
    }
    if (leaf.observers == null) {
      leaf.observers = new Ebst[numFeatures];
    }
    Ebst[] obs = leaf.observers;
    if (subspaceSize > 0) {
      if (leaf.subspace == null) {
        leaf.subspace = drawSubspace();
      }
      for (int i : leaf.subspace) {
        observe(obs, i, x[i], y);
      }
    } else {
      for (int i = 0; i < numFeatures; i++) {
        observe(obs, i, x[i], y);
      }
    }
    if (growthAllowed && leaf.examplesSeen - leaf.lastSplitEvaluation >= config.gracePeriod()) {
      attemptToSplit(leaf);
      leaf.lastSplitEvaluation = leaf.examplesSeen;
    }
  }

  private void observe(Ebst[] obs, int i, double v, double y) {
    if (!numeric[i]) {
      return;
    }
    Ebst e = obs[i];
    if (e == null) {
      e = new Ebst();
      obs[i] = e;
    }
    e.observe(v, y);
  }

  /** {@code subspaceSize} distinct attributes, drawn as ARFFIMTDD draws them (by rejection). */
  private int[] drawSubspace() {
    int[] s = new int[subspaceSize];
    for (int j = 0; j < subspaceSize; j++) {
      boolean unique = false;
      while (!unique) {
        s[j] = random.nextInt(numFeatures);
        unique = true;
        for (int i = 0; i < j; i++) {
          if (s[j] == s[i]) {
            unique = false;
            break;
          }
        }
      }
    }
    return s;
  }

  private void trainPerceptron(Leaf leaf, double[] x, double y, double w) {
    if (leaf.weights == null) {
      double[] weights = new double[numFeatures + 1];
      for (int j = 0; j <= numFeatures; j++) {
        weights[j] = 2 * random.nextDouble() - 1;
      }
      leaf.weights = weights;
      leaf.instancesSeen = 0;
    }
    leaf.instancesSeen += w;
    double rate =
        config.constantLearningRate()
            ? config.learningRate()
            : config.learningRate() / (1 + leaf.instancesSeen * config.learningRateDecay());
    double[] weights = leaf.weights;
    for (int i = 0; i < (int) w; i++) {
      double delta = normalizeTarget(y) - dot(weights, x);
      double step = delta * rate;
      for (int j = 0; j < numFeatures; j++) {
        double v = usable[j] ? (x[j] - attrMean[j]) / attrSd3[j] : 0;
        weights[j] += v * step;
      }
      weights[numFeatures] += bias * step;
    }
  }

  private void attemptToSplit(Leaf leaf) {
    Ebst[] obs = leaf.observers;
    int candidates = 0;
    double bestMerit = 0;
    double bestKey = 0;
    int bestAttribute = -1;
    double secondMerit = 0;
    for (int i = 0; i < numFeatures; i++) {
      Ebst e = obs[i];
      if (e == null) {
        continue;
      }
      if (stack.length < e.size) {
        stack = new int[Math.max(e.size, stack.length * 2)];
      }
      if (!e.bestSplit(leaf.examplesSeen, leaf.sumOfValues, leaf.sumOfSquares, stack, suggestion)) {
        continue;
      }
      double m = suggestion[0];
      // The last of the maxima, and the last of the maxima of the rest: what MOA's stable
      // ascending sort of the suggestions puts in its last two places.
      if (candidates == 0 || Double.compare(m, bestMerit) >= 0) {
        secondMerit = bestMerit;
        bestMerit = m;
        bestKey = suggestion[1];
        bestAttribute = i;
      } else if (candidates == 1 || Double.compare(m, secondMerit) >= 0) {
        secondMerit = m;
      }
      candidates++;
    }
    boolean split;
    if (candidates < 2) {
      split = candidates > 0;
    } else {
      double bound =
          Math.sqrt((1.0 * Math.log(1 / config.splitConfidence())) / (2.0 * leaf.examplesSeen));
      split = secondMerit / bestMerit < 1 - bound || bound < config.tieThreshold();
    }
    if (split) {
      split(leaf, bestAttribute, bestKey);
    }
  }

  private void split(Leaf leaf, int attribute, double threshold) {
    Split s = new Split(attribute, threshold);
    s.examplesSeen = leaf.examplesSeen;
    s.sumOfValues = leaf.sumOfValues;
    s.sumOfSquares = leaf.sumOfSquares;
    s.sumOfAbsErrors = leaf.sumOfAbsErrors;
    s.changeDetection = leaf.changeDetection;
    s.left = newChild(leaf, s);
    s.right = newChild(leaf, s);
    Split parent = leaf.parent;
    if (parent == null && leaf.original == null) {
      root = s;
    } else if (parent == null) {
      leaf.original.alternate = s;
    } else {
      parent.replaceChild(leaf, s);
      s.parent = parent;
    }
  }

  private Leaf newChild(Leaf leaf, Split parent) {
    Leaf c = new Leaf();
    if (leaf.weights != null) {
      c.weights = leaf.weights.clone();
    }
    c.changeDetection = leaf.changeDetection;
    c.parent = parent;
    return c;
  }

  private void startAlternate(Split s) {
    Leaf alternate = new Leaf();
    alternate.original = s;
    s.alternate = alternate;
    s.lossExamplesSeen = 0;
    s.lossFadedSumOriginal = 0;
    s.lossFadedSumAlternate = 0;
    s.lossNumQiTests = 0;
    s.lossSumQi = 0;
    s.previousWeight = 0;
    ArrayDeque<Node> todo = new ArrayDeque<>();
    todo.push(s);
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      n.changeDetection = false;
      if (n instanceof Split t) {
        todo.push(t.right);
        todo.push(t.left);
      }
    }
  }

  /** MOA's restartChangeDetection: stops at (and skips) split nodes growing an alternate. */
  private static void restartChangeDetection(Node start) {
    ArrayDeque<Node> todo = new ArrayDeque<>();
    todo.push(start);
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      if (n instanceof Split t) {
        if (t.alternate == null) {
          t.changeDetection = true;
          t.phSum = 0;
          t.phMin = Integer.MAX_VALUE;
          todo.push(t.right);
          todo.push(t.left);
        }
      } else {
        n.changeDetection = true;
      }
    }
  }

  @Override
  public String toString() {
    return "RegressionTree{nodes=" + numNodes() + ", leaves=" + numLeaves() + "}";
  }
}
