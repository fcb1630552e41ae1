package org.coppice.learn.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.coppice.data.Attribute;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.learn.Task;
import org.coppice.learn.registry.Learners;
import org.coppice.learn.registry.ModelCodec;
import org.coppice.learn.registry.Settings;
import org.coppice.learn.regression.ArfRegressorConfig.DetectorInput;
import org.coppice.learn.tree.MaxFeatures;
import org.coppice.learn.tree.MemorySections;
import org.coppice.util.JavaRandom;
import org.junit.jupiter.api.Test;

class ArfRegressorTest {
  static final String DRIFTING = "hyperplane-regression(drift-attributes=10,mag=0.001)";

  private static AdaptiveRandomForestRegressor forest(Schema schema, int trees, int threads) {
    return new AdaptiveRandomForestRegressor(
        schema, ArfRegressorConfig.builder().ensembleSize(trees).threads(threads).build());
  }

  /** Test-then-train in blocks of {@code block}; the predictions. */
  private static double[] run(AdaptiveRandomForestRegressor f, Instance[] data, int block) {
    double[] out = new double[data.length];
    double[] p = new double[block];
    Instance[] batch = new Instance[block];
    for (int s = 0; s < data.length; s += block) {
      int n = Math.min(block, data.length - s);
      System.arraycopy(data, s, batch, 0, n);
      f.testThenTrain(batch, n, p);
      System.arraycopy(p, 0, out, s, n);
    }
    return out;
  }

  @Test
  void declarationHasMoasDefaults() {
    var type = ArfRegressorType.TYPE;
    assertEquals("arf-regressor", type.name());
    assertEquals(Task.REGRESSION, type.task());
    assertEquals(6, type.codecId());
    assertTrue(type.capabilities().savable());
    assertTrue(type.capabilities().freezable());
    assertTrue(type.capabilities().parallel());
    assertSame(type, Learners.defaultFor(Task.REGRESSION));
    assertSame(type, Learners.byCodecId(6));

    ArfRegressorConfig d = type.defaults();
    assertEquals(100, d.ensembleSize());
    assertEquals(new MaxFeatures(MaxFeatures.Mode.PERCENTAGE, 60), d.maxFeatures());
    assertEquals(6.0, d.lambda());
    assertEquals(0.001, d.driftDelta());
    assertEquals(0.01, d.warningDelta());
    assertTrue(d.driftDetection());
    assertTrue(d.backgroundLearners());
    assertEquals(DetectorInput.PREDICTION, d.detectorInput());
    assertEquals(1, d.seed());
    RegressionTreeConfig t = d.tree();
    assertEquals(50, t.gracePeriod());
    assertEquals(0.01, t.splitConfidence());
    assertEquals(0.05, t.tieThreshold());
    assertFalse(t.perceptronLeaves());
    assertEquals(1, t.seed());
    assertEquals(
        RegressionTreeConfig.defaults().toBuilder()
            .gracePeriod(50)
            .splitConfidence(0.01)
            .perceptronLeaves(false)
            .build(),
        t);
    // the settings shared with arf and ht-regressor have their names
    for (String name : List.of("trees", "seed", "max-features", "lambda", "drift-delta")) {
      assertEquals(
          Learners.byName("arf").parameter(name).type(), type.parameter(name).type(), name);
    }
    for (String name : List.of("grace-period", "ph-threshold", "alternate-max-instances")) {
      assertEquals(
          Learners.byName("ht-regressor").parameter(name).type(), type.parameter(name).type());
    }
  }

  @Test
  void resultsDoNotDependOnThreadsOrBlocks() {
    Instance[] data = RegressionTreeTest.take(DRIFTING, 6000);
    AdaptiveRandomForestRegressor one = forest(schema(), 10, 1);
    AdaptiveRandomForestRegressor three = forest(schema(), 10, 3);
    double[] a = run(one, data, 500);
    double[] b = run(three, data, 137);
    assertArrayEquals(a, b);
    assertArrayEquals(
        MemorySections.of(one, false).bytes(), MemorySections.of(three, false).bytes());
    long drifts = 0;
    for (int i = 0; i < one.ensembleSize(); i++) {
      drifts += one.drifts(i);
    }
    assertTrue(drifts > 0, "the stream drifts: the comparison covers swaps");

    // predict and learn one at a time: the same again
    AdaptiveRandomForestRegressor seq = forest(schema(), 10, 1);
    double[] c = new double[data.length];
    for (int i = 0; i < data.length; i++) {
      c[i] = seq.predict(data[i].x);
      seq.learn(data[i].x, data[i].target, data[i].weight);
    }
    assertArrayEquals(a, c);
    assertArrayEquals(MemorySections.of(one, false).bytes(), MemorySections.of(seq, false).bytes());
    for (Instance inst : List.of(data).subList(0, 50)) {
      assertEquals(one.predict(inst.x), three.predict(inst.x));
    }
    one.close();
    three.close();
  }

  private static Schema schema() {
    return org.coppice.gen.StreamSpecs.parse(DRIFTING, 1).schema();
  }

  /** Two features; the target is 100 (plus noise) until {@code change}, then 0. */
  private static Instance[] fallingTarget(int n, int change) {
    JavaRandom r = new JavaRandom(5);
    Instance[] out = new Instance[n];
    for (int i = 0; i < n; i++) {
      double[] x = {r.nextDouble(), r.nextDouble()};
      double y = (i < change ? 100 : 0) + 10 * x[0] + r.nextGaussian();
      out[i] = Instance.regression(x, y, 1.0);
    }
    return out;
  }

  private static Schema twoFeatures() {
    return new Schema(
        "falling", List.of(Attribute.numeric("a"), Attribute.numeric("b")), Attribute.numeric("y"));
  }

  @Test
  void moasDetectorsWatchThePredictionAndMissAFallingTarget() {
    Instance[] data = fallingTarget(6000, 3000);
    long[] drifts = new long[2];
    for (DetectorInput input : DetectorInput.values()) {
      ArfRegressorConfig c =
          ArfRegressorConfig.builder().ensembleSize(5).threads(1).detectorInput(input).build();
      try (AdaptiveRandomForestRegressor f = new AdaptiveRandomForestRegressor(twoFeatures(), c)) {
        run(f, data, 250);
        for (int i = 0; i < f.ensembleSize(); i++) {
          if (f.engine.member(i).lastDriftOn() > 3000) {
            drifts[input.ordinal()] += 1;
          }
        }
      }
    }
    // The predictions fall after the change: ADWIN's change detector only reports a rise, so no
    // tree is replaced (FIMT-DD's own Page-Hinkley tests still adapt its subtrees); the error
    // rises, so every tree is.
    assertEquals(0, drifts[DetectorInput.PREDICTION.ordinal()]);
    assertEquals(5, drifts[DetectorInput.ERROR.ordinal()]);
  }

  @Test
  void theDetectorInputIsASettingThatIsSaved() {
    var type = ArfRegressorType.TYPE;
    Settings s = Settings.parse(type, Map.of("trees", "3", "detector-input", "error"));
    AdaptiveRandomForestRegressor f = type.create(twoFeatures(), s);
    assertEquals(DetectorInput.ERROR, f.config().detectorInput());
    assertEquals("error", type.parametersOf(f).get("detector-input"));
    Instance[] data = fallingTarget(500, 250);
    run(f, data, 100);
    var loaded = (AdaptiveRandomForestRegressor) ModelCodec.load(MemorySections.of(f, false), 1);
    assertEquals(f.config().toBuilder().threads(1).build(), loaded.config());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Settings.parse(type, Map.of("detector-input", "residual")));
    assertTrue(e.getMessage().contains("prediction or error"), e.getMessage());
  }

  @Test
  void theTreesKeepMeanLeaves() {
    RegressionTreeConfig perceptrons =
        ArfRegressorConfig.defaultTreeConfig().toBuilder().perceptronLeaves(true).build();
    assertThrows(
        IllegalArgumentException.class,
        () -> ArfRegressorConfig.builder().tree(perceptrons).build());
    assertFalse(ArfRegressorType.TYPE.hasParameter("leaf-prediction"));
    assertFalse(ArfRegressorType.TYPE.hasParameter("learning-rate"));
  }

  @Test
  void basics() {
    AdaptiveRandomForestRegressor f = forest(twoFeatures(), 4, 1);
    assertEquals(0.0, f.predict(new double[] {0.5, 0.5}), "0 before learning, as MOA");
    assertEquals(1, f.subspaceSize(), "60% of 2 features");
    f.learn(new double[] {0.1, 0.2}, Double.NaN, 1.0);
    f.learn(new double[] {0.1, 0.2}, 3.0, 0.0);
    assertEquals(0, f.instancesSeen(), "no target or no weight: not learned");
    assertThrows(
        IllegalArgumentException.class,
        () -> f.learn(new double[] {0.1, 0.2}, Double.POSITIVE_INFINITY, 1.0));
    assertEquals(0, f.instancesSeen());
    f.learn(new double[] {0.1, 0.2}, 3.0, 1.0);
    assertEquals(1, f.instancesSeen());

    run(f, fallingTarget(2000, 1000), 100);
    Map<String, Object> structure = ArfRegressorType.TYPE.structureOf(f);
    assertEquals(4, structure.get("trees"));
    assertEquals(2001L, structure.get("instances_seen"));
    List<?> perTree = (List<?>) structure.get("per_tree");
    assertEquals(4, perTree.size());
    Map<?, ?> first = (Map<?, ?>) perTree.get(0);
    for (String key : List.of("nodes", "leaves", "depth", "drifts", "warnings", "background")) {
      assertTrue(first.containsKey(key), key);
    }

    var frozen = (AdaptiveRandomForestRegressor) ModelCodec.load(MemorySections.of(f, true), 1);
    assertTrue(frozen.isFrozen());
    assertNull(ArfRegressorType.TYPE.structureOf(frozen).get("drifts"));
    assertThrows(IllegalStateException.class, () -> frozen.learn(new double[] {0, 0}, 1, 1));
    assertEquals(f.predict(new double[] {0.3, 0.9}), frozen.predict(new double[] {0.3, 0.9}));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new AdaptiveRandomForestRegressor(
                org.coppice.gen.StreamSpecs.parse("sea", 1).schema(),
                ArfRegressorConfig.defaults()));
  }

  @Test
  void differentSeedsGiveDifferentForests() {
    Instance[] data = fallingTarget(1000, 2000);
    var type = ArfRegressorType.TYPE;
    byte[][] bytes = new byte[3][];
    String[][] settings = {{"seed", "1"}, {"seed", "2"}, {"tree-seed", "2"}};
    for (int i = 0; i < 3; i++) {
      var f =
          type.create(
              twoFeatures(),
              Settings.parse(type, Map.of("trees", "3", settings[i][0], settings[i][1])));
      run(f, data, 100);
      bytes[i] = MemorySections.of(f, false).bytes();
    }
    assertFalse(Arrays.equals(bytes[0], bytes[1]), "bagging seed");
    assertFalse(Arrays.equals(bytes[0], bytes[2]), "tree seed");
  }
}
