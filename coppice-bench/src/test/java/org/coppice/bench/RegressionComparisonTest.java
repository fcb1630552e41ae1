package org.coppice.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The regression mode: both sides read the same file and, learner for learner, agree exactly. */
class RegressionComparisonTest {
  @TempDir Path dir;

  @Test
  void moaAndCoppiceRegressorsGiveTheSameErrors() throws Exception {
    int n = 3000;
    Path file = dir.resolve("hyperplane-reg.arff");
    MoaData.generate(RegressionStream.HYPERPLANE.moaCli(n, 1), n, "hyperplane-reg", file);
    MoaData.Loaded moa = MoaData.load(file, n);
    CoppiceRegressionRunner.Loaded coppice = CoppiceRegressionRunner.load(file, n);
    assertEquals(n, coppice.size());
    assertTrue(coppice.schema().isRegression());
    for (int row = 0; row < n; row += 97) {
      for (int a = 0; a < moa.header().numAttributes(); a++) {
        assertEquals(moa.examples().get(row).getData().value(a), coppice.value(row, a), 0.0);
      }
    }
    for (RegressionLearner learner : List.of(RegressionLearner.FIMTDD, RegressionLearner.ARF)) {
      RegressionRun.Measured m = MoaRegressionRunner.run(moa, n, learner.moaCli(5), 2);
      RegressionRun.Measured c =
          CoppiceRegressionRunner.run(
              coppice, n, learner.coppiceName(), learner.coppiceSettings(2, 5, 1));
      RegressionRun.Measured c2 =
          CoppiceRegressionRunner.run(
              coppice, n, learner.coppiceName(), learner.coppiceSettings(2, 5, 2));
      assertEquals(m.rmse(), c.rmse(), 0.0, learner.key());
      assertEquals(m.mae(), c.mae(), 0.0, learner.key());
      assertEquals(m.r2(), c.r2(), 0.0, learner.key());
      assertEquals(c.rmse(), c2.rmse(), 0.0, "threads never change the result");
      assertTrue(m.rmse() > 0 && m.r2() < 1);
    }
  }

  @Test
  void electricityBecomesARegressionOnDemand() throws Exception {
    Path elec = dir.resolve("elec.arff");
    Files.writeString(
        elec,
        """
        @relation electricity
        @attribute date numeric
        @attribute day {1,2,3,4,5,6,7}
        @attribute period numeric
        @attribute nswprice numeric
        @attribute nswdemand numeric
        @attribute vicprice numeric
        @attribute vicdemand numeric
        @attribute transfer numeric
        @attribute class {UP,DOWN}
        @data
        0,2,0,0.056443,0.439155,0.003467,0.422915,0.414912,UP
        0,2,0.021277,0.051699,0.415055,0.003467,0.422915,0.414912,DOWN
        """);
    Path out = dir.resolve("demand.arff");
    assertTrue(RegressionData.electricityRegression(elec, "nswdemand", out));
    assertFalse(RegressionData.electricityRegression(elec, "nswdemand", out), "cached");
    CoppiceRegressionRunner.Loaded data = CoppiceRegressionRunner.load(out, 10);
    assertEquals(2, data.size());
    assertEquals("nswdemand", data.schema().target().name());
    assertEquals(7, data.schema().numFeatures());
    assertEquals(0.415055, data.instances()[1].target, 0.0);
    assertEquals(0.414912, data.value(1, 6), 0.0);
    assertThrows(
        IllegalArgumentException.class,
        () -> RegressionData.electricityRegression(elec, "day", dir.resolve("x.arff")));
  }

  @Test
  void optionsAndSections() throws Exception {
    assertEquals(
        List.of(RegressionStream.ELECTRICITY_DEMAND, RegressionStream.HYPERPLANE),
        RegressionStream.parseList("elec-demand,hyperplane-reg"));
    assertThrows(IllegalArgumentException.class, () -> RegressionStream.parseList("sea"));
    assertTrue(RegressionStream.HYPERPLANE_ABRUPT.moaCli(1000, 2).contains("-p 500 -w 1 -r 2"));
    assertEquals(
        "--learner arf-regressor --trees 10 --detector-input error",
        RegressionLearner.ARF_ERROR.coppiceOptions(10));

    Path file = dir.resolve("ACCURACY.md");
    DocSection.writeInto(file, "Accuracy", DocSection.wrap("## Classification"));
    DocSection.writeInto(
        file, "Accuracy", "moa-regression", DocSection.wrap("moa-regression", "## Regression 1"));
    DocSection.writeInto(
        file, "Accuracy", "moa-regression", DocSection.wrap("moa-regression", "## Regression 2"));
    String text = Files.readString(file);
    assertTrue(text.contains("## Classification") && text.contains("## Regression 2"), text);
    assertFalse(text.contains("## Regression 1"), text);
    assertEquals(1, text.split("<!-- moa-regression:start -->", -1).length - 1);
  }
}
