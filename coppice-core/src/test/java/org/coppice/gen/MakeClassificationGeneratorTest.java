package org.coppice.gen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.coppice.data.Instance;
import org.junit.jupiter.api.Test;

class MakeClassificationGeneratorTest {

  private static MakeClassificationGenerator.Builder small() {
    return MakeClassificationGenerator.builder()
        .numFeatures(30)
        .numInformative(6)
        .numRedundant(4)
        .numClustersPerClass(3);
  }

  @Test
  void reproducibleFromItsSeed() {
    GeneratorsTest.checkReproducible(s -> small().seed(s).build());
    GeneratorsTest.checkReproducible(
        s -> small().hypercube(false).randomShift(true).randomScale(true).seed(s).build());
    // The spec names every option: parsing it gives the same instances whatever the base seed.
    MakeClassificationGenerator g = small().classSep(2.5).flipY(0.1).seed(42).build();
    StreamGenerator parsed = StreamSpecs.parse(g.spec(), 7);
    assertEquals(g.spec(), parsed.spec());
    GeneratorsTest.assertSame(GeneratorsTest.take(g, 200), GeneratorsTest.take(parsed, 200));
  }

  @Test
  void dimensionsAndFeatureRoles() {
    MakeClassificationGenerator g = small().numClasses(3).build();
    assertEquals(30, g.schema().numFeatures());
    assertEquals(3, g.schema().numClasses());
    assertEquals(java.util.List.of("class0", "class1", "class2"), g.schema().target().values());
    assertEquals(6, g.informativeFeatures().length);
    assertEquals(4, g.redundantFeatures().length);
    assertEquals(20, g.noiseFeatures().length);
    int[] all =
        IntStream.concat(
                IntStream.concat(
                    Arrays.stream(g.informativeFeatures()), Arrays.stream(g.redundantFeatures())),
                Arrays.stream(g.noiseFeatures()))
            .sorted()
            .toArray();
    assertArrayEquals(IntStream.range(0, 30).toArray(), all, "the roles partition the columns");
    assertTrue(
        !Arrays.equals(g.informativeFeatures(), IntStream.range(0, 6).toArray()),
        "columns are shuffled by default");
    MakeClassificationGenerator plain = small().shuffle(false).build();
    assertArrayEquals(IntStream.range(0, 6).toArray(), plain.informativeFeatures());
    assertArrayEquals(IntStream.range(6, 10).toArray(), plain.redundantFeatures());
    for (double[] row : GeneratorsTest.take(g, 50)) {
      for (double v : row) {
        assertTrue(Double.isFinite(v));
      }
    }
  }

  @Test
  void theRiverCaseIsCheapToBuildAndDraw() {
    // River #1512: 1000 features, 800 informative, 100 clusters per class.
    MakeClassificationGenerator g =
        (MakeClassificationGenerator)
            StreamSpecs.parse(
                "classification(n_features=1000,n_informative=800,n_clusters_per_class=100)", 1);
    assertEquals(1000, g.schema().numFeatures());
    assertEquals(800, g.informativeFeatures().length);
    assertEquals(0, g.redundantFeatures().length);
    assertEquals(200, GeneratorsTest.take(g, 200).length);
  }

  @Test
  void classesAreBalancedByRounds() {
    // Without label noise every round of 2 x 3 clusters gives each class exactly 3 instances.
    MakeClassificationGenerator g = small().flipY(0).build();
    Instance inst = g.schema().newInstance();
    int[] count = new int[2];
    for (int t = 1; t <= 600; t++) {
      g.next(inst);
      count[inst.y]++;
      if (t % 6 == 0) {
        assertEquals(count[0], count[1], "after " + t + " instances");
      }
    }
    // With flip-y, labels are replaced by a random class: about flipY / 2 of them change.
    MakeClassificationGenerator clean = small().flipY(0).seed(3).build();
    MakeClassificationGenerator noisy = small().flipY(0.2).seed(3).build();
    double[][] a = GeneratorsTest.take(clean, 10_000);
    double[][] b = GeneratorsTest.take(noisy, 10_000);
    int changed = 0;
    for (int t = 0; t < a.length; t++) {
      assertArrayEquals(
          Arrays.copyOf(a[t], 30), Arrays.copyOf(b[t], 30), "flip-y leaves features alone");
      changed += a[t][30] != b[t][30] ? 1 : 0;
    }
    assertEquals(0.1, changed / 10_000.0, 0.015);
  }

  @Test
  void informativeFeaturesSeparateTheClassesNoiseDoesNot() {
    MakeClassificationGenerator g =
        MakeClassificationGenerator.builder()
            .numFeatures(20)
            .numInformative(4)
            .numClustersPerClass(1)
            .classSep(2.0)
            .flipY(0)
            .build();
    double[][] rows = GeneratorsTest.take(g, 600);
    double informative = leaveOneOutNearestNeighbour(rows, g.informativeFeatures());
    double noise = leaveOneOutNearestNeighbour(rows, g.noiseFeatures());
    assertTrue(informative > 0.9, "1-NN accuracy on informative features: " + informative);
    assertTrue(noise < 0.6, "1-NN accuracy on noise features: " + noise);
  }

  /** Leave-one-out accuracy of the nearest neighbour using only {@code columns}. */
  private static double leaveOneOutNearestNeighbour(double[][] rows, int[] columns) {
    int label = rows[0].length - 1;
    int correct = 0;
    for (int i = 0; i < rows.length; i++) {
      int best = -1;
      double bestDistance = Double.POSITIVE_INFINITY;
      for (int j = 0; j < rows.length; j++) {
        if (j == i) {
          continue;
        }
        double d = 0;
        for (int c : columns) {
          double diff = rows[i][c] - rows[j][c];
          d += diff * diff;
        }
        if (d < bestDistance) {
          bestDistance = d;
          best = j;
        }
      }
      correct += rows[best][label] == rows[i][label] ? 1 : 0;
    }
    return correct / (double) rows.length;
  }

  @Test
  void badOptionsAreRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> MakeClassificationGenerator.builder().numFeatures(5).numInformative(6).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> small().numRedundant(25).build(),
        "informative + redundant > features");
    IllegalArgumentException vertices =
        assertThrows(
            IllegalArgumentException.class,
            () -> StreamSpecs.parse("classification(informative=2,clusters-per-class=3)", 1));
    assertTrue(vertices.getMessage().contains("2^numInformative"), vertices.getMessage());
    assertThrows(IllegalArgumentException.class, () -> small().flipY(1.5).build());
    assertInstanceOf(
        MakeClassificationGenerator.class,
        StreamSpecs.parse("classification(informative=2,clusters-per-class=2)", 1));
  }
}
