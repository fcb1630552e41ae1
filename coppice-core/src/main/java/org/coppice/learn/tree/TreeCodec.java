package org.coppice.learn.tree;

import org.coppice.data.Schema;
import org.coppice.state.ModelFormatException;
import org.coppice.state.StateReader;
import org.coppice.state.StateWriter;

/**
 * Writes and reads a {@link HoeffdingTree}'s state as flat arrays (layout in docs/FORMAT.md,
 * "tree"). No recursion: the node arrays are written as they are (renumbered without holes once the
 * tree has freed nodes, see {@link NodeStore#freeSubtree}), and reading checks every count against
 * the bytes left before allocating and every index against its range before the tree is used.
 *
 * <p>Full form: everything, so learning continues exactly (same arrays, same free blocks, same
 * generator state). Frozen form: only what prediction reads; observers are kept only for leaves
 * whose prediction uses naive Bayes, and the observer pool is compacted.
 */
final class TreeCodec {
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;
  private static final int MIN_BYTES_PER_NODE = 1 + 4 + 8 + 4 + 4 + 4 + 4 + 8 + 8 + 8 + 4;

  private TreeCodec() {}

  static void write(HoeffdingTree t, StateWriter w, boolean frozen) {
    Nodes v = t.hasFreedNodes() ? Nodes.compacted(t) : Nodes.of(t);
    int n = v.count;
    int c = t.numClasses;
    int m = t.leafAttributes;
    w.writeInt(n);
    w.writeInt(v.root);
    w.writeByteArray(v.kind, n);
    w.writeIntArray(v.splitAttr, n);
    w.writeDoubleArray(v.splitValue, n);
    w.writeIntArray(v.childStart, n);
    w.writeIntArray(v.childCount, n);
    w.writeDoubleArray(v.counts, n * c);
    w.writeIntArray(v.classLen, n);
    w.writeDoubleArray(v.mcCorrect, n);
    w.writeDoubleArray(v.nbCorrect, n);
    w.writeIntArray(v.children, v.childrenSize);
    if (!frozen) {
      w.writeDoubleArray(v.lastEvalWeight, n);
      w.writeIntArray(v.obsOffset, n);
      w.writeIntArray(v.subspace, n * m);
      w.writeDoubleArray(t.obs, t.obsSize);
      w.writeIntArray(t.freeBlockOffsets, t.freeBlockCount);
      w.writeIntArray(t.freeBlockSizes, t.freeBlockCount);
      w.writeLong(t.random.state());
      w.writeBoolean(t.random.hasNextGaussian());
      w.writeDouble(t.random.storedNextGaussian());
      return;
    }
    // Frozen: a compacted pool holding only the observers that naive Bayes prediction reads.
    int[] offsets = new int[n];
    int size = 0;
    for (int i = 0; i < n; i++) {
      offsets[i] = -1;
      int old = v.oldId(i);
      if (t.kind[old] == HoeffdingTree.LEAF && t.obsOffset[old] >= 0 && t.leafReadsObservers(old)) {
        offsets[i] = size;
        size += t.leafBlockSize(old);
      }
    }
    w.writeIntArray(offsets, n);
    w.writeIntArray(v.subspace, n * m);
    w.writeInt(size);
    for (int i = 0; i < n; i++) {
      if (offsets[i] >= 0) {
        int old = v.oldId(i);
        w.writeDoubles(t.obs, t.obsOffset[old], t.leafBlockSize(old));
      }
    }
  }

  /**
   * The node arrays as written: the tree's own arrays, or, once nodes have been freed, a copy with
   * the live nodes renumbered breadth-first from the root (so ids have no holes and every child
   * comes after its parent, as the reader checks) and the child slots packed. A tree that never
   * freed a node is written exactly as it is in memory.
   */
  private static final class Nodes {
    int count;
    int root;
    int[] oldIds; // [new id] old id, or null: the identity
    byte[] kind;
    int[] splitAttr;
    double[] splitValue;
    int[] childStart;
    int[] childCount;
    double[] counts;
    int[] classLen;
    double[] mcCorrect;
    double[] nbCorrect;
    int[] children;
    int childrenSize;
    double[] lastEvalWeight;
    int[] obsOffset;
    int[] subspace;

    int oldId(int i) {
      return oldIds == null ? i : oldIds[i];
    }

    static Nodes of(HoeffdingTree t) {
      Nodes v = new Nodes();
      v.count = t.numNodes;
      v.root = t.root;
      v.kind = t.kind;
      v.splitAttr = t.splitAttr;
      v.splitValue = t.splitValue;
      v.childStart = t.childStart;
      v.childCount = t.childCount;
      v.counts = t.counts;
      v.classLen = t.classLen;
      v.mcCorrect = t.mcCorrect;
      v.nbCorrect = t.nbCorrect;
      v.children = t.children;
      v.childrenSize = t.childrenSize;
      v.lastEvalWeight = t.lastEvalWeight;
      v.obsOffset = t.obsOffset;
      v.subspace = t.subspace;
      return v;
    }

    static Nodes compacted(HoeffdingTree t) {
      int[] order = t.breadthFirstOrder();
      int n = order.length;
      int c = t.numClasses;
      int m = t.leafAttributes;
      int[] newId = new int[t.numNodes];
      for (int i = 0; i < n; i++) {
        newId[order[i]] = i;
      }
      Nodes v = new Nodes();
      v.count = n;
      v.root = n == 0 ? -1 : 0;
      v.oldIds = order;
      v.kind = new byte[n];
      v.splitAttr = new int[n];
      v.splitValue = new double[n];
      v.childStart = new int[n];
      v.childCount = new int[n];
      v.counts = new double[n * c];
      v.classLen = new int[n];
      v.mcCorrect = new double[n];
      v.nbCorrect = new double[n];
      v.lastEvalWeight = new double[n];
      v.obsOffset = new int[n];
      v.subspace = new int[n * m];
      int slots = 0;
      for (int old : order) {
        slots += t.childCount[old];
      }
      v.children = new int[slots];
      int next = 0;
      for (int i = 0; i < n; i++) {
        int old = order[i];
        v.kind[i] = t.kind[old];
        v.splitAttr[i] = t.splitAttr[old];
        v.splitValue[i] = t.splitValue[old];
        v.childCount[i] = t.childCount[old];
        System.arraycopy(t.counts, old * c, v.counts, i * c, c);
        v.classLen[i] = t.classLen[old];
        v.mcCorrect[i] = t.mcCorrect[old];
        v.nbCorrect[i] = t.nbCorrect[old];
        v.lastEvalWeight[i] = t.lastEvalWeight[old];
        v.obsOffset[i] = t.obsOffset[old];
        System.arraycopy(t.subspace, old * m, v.subspace, i * m, m);
        if (t.kind[old] != HoeffdingTree.LEAF) {
          v.childStart[i] = next;
          for (int b = 0; b < t.childCount[old]; b++) {
            int child = t.children[t.childStart[old] + b];
            v.children[next++] = child < 0 ? -1 : newId[child];
          }
        }
      }
      v.childrenSize = next;
      return v;
    }
  }

  static HoeffdingTree read(
      Schema schema,
      HoeffdingTreeConfig config,
      ObserverPool.Layout layout,
      StateReader r,
      boolean frozen) {
    HoeffdingTree t = new HoeffdingTree(schema, config, layout);
    int c = t.numClasses;
    int m = t.leafAttributes;
    int perNode = Math.max(Math.max(c, m), 1);
    int n = r.readCount("node count", MAX_ARRAY / perNode, MIN_BYTES_PER_NODE);
    int root = r.readInt();
    if (n == 0 ? root != -1 : root < 0 || root >= n) {
      throw bad(r, "root " + root + " is not a node of a tree with " + n + " nodes");
    }
    byte[] kind = r.readByteArray("node kinds", n);
    if (kind.length != n) {
      throw bad(r, "node kinds: " + kind.length + " entries for " + n + " nodes");
    }
    int[] splitAttr = r.readIntArrayExact("split attributes", n);
    double[] splitValue = r.readDoubleArrayExact("split values", n);
    int[] childStart = r.readIntArrayExact("child starts", n);
    int[] childCount = r.readIntArrayExact("child counts", n);
    double[] counts = r.readDoubleArrayExact("class counts", n * c);
    int[] classLen = r.readIntArrayExact("class count lengths", n);
    double[] mc = r.readDoubleArrayExact("majority-class correct weights", n);
    double[] nb = r.readDoubleArrayExact("naive Bayes correct weights", n);
    int[] children = r.readIntArray("children", MAX_ARRAY);
    double[] lastEval;
    int[] obsOffset;
    int[] subspace;
    double[] obs;
    int[] freeOffsets;
    int[] freeSizes;
    if (!frozen) {
      lastEval = r.readDoubleArrayExact("weights at last split attempt", n);
      obsOffset = r.readIntArrayExact("observer offsets", n);
      subspace = r.readIntArrayExact("leaf subspaces", n * m);
      obs = r.readDoubleArray("observer statistics", MAX_ARRAY);
      freeOffsets = r.readIntArray("free block offsets", MAX_ARRAY);
      freeSizes = r.readIntArrayExact("free block sizes", freeOffsets.length);
      long state = r.readLong();
      boolean hasGaussian = r.readBoolean();
      double gaussian = r.readDouble();
      if ((state >>> 48) != 0) {
        throw bad(r, "random generator state has bits above 48");
      }
      t.random.restore(state, hasGaussian, gaussian);
    } else {
      lastEval = new double[n];
      obsOffset = r.readIntArrayExact("observer offsets", n);
      subspace = r.readIntArrayExact("leaf subspaces", n * m);
      int size = r.readCount("observer statistics", MAX_ARRAY, 8);
      obs = new double[size];
      r.readDoubles(obs, 0, size);
      freeOffsets = new int[0];
      freeSizes = new int[0];
    }
    validate(
        t,
        r,
        n,
        root,
        kind,
        splitAttr,
        splitValue,
        childStart,
        childCount,
        counts,
        classLen,
        children,
        obsOffset,
        subspace,
        obs,
        freeOffsets,
        freeSizes);
    t.numNodes = n;
    t.root = root;
    t.kind = kind;
    t.splitAttr = splitAttr;
    t.splitValue = splitValue;
    t.childStart = childStart;
    t.childCount = childCount;
    t.counts = counts;
    t.classLen = classLen;
    t.lastEvalWeight = lastEval;
    t.mcCorrect = mc;
    t.nbCorrect = nb;
    t.obsOffset = obsOffset;
    t.subspace = subspace;
    t.children = children;
    t.childrenSize = children.length;
    t.obs = obs;
    t.obsSize = obs.length;
    t.freeBlockOffsets = freeOffsets;
    t.freeBlockSizes = freeSizes;
    t.freeBlockCount = freeOffsets.length;
    return t;
  }

  /** Every index in range and the node graph a tree: each node but the root has one parent. */
  private static void validate(
      HoeffdingTree t,
      StateReader r,
      int n,
      int root,
      byte[] kind,
      int[] splitAttr,
      double[] splitValue,
      int[] childStart,
      int[] childCount,
      double[] counts,
      int[] classLen,
      int[] children,
      int[] obsOffset,
      int[] subspace,
      double[] obs,
      int[] freeOffsets,
      int[] freeSizes) {
    int c = t.numClasses;
    int m = t.leafAttributes;
    for (double v : counts) {
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw bad(r, "a class count is negative, infinite or NaN: " + v);
      }
    }
    byte[] parents = new byte[n];
    for (int i = 0; i < n; i++) {
      if (classLen[i] < 0 || classLen[i] > c) {
        throw bad(
            r, "node " + i + ": class count length " + classLen[i] + " outside [0, " + c + "]");
      }
      if (kind[i] == HoeffdingTree.LEAF) {
        if (splitAttr[i] != -1 || childCount[i] != 0) {
          throw bad(r, "node " + i + ": a leaf with a split attribute or children");
        }
        validateLeafObservers(t, r, i, obsOffset[i], subspace, obs);
        continue;
      }
      if (kind[i] < 0 || kind[i] > HoeffdingTree.NOMINAL_MULTIWAY_SPLIT) {
        throw bad(r, "node " + i + ": unknown node kind " + kind[i]);
      }
      int a = splitAttr[i];
      if (a < 0 || a >= t.numFeatures) {
        throw bad(
            r, "node " + i + ": split attribute " + a + " outside [0, " + t.numFeatures + ")");
      }
      if ((kind[i] == HoeffdingTree.NUMERIC_SPLIT) == t.nominal[a]) {
        throw bad(r, "node " + i + ": split kind " + kind[i] + " does not fit attribute " + a);
      }
      int expectedChildren = kind[i] == HoeffdingTree.NOMINAL_MULTIWAY_SPLIT ? t.numValues[a] : 2;
      if (childCount[i] != expectedChildren) {
        throw bad(
            r, "node " + i + ": " + childCount[i] + " children, expected " + expectedChildren);
      }
      if (kind[i] == HoeffdingTree.NOMINAL_BINARY_SPLIT) {
        double v = splitValue[i];
        if (!(v >= 0 && v < t.numValues[a]) || v != Math.rint(v)) {
          throw bad(r, "node " + i + ": nominal split value " + v + " is not a value of " + a);
        }
      } else if (kind[i] == HoeffdingTree.NUMERIC_SPLIT && Double.isNaN(splitValue[i])) {
        throw bad(r, "node " + i + ": numeric threshold is NaN");
      }
      if (obsOffset[i] != -1) {
        throw bad(r, "node " + i + ": a split node with observers");
      }
      long start = childStart[i];
      if (start < 0 || start + childCount[i] > children.length) {
        throw bad(
            r, "node " + i + ": children [" + start + ", +" + childCount[i] + ") out of range");
      }
      for (int b = 0; b < childCount[i]; b++) {
        int child = children[(int) start + b];
        if (child == -1) {
          continue;
        }
        // Children are always created after their parent, so ids increase along every path: no
        // cycles.
        if (child <= i || child >= n) {
          throw bad(r, "node " + i + ": child " + child + " out of range (" + i + ", " + n + ")");
        }
        if (parents[child]++ != 0) {
          throw bad(r, "node " + child + " has two parents");
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if ((parents[i] == 0) != (i == root)) {
        throw bad(r, i == root ? "the root has a parent" : "node " + i + " is unreachable");
      }
    }
    for (int k = 0; k < freeOffsets.length; k++) {
      long off = freeOffsets[k];
      if (off < 0 || freeSizes[k] <= 0 || off + freeSizes[k] > obs.length) {
        throw bad(r, "free observer block " + k + " out of range");
      }
    }
    if (m == 0 && n > 0 && t.numFeatures > 0) {
      throw bad(r, "leaves monitor no attribute");
    }
  }

  private static void validateLeafObservers(
      HoeffdingTree t, StateReader r, int leaf, int offset, int[] subspace, double[] obs) {
    if (offset == -1) {
      return;
    }
    int m = t.leafAttributes;
    long off = offset;
    if (off < 0) {
      throw bad(r, "leaf " + leaf + ": observer offset " + off);
    }
    int previous = -1;
    for (int j = 0; j < m; j++) {
      int a = subspace[leaf * m + j];
      if (a <= previous || a >= t.numFeatures) {
        throw bad(r, "leaf " + leaf + ": subspace is not ascending attributes in range");
      }
      previous = a;
      if (off + t.blockSize[a] > obs.length) {
        throw bad(r, "leaf " + leaf + ": observers run past the statistics array");
      }
      if (t.nominal[a]) {
        int stride = ObserverPool.NCOUNTS + t.numValues[a];
        for (int cls = 0; cls < t.numClasses; cls++) {
          double len = obs[(int) off + cls * stride + ObserverPool.NLEN];
          if (!(len >= 0 && len <= t.numValues[a]) || len != Math.rint(len)) {
            throw bad(r, "leaf " + leaf + ": nominal value count " + len + " out of range");
          }
        }
      }
      off += t.blockSize[a];
    }
  }

  private static ModelFormatException bad(StateReader r, String what) {
    return new ModelFormatException(r.context() + ": " + what);
  }
}
