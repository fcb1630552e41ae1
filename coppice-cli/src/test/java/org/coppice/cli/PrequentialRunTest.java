package org.coppice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.coppice.gen.StreamSpecs;
import org.coppice.learn.registry.Settings;
import org.coppice.learn.tree.ArfConfig;
import org.coppice.learn.tree.ArfType;
import org.coppice.learn.tree.HoeffdingTreeType;
import org.coppice.learn.tree.MaxFeatures;
import org.junit.jupiter.api.Test;

/** The layers under the commands, without picocli. */
class PrequentialRunTest {
  @Test
  void runsALearnerOverAStream() {
    Settings settings = Settings.parse(ArfType.TYPE, Map.of("trees", "3", "threads", "2"));
    PrequentialRun.Config config = new PrequentialRun.Config(settings, 1, 2000, 500);
    PrequentialRun.Report report = PrequentialRun.run(config, StreamSpecs.parse("sea", 1), null);
    assertEquals(2000, report.result().instances());
    assertEquals(500, report.result().windowSize());
    assertNotNull(report.drifts());
    assertTrue(report.result().accuracy() > 0.5);
  }

  @Test
  void defaultsAreMoas() {
    ArfConfig arf = ArfType.TYPE.defaults();
    assertEquals(100, arf.ensembleSize());
    assertEquals(MaxFeatures.DEFAULT, arf.maxFeatures());
    assertEquals(50, arf.tree().gracePeriod());
    assertEquals(0.01, arf.tree().splitConfidence());
    assertEquals(Runtime.getRuntime().availableProcessors(), arf.threads());
    assertEquals(200, HoeffdingTreeType.TYPE.defaults().gracePeriod());
    assertEquals(1e-7, HoeffdingTreeType.TYPE.defaults().splitConfidence());
  }

  @Test
  void aLearnerWithoutDetectorsReportsNoDrifts() {
    Settings settings = Settings.parse(HoeffdingTreeType.TYPE, Map.of());
    PrequentialRun.Report report =
        PrequentialRun.run(
            new PrequentialRun.Config(settings, 1, 1000, 100), StreamSpecs.parse("sea", 1), null);
    assertNull(report.drifts());
    assertEquals(1, report.structure().get("trees"));
  }

  @Test
  void jsonIsOneLineAndEscaped() {
    String j =
        new Json()
            .field("s", "a\"b\\c\nd")
            .field("nan", Double.NaN)
            .field("x", 0.5)
            .field("n", 3.0)
            .nullable("none", null)
            .field("m", new double[][] {{1, 2}, {3, 4.5}})
            .toString();
    assertEquals(
        "{\"s\":\"a\\\"b\\\\c\\nd\",\"nan\":null,\"x\":0.5,\"n\":3,\"none\":null,"
            + "\"m\":[[1,2],[3,4.5]]}",
        j);
  }
}
