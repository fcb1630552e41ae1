package org.coppice.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Command-line options of both comparisons. */
class BenchOptionsTest {
  @Test
  void defaults() {
    BenchOptions o = BenchOptions.parse(new String[0]);
    assertEquals(ClassifierPair.all(), o.learners);
    assertEquals(List.of(StreamSpec.values()), o.datasets);
    assertEquals(List.of(10, 100), o.sizes(ClassifierPair.ARF));
    assertEquals(List.of(10), o.sizes(ClassifierPair.OZA_BAG));
    assertEquals(List.of(10), o.sizes(ClassifierPair.SRP));
    assertEquals(List.of(0), o.sizes(ClassifierPair.KNN), "not an ensemble: one run");
    assertEquals(List.of(1), o.seeds(ClassifierPair.ARF));
    assertEquals(List.of(1), o.fileSeeds());
    assertTrue(o.multiThreaded(ClassifierPair.ARF, 10) && o.multiThreaded(ClassifierPair.ARF, 100));
    assertFalse(o.multiThreaded(ClassifierPair.HT, 0), "only ensembles run with threads");
    assertEquals(30_000, o.n);
    assertEquals(5000, o.warmup);
    assertEquals(Path.of("bench-out"), o.work);
    assertNull(o.docs);
    assertTrue(o.moa && o.coppice && !o.help);
  }

  @Test
  void learnersSizesAndSeeds() {
    BenchOptions o =
        BenchOptions.parse(
            new String[] {
              "--learners", "knn, OZA-BAG,arf,knn",
              "--trees", "20",
              "--ensemble-size", "4,8",
              "--seeds", "1,2",
              "--arf-seeds", "3,2",
              "--threads-trees", "8",
              "--n", "1_000",
              "--work", "w",
              "--docs", "d"
            });
    assertEquals(
        List.of(ClassifierPair.KNN, ClassifierPair.OZA_BAG, ClassifierPair.ARF), o.learners);
    assertEquals(List.of(20), o.sizes(ClassifierPair.ARF));
    assertEquals(List.of(4, 8), o.sizes(ClassifierPair.OZA_BAG));
    assertEquals(List.of(3, 2), o.seeds(ClassifierPair.ARF));
    assertEquals(List.of(1, 2), o.seeds(ClassifierPair.KNN));
    assertEquals(List.of(1), o.electricitySeeds(ClassifierPair.KNN), "kNN is deterministic");
    assertEquals(List.of(1, 2), o.electricitySeeds(ClassifierPair.OZA_BAG));
    assertEquals(List.of(1, 2, 3), o.fileSeeds());
    assertTrue(o.multiThreaded(ClassifierPair.OZA_BAG, 8));
    assertFalse(o.multiThreaded(ClassifierPair.OZA_BAG, 4));
    assertEquals(1000, o.n);
    assertEquals(Path.of("d"), o.docs);

    assertEquals(
        ClassifierPair.all(), BenchOptions.parse(new String[] {"--learners", "all"}).learners);
    BenchOptions moaOnly = BenchOptions.parse(new String[] {"--moa-only", "--threads", "4"});
    assertFalse(moaOnly.coppice);
    assertFalse(moaOnly.multiThreaded(ClassifierPair.ARF, 100), "no Coppice, no threaded run");
    assertFalse(
        BenchOptions.parse(new String[] {"--threads", "1"}).multiThreaded(ClassifierPair.ARF, 10));
    assertTrue(BenchOptions.parse(new String[] {"--help"}).help);
  }

  @Test
  void badOptionsAreRejectedWithTheReason() {
    assertMessage("unknown learner 'forest'; known: arf,", "--learners", "arf,forest");
    assertMessage("must not be empty", "--learners", ",");
    assertMessage("exclude each other", "--moa-only", "--coppice-only");
    assertMessage("--n must be positive", "--n", "0");
    assertMessage("bad number for --trees: x", "--trees", "x");
    assertMessage("missing value: --seeds", "--seeds");
    assertMessage("unknown option: --forest", "--forest", "1");
    assertMessage("unknown dataset 'elec-demand'", "--datasets", "elec-demand");
  }

  @Test
  void regressionOptionsShareTheCommonOnes() {
    RegressionOptions o =
        RegressionOptions.parse(
            new String[] {"--learners", "arf,fimtdd", "--trees", "3", "--seeds", "2", "--n", "10"});
    assertEquals(List.of(RegressionLearner.ARF, RegressionLearner.FIMTDD), o.learners);
    assertEquals(3, o.trees);
    assertEquals(List.of(2), o.seeds);
    assertEquals(10, o.n);
    assertEquals(3000, o.warmup);
    assertThrows(
        IllegalArgumentException.class,
        () -> RegressionOptions.parse(new String[] {"--ensemble-size", "3"}));
  }

  private static void assertMessage(String expected, String... args) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(args));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
