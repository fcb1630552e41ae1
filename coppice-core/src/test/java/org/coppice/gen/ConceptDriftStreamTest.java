package org.coppice.gen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.coppice.data.Attribute;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.stream.InstanceStream;
import org.junit.jupiter.api.Test;

class ConceptDriftStreamTest {
  private static final Schema TAG_SCHEMA =
      new Schema(
          "tag",
          List.of(Attribute.numeric("tag"), Attribute.numeric("index")),
          Attribute.nominal("class", List.of("a", "b")));

  /** A stream whose instances carry its tag and their index within it. */
  static final class Tagged implements StreamGenerator {
    final int tag;
    int served;
    boolean closed;

    Tagged(int tag) {
      this.tag = tag;
    }

    @Override
    public Schema schema() {
      return TAG_SCHEMA;
    }

    @Override
    public boolean next(Instance into) {
      into.x[0] = tag;
      into.x[1] = served++;
      into.y = tag % 2;
      into.weight = 1;
      return true;
    }

    @Override
    public void restart() {
      served = 0;
    }

    @Override
    public String spec() {
      return "tagged" + tag;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  static int[] tags(InstanceStream s, int n) {
    Instance inst = s.schema().newInstance();
    int[] tags = new int[n];
    for (int t = 0; t < n; t++) {
      assertTrue(s.next(inst));
      tags[t] = (int) inst.x[0];
    }
    return tags;
  }

  @Test
  void widthOneSwitchesAtThePosition() {
    for (long seed = 1; seed <= 20; seed++) {
      Tagged a = new Tagged(0);
      Tagged b = new Tagged(1);
      int[] tags = tags(new ConceptDriftStream(a, b, 500, 1, seed), 1000);
      for (int t = 1; t <= 1000; t++) {
        if (t <= 497) {
          assertEquals(0, tags[t - 1], "seed " + seed + " instance " + t);
        } else if (t >= 503) {
          assertEquals(1, tags[t - 1], "seed " + seed + " instance " + t);
        }
      }
      // only the chosen stream advances
      assertEquals(1000, a.served + b.served);
    }
  }

  @Test
  void sigmoidProbabilities() {
    ConceptDriftStream d = new ConceptDriftStream(new Tagged(0), new Tagged(1), 5000, 1000, 1);
    assertEquals(0.5, d.driftProbability(5000), 0.0);
    assertEquals(1 / (1 + Math.exp(-1.0)), d.driftProbability(5250), 1e-15);
    assertEquals(1 / (1 + Math.exp(4.0)), d.driftProbability(4000), 1e-15);
    int[] tags = tags(d, 10000);
    int early = 0;
    int middle = 0;
    int late = 0;
    for (int t = 1; t <= 10000; t++) {
      if (t <= 3000) {
        early += tags[t - 1];
      } else if (t > 4750 && t <= 5250) {
        middle += tags[t - 1];
      } else if (t > 7000) {
        late += tags[t - 1];
      }
    }
    assertTrue(early < 10, "few drift instances long before the position: " + early);
    assertEquals(250, middle, 40);
    assertTrue(late > 2990, "few old instances long after the position: " + (3000 - late));
  }

  @Test
  void driftsNest() {
    ConceptDriftStream inner = new ConceptDriftStream(new Tagged(0), new Tagged(1), 300, 1, 11);
    ConceptDriftStream outer = new ConceptDriftStream(inner, new Tagged(2), 700, 1, 12);
    int[] tags = tags(outer, 1000);
    for (int t = 1; t <= 1000; t++) {
      int expected = t <= 290 ? 0 : t >= 310 && t <= 690 ? 1 : t >= 710 ? 2 : -1;
      if (expected >= 0) {
        assertEquals(expected, tags[t - 1], "instance " + t);
      }
    }
    assertEquals(
        "drift(drift(tagged0,tagged1,position=300,width=1,seed=11),tagged2,"
            + "position=700,width=1,seed=12)",
        outer.spec());
  }

  @Test
  void instancesAreTheComponentsOwnInOrder() {
    ConceptDriftStream d =
        new ConceptDriftStream(
            SeaGenerator.builder().function(1).seed(3).build(),
            SeaGenerator.builder().function(3).seed(4).build(),
            400,
            200,
            5);
    SeaGenerator refA = SeaGenerator.builder().function(1).seed(3).build();
    SeaGenerator refB = SeaGenerator.builder().function(3).seed(4).build();
    Instance pendingA = refA.schema().newInstance();
    Instance pendingB = refB.schema().newInstance();
    refA.next(pendingA);
    refB.next(pendingB);
    Instance got = d.schema().newInstance();
    int fromB = 0;
    for (int t = 0; t < 1000; t++) {
      d.next(got);
      if (java.util.Arrays.equals(got.x, pendingA.x) && got.y == pendingA.y) {
        refA.next(pendingA);
      } else {
        assertArrayEquals(pendingB.x, got.x, "instance " + (t + 1));
        assertEquals(pendingB.y, got.y);
        refB.next(pendingB);
        fromB++;
      }
    }
    assertTrue(fromB > 500 && fromB < 800, "drift instances: " + fromB);
  }

  @Test
  void matchesMoa() {
    // MOA 2024.07: ConceptDriftStream -s (SEAGenerator -f 1) -d (SEAGenerator -f 3) -p 500 -w 300
    ConceptDriftStream d =
        new ConceptDriftStream(
            SeaGenerator.builder().function(1).build(),
            SeaGenerator.builder().function(3).build(),
            500,
            300,
            1);
    double[][] rows = GeneratorsTest.take(d, 1000);
    assertArrayEquals(
        new double[] {8.598054202806924, 8.124708416514553, 3.04106011696486, 1}, rows[999]);
    assertEquals(674, GeneratorsTest.countClass(rows, 1));
  }

  @Test
  void restartRepeatsTheStream() {
    ConceptDriftStream d =
        new ConceptDriftStream(
            new AgrawalGenerator(), AgrawalGenerator.builder().function(4).build(), 300, 100, 9);
    double[][] first = GeneratorsTest.take(d, 800);
    d.restart();
    GeneratorsTest.assertSame(first, GeneratorsTest.take(d, 800));
  }

  @Test
  void incompatibleSchemasAreRejected() {
    IllegalArgumentException features =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ConceptDriftStream(new SeaGenerator(), new AgrawalGenerator(), 0, 1000, 1));
    assertTrue(features.getMessage().contains("incompatible"), features.getMessage());
    assertTrue(features.getMessage().contains("3 features"), features.getMessage());

    IllegalArgumentException classes =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new ConceptDriftStream(
                    new SeaGenerator(),
                    HyperplaneGenerator.builder().numAtts(3).numClasses(3).build(),
                    0,
                    1000,
                    1));
    assertTrue(classes.getMessage().contains("2 classes"), classes.getMessage());

    IllegalArgumentException kinds =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new ConceptDriftStream(
                    RandomTreeGenerator.builder().numValsPerNominal(4).build(),
                    new RandomTreeGenerator(),
                    0,
                    1000,
                    1));
    assertTrue(kinds.getMessage().contains("feature 1"), kinds.getMessage());

    // same kinds and class count, other names: allowed, the first stream's schema is used
    ConceptDriftStream ok =
        new ConceptDriftStream(
            HyperplaneGenerator.builder().numAtts(3).build(), new SeaGenerator(), 0, 1000, 1);
    assertEquals("att1", ok.schema().feature(0).name());
  }

  @Test
  void argumentsAreChecked() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ConceptDriftStream(new Tagged(0), new Tagged(1), 0, 0, 1));
    assertEquals(114, ConceptDriftStream.widthFromAlpha(0.5));
    assertEquals(1, ConceptDriftStream.widthFromAlpha(45));
    assertThrows(IllegalArgumentException.class, () -> ConceptDriftStream.widthFromAlpha(90));
    assertThrows(IllegalArgumentException.class, () -> ConceptDriftStream.widthFromAlpha(0));
  }

  @Test
  void finiteAndNonGeneratorComponents() {
    InstanceStream three =
        new InstanceStream() {
          int left = 3;

          @Override
          public Schema schema() {
            return TAG_SCHEMA;
          }

          @Override
          public boolean next(Instance into) {
            into.x[0] = 7;
            into.x[1] = left;
            into.y = 0;
            return left-- > 0;
          }
        };
    Tagged b = new Tagged(1);
    ConceptDriftStream d = new ConceptDriftStream(three, b, 1000, 1, 1);
    Instance inst = d.schema().newInstance();
    for (int t = 0; t < 3; t++) {
      assertTrue(d.next(inst));
      assertEquals(7, inst.x[0]);
    }
    assertFalse(d.next(inst));
    assertThrows(UnsupportedOperationException.class, d::restart);
    assertThrows(UnsupportedOperationException.class, d::spec);
    assertTrue(d.toString().startsWith("drift(<tag>,tagged1"), d.toString());
    d.close();
    assertTrue(b.closed);
  }
}
