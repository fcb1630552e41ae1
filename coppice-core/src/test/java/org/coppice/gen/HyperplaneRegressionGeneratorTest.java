package org.coppice.gen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.coppice.data.Instance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HyperplaneRegressionGeneratorTest {
  /**
   * MOA 2024.07 {@code HyperplaneGeneratorForRegression} (options in the first column): a hash of
   * the bits of every value of the first 300 instances, attributes then target (h = 31 h + bits,
   * from 17). Drift and noise draws included, so equal hashes mean the same draws in order.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        " | hyperplane-regression | 2985757841373234117",
        "-k 10 -t 0.001 | hyperplane-regression(drift-attributes=10,mag=0.001) | 7653645201880890910",
        "-k 10 -t 0.01 -s 10 | hyperplane-regression(drift-attributes=10,mag=0.01,sigma=10)"
            + " | -1327672229203551335",
        "-a 20 -k 5 -t 0.001 -i 7 | hyperplane-regression(numAtts=20,numDriftAtts=5,magChange=0.001,"
            + "instanceRandomSeed=7) | 3255220224605425",
        "-k 10 -t 0.1 -s 1 | hyperplane-regression(drift-attributes=10,mag=0.1,sigma=1)"
            + " | -9214634873176613806",
      })
  void sameInstancesAsMoa(String moaOptions, String spec, long hash) {
    StreamGenerator g = StreamSpecs.parse(spec, 1);
    assertEquals(hash, hash(g, 300));
    g.restart();
    assertEquals(hash, hash(g, 300));
    assertEquals(hash, hash(StreamSpecs.parse(g.spec(), 99), 300));
  }

  static long hash(StreamGenerator g, int n) {
    Instance inst = g.schema().newInstance();
    long h = 17;
    for (int i = 0; i < n; i++) {
      g.next(inst);
      for (double v : inst.x) {
        h = h * 31 + Double.doubleToLongBits(v);
      }
      h = h * 31 + Double.doubleToLongBits(inst.target);
    }
    return h;
  }

  @Test
  void firstInstanceAsMoaPrintsIt() {
    HyperplaneRegressionGenerator g = new HyperplaneRegressionGenerator();
    Instance inst = g.schema().newInstance();
    g.next(inst);
    assertArrayEquals(
        new double[] {
          0.3971743421847056, 0.34751802920311026, 0.29405703200403677, 0.5064836273262351,
          0.11596708803265776, 0.7705358800791777, 0.65989270869342, 0.15674689056984625,
          0.3782020453210553, 0.13976268290375116
        },
        inst.x);
    assertEquals(205.17965508540908, inst.target);
    assertEquals(Instance.MISSING_LABEL, inst.y);
    assertEquals("target", g.schema().target().name());
    assertEquals(true, g.schema().isRegression());
    assertEquals(
        "hyperplane-regression(attributes=10,drift-attributes=2,mag=0.0,noise=5,sigma=10,seed=1)",
        g.spec());
    assertThrows(
        IllegalArgumentException.class,
        () -> StreamSpecs.parse("hyperplane-regression(attributes=2,drift-attributes=3)", 1));
  }
}
