package org.coppice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.coppice.gen.StreamSpecs;
import org.coppice.learn.tree.MaxFeatures;
import org.junit.jupiter.api.Test;

/** The layers under the commands, without picocli. */
class PrequentialRunTest {
  @Test
  void runsALearnerOverAStream() {
    LearnerSettings s = new LearnerSettings();
    s.trees = 3;
    s.threads = 2;
    PrequentialRun.Config config = new PrequentialRun.Config(s.resolve(), 2000, 500);
    PrequentialRun.Report report = PrequentialRun.run(config, StreamSpecs.parse("sea", 1), null);
    assertEquals(2000, report.result().instances());
    assertEquals(500, report.result().windowSize());
    assertNotNull(report.drifts());
    assertTrue(report.result().accuracy() > 0.5);
  }

  @Test
  void defaultsAreMoas() {
    LearnerConfig arf = LearnerConfig.defaults(LearnerKind.ARF);
    assertEquals(100, arf.arf().ensembleSize());
    assertEquals(MaxFeatures.DEFAULT, arf.arf().maxFeatures());
    assertEquals(50, arf.arf().tree().gracePeriod());
    assertEquals(Runtime.getRuntime().availableProcessors(), arf.threads());
    LearnerConfig ht = LearnerConfig.defaults(LearnerKind.HT);
    assertEquals(200, ht.tree().gracePeriod());
    assertNull(ht.trees());
  }

  @Test
  void optionsMustApplyToTheLearner() {
    LearnerSettings s = new LearnerSettings();
    s.learner = LearnerKind.NB;
    s.gracePeriod = 10;
    CliError e = assertThrows(CliError.class, s::resolve);
    assertEquals(CliError.USAGE, e.exitCode());
    assertTrue(e.getMessage().startsWith("--grace-period applies only to"), e.getMessage());
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
