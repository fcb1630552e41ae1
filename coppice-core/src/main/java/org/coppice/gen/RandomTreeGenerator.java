package org.coppice.gen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.coppice.data.Attribute;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.util.JavaRandom;

/**
 * The random tree concept of MOA (P. Domingos and G. Hulten, "Mining high-speed data streams", KDD
 * 2000, as implemented by R. Kirkby, "Improving Hoeffding Trees", PhD thesis, University of
 * Waikato, 2007), after MOA's {@code RandomTreeGenerator}.
 *
 * <p>The tree random (seed {@code treeRandomSeed}) grows a tree depth first: a node at depth d is a
 * leaf with a random class when d reaches {@code maxTreeDepth}, or, from depth {@code
 * firstLeafLevel} on, with probability {@code leafFraction}; otherwise it splits on a random
 * attribute: a nominal attribute not yet used on the path (one child per value) or a numeric
 * attribute at a threshold uniform within the interval the path leaves open (two children, below
 * and at-or-above). Each instance has {@code numNominals} nominal attributes {@code nominal1..}
 * uniform over {@code value1..valueV}, then {@code numNumerics} numeric attributes {@code
 * numeric1..} uniform in [0, 1), and the class of the leaf it reaches.
 *
 * <p>The tree is kept in flat arrays and is built and walked without recursion. Draw-for-draw
 * identical to MOA's {@code RandomTreeGenerator} with the same options and seeds (the tree is grown
 * in MOA's depth-first order). Defaults are MOA's: 2 classes, 5 nominal and 5 numeric attributes, 5
 * values per nominal, maximum depth 5, first leaf level 3, leaf fraction 0.15, both seeds 1. Where
 * MOA would fail because no attribute is left to split on, the constructor throws an
 * IllegalArgumentException.
 */
public final class RandomTreeGenerator implements StreamGenerator {
  private final int numClasses;
  private final int numNominals;
  private final int numNumerics;
  private final int numValsPerNominal;
  private final int maxTreeDepth;
  private final int firstLeafLevel;
  private final double leafFraction;
  private final long treeSeed;
  private final long instanceSeed;
  private final Schema schema;
  private final JavaRandom random;

  // Node n is a leaf of class leafClass[n] when firstChild[n] < 0; otherwise it splits on feature
  // splitAtt[n] (at splitValue[n] when numeric) and its children are firstChild[n], firstChild[n] +
  // 1, ...
  private int numNodes;
  private int[] firstChild = new int[64];
  private int[] splitAtt = new int[64];
  private double[] splitValue = new double[64];
  private int[] leafClass = new int[64];
  private int numLeaves;
  private int depth;

  private RandomTreeGenerator(Builder b) {
    this.numClasses = Specs.checkRange("numClasses", b.numClasses, 2, Integer.MAX_VALUE);
    this.numNominals = Specs.checkRange("numNominals", b.numNominals, 0, Integer.MAX_VALUE);
    this.numNumerics = Specs.checkRange("numNumerics", b.numNumerics, 0, Integer.MAX_VALUE);
    this.numValsPerNominal =
        Specs.checkRange("numValsPerNominal", b.numValsPerNominal, 2, Integer.MAX_VALUE);
    this.maxTreeDepth = Specs.checkRange("maxTreeDepth", b.maxTreeDepth, 0, Integer.MAX_VALUE);
    this.firstLeafLevel =
        Specs.checkRange("firstLeafLevel", b.firstLeafLevel, 0, Integer.MAX_VALUE);
    this.leafFraction = Specs.checkRange("leafFraction", b.leafFraction, 0.0, 1.0);
    this.treeSeed = b.treeSeed;
    this.instanceSeed = b.instanceSeed;
    if ((long) numNominals + numNumerics > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("numNominals + numNumerics is too large");
    }
    List<Attribute> features = new ArrayList<>();
    List<String> values = Specs.values("value", 1, numValsPerNominal);
    for (int i = 0; i < numNominals; i++) {
      features.add(Attribute.nominal("nominal" + (i + 1), values));
    }
    Specs.addNumeric(features, "numeric", numNumerics);
    this.schema = Specs.schema(spec(), features, Specs.values("class", 1, numClasses));
    growTree();
    this.random = new JavaRandom(instanceSeed);
    restart();
  }

  /** A generator with all of MOA's defaults. */
  public RandomTreeGenerator() {
    this(new Builder());
  }

  /** A builder holding MOA's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Options of a {@link RandomTreeGenerator}; every setter returns this builder. */
  public static final class Builder {
    private int numClasses = 2;
    private int numNominals = 5;
    private int numNumerics = 5;
    private int numValsPerNominal = 5;
    private int maxTreeDepth = 5;
    private int firstLeafLevel = 3;
    private double leafFraction = 0.15;
    private long treeSeed = 1;
    private long instanceSeed = 1;

    private Builder() {}

    /** Number of classes, at least 2; default 2. */
    public Builder numClasses(int numClasses) {
      this.numClasses = numClasses;
      return this;
    }

    /** Number of nominal attributes; default 5. */
    public Builder numNominals(int numNominals) {
      this.numNominals = numNominals;
      return this;
    }

    /** Number of numeric attributes; default 5. */
    public Builder numNumerics(int numNumerics) {
      this.numNumerics = numNumerics;
      return this;
    }

    /** Number of values of each nominal attribute, at least 2; default 5. */
    public Builder numValsPerNominal(int numValsPerNominal) {
      this.numValsPerNominal = numValsPerNominal;
      return this;
    }

    /** Depth at which every node is a leaf; default 5. */
    public Builder maxTreeDepth(int maxTreeDepth) {
      this.maxTreeDepth = maxTreeDepth;
      return this;
    }

    /** First depth at which a node may be a leaf before maxTreeDepth; default 3. */
    public Builder firstLeafLevel(int firstLeafLevel) {
      this.firstLeafLevel = firstLeafLevel;
      return this;
    }

    /** Probability that a node from firstLeafLevel on is a leaf, 0 to 1; default 0.15. */
    public Builder leafFraction(double leafFraction) {
      this.leafFraction = leafFraction;
      return this;
    }

    /** Seed of the tree random (MOA's treeRandomSeed); default 1. */
    public Builder treeSeed(long treeSeed) {
      this.treeSeed = treeSeed;
      return this;
    }

    /** Seed of the instance random (MOA's instanceRandomSeed); default 1. */
    public Builder instanceSeed(long instanceSeed) {
      this.instanceSeed = instanceSeed;
      return this;
    }

    /**
     * @throws IllegalArgumentException if an option is out of range, or if the tree runs out of
     *     attributes to split on
     */
    public RandomTreeGenerator build() {
      return new RandomTreeGenerator(this);
    }
  }

  public int numClasses() {
    return numClasses;
  }

  public int numNominals() {
    return numNominals;
  }

  public int numNumerics() {
    return numNumerics;
  }

  public int numValsPerNominal() {
    return numValsPerNominal;
  }

  public int maxTreeDepth() {
    return maxTreeDepth;
  }

  public int firstLeafLevel() {
    return firstLeafLevel;
  }

  public double leafFraction() {
    return leafFraction;
  }

  public long treeSeed() {
    return treeSeed;
  }

  public long instanceSeed() {
    return instanceSeed;
  }

  /** Number of nodes (splits and leaves) in the concept tree. */
  public int numNodes() {
    return numNodes;
  }

  /** Number of leaves in the concept tree. */
  public int numLeaves() {
    return numLeaves;
  }

  /** Depth of the deepest leaf (0 when the root is a leaf). */
  public int depth() {
    return depth;
  }

  private int allocate(int count) {
    int first = numNodes;
    int needed = Math.addExact(numNodes, count);
    if (needed > firstChild.length) {
      int capacity = Math.max(needed, firstChild.length * 2);
      firstChild = Arrays.copyOf(firstChild, capacity);
      splitAtt = Arrays.copyOf(splitAtt, capacity);
      splitValue = Arrays.copyOf(splitValue, capacity);
      leafClass = Arrays.copyOf(leafClass, capacity);
    }
    numNodes = needed;
    return first;
  }

  /** A node waiting to be grown: its depth and the constraints its path puts on its split. */
  private record Pending(int node, int depth, int[] nominals, double[] low, double[] high) {}

  /**
   * Grows the tree in MOA's depth-first order with an explicit stack. Each pending node carries its
   * depth, the nominal attributes still unused on its path (ascending, as MOA's candidate list) and
   * the numeric interval its path leaves open; siblings share these read-only arrays.
   */
  private void growTree() {
    JavaRandom treeRandom = new JavaRandom(treeSeed);
    int[] allNominals = new int[numNominals];
    for (int i = 0; i < numNominals; i++) {
      allNominals[i] = i;
    }
    double[] highs = new double[numNumerics];
    Arrays.fill(highs, 1.0);
    ArrayDeque<Pending> stack = new ArrayDeque<>();
    stack.push(new Pending(allocate(1), 0, allNominals, new double[numNumerics], highs));
    while (!stack.isEmpty()) {
      Pending p = stack.pop();
      int node = p.node();
      int d = p.depth();
      if (d >= maxTreeDepth
          || (d >= firstLeafLevel && leafFraction >= 1.0 - treeRandom.nextDouble())) {
        firstChild[node] = -1;
        leafClass[node] = treeRandom.nextInt(numClasses);
        numLeaves++;
        depth = Math.max(depth, d);
        continue;
      }
      int[] nominals = p.nominals();
      int choices = nominals.length + numNumerics;
      if (choices == 0) {
        throw new IllegalArgumentException(
            "the random tree has no attribute left to split on at depth "
                + d
                + " (no numeric attributes and maxTreeDepth "
                + maxTreeDepth
                + " exceeds numNominals "
                + numNominals
                + "); lower maxTreeDepth or add attributes");
      }
      int chosen = treeRandom.nextInt(choices);
      if (chosen < nominals.length) {
        splitAtt[node] = nominals[chosen];
        int[] rest = new int[nominals.length - 1];
        System.arraycopy(nominals, 0, rest, 0, chosen);
        System.arraycopy(nominals, chosen + 1, rest, chosen, rest.length - chosen);
        int first = allocate(numValsPerNominal);
        firstChild[node] = first;
        // pushed in reverse, so child 0 and its whole subtree are grown first, as in MOA's
        // recursion
        for (int c = numValsPerNominal - 1; c >= 0; c--) {
          stack.push(new Pending(first + c, d + 1, rest, p.low(), p.high()));
        }
      } else {
        int k = chosen - nominals.length;
        splitAtt[node] = numNominals + k;
        double value = (p.high()[k] - p.low()[k]) * treeRandom.nextDouble() + p.low()[k];
        splitValue[node] = value;
        int first = allocate(2);
        firstChild[node] = first;
        double[] belowHigh = p.high().clone();
        belowHigh[k] = value;
        double[] aboveLow = p.low().clone();
        aboveLow[k] = value;
        stack.push(new Pending(first + 1, d + 1, nominals, aboveLow, p.high()));
        stack.push(new Pending(first, d + 1, nominals, p.low(), belowHigh));
      }
    }
  }

  @Override
  public Schema schema() {
    return schema;
  }

  /** Fills {@code into} with the next instance; always returns true. */
  @Override
  public boolean next(Instance into) {
    double[] x = into.x;
    for (int i = 0; i < numNominals; i++) {
      x[i] = random.nextInt(numValsPerNominal);
    }
    int n = numNominals + numNumerics;
    for (int i = numNominals; i < n; i++) {
      x[i] = random.nextDouble();
    }
    into.y = classify(x);
    into.weight = 1.0;
    return true;
  }

  /**
   * The class the concept tree gives to features {@code x} (laid out as this generator's schema).
   */
  public int classify(double[] x) {
    int node = 0;
    while (firstChild[node] >= 0) {
      int a = splitAtt[node];
      int branch;
      if (a < numNominals) {
        branch = (int) x[a];
      } else {
        branch = x[a] < splitValue[node] ? 0 : 1;
      }
      node = firstChild[node] + branch;
    }
    return leafClass[node];
  }

  @Override
  public void restart() {
    random.setSeed(instanceSeed);
  }

  @Override
  public String spec() {
    return "randomtree(classes="
        + numClasses
        + ",nominals="
        + numNominals
        + ",numerics="
        + numNumerics
        + ",values="
        + numValsPerNominal
        + ",depth="
        + maxTreeDepth
        + ",first-leaf-level="
        + firstLeafLevel
        + ",leaf-fraction="
        + Specs.num(leafFraction)
        + ",tree-seed="
        + treeSeed
        + ",instance-seed="
        + instanceSeed
        + ")";
  }

  @Override
  public String toString() {
    return spec();
  }
}
