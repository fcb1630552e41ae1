package org.coppice.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two runners see the same data and report in the same units. */
class RunnersTest {
  @TempDir Path dir;

  @Test
  void bothSidesReadTheSameFileAndReportPercentages() throws Exception {
    int n = 2000;
    Path file = dir.resolve("agrawal.arff");
    MoaData.generate(StreamSpec.AGRAWAL.moaCli(n, 1), n, "agrawal", file);
    MoaData.Loaded moaData = MoaData.load(file, n);
    CoppiceSide coppice = CoppiceSide.load();
    CoppiceSide.Data coppiceData = coppice.load(file, n);
    assertEquals(n, coppiceData.size());
    for (int row = 0; row < n; row += 97) {
      for (int a = 0; a < moaData.header().numAttributes(); a++) {
        assertEquals(
            moaData.examples().get(row).getData().value(a), coppiceData.value(row, a), 0.0);
      }
    }

    ClassifierPair arf = ClassifierPair.ARF;
    RunResult.Measured moa = MoaRunner.run(moaData, n, arf.moaCli(5), 1);
    RunResult.Measured one =
        coppice.run(coppiceData, n, "arf", arf.coppiceSettings(5, 1, 1, s -> true));
    RunResult.Measured two =
        coppice.run(coppiceData, n, "arf", arf.coppiceSettings(5, 1, 2, s -> true));
    assertTrue(moa.accuracy() > 50 && moa.accuracy() <= 100, "percent: " + moa.accuracy());
    assertTrue(one.accuracy() > 50 && one.accuracy() <= 100, "percent: " + one.accuracy());
    assertTrue(moa.kappa() > 1 && one.kappa() > 1, "kappa in percent");
    assertEquals(one.accuracy(), two.accuracy(), 0.0, "threads never change the result");
    assertEquals(one.kappa(), two.kappa(), 0.0);
    assertEquals(one.predictions(), two.predictions());
    assertEquals(moa.predictions(), one.predictions(), "ARF predicts exactly as MOA's");
    assertTrue(moa.elapsed().wall() > 0 && one.elapsed().wall() > 0);
  }

  @Test
  void moaSeedChangesTheForest() throws Exception {
    // -r is not accepted on MOA's command line for ARF; the seed goes in through setRandomSeed.
    Path file = dir.resolve("sea.arff");
    int n = 2000;
    MoaData.generate(StreamSpec.SEA.moaCli(n, 1), n, "sea", file);
    MoaData.Loaded data = MoaData.load(file, n);
    String cli = ClassifierPair.ARF.moaCli(10);
    RunResult.Measured a = MoaRunner.run(data, n, cli, 1);
    RunResult.Measured b = MoaRunner.run(data, n, cli, 1);
    RunResult.Measured c = MoaRunner.run(data, n, cli, 2);
    assertEquals(a.accuracy(), b.accuracy(), 0.0);
    assertEquals(a.predictions(), b.predictions());
    assertTrue(a.predictions() != c.predictions(), "seed 2 differs");
  }
}
