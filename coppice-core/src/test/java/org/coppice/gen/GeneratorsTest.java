package org.coppice.gen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.LongFunction;
import org.coppice.data.Attribute;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.junit.jupiter.api.Test;

class GeneratorsTest {

  /**
   * The first n instances: row t holds the features of instance t followed by its class (or its
   * numeric target, for a regression stream).
   */
  static double[][] take(StreamGenerator g, int n) {
    Schema s = g.schema();
    Instance inst = s.newInstance();
    double[][] rows = new double[n][];
    for (int t = 0; t < n; t++) {
      assertTrue(g.next(inst));
      assertEquals(1.0, inst.weight);
      if (s.isRegression()) {
        assertEquals(Instance.MISSING_LABEL, inst.y);
        assertTrue(Double.isFinite(inst.target), "finite target");
      } else {
        assertTrue(inst.y >= 0 && inst.y < s.numClasses(), "class in range");
      }
      double[] row = new double[s.numFeatures() + 1];
      System.arraycopy(inst.x, 0, row, 0, s.numFeatures());
      row[s.numFeatures()] = s.isRegression() ? inst.target : inst.y;
      rows[t] = row;
    }
    return rows;
  }

  /** Instance number {@code t} (counting from 1) as features then class. */
  static double[] nth(StreamGenerator g, int t) {
    return take(g, t)[t - 1];
  }

  static void assertSame(double[][] a, double[][] b) {
    assertEquals(a.length, b.length);
    for (int t = 0; t < a.length; t++) {
      assertArrayEquals(a[t], b[t], "instance " + (t + 1));
    }
  }

  static boolean differ(double[][] a, double[][] b) {
    for (int t = 0; t < a.length; t++) {
      for (int i = 0; i < a[t].length; i++) {
        if (Double.compare(a[t][i], b[t][i]) != 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** Same seed: same 1000 instances; another seed: different ones; restart: the same again. */
  static void checkReproducible(LongFunction<StreamGenerator> bySeed) {
    StreamGenerator a = bySeed.apply(7);
    double[][] first = take(a, 1000);
    assertSame(first, take(bySeed.apply(7), 1000));
    assertTrue(differ(first, take(bySeed.apply(8), 1000)), "another seed gives other instances");
    a.restart();
    assertSame(first, take(a, 1000));
    assertEquals(-1, a.sizeHint());
  }

  @Test
  void everyGeneratorIsReproducibleFromItsSeed() {
    checkReproducible(s -> SeaGenerator.builder().seed(s).build());
    checkReproducible(s -> SeaGenerator.builder().seed(s).balance(true).build());
    checkReproducible(s -> AgrawalGenerator.builder().function(9).seed(s).build());
    checkReproducible(s -> AgrawalGenerator.builder().balance(true).seed(s).build());
    checkReproducible(s -> HyperplaneGenerator.builder().magChange(0.01).seed(s).build());
    checkReproducible(s -> RandomRbfGenerator.builder().instanceSeed(s).build());
    checkReproducible(s -> RandomRbfGenerator.builder().modelSeed(s).build());
    checkReproducible(
        s -> RandomRbfGenerator.builder().speedChange(0.01).modelSeed(s).instanceSeed(s).build());
    checkReproducible(s -> LedGenerator.builder().seed(s).build());
    checkReproducible(s -> LedGenerator.builder().numberAttributesDrift(3).seed(s).build());
    checkReproducible(s -> StaggerGenerator.builder().balance(true).seed(s).build());
    checkReproducible(s -> RandomTreeGenerator.builder().instanceSeed(s).build());
    checkReproducible(s -> RandomTreeGenerator.builder().treeSeed(s).build());
    checkReproducible(
        s ->
            new ConceptDriftStream(
                SeaGenerator.builder().function(1).seed(s).build(),
                SeaGenerator.builder().function(4).seed(s + 100).build(),
                500,
                100,
                s));
  }

  // ---- known answers: values printed by MOA 2024.07 with the same options and seeds ----

  @Test
  void seaMatchesMoa() {
    SeaGenerator g = new SeaGenerator();
    double[][] rows = take(g, 1000);
    assertArrayEquals(
        new double[] {7.308781907032909, 4.100808114922017, 2.077148413097171, 1}, rows[0]);
    assertArrayEquals(
        new double[] {6.588672394716129, 7.107396275716601, 1.5273620134152177, 1}, rows[1]);
    assertArrayEquals(
        new double[] {4.697838395584528, 5.576966260409296, 0.8160970768078857, 1}, rows[999]);
    assertEquals(651, countClass(rows, 1));
  }

  @Test
  void agrawalMatchesMoa() {
    double[][] rows = take(new AgrawalGenerator(), 1000);
    assertArrayEquals(
        new double[] {
          110499.7354088676, 0.0, 54.0, 3.0, 14.0, 4.0, 135000.0, 30.0, 354724.1825300054, 1
        },
        rows[0]);
    assertArrayEquals(
        new double[] {
          66748.90502980273,
          25372.232011027507,
          25.0,
          4.0,
          17.0,
          6.0,
          135000.0,
          15.0,
          370427.30708829773,
          0
        },
        rows[999]);
    assertEquals(334, countClass(rows, 1));
  }

  @Test
  void hyperplaneMatchesMoa() {
    double[][] rows = take(new HyperplaneGenerator(), 1000);
    assertArrayEquals(
        new double[] {
          0.3971743421847056, 0.34751802920311026, 0.29405703200403677, 0.5064836273262351,
          0.11596708803265776, 0.7705358800791777, 0.65989270869342, 0.15674689056984625,
          0.3782020453210553, 0.13976268290375116, 0
        },
        rows[0]);
    assertArrayEquals(
        new double[] {
          0.6240314317949262, 0.2776065642352109, 0.11660487767734917, 0.7175081477337663,
          0.46119430775259174, 0.921677645418686, 0.9212507780544209, 0.8839453535424674,
          0.3849912765805398, 0.39784651450243713, 1
        },
        rows[999]);
    assertEquals(513, countClass(rows, 1));
    // with a moving hyperplane the features are the same draws but the labels change
    assertEquals(
        518, countClass(take(HyperplaneGenerator.builder().magChange(0.001).build(), 1000), 1));
  }

  @Test
  void randomRbfMatchesMoa() {
    double[][] rows = take(new RandomRbfGenerator(), 1000);
    assertArrayEquals(
        new double[] {
          0.2103720255378259, 1.0095862047200432, 0.0919002389258551, 0.27207089627597286,
          0.4501171141933731, 0.22609818347443267, 0.21228595169897535, 0.37266997838156646,
          0.5831457313935221, 0.29700709397885133, 1
        },
        rows[0]);
    assertArrayEquals(
        new double[] {
          0.7377635761306066, 1.012806747313164, 0.187794116699798, 0.9934526376455396,
          -0.3284583910942527, 0.8812472462561924, 1.239559401661478, 0.6822796223478971,
          0.5516201747819311, 0.06594047969064987, 0
        },
        rows[999]);
    assertEquals(499, countClass(rows, 1));
    // MOA's RandomRBFGeneratorDrift -s 0.001: same centroid choices, moved centres
    double[][] drifting = take(RandomRbfGenerator.builder().speedChange(0.001).build(), 1000);
    assertArrayEquals(
        new double[] {
          0.8799562630503076, 1.2775487623943624, 0.2652349674115055, 1.1328905424860398,
          0.06170310465409712, 0.6490666329876118, 1.536266981005452, 0.8311267117680933,
          1.0988963481044396, 0.2205979734638297, 0
        },
        drifting[999]);
  }

  @Test
  void ledMatchesMoa() {
    double[][] rows = take(new LedGenerator(), 1000);
    assertArrayEquals(
        new double[] {1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 1, 1, 1, 0, 0, 1, 0, 0, 0, 5},
        rows[0]);
    assertArrayEquals(
        new double[] {1, 0, 1, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 2},
        rows[999]);
    int[] expectedCounts = {109, 119, 80, 93, 97, 100, 104, 97, 93, 108};
    for (int c = 0; c < 10; c++) {
      assertEquals(expectedCounts[c], countClass(rows, c), "digit " + c);
    }
    // MOA's LEDGeneratorDrift -d 7: the same draws with segments i and 7 + i swapped
    double[] swapped = nth(LedGenerator.builder().numberAttributesDrift(7).build(), 1000);
    assertArrayEquals(
        new double[] {0, 1, 0, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 2},
        swapped);
  }

  @Test
  void staggerMatchesMoa() {
    double[][] rows = take(new StaggerGenerator(), 1000);
    assertArrayEquals(new double[] {0, 1, 1, 0}, rows[0]);
    assertArrayEquals(new double[] {1, 2, 0, 0}, rows[999]);
    assertEquals(123, countClass(rows, 1));
  }

  @Test
  void randomTreeMatchesMoa() {
    double[][] rows = take(new RandomTreeGenerator(), 1000);
    assertArrayEquals(
        new double[] {
          0,
          3,
          2,
          3,
          4,
          0.0362353821503677,
          0.6588672394716129,
          0.7107396275716601,
          0.15273620134152177,
          0.15957805424728078,
          0
        },
        rows[0]);
    assertArrayEquals(
        new double[] {
          2,
          1,
          1,
          1,
          3,
          0.4665553608378309,
          0.3541246388809649,
          0.1887360577102598,
          0.27103755704079935,
          0.33773246849866534,
          1
        },
        rows[999]);
    assertEquals(625, countClass(rows, 1));
  }

  static int countClass(double[][] rows, int c) {
    int n = 0;
    for (double[] r : rows) {
      if (r[r.length - 1] == c) {
        n++;
      }
    }
    return n;
  }

  // ---- the concepts ----

  @Test
  void seaLabelIsTheThresholdRuleWithoutNoise() {
    double[] thresholds = {8, 9, 7, 9.5};
    for (int f = 1; f <= 4; f++) {
      double[][] rows = take(SeaGenerator.builder().function(f).noisePercentage(0).build(), 5000);
      int ones = 0;
      for (double[] r : rows) {
        for (int i = 0; i < 3; i++) {
          assertTrue(r[i] >= 0 && r[i] < 10);
        }
        assertEquals(r[0] + r[1] <= thresholds[f - 1] ? 0 : 1, (int) r[3]);
        ones += (int) r[3];
      }
      assertTrue(ones > 0 && ones < 5000, "both classes occur");
    }
  }

  @Test
  void seaNoiseFlipsAboutItsPercentage() {
    double[][] rows = take(SeaGenerator.builder().noisePercentage(20).build(), 20000);
    int flipped = 0;
    for (double[] r : rows) {
      if ((r[0] + r[1] <= 8 ? 0 : 1) != (int) r[3]) {
        flipped++;
      }
    }
    assertEquals(0.20, flipped / 20000.0, 0.01);
  }

  @Test
  void staggerRules() {
    for (int f = 1; f <= 3; f++) {
      double[][] rows = take(StaggerGenerator.builder().function(f).build(), 3000);
      for (double[] r : rows) {
        int size = (int) r[0];
        int color = (int) r[1];
        int shape = (int) r[2];
        boolean positive =
            switch (f) {
              case 1 -> size == 0 && color == 0; // small and red
              case 2 -> color == 2 || shape == 0; // green or circle
              default -> size != 0; // medium or large
            };
        assertEquals(positive ? 1 : 0, (int) r[3]);
      }
    }
    Schema s = new StaggerGenerator().schema();
    assertEquals(List.of("small", "medium", "large"), s.feature(0).values());
    assertEquals(List.of("red", "blue", "green"), s.feature(1).values());
    assertEquals(List.of("circle", "square", "triangle"), s.feature(2).values());
    assertEquals(List.of("false", "true"), s.target().values());
  }

  @Test
  void agrawalFunctionOneIsTheAgeRule() {
    double[][] rows = take(AgrawalGenerator.builder().function(1).perturbFraction(0).build(), 5000);
    for (double[] r : rows) {
      double age = r[2];
      assertTrue(age >= 20 && age <= 80 && age == Math.rint(age));
      assertEquals(age < 40 || age >= 60 ? 0 : 1, (int) r[9]);
      assertTrue(r[0] >= 20000 && r[0] < 150000);
      assertTrue(r[0] >= 75000 ? r[1] == 0 : r[1] >= 10000 && r[1] < 75000);
      double hvalueBase = (9 - r[5]) * 100000;
      assertTrue(r[6] >= 0.5 * hvalueBase && r[6] < 1.5 * hvalueBase);
      assertTrue(r[7] >= 1 && r[7] <= 30);
      assertTrue(r[8] >= 0 && r[8] < 500000);
    }
  }

  @Test
  void agrawalOtherFunctionsOnHandPickedValues() {
    // salary, commission, age, elevel, hvalue, hyears, loan
    assertEquals(0, AgrawalGenerator.label(2, 60000, 0, 30, 0, 0, 1, 0));
    assertEquals(1, AgrawalGenerator.label(2, 60000, 0, 45, 0, 0, 1, 0));
    assertEquals(0, AgrawalGenerator.label(3, 0, 0, 65, 4, 0, 1, 0));
    assertEquals(1, AgrawalGenerator.label(3, 0, 0, 65, 1, 0, 1, 0));
    assertEquals(0, AgrawalGenerator.label(5, 60000, 0, 30, 0, 0, 1, 150000));
    assertEquals(1, AgrawalGenerator.label(5, 60000, 0, 30, 0, 0, 1, 350000));
    assertEquals(0, AgrawalGenerator.label(6, 40000, 20000, 30, 0, 0, 1, 0));
    // 2/3 * 90000 - 100000 / 5 - 20000 = 20000 > 0
    assertEquals(0, AgrawalGenerator.label(7, 90000, 0, 30, 0, 0, 1, 100000));
    assertEquals(1, AgrawalGenerator.label(7, 30000, 0, 30, 0, 0, 1, 100000));
    // 2/3 * 60000 - 5000 * 4 - 20000 = 0, not > 0
    assertEquals(1, AgrawalGenerator.label(8, 60000, 0, 30, 4, 0, 1, 0));
    // equity 500000 * 10 / 10 = 500000; 2/3 * 30000 - 0 + 100000 - 10000 > 0
    assertEquals(0, AgrawalGenerator.label(10, 30000, 0, 30, 0, 500000, 30, 0));
    assertEquals(1, AgrawalGenerator.label(10, 3000, 0, 30, 0, 500000, 19, 0));
  }

  @Test
  void agrawalSchemaDeclaresMoasNominals() {
    Schema s = new AgrawalGenerator().schema();
    assertEquals(9, s.numFeatures());
    assertEquals(
        List.of(
            "salary", "commission", "age", "elevel", "car", "zipcode", "hvalue", "hyears", "loan"),
        s.features().stream().map(Attribute::name).toList());
    assertEquals(List.of("level0", "level1", "level2", "level3", "level4"), s.feature(3).values());
    assertEquals(20, s.feature(4).numValues());
    assertEquals("car1", s.feature(4).values().get(0));
    assertEquals("car20", s.feature(4).values().get(19));
    assertEquals(9, s.feature(5).numValues());
    assertEquals("zipcode1", s.feature(5).values().get(0));
    assertTrue(s.feature(0).isNumeric() && s.feature(8).isNumeric());
    assertEquals(List.of("groupA", "groupB"), s.target().values());
  }

  @Test
  void ledWithoutNoiseShowsTheDigit() {
    // segments: top, upper left, upper right, middle, lower left, lower right, bottom
    String[] lit = {
      "1110111", "0010010", "1011101", "1011011", "0111010", "1101011", "1101111", "1010010",
      "1111111", "1111011"
    };
    double[][] rows = take(LedGenerator.builder().noisePercentage(0).build(), 2000);
    int[] seen = new int[10];
    for (double[] r : rows) {
      int digit = (int) r[24];
      seen[digit]++;
      for (int s = 0; s < 7; s++) {
        assertEquals(lit[digit].charAt(s) - '0', (int) r[s], "digit " + digit + " segment " + s);
        assertEquals(lit[digit].charAt(s) == '1', LedGenerator.segment(digit, s));
      }
      for (int i = 7; i < 24; i++) {
        assertTrue(r[i] == 0 || r[i] == 1);
      }
    }
    for (int d = 0; d < 10; d++) {
      assertTrue(seen[d] > 150, "digit " + d + " occurs");
    }
    assertEquals(
        7,
        LedGenerator.builder().suppressIrrelevantAttributes(true).build().schema().numFeatures());
    Schema s = new LedGenerator().schema();
    assertEquals(24, s.numFeatures());
    assertEquals(List.of("0", "1"), s.feature(23).values());
    assertEquals("9", s.target().values().get(9));
  }

  @Test
  void ledDriftSwapsSegmentsWithIrrelevantAttributes() {
    LedGenerator drifted =
        LedGenerator.builder().noisePercentage(0).numberAttributesDrift(3).build();
    assertEquals(7, drifted.featureOf(0));
    assertEquals(0, drifted.featureOf(7));
    assertEquals(9, drifted.featureOf(2));
    assertEquals(3, drifted.featureOf(3));
    double[][] plain = take(LedGenerator.builder().noisePercentage(0).build(), 500);
    double[][] swapped = take(drifted, 500);
    for (int t = 0; t < 500; t++) {
      for (int i = 0; i < 24; i++) {
        int j = i < 3 ? i + 7 : i >= 7 && i < 10 ? i - 7 : i;
        assertEquals(plain[t][i], swapped[t][j]);
      }
      assertEquals(plain[t][24], swapped[t][24]);
    }
  }

  @Test
  void hyperplaneLabelIsTheWeightRuleWithoutNoise() {
    HyperplaneGenerator g =
        HyperplaneGenerator.builder().noisePercentage(0).magChange(0.01).numAtts(5).build();
    Instance inst = g.schema().newInstance();
    for (int t = 0; t < 3000; t++) {
      double sum = 0;
      double sumWeights = 0;
      double[] w = new double[5];
      for (int i = 0; i < 5; i++) {
        w[i] = g.weight(i);
      }
      g.next(inst);
      for (int i = 0; i < 5; i++) {
        sum += w[i] * inst.x[i];
        sumWeights += w[i];
      }
      assertEquals(sum >= sumWeights / 2 ? 1 : 0, inst.y);
    }
    // the first two weights drifted, the others did not
    HyperplaneGenerator fresh =
        HyperplaneGenerator.builder().noisePercentage(0).magChange(0.01).numAtts(5).build();
    assertNotEquals(fresh.weight(0), g.weight(0));
    assertEquals(fresh.weight(4), g.weight(4));
    assertThrows(
        IllegalArgumentException.class,
        () -> HyperplaneGenerator.builder().numAtts(3).numDriftAtts(4).build());
  }

  @Test
  void balancedGeneratorsAlternateClassesStartingWithOne() {
    List<StreamGenerator> balanced =
        List.of(
            SeaGenerator.builder().balance(true).noisePercentage(0).build(),
            AgrawalGenerator.builder().balance(true).function(3).build(),
            StaggerGenerator.builder().balance(true).build());
    for (StreamGenerator g : balanced) {
      double[][] rows = take(g, 1000);
      for (int t = 0; t < 1000; t++) {
        assertEquals(t % 2 == 0 ? 1 : 0, (int) rows[t][rows[t].length - 1], g + " #" + t);
      }
    }
    // unbalanced STAGGER function 1 is mostly 0 (P(small and red) = 1/9)
    assertEquals(123, countClass(take(new StaggerGenerator(), 1000), 1));
  }

  @Test
  void randomRbfClassesComeFromTheCentroidsAndDriftMoves() {
    RandomRbfGenerator still = RandomRbfGenerator.builder().numClasses(4).build();
    double[][] rows = take(still, 4000);
    for (int c = 0; c < 4; c++) {
      assertTrue(countClass(rows, c) > 0, "class " + c);
    }
    // a drift changes features but not the centroid choices (so not the labels)
    RandomRbfGenerator moving =
        RandomRbfGenerator.builder().numClasses(4).speedChange(0.01).build();
    double[][] moved = take(moving, 4000);
    assertTrue(differ(rows, moved));
    for (int t = 0; t < 4000; t++) {
      assertEquals(rows[t][10], moved[t][10]);
    }
    moving.restart();
    assertSame(moved, take(moving, 4000));
  }

  @Test
  void randomTreeLabelsAreTheTreesAndTheTreeIsBounded() {
    RandomTreeGenerator g = new RandomTreeGenerator();
    assertTrue(g.numLeaves() > 1);
    assertTrue(g.depth() >= 3 && g.depth() <= 5);
    assertTrue(g.numNodes() > g.numLeaves());
    double[][] rows = take(g, 1000);
    for (double[] r : rows) {
      for (int i = 0; i < 5; i++) {
        assertTrue(r[i] == Math.rint(r[i]) && r[i] >= 0 && r[i] < 5);
      }
      assertEquals((int) r[10], g.classify(java.util.Arrays.copyOf(r, 10)));
    }
    RandomTreeGenerator stump = RandomTreeGenerator.builder().maxTreeDepth(0).build();
    assertEquals(1, stump.numNodes());
    double[][] constant = take(stump, 100);
    assertTrue(countClass(constant, (int) constant[0][10]) == 100);
    // no numeric attribute and deeper than the nominals: nothing left to split on
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                RandomTreeGenerator.builder()
                    .numNominals(1)
                    .numNumerics(0)
                    .maxTreeDepth(3)
                    .firstLeafLevel(3)
                    .build());
    assertTrue(e.getMessage().contains("no attribute left"), e.getMessage());
  }

  @Test
  void buildersRejectOutOfRangeOptions() {
    assertThrows(IllegalArgumentException.class, () -> SeaGenerator.builder().function(5).build());
    assertThrows(
        IllegalArgumentException.class, () -> SeaGenerator.builder().noisePercentage(101).build());
    assertThrows(
        IllegalArgumentException.class, () -> AgrawalGenerator.builder().function(11).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> AgrawalGenerator.builder().perturbFraction(1.5).build());
    assertThrows(
        IllegalArgumentException.class, () -> StaggerGenerator.builder().function(0).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> LedGenerator.builder().numberAttributesDrift(8).build());
    assertThrows(
        IllegalArgumentException.class, () -> RandomRbfGenerator.builder().numClasses(1).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> RandomTreeGenerator.builder().leafFraction(Double.NaN).build());
  }

  @Test
  void nextDoesNotDependOnTheCallersInstance() {
    // every feature, the label and the weight are overwritten
    SeaGenerator a = new SeaGenerator();
    SeaGenerator b = new SeaGenerator();
    Instance dirty = new Instance(new double[] {-1, -1, -1}, 1, 5.0);
    Instance clean = a.schema().newInstance();
    for (int t = 0; t < 10; t++) {
      a.next(dirty);
      b.next(clean);
      assertArrayEquals(clean.x, dirty.x);
      assertEquals(clean.y, dirty.y);
      assertEquals(1.0, dirty.weight);
    }
    assertFalse(a.schema().relation().isEmpty());
  }
}
