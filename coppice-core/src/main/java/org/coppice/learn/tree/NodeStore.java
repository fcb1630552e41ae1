package org.coppice.learn.tree;

import java.util.Arrays;

/**
 * The nodes of a classification tree in flat primitive arrays indexed by node id: the routing
 * tests, the child slots and each node's class distribution. It allocates nodes (reusing freed ids
 * first), turns leaves into split nodes, frees whole subtrees without recursion, routes instances
 * and reports the tree's shape. It knows nothing of how leaves learn.
 *
 * <p>Subclasses add their own per-node columns: they grow them in {@link #growNodeColumns} and
 * release what a node holds in {@link #releaseNode}. Layers in this package: {@code NodeStore} (the
 * nodes) &lt; {@link ObserverPool} (the statistics of each leaf) &lt; {@link HoeffdingTree} (the
 * learner). A layer reaches the arrays of the layers below directly, with no accessor in between.
 *
 * <p>Node ids are allocated in increasing order until a subtree is freed; from then on new nodes
 * take freed ids first (last freed, first reused), so a child may have a smaller id than its
 * parent. Nothing here assumes otherwise, and {@link TreeCodec} renumbers such a tree when it
 * writes it.
 */
abstract class NodeStore {
  // Node kinds. A split node routes x[attr] to a branch; a missing value stops routing there.
  static final byte FREE = -1; // a freed id, waiting in the free list
  static final byte LEAF = 0;
  static final byte NUMERIC_SPLIT = 1; // branch 0 iff x <= value
  static final byte NOMINAL_BINARY_SPLIT = 2; // branch 0 iff x == value
  static final byte NOMINAL_MULTIWAY_SPLIT = 3; // branch = x

  static final byte[] NO_BYTES = new byte[0];
  static final int[] NO_INTS = new int[0];
  static final double[] NO_DOUBLES = new double[0];

  final int numClasses;

  // ---- nodes, every array indexed by node id < numNodes ----
  int numNodes; // ids handed out so far, freed ones included
  int root = -1;
  byte[] kind; // [node]
  int[] splitAttr; // [node] -1 for a leaf
  double[] splitValue; // [node] threshold (numeric) or value index (nominal binary)
  int[] childStart; // [node] first child slot in children[]
  int[] childCount; // [node] child slots of a split node (0 for a leaf)
  double[] counts; // [node][class]; frozen at split time for split nodes
  int[] classLen; // [node] length of MOA's class-count vector (highest class seen + 1)

  // ---- child slots: children[childStart[n] + branch] is a node id, or -1 for an absent child ----
  int[] children;
  int childrenSize;

  // ---- freed node ids and freed runs of child slots, reused before the arrays grow ----
  int[] freeNodes = NO_INTS; // [k] ids, last freed on top
  int freeNodeCount;
  int[] freeSlotStarts = NO_INTS; // [k] first slot of a freed run
  int[] freeSlotSizes = NO_INTS; // [k] its length
  int freeSlotCount;
  private boolean freedNodes; // see hasFreedNodes
  private int[] stack = NO_INTS; // [node] explicit stack of freeSubtree, reused

  NodeStore(int numClasses) {
    this.numClasses = numClasses;
    kind = NO_BYTES;
    splitAttr = NO_INTS;
    splitValue = NO_DOUBLES;
    childStart = NO_INTS;
    childCount = NO_INTS;
    counts = NO_DOUBLES;
    classLen = NO_INTS;
    children = NO_INTS;
  }

  /** Grows the subclass's per-node arrays to {@code capacity} nodes (keeping their contents). */
  abstract void growNodeColumns(int capacity);

  /** Releases what node {@code n} holds besides its node arrays; called as it is freed. */
  abstract void releaseNode(int n);

  /** Forgets every node. */
  void clearNodes() {
    numNodes = 0;
    root = -1;
    childrenSize = 0;
    freeNodeCount = 0;
    freeSlotCount = 0;
    freedNodes = false;
  }

  /**
   * True once a subtree has been freed (until {@link #clearNodes}): the arrays may have holes and a
   * child may have a smaller id than its parent, even after every freed id has been reused.
   */
  boolean hasFreedNodes() {
    return freedNodes;
  }

  // ------------------------------------------------------------------------------------------------
  // Allocation

  /**
   * A new leaf whose class distribution is {@code initial[from, from + len)} (empty for null). A
   * freed id is reused if there is one; the subclass initialises its own columns.
   */
  final int newNode(double[] initial, int from, int len) {
    int n;
    if (freeNodeCount > 0) {
      n = freeNodes[--freeNodeCount];
    } else {
      if (numNodes == kind.length) {
        allocateNodes(Math.max(16, kind.length * 2));
      }
      n = numNodes++;
    }
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
    growNodeColumns(capacity);
  }

  /**
   * Turns leaf {@code n} into a split node with {@code slots} child slots, all absent (-1); returns
   * the first slot. The caller has released the leaf's own state and fills the slots.
   */
  final int makeSplit(int n, byte splitKind, int attr, double value, int slots) {
    kind[n] = splitKind;
    splitAttr[n] = attr;
    splitValue[n] = value;
    int start = allocateSlots(slots);
    childStart[n] = start;
    childCount[n] = slots;
    Arrays.fill(children, start, start + slots, -1);
    return start;
  }

  private int allocateSlots(int slots) {
    for (int i = freeSlotCount - 1; i >= 0; i--) {
      if (freeSlotSizes[i] == slots) {
        int start = freeSlotStarts[i];
        freeSlotCount--;
        freeSlotStarts[i] = freeSlotStarts[freeSlotCount];
        freeSlotSizes[i] = freeSlotSizes[freeSlotCount];
        return start;
      }
    }
    if (childrenSize + slots > children.length) {
      children = Arrays.copyOf(children, Math.max(childrenSize + slots, children.length * 2));
    }
    int start = childrenSize;
    childrenSize += slots;
    return start;
  }

  private void freeSlots(int start, int slots) {
    if (slots == 0) {
      return;
    }
    Arrays.fill(children, start, start + slots, -1);
    if (start + slots == childrenSize) {
      childrenSize = start;
      return;
    }
    if (freeSlotCount == freeSlotStarts.length) {
      int cap = Math.max(8, freeSlotCount * 2);
      freeSlotStarts = Arrays.copyOf(freeSlotStarts, cap);
      freeSlotSizes = Arrays.copyOf(freeSlotSizes, cap);
    }
    freeSlotStarts[freeSlotCount] = start;
    freeSlotSizes[freeSlotCount] = slots;
    freeSlotCount++;
  }

  /**
   * Frees node {@code top} and everything below it (for pruning, e.g. when an alternate subtree
   * replaces an old one): each node is released, marked {@link #FREE} and its id and child slots
   * become reusable. No recursion: an explicit stack as deep as the number of nodes. The caller
   * first unlinks {@code top} from its parent's slot (or clears {@link #root}).
   */
  final void freeSubtree(int top) {
    if (stack.length < numNodes) {
      stack = new int[numNodes];
    }
    freedNodes = true;
    int size = 0;
    stack[size++] = top;
    while (size > 0) {
      int n = stack[--size];
      if (kind[n] != LEAF) {
        int start = childStart[n];
        for (int b = 0; b < childCount[n]; b++) {
          int child = children[start + b];
          if (child >= 0) {
            stack[size++] = child;
          }
        }
        freeSlots(start, childCount[n]);
      }
      releaseNode(n);
      kind[n] = FREE;
      splitAttr[n] = -1;
      childCount[n] = 0;
      classLen[n] = 0;
      if (freeNodeCount == freeNodes.length) {
        freeNodes = Arrays.copyOf(freeNodes, Math.max(16, freeNodeCount * 2));
      }
      freeNodes[freeNodeCount++] = n;
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Routing

  /**
   * Follows x from {@code start}. Returns the leaf reached, or the split node where a missing value
   * stopped routing, or {@code ~parent} (negative) when the branch taken has no child yet. Reads
   * state only, so concurrent predictions are safe while nothing learns.
   */
  final int routeFrom(int start, double[] x) {
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

  /** The branch value {@code v} of split node {@code n}'s attribute takes (not range-checked). */
  final int branch(int n, double v) {
    switch (kind[n]) {
      case NUMERIC_SPLIT:
        return v <= splitValue[n] ? 0 : 1;
      case NOMINAL_BINARY_SPLIT:
        return (int) v == (int) splitValue[n] ? 0 : 1;
      default:
        return (int) v;
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Class distributions

  /**
   * Copies node {@code n}'s class counts (its first {@code classLen[n]} entries) to {@code out}.
   */
  final void copyCounts(int n, double[] out) {
    System.arraycopy(counts, n * numClasses, out, 0, classLen[n]);
  }

  /** MOA DoubleVector.maxIndex of the counts: -1 for an empty vector, else the first maximum. */
  final int majorityIndex(int n) {
    int len = classLen[n];
    return len == 0 ? -1 : argmax(counts, n * numClasses, len);
  }

  /** The total weight of node {@code n}'s class counts. */
  final double leafWeight(int n) {
    return sum(counts, n * numClasses, classLen[n]);
  }

  /** Fewer than two classes with a non-zero count. */
  final boolean isPure(int n) {
    int nonZero = 0;
    int base = n * numClasses;
    for (int c = 0; c < classLen[n]; c++) {
      if (counts[base + c] != 0 && ++nonZero > 1) {
        return false;
      }
    }
    return true;
  }

  static double sum(double[] a, int from, int len) {
    double s = 0.0;
    for (int i = 0; i < len; i++) {
      s += a[from + i];
    }
    return s;
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
  // Shape

  /** Nodes in the tree (freed ids excluded). */
  final int liveNodes() {
    return numNodes - freeNodeCount;
  }

  /** Leaves in the tree. */
  final int countLeaves() {
    int leaves = 0;
    for (int n = 0; n < numNodes; n++) {
      if (kind[n] == LEAF) {
        leaves++;
      }
    }
    return leaves;
  }

  /** Depth of the deepest node (a lone root leaf: 0; an empty tree: -1), with an explicit stack. */
  final int maxDepth() {
    if (root < 0) {
      return -1;
    }
    int[] nodes = new int[numNodes]; // a node is pushed once, so numNodes entries suffice
    int[] depths = new int[numNodes];
    int size = 0;
    nodes[size] = root;
    depths[size++] = 0;
    int deepest = 0;
    while (size > 0) {
      size--;
      int n = nodes[size];
      int d = depths[size];
      deepest = Math.max(deepest, d);
      if (kind[n] != LEAF) {
        for (int b = 0; b < childCount[n]; b++) {
          int c = children[childStart[n] + b];
          if (c >= 0) {
            nodes[size] = c;
            depths[size++] = d + 1;
          }
        }
      }
    }
    return deepest;
  }

  /**
   * The live nodes in breadth-first order from the root: entry i is the old id of the node that
   * gets id i when the tree is renumbered without holes (every parent before its children).
   */
  final int[] breadthFirstOrder() {
    int[] order = new int[liveNodes()];
    int size = 0;
    if (root >= 0) {
      order[size++] = root;
    }
    for (int i = 0; i < size; i++) {
      int n = order[i];
      if (kind[n] != LEAF) {
        for (int b = 0; b < childCount[n]; b++) {
          int c = children[childStart[n] + b];
          if (c >= 0) {
            order[size++] = c;
          }
        }
      }
    }
    return size == order.length ? order : Arrays.copyOf(order, size);
  }
}
