package org.coppice.learn.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.junit.jupiter.api.Test;

class AdaptiveRandomForestTest {
  private static final Schema SCHEMA = TestData.numericSchema(10, 2);
  // An abrupt concept flip at 4000 makes trees warn, grow background trees and swap them in.
  private static final List<Instance> STREAM = TestData.diagonal(7, 8000, 10, 4000, 0.05);

  private static ArfConfig config(int trees, int threads) {
    return ArfConfig.builder().ensembleSize(trees).threads(threads).build();
  }

  /** Votes for every instance of the stream, test-then-train in blocks of {@code block}. */
  private static double[][] prequentialVotes(ArfConfig cfg, int block) {
    try (AdaptiveRandomForest arf = new AdaptiveRandomForest(SCHEMA, cfg)) {
      double[][] all = new double[STREAM.size()][2];
      Instance[] batch = new Instance[block];
      double[][] votes = new double[block][2];
      for (int s = 0; s < STREAM.size(); s += block) {
        int n = Math.min(block, STREAM.size() - s);
        for (int i = 0; i < n; i++) {
          batch[i] = STREAM.get(s + i);
        }
        arf.testThenTrain(batch, n, votes);
        for (int i = 0; i < n; i++) {
          all[s + i] = votes[i].clone();
        }
      }
      return all;
    }
  }

  @Test
  void identicalVotesForAnyThreadCountAndBlockSize() {
    double[][] reference = prequentialVotes(config(12, 1), 256);
    assertDeepEquals(reference, prequentialVotes(config(12, 2), 256));
    assertDeepEquals(reference, prequentialVotes(config(12, 3), 256));
    assertDeepEquals(reference, prequentialVotes(config(12, 2), 7));
    assertDeepEquals(reference, prequentialVotes(config(12, 1), 1));
  }

  @Test
  void blockTrainingEqualsAlternatingVotesAndLearn() {
    double[][] reference = prequentialVotes(config(8, 2), 100);
    try (AdaptiveRandomForest arf = new AdaptiveRandomForest(SCHEMA, config(8, 1))) {
      double[] v = new double[2];
      for (int t = 0; t < STREAM.size(); t++) {
        Instance inst = STREAM.get(t);
        arf.votes(inst.x, v);
        assertArrayEquals(reference[t], v, "instance " + t);
        arf.learn(inst.x, inst.y, inst.weight);
      }
    }
  }

  private static void assertDeepEquals(double[][] expected, double[][] actual) {
    assertEquals(expected.length, actual.length);
    for (int t = 0; t < expected.length; t++) {
      // Bitwise equality: the sum over trees runs in tree order whatever the scheduling.
      assertArrayEquals(expected[t], actual[t], "instance " + t);
    }
  }

  @Test
  void detectsTheFlipAndRecovers() {
    try (AdaptiveRandomForest arf = new AdaptiveRandomForest(SCHEMA, config(10, 2))) {
      int correctBefore = 0;
      int correctLate = 0;
      for (int t = 0; t < STREAM.size(); t++) {
        Instance inst = STREAM.get(t);
        int predicted = arf.predict(inst.x);
        if (t >= 3000 && t < 4000 && predicted == inst.y) {
          correctBefore++;
        }
        if (t >= 7000 && predicted == inst.y) {
          correctLate++;
        }
        arf.learn(inst.x, inst.y, inst.weight);
      }
      long drifts = 0;
      long warnings = 0;
      for (int i = 0; i < arf.ensembleSize(); i++) {
        drifts += arf.drifts(i);
        warnings += arf.warnings(i);
      }
      assertTrue(drifts >= arf.ensembleSize(), "every tree should see the flip; drifts " + drifts);
      assertTrue(warnings >= drifts, "warnings " + warnings + " drifts " + drifts);
      // Floors: measured about 0.92 before and after, with 5 % label noise.
      assertTrue(correctBefore / 1000.0 > 0.86, "before the flip " + correctBefore / 1000.0);
      assertTrue(correctLate / 1000.0 > 0.86, "after recovery " + correctLate / 1000.0);
    }
  }

  /**
   * MOA 2024.07 seeds every tree with Random(1), so all roots draw the same subspace (ARF.md §3.1).
   */
  @Test
  void everyTreeStartsWithMoasRootSubspace() {
    try (AdaptiveRandomForest arf = new AdaptiveRandomForest(SCHEMA, config(5, 1))) {
      assertEquals(6, arf.subspaceSize()); // round(0.6 * 10)
      arf.learn(STREAM.get(0).x, STREAM.get(0).y, 1);
      for (int i = 0; i < 5; i++) {
        HoeffdingTree tree = arf.tree(i);
        if (tree.numNodes() > 0) {
          int root = tree.root;
          assertArrayEquals(
              new int[] {0, 1, 4, 5, 6, 9},
              Arrays.copyOfRange(tree.subspace, root * 6, root * 6 + 6));
        }
      }
    }
  }

  @Test
  void maxFeaturesResolvesAsMoa() {
    assertEquals(5, MaxFeatures.DEFAULT.resolve(8));
    assertEquals(6, MaxFeatures.DEFAULT.resolve(10));
    assertEquals(32, MaxFeatures.DEFAULT.resolve(54));
    assertEquals(2, MaxFeatures.DEFAULT.resolve(4));
    assertEquals(4, MaxFeatures.parse("sqrt").resolve(8));
    assertEquals(4, MaxFeatures.parse("sqrt").resolve(10));
    assertEquals(8, MaxFeatures.parse("sqrt").resolve(54));
    assertEquals(3, MaxFeatures.parse("sqrt").resolve(4));
    assertEquals(7, MaxFeatures.parse("-3").resolve(10));
    assertEquals(10, MaxFeatures.parse("25").resolve(10));
    assertEquals(1, MaxFeatures.parse("0").resolve(10));
    assertEquals(10, MaxFeatures.parse("all").resolve(10));
    assertEquals(3, MaxFeatures.parse("30%").resolve(10));
    assertThrows(IllegalArgumentException.class, () -> MaxFeatures.parse("lots"));
  }

  @Test
  void emptyForestVotesNothingAndPredictsClassZero() {
    try (AdaptiveRandomForest arf = new AdaptiveRandomForest(SCHEMA, config(3, 1))) {
      double[] v = new double[2];
      arf.votes(new double[10], v);
      assertArrayEquals(new double[2], v);
      assertEquals(0, arf.predict(new double[10]));
    }
  }

  @Test
  void qualityFloorOnASeededStream() {
    List<Instance> train = TestData.diagonal(21, 10_000, 10, Integer.MAX_VALUE, 0.0);
    List<Instance> test = TestData.diagonal(22, 2_000, 10, Integer.MAX_VALUE, 0.0);
    try (AdaptiveRandomForest arf = new AdaptiveRandomForest(SCHEMA, config(10, 2))) {
      for (Instance inst : train) {
        arf.learn(inst.x, inst.y, inst.weight);
      }
      double acc = TestData.accuracy(arf, test);
      assertTrue(acc > 0.95, "accuracy " + acc); // measured 0.97
    }
  }
}
