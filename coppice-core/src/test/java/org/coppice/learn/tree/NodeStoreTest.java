package org.coppice.learn.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.learn.registry.ModelCodec;
import org.junit.jupiter.api.Test;

/**
 * Freeing subtrees (for pruning learners to come), id reuse, and saving a tree that freed nodes.
 */
class NodeStoreTest {
  private static final Schema SCHEMA = TestData.numericSchema(5, 2);

  private static HoeffdingTree trained(List<Instance> data) {
    HoeffdingTree tree =
        new HoeffdingTree(SCHEMA, HoeffdingTreeConfig.builder().gracePeriod(50).build());
    for (Instance inst : data) {
      tree.learn(inst.x, inst.y, inst.weight);
    }
    return tree;
  }

  /** Nodes reachable from the root, counted with an explicit stack. */
  private static int reachable(HoeffdingTree t) {
    if (t.root < 0) {
      return 0;
    }
    int[] stack = new int[t.numNodes];
    int size = 0;
    int count = 0;
    stack[size++] = t.root;
    while (size > 0) {
      int n = stack[--size];
      count++;
      if (t.kind[n] != NodeStore.LEAF) {
        for (int b = 0; b < t.childCount[n]; b++) {
          int c = t.children[t.childStart[n] + b];
          if (c >= 0) {
            stack[size++] = c;
          }
        }
      }
    }
    return count;
  }

  private static boolean hasChildBeforeParent(HoeffdingTree t) {
    for (int n = 0; n < t.numNodes; n++) {
      if (t.kind[n] != NodeStore.LEAF && t.kind[n] != NodeStore.FREE) {
        for (int b = 0; b < t.childCount[n]; b++) {
          if (t.children[t.childStart[n] + b] >= 0 && t.children[t.childStart[n] + b] < n) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Frees the subtree in branch {@code b} of the root, leaving the branch without a child. */
  private static int pruneRootBranch(HoeffdingTree t, int b) {
    int slot = t.childStart[t.root] + b;
    int top = t.children[slot];
    t.children[slot] = -1;
    int before = t.numNodes();
    t.freeSubtree(top);
    return before - t.numNodes();
  }

  @Test
  void freedIdsAndBlocksAreReusedAndTheShapeStaysRight() {
    List<Instance> data = TestData.diagonal(5, 6000, 5, Integer.MAX_VALUE, 0.0);
    HoeffdingTree tree = trained(data.subList(0, 4000));
    assertTrue(tree.depth() >= 2, "depth " + tree.depth());
    int nodes = tree.numNodes();
    int highWater = tree.numNodes;
    int freed = pruneRootBranch(tree, 0);
    assertTrue(freed > 0);
    assertEquals(nodes - freed, tree.numNodes());
    assertEquals(tree.numNodes(), reachable(tree));
    assertTrue(tree.freeBlockCount > 0 || tree.obsSize < tree.obs.length);
    for (Instance inst : data.subList(4000, 6000)) {
      tree.learn(inst.x, inst.y, inst.weight);
    }
    assertEquals(tree.numNodes(), reachable(tree));
    assertTrue(tree.freeNodeCount < freed, "no freed id was reused");
    assertTrue(tree.numNodes >= highWater);
    int leaves = 0;
    for (int n = 0; n < tree.numNodes; n++) {
      leaves += tree.kind[n] == NodeStore.LEAF ? 1 : 0;
    }
    assertEquals(leaves, tree.numLeaves());
  }

  @Test
  void aTreeThatFreedNodesIsSavedRenumberedAndLoadsToTheSamePredictions() {
    List<Instance> data = TestData.diagonal(6, 7000, 5, Integer.MAX_VALUE, 0.0);
    HoeffdingTree tree = trained(data.subList(0, 4000));
    pruneRootBranch(tree, 1);
    for (Instance inst : data.subList(4000, 5000)) {
      tree.learn(inst.x, inst.y, inst.weight);
    }
    assertTrue(tree.hasFreedNodes());
    assertTrue(hasChildBeforeParent(tree), "no reused id below its parent; the test proves little");
    for (boolean frozen : new boolean[] {false, true}) {
      MemorySections saved = MemorySections.of(tree, frozen);
      HoeffdingTree loaded = (HoeffdingTree) ModelCodec.load(saved, 1);
      assertEquals(tree.numNodes(), loaded.numNodes());
      assertEquals(tree.numLeaves(), loaded.numLeaves());
      assertEquals(tree.depth(), loaded.depth());
      assertEquals(0, loaded.root);
      assertSamePredictions(tree, loaded, data.subList(5000, 7000));
      // The loaded tree has no holes, so it is written as it is: the same bytes.
      assertArrayEquals(saved.bytes(), MemorySections.of(loaded, frozen).bytes());
    }
    // Learning continues the same way in both.
    HoeffdingTree loaded = (HoeffdingTree) ModelCodec.load(MemorySections.of(tree, false), 1);
    for (Instance inst : data.subList(5000, 6000)) {
      tree.learn(inst.x, inst.y, inst.weight);
      loaded.learn(inst.x, inst.y, inst.weight);
    }
    assertEquals(tree.numNodes(), loaded.numNodes());
    assertSamePredictions(tree, loaded, data.subList(6000, 7000));
  }

  @Test
  void resetForgetsTheFreeLists() {
    List<Instance> data = TestData.diagonal(7, 4000, 5, Integer.MAX_VALUE, 0.0);
    HoeffdingTree tree = trained(data);
    pruneRootBranch(tree, 0);
    tree.reset();
    assertTrue(!tree.hasFreedNodes());
    assertEquals(0, tree.freeNodeCount);
    assertEquals(0, tree.numNodes());
    HoeffdingTree fresh = trained(data);
    for (Instance inst : data) {
      tree.learn(inst.x, inst.y, inst.weight);
    }
    assertEquals(fresh.numNodes(), tree.numNodes());
    assertSamePredictions(fresh, tree, data);
  }

  private static void assertSamePredictions(
      HoeffdingTree expected, HoeffdingTree actual, List<Instance> data) {
    double[] a = new double[2];
    double[] b = new double[2];
    for (Instance inst : data) {
      expected.votes(inst.x, a);
      actual.votes(inst.x, b);
      assertArrayEquals(a, b);
    }
  }
}
