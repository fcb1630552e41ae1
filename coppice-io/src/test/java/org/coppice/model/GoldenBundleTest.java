package org.coppice.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.coppice.data.Instance;
import org.coppice.gen.StreamSpecs;
import org.coppice.io.bundle.Manifest;
import org.coppice.learn.Classifier;
import org.coppice.learn.Regressor;
import org.coppice.learn.registry.LearnerType;
import org.coppice.learn.registry.Learners;
import org.coppice.learn.regression.AdaptiveRandomForestRegressor;
import org.coppice.learn.regression.RegressionTree;
import org.coppice.learn.tree.AdaptiveRandomForest;
import org.coppice.learn.tree.HoeffdingTree;
import org.coppice.stream.InstanceStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bundles written by an earlier Coppice (src/test/resources/golden/v1) must keep loading,
 * predicting exactly as they did, and re-saving byte for byte; a change of layout must add a new
 * version, not break these.
 */
class GoldenBundleTest {
  private static final double[][] PROBES = {
    {115321.13737138544, 0.0, 68.0, 3.0, 19.0, 2.0, 135000.0, 25.0, 162494.0776445012},
    {150000.0, 0.0, 55.0, 1.0, 5.0, 7.0, 135000.0, 27.0, 325938.4744163838},
    {
      75637.18291392573,
      42056.934597566134,
      58.0,
      3.0,
      2.0,
      8.0,
      77726.40754848791,
      28.0,
      492596.8716437649
    },
  };

  private static Path golden(String name) throws URISyntaxException {
    return Path.of(GoldenBundleTest.class.getResource("/golden/v1/" + name).toURI());
  }

  @Test
  void forestFromVersionOneLoadsPredictsAndResavesIdentically(@TempDir Path tmp) throws Exception {
    CoppiceModel model = CoppiceModel.load(golden("arf"));
    AdaptiveRandomForest arf = (AdaptiveRandomForest) model.learner();
    assertEquals(3, arf.ensembleSize());
    assertFalse(arf.isFrozen());
    Manifest m = model.manifest();
    assertEquals("adaptive-random-forest", m.learner());
    assertEquals(7L, m.seed());
    assertEquals(3, m.parameters().get("trees"));
    assertEquals("60%", m.parameters().get("max-features"));
    assertEquals("agrawal-function2-seed7.csv", m.training().dataFile());
    assertEquals(1000, m.training().rowsRead());
    assertEquals(List.of("groupA", "groupB"), model.schema().target().values());
    assertEquals("zipcode", model.schema().feature(5).name());
    assertEquals(9, model.schema().feature(5).numValues());
    assertVotes(
        model,
        new double[][] {
          {0.0, 105.89999999999999},
          {23.846666666666668, 134.05333333333334},
          {26.366913060259677, 131.53308693974031},
        });
    assertResavesIdentically(model, golden("arf"), tmp);
    // It can still learn: continue on the same stream without error.
    InstanceStream s = StreamSpecs.parse("agrawal(function=2)", 7);
    Instance in = s.schema().newInstance();
    for (int i = 0; i < 200; i++) {
      s.next(in);
      arf.learn(in.x, in.y, in.weight);
    }
  }

  @Test
  void treeFromVersionOneLoadsPredictsAndResavesIdentically(@TempDir Path tmp) throws Exception {
    CoppiceModel model = CoppiceModel.load(golden("ht"));
    HoeffdingTree tree = (HoeffdingTree) model.learner();
    assertEquals("hoeffding-tree", model.manifest().learner());
    assertEquals(200, tree.config().gracePeriod());
    assertVotes(
        model,
        new double[][] {
          {2.932545707199249E-28, 1.5657931858687252E-27},
          {1.943858551488569E-29, 1.0594325556204322E-27},
          {1.8304777028489044E-30, 1.3066757767376168E-30},
        });
    assertResavesIdentically(model, golden("ht"), tmp);
  }

  /** Rows 1, 300 and 600 of the regression bundles' training file, and the centre. */
  private static final double[][] REGRESSION_PROBES = {
    {
      0.35191477764630685,
      0.12073605139050847,
      0.8499131008472726,
      0.08321971724462152,
      0.928748072822519
    },
    {
      0.5073084703160583,
      0.4385311274851943,
      0.3313028587795779,
      0.6027914052776865,
      0.6057693566504239
    },
    {
      0.6829338442026633,
      0.3651988833686415,
      0.6006130676957524,
      0.02991722296209587,
      0.5062488756660388
    },
    {0.5, 0.5, 0.5, 0.5, 0.5},
  };

  @Test
  void regressionForestFromVersionOneLoadsPredictsAndResavesIdentically(@TempDir Path tmp)
      throws Exception {
    CoppiceModel model = CoppiceModel.load(golden("arf-regressor"));
    AdaptiveRandomForestRegressor forest = (AdaptiveRandomForestRegressor) model.learner();
    assertEquals(3, forest.ensembleSize());
    assertEquals(600, forest.instancesSeen());
    assertFalse(forest.isFrozen());
    assertNotNull(forest.backgroundTree(1), "a warning grew a background tree");
    Manifest m = model.manifest();
    assertEquals("arf-regressor", m.learner());
    assertEquals(7L, m.seed());
    assertEquals(3, m.parameters().get("trees"));
    assertEquals("prediction", m.parameters().get("detector-input"));
    assertEquals("hyperplane-regression-seed7.csv", m.training().dataFile());
    assertTrue(model.schema().isRegression());
    assertPredictions(
        model,
        new double[] {
          0x1.2c48865ff562p7, 0x1.562f6ab0c565bp7, 0x1.3b234f22afb5dp7, 0x1.010f2a3ac2e54p7
        });
    assertResavesIdentically(model, golden("arf-regressor"), tmp);
    // It can still learn: continue on the same stream, with its background tree, without error.
    InstanceStream s =
        StreamSpecs.parse("hyperplane-regression(attributes=5,drift-attributes=5,mag=0.001)", 7);
    Instance in = s.schema().newInstance();
    for (int i = 0; i < 200; i++) {
      s.next(in);
      forest.learn(in.x, in.target, in.weight);
    }
    assertEquals(800, forest.instancesSeen());
  }

  @Test
  void regressionTreeFromVersionOneLoadsPredictsAndResavesIdentically(@TempDir Path tmp)
      throws Exception {
    CoppiceModel model = CoppiceModel.load(golden("ht-regressor"));
    RegressionTree tree = (RegressionTree) model.learner();
    assertEquals("ht-regressor", model.manifest().learner());
    assertEquals(7L, model.manifest().seed());
    assertEquals(200, tree.config().gracePeriod());
    assertTrue(tree.config().perceptronLeaves());
    assertEquals(600.0, tree.weightSeen());
    assertPredictions(
        model,
        new double[] {
          0x1.fa4d16b7557a3p6, 0x1.8b7bac2f4fe27p7, 0x1.1597d9572a30bp7, 0x1.6c080971c7d08p7
        });
    assertResavesIdentically(model, golden("ht-regressor"), tmp);
  }

  private static void assertPredictions(CoppiceModel model, double[] expected) {
    Regressor r = (Regressor) model.learner();
    for (int i = 0; i < REGRESSION_PROBES.length; i++) {
      assertEquals(expected[i], r.predict(REGRESSION_PROBES[i]), 0.0, "probe " + i);
      assertEquals(
          expected[i],
          model.predictFeatures(REGRESSION_PROBES[i]).value(),
          0.0,
          "probe " + i + " through the model");
    }
  }

  @Test
  void naiveBayesAndMajorityClassFromVersionOneLoadPredictAndResaveIdentically(@TempDir Path tmp)
      throws Exception {
    CoppiceModel nb = CoppiceModel.load(golden("nb"));
    assertEquals("nb", nb.manifest().learner());
    assertEquals("nb", nb.type().name());
    assertVotes(
        nb,
        new double[][] {
          {1.1962543089799308E-27, 3.3848110182238575E-28},
          {7.101335501128081E-28, 1.5524392703422098E-29},
          {1.3147980814881227E-30, 1.6072487146965986E-30},
        });
    assertResavesIdentically(nb, golden("nb"), tmp.resolve("nb"));
    CoppiceModel majority = CoppiceModel.load(golden("majority"));
    assertEquals("majority", majority.type().name());
    assertVotes(majority, new double[][] {{610, 390}, {610, 390}, {610, 390}});
    assertResavesIdentically(majority, golden("majority"), tmp.resolve("majority"));
  }

  static Stream<String> registeredLearners() {
    return Learners.all().stream().map(LearnerType::name);
  }

  /**
   * Every registered learner has a golden bundle named after it, so that a later change to its
   * state layout cannot go unnoticed; the bundle loads, passes inspection, predicts finite values
   * on a probe and re-saves byte for byte.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("registeredLearners")
  void everyLearnerHasAGoldenBundleThatLoadsAndResavesIdentically(String name, @TempDir Path tmp)
      throws Exception {
    Path dir;
    try {
      dir = golden(name);
    } catch (NullPointerException missing) {
      throw new AssertionError(
          "no golden bundle for learner " + name + " in src/test/resources/golden/v1", missing);
    }
    CoppiceModel model = CoppiceModel.load(dir);
    assertEquals(name, model.type().name());
    InspectionReport report = Inspection.inspect(dir);
    assertEquals(name, report.learner());
    assertFalse(report.structure().isEmpty(), name + ": inspect shows the structure");
    double[] probe = new double[model.schema().numFeatures()];
    Arrays.fill(probe, 0.5);
    for (int f = 0; f < probe.length; f++) {
      if (model.schema().feature(f).isNominal()) {
        probe[f] = 1;
      }
    }
    Prediction p = model.predictFeatures(probe);
    if (p.isRegression()) {
      assertTrue(Double.isFinite(p.value()), name + ": finite prediction");
    } else {
      for (double q : p.probabilities()) {
        assertTrue(
            Double.isFinite(q) && q >= 0,
            name + ": probabilities " + Arrays.toString(p.probabilities()));
      }
    }
    assertResavesIdentically(model, dir, tmp);
  }

  private static void assertVotes(CoppiceModel model, double[][] expected) {
    double[] v = new double[2];
    for (int i = 0; i < PROBES.length; i++) {
      ((Classifier) model.learner()).votes(PROBES[i], v);
      assertArrayEquals(expected[i], v, "probe " + i);
    }
  }

  private static void assertResavesIdentically(CoppiceModel model, Path original, Path tmp)
      throws IOException {
    Path copy = tmp.resolve("copy");
    model.save(copy, CoppiceModel.SaveOptions.defaults());
    assertArrayEquals(
        Files.readAllBytes(original.resolve("model.bin")),
        Files.readAllBytes(copy.resolve("model.bin")));
  }
}
