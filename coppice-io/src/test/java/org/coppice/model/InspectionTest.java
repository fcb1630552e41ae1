package org.coppice.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.coppice.io.ReadOptions;
import org.coppice.io.bundle.Manifest;
import org.coppice.learn.tree.AdaptiveRandomForest;
import org.coppice.learn.tree.HoeffdingTree;
import org.coppice.state.ModelFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectionTest {
  @TempDir Path tmp;

  private Path trainForest(boolean frozen) throws IOException {
    List<TestData.Row> rows = TestData.rows(41, 3000, 1500);
    Path data = TestData.write(tmp, "drift.csv", TestData.csv(rows, 0, 3000));
    Path model = tmp.resolve(frozen ? "frozen" : "forest");
    Training.train(
        TestData.relative(data),
        ReadOptions.defaults(),
        null,
        LearnerSpec.defaults().with("trees", 6).with("seed", 2),
        model,
        frozen,
        null);
    return model;
  }

  @Test
  void reportsEverythingAboutATrainedForest() throws IOException {
    Path bundle = trainForest(false);
    InspectionReport r = Inspection.inspect(bundle);
    AdaptiveRandomForest arf = (AdaptiveRandomForest) CoppiceModel.load(bundle).learner();
    Manifest m = r.manifest();

    assertEquals("arf", r.learner());
    assertEquals("classification", r.task());
    assertFalse(r.frozen());
    Map<String, Object> model = r.structure();
    assertEquals(6, model.get("trees"));
    assertEquals(arf.instancesSeen(), model.get("instances_seen"));
    List<?> perTree = (List<?>) model.get("per_tree");
    assertEquals(6, perTree.size());
    long nodes = 0;
    long leaves = 0;
    long drifts = 0;
    long warnings = 0;
    int maxDepth = -1;
    int backgrounds = 0;
    long memberBytes = 0;
    for (int i = 0; i < 6; i++) {
      Map<?, ?> t = (Map<?, ?>) perTree.get(i);
      HoeffdingTree tree = arf.tree(i);
      assertEquals(i, t.get("index"));
      assertEquals(tree.numNodes(), t.get("nodes"));
      assertEquals(tree.numLeaves(), t.get("leaves"));
      assertEquals(tree.depth(), t.get("depth"));
      assertEquals(arf.drifts(i), t.get("drifts"));
      assertEquals(arf.warnings(i), t.get("warnings"));
      assertEquals(arf.backgroundTree(i) != null, t.get("background"));
      assertTrue((Long) t.get("bytes") > 0);
      memberBytes += (Long) t.get("bytes");
      nodes += tree.numNodes();
      leaves += tree.numLeaves();
      drifts += arf.drifts(i);
      warnings += arf.warnings(i);
      maxDepth = Math.max(maxDepth, tree.depth());
      backgrounds += arf.backgroundTree(i) != null ? 1 : 0;
    }
    assertEquals(nodes, model.get("nodes"));
    assertEquals(leaves, model.get("leaves"));
    assertEquals(maxDepth, model.get("max_depth"));
    assertEquals(drifts, model.get("drifts"));
    assertTrue(drifts > 0, "the concept flip causes drifts");
    assertEquals(warnings, model.get("warnings"));
    assertEquals(backgrounds, model.get("background_trees"));

    // Bytes by part add up to model.bin; file sizes are the real ones.
    long modelSize = Files.size(bundle.resolve("model.bin"));
    assertEquals(modelSize, r.bytesByPart().values().stream().mapToLong(Long::longValue).sum());
    assertEquals(List.of("container", "header", "members"), List.copyOf(r.bytesByPart().keySet()));
    assertEquals(memberBytes, r.bytesByPart().get("members"));
    assertEquals(modelSize, r.fileSizes().get("model.bin"));
    assertEquals(
        Files.size(bundle.resolve(Manifest.FILE_NAME)), r.fileSizes().get(Manifest.FILE_NAME));

    JsonNode json = new ObjectMapper().readTree(r.toJson());
    assertEquals("arf", json.get("learner").asText());
    assertEquals(2, json.get("seed").asInt());
    assertEquals(6, json.get("parameters").get("trees").asInt());
    assertEquals(m.coppiceVersion(), json.get("coppice_version").asText());
    assertEquals(System.getProperty("java.version"), json.get("java_version").asText());
    assertEquals(m.createdAt().toString(), json.get("created_at").asText());
    assertEquals(nodes, json.get("model").get("nodes").asLong());
    assertEquals(drifts, json.get("model").get("drifts").asLong());
    assertEquals(6, json.get("model").get("per_tree").size());
    assertEquals(3, json.get("schema").get("features").asInt());
    assertEquals(2, json.get("schema").get("numeric").asInt());
    assertEquals(1, json.get("schema").get("nominal").asInt());
    assertEquals("label", json.get("schema").get("target").asText());
    assertEquals(
        Preprocessor.UNSEEN_CATEGORY_POLICY,
        json.get("preprocessing").get("unseen_categories").asText());
    JsonNode training = json.get("training");
    assertEquals(m.training().dataFile(), training.get("data_file").asText());
    assertEquals(m.training().dataSha256(), training.get("data_sha256").asText());
    assertEquals(3000, training.get("rows_read").asLong());
    assertEquals(
        (Double) m.metrics().get("accuracy"), json.get("metrics").get("accuracy").asDouble());

    String text = r.toText();
    for (String part :
        List.of(
            "Adaptive Random Forest", "drifts: " + drifts, "model.bin", "unseen", "drift.csv")) {
      assertTrue(text.contains(part), part + " not in:\n" + text);
    }
    assertTrue(r.toMap().containsKey("bytes_by_part"));
  }

  @Test
  void aFrozenForestHasNoDetectorCounts() throws IOException {
    InspectionReport r = Inspection.inspect(trainForest(true));
    assertTrue(r.frozen());
    assertNull(r.structure().get("drifts"));
    assertEquals(0, r.structure().get("background_trees"));
    assertTrue(r.toText().contains("not recorded (frozen)"), r.toText());
  }

  @Test
  void aHoeffdingTree() throws IOException {
    List<TestData.Row> rows = TestData.rows(42, 1000, Integer.MAX_VALUE);
    Path data = TestData.write(tmp, "d.csv", TestData.csv(rows, 0, 1000));
    Path model = tmp.resolve("ht");
    Training.train(
        data,
        ReadOptions.defaults(),
        null,
        LearnerSpec.defaults().with("learner", "ht"),
        model,
        false,
        null);
    InspectionReport r = Inspection.inspect(model);
    assertEquals("ht", r.learner());
    assertEquals(1, r.structure().get("trees"));
    assertNull(r.structure().get("per_tree"));
    assertNull(r.structure().get("drifts"));
    assertEquals(List.of("container", "header", "trees"), List.copyOf(r.bytesByPart().keySet()));
    assertTrue((Integer) r.structure().get("nodes") >= 1);
    Map<String, Object> map = r.toMap();
    assertNull(map.get("seed"));
  }

  @Test
  void aCorruptBundleIsRejected() throws IOException {
    Path bundle = trainForest(false);
    Path bin = bundle.resolve("model.bin");
    byte[] bytes = Files.readAllBytes(bin);
    bytes[bytes.length / 2] ^= 1;
    Files.write(bin, bytes);
    ModelFormatException e =
        assertThrows(ModelFormatException.class, () -> Inspection.inspect(bundle));
    assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
  }
}
