package org.coppice.learn.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.coppice.data.Attribute;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.util.JavaRandom;
import org.junit.jupiter.api.Test;

class HoeffdingTreeTest {

  /** ARF.md §10: the first subspace MOA 2024.07 draws from new Random(1), sorted. */
  @Test
  void firstSubspaceMatchesMoa() {
    assertArrayEquals(new int[] {0, 1, 4, 5, 6, 9}, firstSubspace(10, 6));
    assertArrayEquals(new int[] {0, 1, 4, 5, 6}, firstSubspace(8, 5));
    assertArrayEquals(new int[] {1, 2}, firstSubspace(4, 2));
    int[] expected54 = {
      51, 52, 7, 34, 4, 15, 2, 46, 50, 32, 21, 25, 24, 27, 3, 22, 12, 40, 37, 30, 26, 39, 17, 23,
      28, 33, 10, 53, 49, 5, 31, 36
    };
    Arrays.sort(expected54);
    assertArrayEquals(expected54, firstSubspace(54, 32));
  }

  private static int[] firstSubspace(int features, int m) {
    Schema schema = TestData.numericSchema(features, 2);
    HoeffdingTree tree =
        new HoeffdingTree(
            schema, ArfConfig.defaultTreeConfig().toBuilder().subspaceSize(m).build());
    tree.learn(new double[features], 0, 1.0);
    return Arrays.copyOfRange(tree.subspace, tree.root * m, tree.root * m + m);
  }

  @Test
  void gaussianObserverMatchesTwoPassStatistics() {
    Schema schema = TestData.numericSchema(1, 2);
    HoeffdingTree tree =
        new HoeffdingTree(schema, HoeffdingTreeConfig.builder().gracePeriod(1_000_000).build());
    JavaRandom r = new JavaRandom(3);
    double[] values = new double[500];
    double[] weights = new double[500];
    for (int i = 0; i < values.length; i++) {
      values[i] = 1000 + r.nextGaussian() * 5; // a large offset exposes naive one-pass formulas
      weights[i] = 1 + r.nextInt(4);
      tree.learn(new double[] {values[i]}, 0, weights[i]);
    }
    double w = 0;
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < values.length; i++) {
      w += weights[i];
      sum += weights[i] * values[i];
      min = Math.min(min, values[i]);
      max = Math.max(max, values[i]);
    }
    double mean = sum / w;
    double ss = 0;
    for (int i = 0; i < values.length; i++) {
      ss += weights[i] * (values[i] - mean) * (values[i] - mean);
    }
    int base = tree.obsOffset[tree.root]; // class 0 block of attribute 0
    assertEquals(w, tree.obs[base + HoeffdingTree.GW], 0);
    assertEquals(mean, tree.obs[base + HoeffdingTree.GMEAN], 1e-9);
    assertEquals(ss / (w - 1), tree.obs[base + HoeffdingTree.GM2] / (w - 1), 1e-9);
    assertEquals(min, tree.obs[base + HoeffdingTree.GMIN], 0);
    assertEquals(max, tree.obs[base + HoeffdingTree.GMAX], 0);
    assertTrue(Double.isNaN(tree.obs[base + HoeffdingTree.GAUSS_STATS + HoeffdingTree.GMIN]));
  }

  @Test
  void hoeffdingBoundKnownAnswer() {
    // sqrt(R^2 ln(1/delta) / 2n) with R = 1, delta = 1e-7, n = 200
    assertEquals(0.2007367408, HoeffdingTree.hoeffdingBound(1.0, 1e-7, 200), 1e-10);
    // information gain range for 4 classes is log2(4) = 2
    assertEquals(
        2 * HoeffdingTree.hoeffdingBound(1.0, 0.01, 50),
        HoeffdingTree.hoeffdingBound(2.0, 0.01, 50),
        1e-15);
  }

  @Test
  void splitsOnTheInformativeAttributeNearItsThreshold() {
    Schema schema = TestData.numericSchema(4, 2);
    HoeffdingTree tree = new HoeffdingTree(schema, HoeffdingTreeConfig.builder().build());
    JavaRandom r = new JavaRandom(11);
    for (int t = 0; t < 5000; t++) {
      double[] x = {r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextDouble()};
      tree.learn(x, x[2] <= 0.3 ? 0 : 1, 1.0);
    }
    assertEquals(HoeffdingTree.NUMERIC_SPLIT, tree.kind[tree.root]);
    assertEquals(2, tree.splitAttr[tree.root]);
    assertEquals(0.3, tree.splitValue[tree.root], 0.05);
    int correct = 0;
    for (int t = 0; t < 2000; t++) {
      double[] x = {r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextDouble()};
      if (tree.predict(x) == (x[2] <= 0.3 ? 0 : 1)) {
        correct++;
      }
    }
    assertTrue(correct / 2000.0 > 0.97, "accuracy " + correct / 2000.0);
  }

  @Test
  void nominalMultiwaySplitAndUnseenValues() {
    Schema schema =
        new Schema(
            "nom",
            List.of(
                Attribute.nominal("colour", List.of("red", "green", "blue", "never")),
                Attribute.numeric("noise")),
            Attribute.nominal("class", List.of("a", "b", "c")));
    HoeffdingTree tree =
        new HoeffdingTree(
            schema,
            HoeffdingTreeConfig.builder()
                .gracePeriod(50)
                .leafPrediction(LeafPrediction.MAJORITY_CLASS)
                .build());
    JavaRandom r = new JavaRandom(5);
    for (int t = 0; t < 3000; t++) {
      int colour = r.nextInt(3);
      tree.learn(new double[] {colour, r.nextDouble()}, colour, 1.0);
    }
    assertEquals(HoeffdingTree.NOMINAL_MULTIWAY_SPLIT, tree.kind[tree.root]);
    assertEquals(0, tree.splitAttr[tree.root]);
    for (int colour = 0; colour < 3; colour++) {
      assertEquals(colour, tree.predict(new double[] {colour, 0.5}));
    }
    // "never" was never seen: no child, so the split node's own counts answer.
    double[] votes = new double[3];
    tree.votes(new double[] {3, 0.5}, votes);
    double[] rootCounts = Arrays.copyOfRange(tree.counts, tree.root * 3, tree.root * 3 + 3);
    assertArrayEquals(rootCounts, votes);
    // Learning it creates the missing child.
    int before = tree.numNodes();
    tree.learn(new double[] {3, 0.5}, 1, 1.0);
    assertEquals(before + 1, tree.numNodes());
    assertEquals(1, tree.predict(new double[] {3, 0.5}));
    // A missing value stops at the split node and is not learned.
    tree.votes(new double[] {Double.NaN, 0.5}, votes);
    assertArrayEquals(rootCounts, votes);
    int nodes = tree.numNodes();
    tree.learn(new double[] {Double.NaN, 0.5}, 2, 1.0);
    assertEquals(nodes, tree.numNodes());
    tree.votes(new double[] {Double.NaN, 0.5}, votes);
    assertArrayEquals(rootCounts, votes);
  }

  @Test
  void everyLeafPredictionAndCriterionLearnsTheConcept() {
    Schema schema = TestData.numericSchema(5, 2);
    List<Instance> train = TestData.diagonal(1, 20_000, 5, Integer.MAX_VALUE, 0.0);
    List<Instance> test = TestData.diagonal(2, 3_000, 5, Integer.MAX_VALUE, 0.0);
    for (LeafPrediction leaf : LeafPrediction.values()) {
      for (SplitCriterion criterion : SplitCriterion.values()) {
        HoeffdingTree tree =
            new HoeffdingTree(
                schema,
                HoeffdingTreeConfig.builder()
                    .leafPrediction(leaf)
                    .splitCriterion(criterion)
                    .gracePeriod(100)
                    .build());
        for (Instance inst : train) {
          tree.learn(inst.x, inst.y, inst.weight);
        }
        double acc = TestData.accuracy(tree, test);
        // A diagonal boundary needs many axis-parallel splits; floors from measured values minus a
        // margin.
        double floor = leaf == LeafPrediction.MAJORITY_CLASS ? 0.90 : 0.93;
        assertTrue(acc > floor, leaf + "/" + criterion + " accuracy " + acc);
        assertTrue(tree.numLeaves() > 2 && tree.depth() >= 2, leaf + "/" + criterion);
      }
    }
  }

  @Test
  void resetForgetsEverythingAndRestartsTheGenerator() {
    Schema schema = TestData.numericSchema(10, 2);
    HoeffdingTreeConfig cfg = ArfConfig.defaultTreeConfig().toBuilder().subspaceSize(6).build();
    HoeffdingTree tree = new HoeffdingTree(schema, cfg);
    List<Instance> data = TestData.diagonal(4, 2000, 10, Integer.MAX_VALUE, 0.1);
    for (Instance inst : data) {
      tree.learn(inst.x, inst.y, 1);
    }
    assertTrue(tree.numNodes() > 1);
    tree.reset();
    assertEquals(0, tree.numNodes());
    assertEquals(-1, tree.depth());
    HoeffdingTree fresh = new HoeffdingTree(schema, cfg);
    double[] a = new double[2];
    double[] b = new double[2];
    for (Instance inst : data) {
      tree.votes(inst.x, a);
      fresh.votes(inst.x, b);
      assertArrayEquals(b, a);
      tree.learn(inst.x, inst.y, 1);
      fresh.learn(inst.x, inst.y, 1);
    }
  }

  @Test
  void ignoresMissingLabelsAndNonPositiveWeights() {
    Schema schema = TestData.numericSchema(2, 2);
    HoeffdingTree tree = new HoeffdingTree(schema, HoeffdingTreeConfig.builder().build());
    tree.learn(new double[] {1, 2}, Instance.MISSING_LABEL, 1);
    tree.learn(new double[] {1, 2}, 1, 0);
    tree.learn(new double[] {1, 2}, 1, -3);
    assertEquals(0, tree.numNodes());
    double[] v = new double[2];
    tree.votes(new double[] {1, 2}, v);
    assertArrayEquals(new double[2], v);
  }
}
