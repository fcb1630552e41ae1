package org.coppice.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classification comparison end to end, on a tiny stream, through both sides. */
class MoaComparisonTest {
  @TempDir Path dir;

  private String[] args(String learners) {
    return new String[] {
      "--work", dir.resolve("work").toString(),
      "--docs", dir.resolve("docs").toString(),
      "--datasets", "sea",
      "--learners", learners,
      "--n", "400",
      "--ensemble-size", "3",
      "--warmup", "50"
    };
  }

  @Test
  void twoLearnersThroughBothSides() throws Exception {
    String[] args = args("oza-bag,nb");
    Report report = new MoaComparison(BenchOptions.parse(args), args, null).run();

    List<String> csv = Files.readAllLines(dir.resolve("work/results.csv"));
    assertEquals(RunResult.CSV_HEADER, csv.get(0));
    // oza-bag: MOA, Coppice 1 thread, Coppice 2 threads; nb: MOA, Coppice.
    assertEquals(6, csv.size(), String.join("\n", csv));
    assertTrue(csv.get(1).startsWith("sea,moa,oza-bag,3,1,1,400,"), csv.get(1));
    assertTrue(csv.get(3).startsWith("sea,coppice,oza-bag,3,1,2,400,"), csv.get(3));
    assertTrue(csv.get(4).startsWith("sea,moa,nb,0,1,1,400,"), csv.get(4));

    String accuracy = report.accuracyTable();
    assertTrue(accuracy.contains("| OzaBag | SEA (abrupt drift) | 3 | 1 |"), accuracy);
    assertTrue(accuracy.contains("| Naive Bayes | SEA (abrupt drift) | — | 1 |"), accuracy);
    assertTrue(accuracy.contains("2 of 2 rows pass."), accuracy);
    // Both learners match MOA exactly: same predictions, zero differences.
    assertEquals(2, count(accuracy, "| +0.00 | +0.00 | yes | yes |"), accuracy);
    String speed = report.speedTable();
    assertTrue(speed.contains("2-thread = 1-thread"), speed);
    assertTrue(
        speed.matches("(?s).*\\| OzaBag \\| SEA \\(abrupt drift\\) \\| 3 \\|.*\\| yes \\|\n.*"));
    assertTrue(report.learnersTable().contains("`meta.OzaBag -s 3`"), report.learnersTable());
    assertTrue(report.learnersTable().contains("`--learner oza-bag --trees <size> --seed <seed>`"));

    String full = Files.readString(dir.resolve("work/moa-comparison.md"));
    assertTrue(full.contains("## Every run") && !full.contains("Skipped"), full);
    String accuracyDoc = Files.readString(dir.resolve("docs/ACCURACY.md"));
    assertTrue(accuracyDoc.startsWith("# Accuracy\n\n" + DocSection.START), accuracyDoc);
    assertTrue(accuracyDoc.contains("## Classifiers next to MOA 2024.07"));
    String benchDoc = Files.readString(dir.resolve("docs/BENCHMARKS.md"));
    assertTrue(
        benchDoc.contains("## Speed next to MOA 2024.07") && benchDoc.contains(DocSection.END));
  }

  @Test
  void aLearnerCoppiceLacksIsSkippedOnBothSides() throws Exception {
    CoppiceSide real = CoppiceSide.load();
    CoppiceSide withoutNb =
        new CoppiceSide() {
          @Override
          public Data load(Path arff, long limit) throws java.io.IOException {
            return real.load(arff, limit);
          }

          @Override
          public String unavailable(String name, List<String> required) {
            return name.equals("nb")
                ? "not in this test's registry"
                : real.unavailable(name, required);
          }

          @Override
          public boolean hasSetting(String name, String setting) {
            return real.hasSetting(name, setting);
          }

          @Override
          public RunResult.Measured run(Data data, int n, String name, Map<String, String> settings)
              throws Exception {
            return real.run(data, n, name, settings);
          }
        };
    String[] args = args("nb,ht");
    Report report = new MoaComparison(BenchOptions.parse(args), args, withoutNb).run();

    List<String> csv = Files.readAllLines(dir.resolve("work/results.csv"));
    assertEquals(3, csv.size(), "ht on both sides, nb on neither: " + csv);
    assertFalse(String.join("\n", csv).contains(",nb,"));
    String full = report.full();
    assertTrue(full.contains("- Skipped: `nb` (not in this test's registry)."), full);
    assertFalse(report.accuracyTable().contains("Naive Bayes"));
    assertTrue(report.accuracyTable().contains("1 of 1 rows pass."));
  }

  @Test
  void theRegistryDecidesWhatCanRun() {
    CoppiceSide coppice = CoppiceSide.load();
    assertNull(coppice.unavailable("oza-bag", List.of("trees")));
    assertNull(coppice.unavailable("nb", List.of()));
    assertNotNull(coppice.unavailable("no-such-learner", List.of()));
    String settingMissing = coppice.unavailable("nb", List.of("trees"));
    assertTrue(settingMissing.contains("no setting 'trees'"), settingMissing);
    String regressor = coppice.unavailable("ht-regressor", List.of());
    assertTrue(regressor.contains("not a classifier"), regressor);
    assertTrue(coppice.hasSetting("arf", "threads") && !coppice.hasSetting("knn", "seed"));
  }

  private static int count(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }
}
