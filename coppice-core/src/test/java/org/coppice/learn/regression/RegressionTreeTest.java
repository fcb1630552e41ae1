package org.coppice.learn.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.coppice.data.Attribute;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.gen.StreamSpecs;
import org.coppice.learn.Learner;
import org.coppice.learn.Task;
import org.coppice.learn.registry.Learners;
import org.coppice.learn.registry.ModelCodec;
import org.coppice.learn.registry.Settings;
import org.coppice.learn.tree.MemorySections;
import org.coppice.state.ModelFormatException;
import org.coppice.stream.InstanceStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegressionTreeTest {
  /** A stream on which Page-Hinkley fires often: alternate trees are started, won and dropped. */
  static final String DRIFTING = "hyperplane-regression(drift-attributes=10,mag=0.1,sigma=1)";

  static Instance[] take(String spec, int n) {
    InstanceStream s = StreamSpecs.parse(spec, 1);
    Instance[] out = new Instance[n];
    for (int i = 0; i < n; i++) {
      out[i] = s.schema().newInstance();
      s.next(out[i]);
    }
    return out;
  }

  static void learn(RegressionTree t, Instance[] data, int from, int to) {
    for (int i = from; i < to; i++) {
      t.learn(data[i].x, data[i].target, data[i].weight);
    }
  }

  static byte[] bytes(Learner t, boolean frozen) {
    return MemorySections.of(t, frozen).bytes();
  }

  static RegressionTree roundTrip(Learner t, boolean frozen) {
    return (RegressionTree) ModelCodec.load(MemorySections.of(t, frozen), 1);
  }

  @Test
  void declaration() {
    var type = RegressionTreeType.TYPE;
    assertEquals("ht-regressor", type.name());
    assertEquals(Task.REGRESSION, type.task());
    assertEquals(5, type.codecId());
    assertTrue(type.capabilities().savable());
    assertTrue(type.capabilities().freezable());
    assertEquals(RegressionTreeConfig.defaults(), type.defaults());
    assertEquals(type, Learners.byName("ht-regressor"));
    assertEquals(type, Learners.byCodecId(5));
    Map<String, Object> v = type.values(type.defaults(), true);
    assertEquals(200, v.get("grace-period"));
    assertEquals(1e-7, v.get("split-confidence"));
    assertEquals(0.05, v.get("tie-threshold"));
    assertEquals("perceptron", v.get("leaf-prediction"));
    assertEquals(0.02, v.get("learning-rate"));
    assertEquals(0.001, v.get("learning-rate-decay"));
    assertEquals(false, v.get("constant-learning-rate"));
    assertEquals(0.005, v.get("ph-alpha"));
    assertEquals(50, v.get("ph-threshold"));
    assertEquals(0.995, v.get("alternate-fading-factor"));
    assertEquals(150, v.get("alternate-min-instances"));
    assertEquals(1500, v.get("alternate-max-instances"));
    assertEquals(1L, v.get("seed"));
    Schema schema = StreamSpecs.parse("hyperplane-regression", 1).schema();
    RegressionTree t =
        type.create(
            schema, Settings.parse(type, Map.of("grace-period", "100", "leaf-prediction", "mean")));
    assertEquals(100, t.config().gracePeriod());
    assertFalse(t.config().perceptronLeaves());
    assertEquals(type.values(t.config(), true), type.parametersOf(t));
    assertThrows(
        IllegalArgumentException.class,
        () -> type.create(StreamSpecs.parse("hyperplane", 1).schema(), type.defaults(), 1));
    assertEquals(0.0, t.predict(new double[10]));
    assertEquals(
        Map.of("nodes", 0, "leaves", 0, "depth", 0, "alternate trees", 0), type.structureOf(t));
  }

  @Test
  void learnsAndReportsItsShape() {
    Instance[] data = take(DRIFTING, 20_000);
    RegressionTree t =
        RegressionTreeType.TYPE.create(
            StreamSpecs.parse(DRIFTING, 1).schema(), RegressionTreeConfig.defaults(), 1);
    int maxAlternates = 0;
    for (Instance inst : data) {
      t.learn(inst.x, inst.target, inst.weight);
      maxAlternates = Math.max(maxAlternates, t.numAlternateTrees());
    }
    assertTrue(maxAlternates > 0, "an alternate tree was grown");
    assertEquals(t.numNodes(), 2 * t.numLeaves() - 1);
    assertTrue(t.depth() > 0);
    // ignored: missing target, weight not positive
    byte[] before = bytes(t, false);
    t.learn(data[0].x, Double.NaN, 1);
    t.learn(data[0].x, 1, 0);
    t.learn(data[0].x, 1, -1);
    assertArrayEquals(before, bytes(t, false));
    // reset and an empty copy start over with the same generator: they learn identically
    RegressionTree copy = t.emptyCopy();
    t.reset();
    assertEquals(0, t.numNodes());
    learn(t, data, 0, 3000);
    learn(copy, data, 0, 3000);
    assertArrayEquals(bytes(t, false), bytes(copy, false));
  }

  /** Train A, save, load, train B gives the same state, byte for byte, as training A then B. */
  @ParameterizedTest
  @ValueSource(strings = {"perceptron", "mean", "subspace", "ph3"})
  void resumeIsExact(String variant) {
    Instance[] data = take(DRIFTING, 16_000);
    Schema schema = StreamSpecs.parse(DRIFTING, 1).schema();
    RegressionTreeConfig.Builder b = RegressionTreeConfig.builder();
    int subspace = 0;
    switch (variant) {
      case "mean" -> b.perceptronLeaves(false);
      case "subspace" -> {
        b.perceptronLeaves(false).gracePeriod(50);
        subspace = 4;
      }
      case "ph3" -> b.phThreshold(3);
      default -> {}
    }
    RegressionTreeConfig config = b.build();
    for (int cut : new int[] {0, 1, 777, 5000, 9000}) {
      RegressionTree direct = new RegressionTree(schema, config, subspace);
      learn(direct, data, 0, cut);
      RegressionTree resumed = roundTrip(direct, false);
      assertArrayEquals(bytes(direct, false), bytes(resumed, false), "re-save at " + cut);
      learn(direct, data, cut, data.length);
      learn(resumed, data, cut, data.length);
      assertArrayEquals(bytes(direct, false), bytes(resumed, false), "resumed at " + cut);
      assertEquals(direct.predict(data[0].x), resumed.predict(data[0].x));
    }
  }

  @Test
  void frozenPredictsAsTheFullModel() {
    Instance[] data = take(DRIFTING, 20_000);
    Schema schema = StreamSpecs.parse(DRIFTING, 1).schema();
    for (boolean perceptron : new boolean[] {true, false}) {
      RegressionTree t =
          new RegressionTree(
              schema,
              RegressionTreeConfig.builder().perceptronLeaves(perceptron).phThreshold(3).build());
      learn(t, data, 0, 16_000);
      RegressionTree frozen = roundTrip(t, true);
      assertTrue(frozen.isFrozen());
      assertTrue(bytes(frozen, true).length < bytes(t, false).length / 10);
      for (int i = 16_000; i < data.length; i++) {
        assertEquals(t.predict(data[i].x), frozen.predict(data[i].x));
      }
      assertThrows(IllegalStateException.class, () -> frozen.learn(data[0].x, 1, 1));
      assertArrayEquals(bytes(frozen, true), bytes(roundTrip(frozen, false), true));
    }
  }

  /** A leaf fed sorted values grows an E-BST that is a chain as deep as the instances. */
  @Test
  void deepEbstIsFine() {
    Schema schema = new Schema("sorted", List.of(Attribute.numeric("x")), Attribute.numeric("y"));
    RegressionTreeConfig config = RegressionTreeConfig.builder().gracePeriod(30_000).build();
    RegressionTree t = new RegressionTree(schema, config);
    double[] x = new double[1];
    for (int i = 0; i < 29_999; i++) {
      x[0] = i;
      t.learn(x, i < 15_000 ? 0 : 10, 1);
    }
    RegressionTree loaded = roundTrip(t, false);
    x[0] = 29_999;
    t.learn(x, 10, 1);
    loaded.learn(x, 10, 1);
    assertEquals(2, t.numLeaves());
    assertArrayEquals(bytes(t, false), bytes(loaded, false));
  }

  @Test
  void nominalAndMissingValues() {
    Schema schema =
        new Schema(
            "mixed",
            List.of(
                Attribute.numeric("a"),
                Attribute.nominal("b", List.of("u", "v")),
                Attribute.numeric("c")),
            Attribute.numeric("y"));
    RegressionTree t =
        new RegressionTree(schema, RegressionTreeConfig.builder().gracePeriod(50).build());
    Random r = new Random(3);
    for (int i = 0; i < 5000; i++) {
      double a = r.nextDouble();
      double c = i % 97 == 0 ? Double.NaN : r.nextDouble();
      double[] x = {a, r.nextInt(2), c};
      t.learn(x, a > 0.5 ? 10 + x[1] : 0, 1);
    }
    assertTrue(t.numLeaves() > 1);
    assertTrue(Double.isFinite(t.predict(new double[] {0.9, 1, Double.NaN})));
    assertArrayEquals(bytes(t, false), bytes(roundTrip(t, false), false));
  }

  /** Random bit flips: loading fails with ModelFormatException or gives a usable model. */
  @Test
  void corruptStateIsRejectedOrUsable() {
    Instance[] data = take(DRIFTING, 12_000);
    Schema schema = StreamSpecs.parse(DRIFTING, 1).schema();
    Random random = new Random(42);
    int rejected = 0;
    int usable = 0;
    for (int variant = 0; variant < 4; variant++) {
      RegressionTree t =
          new RegressionTree(
              schema,
              RegressionTreeConfig.builder()
                  .perceptronLeaves(variant % 2 == 0)
                  .phThreshold(3)
                  .gracePeriod(100)
                  .build(),
              variant >= 2 ? 3 : 0);
      learn(t, data, 0, 6_000);
      boolean frozen = variant == 1;
      MemorySections good = MemorySections.of(t, frozen);
      for (int trial = 0; trial < 150; trial++) {
        MemorySections bad = MemorySections.of(t, frozen);
        int section = random.nextInt(bad.sectionCount());
        byte[] b = bad.section(section).clone();
        int flips = 1 + random.nextInt(3);
        for (int f = 0; f < flips; f++) {
          int at = random.nextInt(b.length);
          b[at] ^= (byte) (1 << random.nextInt(8));
        }
        bad.replace(section, b);
        Learner loaded;
        try {
          loaded = ModelCodec.load(bad, 1);
        } catch (ModelFormatException e) {
          rejected++;
          continue;
        }
        RegressionTree m = assertInstanceOf(RegressionTree.class, loaded);
        for (int i = 6_000; i < 6_300; i++) {
          m.predict(data[i].x);
          if (!m.isFrozen()) {
            m.learn(data[i].x, data[i].target, 1);
          }
        }
        usable++;
      }
      assertEquals(1, good.sectionCount() - 1);
    }
    assertTrue(rejected > 0 && usable > 0, rejected + " rejected, " + usable + " usable");
  }
}
