package org.coppice.learn.regression;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.coppice.data.Schema;
import org.coppice.learn.registry.ModelCodec;
import org.coppice.learn.registry.StateCodec;
import org.coppice.learn.regression.RegressionTree.Leaf;
import org.coppice.learn.regression.RegressionTree.Node;
import org.coppice.learn.regression.RegressionTree.Split;
import org.coppice.state.SectionSink;
import org.coppice.state.SectionSource;
import org.coppice.state.StateReader;
import org.coppice.state.StateWriter;

/**
 * State codec of a {@link RegressionTree}, version 1. The header continues with the settings (in
 * parameter-table order, then the subspace size); one {@link #TREE} section follows.
 *
 * <p>The {@code TREE} section: the tree's weight, target sum and target sum of squares, the
 * attribute sums (two length-prefixed double arrays, F long for perceptron leaves, else empty), the
 * node count, then every node in preorder (a split's left subtree, right subtree, then its
 * alternate tree if it has one). A node is a kind byte (0 leaf, 1 split), a flags byte (bit 0
 * change detection on; split: bit 1 has an alternate; leaf: bit 1 has perceptron weights, bit 2 has
 * E-BSTs, bit 3 has a subspace), the preorder index of its parent and of the split node it is the
 * alternate of (-1: none), its weight, target sum, sum of squares and sum of standardised absolute
 * errors. A split then has its attribute and threshold and its Page-Hinkley and alternate-tree
 * statistics (8 doubles); a leaf has the weight at its last split attempt, its perceptron's weight,
 * its F+1 weights, its subspace (int array) and its E-BSTs (per attribute: node count, -1 for none,
 * then 4 doubles and 2 ints a node). The full form ends with the generator's state.
 *
 * <p>The shape is implied by the preorder, so a file cannot describe a cycle or a shared subtree;
 * the parent and alternate links (which MOA leaves unset on a replacement subtree, and which are
 * therefore stored) must agree with it. Reading is iterative. The frozen form drops the alternate
 * trees, the E-BSTs, the subspaces and the generator: it predicts exactly as the full form and
 * cannot learn.
 */
final class RegressionTreeCodec implements StateCodec<RegressionTree> {
  /** Section kind of the tree. */
  static final int TREE = 2;

  private static final int MAX_NODES = 1 << 26;
  private static final int MAX_EBST = 1 << 28;
  private static final int MIN_NODE_BYTES = 1 + 1 + 4 + 4 + 4 * 8;

  @Override
  public int version() {
    return 1;
  }

  @Override
  public void writeHeader(RegressionTree t, boolean frozen, StateWriter w) {
    RegressionTreeConfig c = t.config();
    w.writeInt(c.gracePeriod());
    w.writeDouble(c.splitConfidence());
    w.writeDouble(c.tieThreshold());
    w.writeDouble(c.phAlpha());
    w.writeInt(c.phThreshold());
    w.writeDouble(c.alternateFadingFactor());
    w.writeInt(c.alternateMinInstances());
    w.writeInt(c.alternateMaxInstances());
    w.writeBoolean(c.perceptronLeaves());
    w.writeDouble(c.learningRate());
    w.writeDouble(c.learningRateDecay());
    w.writeBoolean(c.constantLearningRate());
    w.writeLong(c.seed());
    w.writeInt(t.subspaceSize());
  }

  @Override
  public void writeSections(RegressionTree t, boolean frozen, SectionSink sink) {
    write(t, frozen, sink.beginSection(TREE, 0));
    sink.endSection();
  }

  @Override
  public int sectionCount(RegressionTree model) {
    return 1;
  }

  /**
   * Writes the state of {@code t} (everything but its settings) to {@code w}; {@link #read} reads
   * it into a tree built with the same settings. For a lone tree and for ensemble members alike.
   */
  static void write(RegressionTree t, boolean frozen, StateWriter w) {
    w.writeDouble(t.examplesSeen);
    w.writeDouble(t.sumOfValues);
    w.writeDouble(t.sumOfSquares);
    w.writeDoubleArray(t.sumOfAttrValues);
    w.writeDoubleArray(t.sumOfAttrSquares);
    List<Node> order = preorder(t.root, frozen);
    Map<Node, Integer> index = new IdentityHashMap<>();
    for (int i = 0; i < order.size(); i++) {
      index.put(order.get(i), i);
    }
    w.writeInt(order.size());
    for (Node n : order) {
      boolean split = n instanceof Split;
      w.writeByte(split ? 1 : 0);
      int flags = n.changeDetection ? 1 : 0;
      if (n instanceof Split s) {
        flags |= s.alternate != null && !frozen ? 2 : 0;
      } else {
        Leaf l = (Leaf) n;
        flags |= l.weights != null ? 2 : 0;
        flags |= l.observers != null && !frozen ? 4 : 0;
        flags |= l.subspace != null && !frozen ? 8 : 0;
      }
      w.writeByte(flags);
      w.writeInt(n.parent == null ? -1 : index.get(n.parent));
      w.writeInt(n.original == null ? -1 : index.get(n.original));
      w.writeDouble(n.examplesSeen);
      w.writeDouble(n.sumOfValues);
      w.writeDouble(n.sumOfSquares);
      w.writeDouble(n.sumOfAbsErrors);
      if (n instanceof Split s) {
        w.writeInt(s.attribute);
        w.writeDouble(s.threshold);
        w.writeDouble(s.phSum);
        w.writeDouble(s.phMin);
        w.writeDouble(s.lossExamplesSeen);
        w.writeDouble(s.lossFadedSumOriginal);
        w.writeDouble(s.lossFadedSumAlternate);
        w.writeDouble(s.lossNumQiTests);
        w.writeDouble(s.lossSumQi);
        w.writeDouble(s.previousWeight);
      } else {
        Leaf l = (Leaf) n;
        w.writeDouble(l.lastSplitEvaluation);
        w.writeDouble(l.instancesSeen);
        if (l.weights != null) {
          w.writeDoubles(l.weights, 0, l.weights.length);
        }
        if ((flags & 8) != 0) {
          w.writeIntArray(l.subspace);
        }
        if ((flags & 4) != 0) {
          for (Ebst e : l.observers) {
            if (e == null) {
              w.writeInt(-1);
            } else {
              w.writeInt(e.size);
              w.writeDoubles(e.data, 0, e.size * Ebst.STRIDE);
              w.writeInts(e.child, 0, e.size * 2);
            }
          }
        }
      }
    }
    if (!frozen) {
      w.writeLong(t.random.state());
      w.writeBoolean(t.random.hasNextGaussian());
      w.writeDouble(t.random.storedNextGaussian());
    }
  }

  /** The nodes in file order: preorder, left, right, then the alternate tree (full form). */
  private static List<Node> preorder(Node root, boolean frozen) {
    List<Node> out = new ArrayList<>();
    if (root == null) {
      return out;
    }
    ArrayDeque<Node> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      out.add(n);
      if (n instanceof Split s) {
        if (s.alternate != null && !frozen) {
          todo.push(s.alternate);
        }
        todo.push(s.right);
        todo.push(s.left);
      }
    }
    return out;
  }

  @Override
  public RegressionTree read(
      int version,
      Schema schema,
      boolean frozen,
      StateReader h,
      SectionSource source,
      int threads) {
    RegressionTreeConfig config;
    int subspace;
    try {
      config =
          new RegressionTreeConfig(
              h.readInt(),
              h.readDouble(),
              h.readDouble(),
              h.readDouble(),
              h.readInt(),
              h.readDouble(),
              h.readInt(),
              h.readInt(),
              h.readBoolean(),
              h.readDouble(),
              h.readDouble(),
              h.readBoolean(),
              h.readLong());
      subspace = h.readInt();
      if (subspace < 0 || subspace > schema.numFeatures()) {
        throw new IllegalArgumentException("subspace size " + subspace + " out of range");
      }
    } catch (IllegalArgumentException e) {
      throw h.formatError("settings", e.getMessage());
    }
    RegressionTree t = new RegressionTree(schema, config, subspace);
    h.finish();
    ModelCodec.expectSections(source, 2);
    ModelCodec.expectSection(source, 1, TREE, 0);
    StateReader r = source.open(1);
    read(t, frozen, r);
    r.finish();
    return t;
  }

  /**
   * Reads what {@link #write} wrote into {@code t}, a new, empty tree with the saved settings;
   * leaves it frozen if {@code frozen}. Does not {@link StateReader#finish() finish} {@code r}.
   *
   * @throws ModelFormatException if the state is inconsistent
   */
  static void read(RegressionTree t, boolean frozen, StateReader r) {
    t.examplesSeen = r.readDouble();
    t.sumOfValues = r.readDouble();
    t.sumOfSquares = r.readDouble();
    readNodes(t, frozen, r);
    t.frozen = frozen;
    t.refreshStandardisation();
  }

  private static void readNodes(RegressionTree t, boolean frozen, StateReader r) {
    int f = t.schema().numFeatures();
    int sums = t.sumOfAttrValues.length;
    System.arraycopy(r.readDoubleArrayExact("attribute sums", sums), 0, t.sumOfAttrValues, 0, sums);
    System.arraycopy(
        r.readDoubleArrayExact("attribute squares", sums), 0, t.sumOfAttrSquares, 0, sums);
    int n = r.readCount("node count", MAX_NODES, MIN_NODE_BYTES);
    Node[] nodes = new Node[n];
    int[] parents = new int[n];
    int[] originals = new int[n];
    // Slots to fill, in preorder: a split (or -1 for the root) and which link (0 left, 1 right,
    // 2 alternate).
    ArrayDeque<int[]> slots = new ArrayDeque<>();
    if (n > 0) {
      slots.push(new int[] {-1, 0});
    }
    for (int i = 0; i < n; i++) {
      if (slots.isEmpty()) {
        throw r.formatError("nodes", "node " + i + " belongs to no branch");
      }
      int[] slot = slots.pop();
      int kind = r.readByte();
      int flags = r.readByte();
      parents[i] = r.readInt();
      originals[i] = r.readInt();
      if (parents[i] < -1 || parents[i] >= i || originals[i] < -1 || originals[i] >= i) {
        throw r.formatError("nodes", "node " + i + " links to a node that is not before it");
      }
      Node node;
      if (kind == 1) {
        if ((flags & ~3) != 0 || (frozen && (flags & 2) != 0)) {
          throw r.formatError("flags", "bad split flags " + flags);
        }
        double seen = r.readDouble();
        double sum = r.readDouble();
        double sq = r.readDouble();
        double abs = r.readDouble();
        int attribute = r.readIndex("split attribute", f);
        if (!t.schema().feature(attribute).isNumeric()) {
          throw r.formatError("split attribute", "attribute " + attribute + " is not numeric");
        }
        Split s = new Split(attribute, r.readDouble());
        s.examplesSeen = seen;
        s.sumOfValues = sum;
        s.sumOfSquares = sq;
        s.sumOfAbsErrors = abs;
        s.phSum = r.readDouble();
        s.phMin = r.readDouble();
        s.lossExamplesSeen = r.readDouble();
        s.lossFadedSumOriginal = r.readDouble();
        s.lossFadedSumAlternate = r.readDouble();
        s.lossNumQiTests = r.readDouble();
        s.lossSumQi = r.readDouble();
        s.previousWeight = r.readDouble();
        if ((flags & 2) != 0) {
          slots.push(new int[] {i, 2});
        }
        slots.push(new int[] {i, 1});
        slots.push(new int[] {i, 0});
        node = s;
      } else if (kind == 0) {
        if ((flags & ~15) != 0
            || ((flags & 2) != 0 && !t.config().perceptronLeaves())
            || (frozen && (flags & 12) != 0)
            || ((flags & 8) != 0 && t.subspaceSize() == 0)) {
          throw r.formatError("flags", "bad leaf flags " + flags);
        }
        Leaf l = new Leaf();
        l.examplesSeen = r.readDouble();
        l.sumOfValues = r.readDouble();
        l.sumOfSquares = r.readDouble();
        l.sumOfAbsErrors = r.readDouble();
        l.lastSplitEvaluation = r.readDouble();
        l.instancesSeen = r.readDouble();
        if ((flags & 2) != 0) {
          l.weights = new double[f + 1];
          r.readDoubles(l.weights, 0, f + 1);
        }
        if ((flags & 8) != 0) {
          l.subspace = readSubspace(r, t.subspaceSize(), f);
        }
        if ((flags & 4) != 0) {
          l.observers = readObservers(r, t, f);
        }
        node = l;
      } else {
        throw r.formatError("node kind", "unknown node kind " + kind);
      }
      node.changeDetection = (flags & 1) != 0;
      nodes[i] = node;
      if (slot[0] < 0) {
        t.root = node;
      } else {
        Split p = (Split) nodes[slot[0]];
        if (slot[1] == 0) {
          p.left = node;
        } else if (slot[1] == 1) {
          p.right = node;
        } else {
          p.alternate = node;
        }
      }
    }
    if (!slots.isEmpty()) {
      throw r.formatError("nodes", "a split node lacks a child");
    }
    for (int i = 0; i < n; i++) {
      Node node = nodes[i];
      if (parents[i] >= 0) {
        if (!(nodes[parents[i]] instanceof Split p) || (p.left != node && p.right != node)) {
          throw r.formatError("parent", "node " + i + " is not a child of node " + parents[i]);
        }
        node.parent = p;
      }
      if (originals[i] >= 0) {
        if (!(nodes[originals[i]] instanceof Split o) || o.alternate != node) {
          throw r.formatError(
              "alternate", "node " + i + " is not the alternate tree of node " + originals[i]);
        }
        node.original = o;
      }
    }
    if (!frozen) {
      long state = r.readLong();
      boolean has = r.readBoolean();
      double g = r.readDouble();
      try {
        t.random.restore(state, has, g);
      } catch (IllegalArgumentException e) {
        throw r.formatError("generator", e.getMessage());
      }
    }
  }

  private static int[] readSubspace(StateReader r, int size, int f) {
    int[] s = r.readIntArrayExact("subspace", size);
    for (int j = 0; j < s.length; j++) {
      if (s[j] < 0 || s[j] >= f) {
        throw r.formatError("subspace", "attribute " + s[j] + " out of range");
      }
      for (int i = 0; i < j; i++) {
        if (s[i] == s[j]) {
          throw r.formatError("subspace", "attribute " + s[j] + " twice");
        }
      }
    }
    return s;
  }

  private static Ebst[] readObservers(StateReader r, RegressionTree t, int f) {
    Ebst[] obs = new Ebst[f];
    for (int a = 0; a < f; a++) {
      int size = r.readInt();
      if (size == -1) {
        continue;
      }
      if (size < 0 || size > MAX_EBST || (long) size * 40 > r.remaining()) {
        throw r.formatError("E-BST size", "bad size " + size + " of attribute " + a);
      }
      if (!t.schema().feature(a).isNumeric()) {
        throw r.formatError("E-BST", "attribute " + a + " is not numeric");
      }
      double[] data = new double[size * Ebst.STRIDE];
      int[] child = new int[size * 2];
      r.readDoubles(data, 0, data.length);
      r.readInts(child, 0, child.length);
      boolean[] referenced = new boolean[size];
      for (int k = 0; k < child.length; k++) {
        int c = child[k];
        if (c == -1) {
          continue;
        }
        if (c <= k / 2 || c >= size || referenced[c]) {
          throw r.formatError("E-BST", "bad child " + c + " of node " + k / 2);
        }
        referenced[c] = true;
      }
      for (int k = 1; k < size; k++) {
        if (!referenced[k]) {
          throw r.formatError("E-BST", "node " + k + " has no parent");
        }
      }
      obs[a] = new Ebst(data, child, size);
    }
    return obs;
  }
}
