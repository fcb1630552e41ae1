package org.coppice.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every declared pair: MOA's side builds and runs, and the declaration matches MOA's learner. */
class ClassifierPairTest {
  @TempDir static Path dir;
  private static MoaData.Loaded data;
  private static final int N = 600;

  @BeforeAll
  static void data() throws Exception {
    Path file = dir.resolve("rbf.arff");
    MoaData.generate(StreamSpec.RBF.moaCli(N, 1), N, "rbf", file);
    data = MoaData.load(file, N);
  }

  @ParameterizedTest
  @EnumSource(ClassifierPair.class)
  void moaSideRuns(ClassifierPair pair) {
    String cli = pair.moaCli(3);
    assertEquals(pair.randomized(), MoaRunner.randomizable(cli), "randomized() of " + pair);
    assertEquals(pair.ensemble(), cli.contains(" -s 3"), cli);
    RunResult.Measured m = MoaRunner.run(data, N, cli, 1);
    assertTrue(m.accuracy() > 20 && m.accuracy() <= 100, pair + ": " + m.accuracy());
    assertEquals(m.predictions(), MoaRunner.run(data, N, cli, 1).predictions(), "repeatable");
    if (pair.randomized() && pair.ensemble()) {
      assertTrue(
          m.predictions() != MoaRunner.run(data, N, cli, 2).predictions(), "the seed is used");
    }
  }

  @Test
  void keysAreTheRegistryNamesAndUnique() {
    for (ClassifierPair pair : ClassifierPair.all()) {
      assertEquals(pair.key(), pair.coppiceName());
      assertEquals(List.of(pair), ClassifierPair.parseList(pair.key()));
      assertEquals(pair.ensemble() ? List.of("trees") : List.of(), pair.requiredSettings());
    }
    assertEquals("meta.AdaptiveRandomForest -s <size> -j 1", ClassifierPair.ARF.moaCli("<size>"));
    assertEquals("lazy.kNN", ClassifierPair.KNN.moaCli(10));
    assertEquals(
        "--learner srp --trees <size> --seed <seed>",
        ClassifierPair.SRP.coppiceOptions(s -> s.equals("seed")));
    assertEquals(
        "{trees=5, seed=7, threads=2}",
        ClassifierPair.OZA_BOOST.coppiceSettings(5, 7, 2, s -> true).toString());
    assertEquals("{}", ClassifierPair.NB.coppiceSettings(5, 7, 2, s -> false).toString());
  }

  /** The learners Coppice has today predict exactly as MOA's, instance by instance. */
  @ParameterizedTest
  @EnumSource(
      value = ClassifierPair.class,
      names = {"ARF", "LEVERAGING_BAG", "OZA_BAG", "HT", "NB", "KNN"})
  void coppicePredictsAsMoa(ClassifierPair pair) throws Exception {
    CoppiceSide coppice = CoppiceSide.load();
    CoppiceSide.Data rows = coppice.load(dir.resolve("rbf.arff"), N);
    RunResult.Measured moa = MoaRunner.run(data, N, pair.moaCli(3), 2);
    RunResult.Measured cop =
        coppice.run(
            rows,
            N,
            pair.coppiceName(),
            pair.coppiceSettings(3, 2, 1, s -> coppice.hasSetting(pair.coppiceName(), s)));
    assertEquals(
        Predictions.hex(moa.predictions()), Predictions.hex(cop.predictions()), pair.key());
    assertEquals(moa.accuracy(), cop.accuracy(), 1e-9);
  }

  @Test
  void fingerprintsTellOrderAndClassApart() {
    long a = Predictions.add(Predictions.add(Predictions.EMPTY, 0), 1);
    long b = Predictions.add(Predictions.add(Predictions.EMPTY, 1), 0);
    long c = Predictions.add(Predictions.add(Predictions.EMPTY, 0), 256);
    assertTrue(a != b && a != c && b != c);
    assertEquals(16, Predictions.hex(a).length());
  }
}
