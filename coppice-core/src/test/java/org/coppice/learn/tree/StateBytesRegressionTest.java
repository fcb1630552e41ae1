package org.coppice.learn.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.gen.StreamSpecs;
import org.coppice.learn.Classifier;
import org.coppice.stream.InstanceStream;
import org.junit.jupiter.api.Test;

/**
 * Pins the exact saved bytes of trained Hoeffding trees and forests: each model is trained on a
 * seeded stream, saved through {@link org.coppice.learn.registry.ModelCodec#save} (full and frozen
 * form) and the SHA-256 of every section (kind, id, length, bytes) is compared with a constant
 * recorded before the tree and forest internals were reorganised. Any change in what the learners
 * compute or in how their state is laid out changes a hash.
 *
 * <p>The streams cover numeric and nominal attributes (multiway and binary splits), abrupt and
 * gradual drifts (so that warnings, background trees, swaps and resets all happen), every leaf
 * prediction and both split criteria, and both ways of training a forest ({@link Classifier#learn}
 * and the parallel block {@link Classifier#testThenTrain}).
 */
class StateBytesRegressionTest {
  // A gradual drift between two Agrawal concepts: 3 nominal attributes (5, 20 and 9 values).
  private static final String AGRAWAL_DRIFT =
      "drift(agrawal(function=1),agrawal(function=4),position=2500,width=100)";
  private static final String RBF = "rbf(classes=5,speed=0.001,drift-centroids=50)";
  private static final String SEA = "sea(noise=10)";
  private static final String STAGGER_DRIFT =
      "drift(stagger(function=1),stagger(function=3),position=1500,width=1)";

  @Test
  void hoeffdingTreeDefault() {
    HoeffdingTree tree = learnTree("agrawal(function=2)", 6000, HoeffdingTreeConfig.builder());
    assertTrue(tree.numNodes() > 1, "no split: " + tree.numNodes());
    assertHashes(
        tree,
        "3e848fc78ddae54488693bc107b90522adca39936fb359f67fe9da6df87ce55f",
        "357cb457f1a2822affa1e548f604b0bc7a4b7e6d89f097efec982fe1de33c785");
  }

  @Test
  void hoeffdingTreeNaiveBayesGini() {
    HoeffdingTree tree =
        learnTree(
            RBF,
            6000,
            HoeffdingTreeConfig.builder()
                .leafPrediction(LeafPrediction.NAIVE_BAYES)
                .splitCriterion(SplitCriterion.GINI));
    assertTrue(tree.numNodes() > 1, "no split: " + tree.numNodes());
    assertHashes(
        tree,
        "2dcb5686c2fa9b743b745859363c1e80a8df73b9a4e2f10191782ec62c569b5e",
        "d2b01c70b9c2e834f8c9ccb138e0b78e6bf708347cfbacd4bbb4c8b4706bc83f");
  }

  @Test
  void hoeffdingTreeNominalMultiway() {
    HoeffdingTree tree =
        learnTree(AGRAWAL_DRIFT, 5000, HoeffdingTreeConfig.builder().gracePeriod(100));
    assertTrue(tree.numNodes() > 1, "no split: " + tree.numNodes());
    assertHashes(
        tree,
        "0fd1d1c723287e007485f090f9263c53be22e4f14a0ad7776f65962342c7ac4c",
        "b9da2245b3b415c8200defcf8489e8504d77b5ed032c26ca398133b5a3ebad03");
  }

  @Test
  void hoeffdingTreeNominalBinaryMajorityClass() {
    HoeffdingTree tree =
        learnTree(
            STAGGER_DRIFT,
            3000,
            HoeffdingTreeConfig.builder()
                .gracePeriod(50)
                .binarySplits(true)
                .leafPrediction(LeafPrediction.MAJORITY_CLASS)
                .noPrePrune(true));
    assertTrue(tree.numNodes() > 1, "no split: " + tree.numNodes());
    assertHashes(
        tree,
        "c408738f2addca9d03ca4d38ea58d1de9bbf1f4c8287f8a450691881739d1b49",
        "399e0876448b4f2fb079c78d3880e1f104526de1731c8ede594b696baa5ab3b5");
  }

  @Test
  void forestTenTreesSeedSevenBlocks() {
    AdaptiveRandomForest arf =
        testThenTrainForest(AGRAWAL_DRIFT, 5000, arf(10).threads(2).build(), 250);
    assertDriftsAndBackgrounds(arf, true);
    assertHashes(
        arf,
        "8e904e04e15a050e1ecba256249ffcfbbb8b406ff8078427cde22f9b5a754914",
        "6172e75182747d1078f21d543279aeee4010b4885902e0fbb8e0ea714ed7761c");
    assertEquals(
        "1155e52efb46fd899459bff630b692de0e8adf794d4dba91f0e430f94abfe757", lastVotes, "votes");
  }

  @Test
  void forestTenTreesSeedSevenLearn() {
    AdaptiveRandomForest arf = learnForest(RBF, 4000, arf(10).threads(1).build());
    assertHashes(
        arf,
        "e6f4f729fb4c70e1920d417177075062468df16dfdf6902427890c32de4460ba",
        "6733e7137d82cb074193005c45f9643b59705fe92f78ae5ba643e31888ac513f");
    assertEquals(
        "c5e38953e92cf1dc4f5ced5d4a598938f7cfda7cc036c96d94106bf301956786", lastVotes, "votes");
  }

  @Test
  void forestWithoutBackgroundTrees() {
    AdaptiveRandomForest arf =
        testThenTrainForest(
            STAGGER_DRIFT, 4000, arf(10).backgroundLearners(false).threads(2).build(), 100);
    assertDriftsAndBackgrounds(arf, false);
    assertHashes(
        arf,
        "451788bdc133ec481c9e0dd17f0efa41ff33350ea0576053fdbc07adf639a5fe",
        "993287299c91e4560fb68ecb8c488eba7b7e317fc82fd83db8485f599561c6c6");
    assertEquals(
        "1b0802d90b42c113b022176fdf1183b51f20c4f4a4b901ecb332781399dbc033", lastVotes, "votes");
  }

  @Test
  void forestWithoutDriftDetection() {
    AdaptiveRandomForest arf =
        learnForest(SEA, 3000, arf(5).driftDetection(false).threads(1).build());
    assertHashes(
        arf,
        "e80642beb7f3712d629a11a46e8554edffbfd42ec6e215f995f8eedfded1de30",
        "30af977661d4dd5828bb74df1c53f1836cbf21c70815296b07d94c47764a18c9");
    assertEquals(
        "d23011696e48920b22da390d5a8f3e00f95c3769a6e14343c0bfc0f79844b731", lastVotes, "votes");
  }

  // ---- helpers ----

  // SHA-256 of the forest's votes (raw bits) on every instance of the last forest trained.
  private static String lastVotes;

  private static ArfConfig.Builder arf(int trees) {
    return ArfConfig.builder().ensembleSize(trees).seed(7);
  }

  private static HoeffdingTree learnTree(String spec, int n, HoeffdingTreeConfig.Builder config) {
    InstanceStream stream = StreamSpecs.parse(spec, 7);
    HoeffdingTree tree = new HoeffdingTree(stream.schema(), config.build());
    Instance inst = stream.schema().newInstance();
    for (int i = 0; i < n; i++) {
      stream.next(inst);
      tree.learn(inst.x, inst.y, inst.weight);
    }
    return tree;
  }

  private static AdaptiveRandomForest learnForest(String spec, int n, ArfConfig config) {
    InstanceStream stream = StreamSpecs.parse(spec, 7);
    AdaptiveRandomForest arf = new AdaptiveRandomForest(stream.schema(), config);
    Instance inst = stream.schema().newInstance();
    double[] votes = new double[stream.schema().numClasses()];
    MessageDigest md = sha256();
    for (int i = 0; i < n; i++) {
      stream.next(inst);
      arf.votes(inst.x, votes);
      update(md, votes);
      arf.learn(inst.x, inst.y, inst.weight);
    }
    arf.close();
    lastVotes = HexFormat.of().formatHex(md.digest());
    return arf;
  }

  private static AdaptiveRandomForest testThenTrainForest(
      String spec, int n, ArfConfig config, int block) {
    InstanceStream stream = StreamSpecs.parse(spec, 7);
    Schema schema = stream.schema();
    AdaptiveRandomForest arf = new AdaptiveRandomForest(schema, config);
    Instance[] batch = new Instance[block];
    for (int i = 0; i < block; i++) {
      batch[i] = schema.newInstance();
    }
    double[][] votes = new double[block][schema.numClasses()];
    MessageDigest md = sha256();
    for (int done = 0; done < n; done += block) {
      for (int i = 0; i < block; i++) {
        stream.next(batch[i]);
      }
      arf.testThenTrain(batch, block, votes);
      for (double[] v : votes) {
        update(md, v);
      }
    }
    arf.close();
    lastVotes = HexFormat.of().formatHex(md.digest());
    return arf;
  }

  private static void assertDriftsAndBackgrounds(AdaptiveRandomForest arf, boolean background) {
    long drifts = 0;
    long warnings = 0;
    for (int i = 0; i < arf.ensembleSize(); i++) {
      drifts += arf.drifts(i);
      warnings += arf.warnings(i);
    }
    int backgrounds = 0;
    for (int i = 0; i < arf.ensembleSize(); i++) {
      backgrounds += arf.backgroundTree(i) != null ? 1 : 0;
    }
    assertTrue(drifts > 0, "no drift detected");
    if (background) {
      assertTrue(warnings > 0, "no warning detected");
      assertTrue(backgrounds > 0, "no background tree at the end");
    }
  }

  private static void assertHashes(Classifier model, String full, String frozen) {
    assertEquals(full, sha256(MemorySections.of(model, false)), "full state");
    assertEquals(frozen, sha256(MemorySections.of(model, true)), "frozen state");
  }

  private static void update(MessageDigest md, double[] votes) {
    ByteBuffer b = ByteBuffer.allocate(8 * votes.length);
    for (double v : votes) {
      b.putLong(Double.doubleToRawLongBits(v));
    }
    md.update(b.flip());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static String sha256(MemorySections s) {
    MessageDigest md = sha256();
    for (int i = 0; i < s.sectionCount(); i++) {
      byte[] data = s.section(i);
      md.update(
          ByteBuffer.allocate(12).putInt(s.kind(i)).putInt(s.id(i)).putInt(data.length).flip());
      md.update(data);
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
