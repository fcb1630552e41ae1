package org.coppice.learn.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.coppice.data.Instance;
import org.coppice.gen.StreamSpecs;
import org.coppice.stream.InstanceStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden values from MOA 2024.07: {@code trees.FIMTDD} (options in the second column, defaults when
 * empty) run test-then-train over the first 20,000 instances of {@code
 * HyperplaneGeneratorForRegression} (options in the first column), summing |y - p| and (y - p)²
 * over the predictions made before each instance is learned, and a hash of the bits of every
 * prediction (h = 31 h + bits, from 17). Measured with moa-2024.07.0.jar on Java 17 (a loop of
 * getVotesForInstance and trainOnInstance, the generator and tree prepared with their defaults).
 * Coppice's generator reproduces MOA's instances exactly and its tree does the same arithmetic in
 * the same order, so all three must agree to the bit.
 */
class FimtddMoaParityTest {
  @ParameterizedTest(name = "{0} | {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        " | | hyperplane-regression | 0x1.a90d97d498a6ep17 | 0x1.e71aea3bd681ap22"
            + " | -3472583648705462958",
        "-k 10 -t 0.001 | | hyperplane-regression(drift-attributes=10,mag=0.001)"
            + " | 0x1.334ade45de829p18 | 0x1.6be52057eaeb3p23 | 2498428548478064470",
        "-k 10 -t 0.01 -s 10 | | hyperplane-regression(drift-attributes=10,mag=0.01,sigma=10)"
            + " | 0x1.3cba6fa04be87p21 | 0x1.0b08ef9b2ac91p29 | -1810003268854929681",
        "-a 20 -k 5 -t 0.001 -i 7 | | hyperplane-regression(attributes=20,drift-attributes=5,"
            + "mag=0.001,seed=7) | 0x1.564edd796c4cep18 | 0x1.6026a4d892c5fp24"
            + " | 5384207973450682160",
        "-k 10 -t 0.001 | -e | hyperplane-regression(drift-attributes=10,mag=0.001)"
            + " | 0x1.c91d9d7f4e036p19 | 0x1.1db2f738e2666p26 | 3127697770042403960",
        // fast rotation: Page-Hinkley fires, alternate trees are grown, replace subtrees and are
        // dropped (with -h 3 many times over)
        "-k 10 -t 0.1 -s 1 | | hyperplane-regression(drift-attributes=10,mag=0.1,sigma=1)"
            + " | 0x1.e7afc99bfc4a7p25 | 0x1.39c589868e0dp38 | 4656366965245370051",
        "-k 10 -t 0.1 -s 1 | -h 3 | hyperplane-regression(drift-attributes=10,mag=0.1,sigma=1)"
            + " | 0x1.a3f38b24cb72ep25 | 0x1.cdd070a2e3b55p37 | 6026996439727870952",
        "-k 10 -t 0.1 -s 1 | -h 3 -e | hyperplane-regression(drift-attributes=10,mag=0.1,sigma=1)"
            + " | 0x1.0968b3e3a9931p26 | 0x1.76c486e2d6972p38 | -5221626902268630798",
        "ConceptDriftStream -s (generators.HyperplaneGeneratorForRegression -a 5 -i 1)"
            + " -d (generators.HyperplaneGeneratorForRegression -a 5 -i 3) -p 8000 -w 500 -r 1 |"
            + " | drift(hyperplane-regression(attributes=5,seed=1),"
            + "hyperplane-regression(attributes=5,seed=3),position=8000,width=500,seed=1)"
            + " | 0x1.ab045dab26262p17 | 0x1.8b0d28bcf7fcp22 | -6118429957229297396",
      })
  void sameErrorsAsMoa(
      String moaStream,
      String moaOptions,
      String spec,
      String sumAbs,
      String sumSq,
      long predictionHash) {
    InstanceStream stream = StreamSpecs.parse(spec, 1);
    RegressionTreeConfig.Builder b = RegressionTreeConfig.builder();
    String[] options = moaOptions == null ? new String[0] : moaOptions.trim().split(" +");
    for (int i = 0; i < options.length; i++) {
      switch (options[i]) {
        case "-e" -> b.perceptronLeaves(false);
        case "-h" -> b.phThreshold(Integer.parseInt(options[++i]));
        default -> throw new IllegalArgumentException(options[i]);
      }
    }
    RegressionTreeConfig config = b.build();
    RegressionTree tree = new RegressionTree(stream.schema(), config);
    Errors r = run(tree, stream, 20_000);
    assertEquals(Double.parseDouble(sumAbs), r.sumAbs(), "sum of absolute errors");
    assertEquals(Double.parseDouble(sumSq), r.sumSq(), "sum of squared errors");
    assertEquals(predictionHash, r.hash(), "hash of the predictions");
  }

  /**
   * MOA's {@code trees.ARFFIMTDD} (mean leaves, a random subspace of {@code -k} attributes per
   * leaf) measured the same way; Coppice's tree with the same subspace size must agree to the bit.
   */
  @ParameterizedTest(name = "ARFFIMTDD {1} | {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        " | -k 3 | hyperplane-regression | 0x1.a150c27d12151p19 | 0x1.f7a7f0d1dd08cp25"
            + " | -7635598794378626798",
        "-k 10 -t 0.1 -s 1 | -k 4 -h 3 | hyperplane-regression(drift-attributes=10,mag=0.1,"
            + "sigma=1) | 0x1.110aae670f3cep26 | 0x1.8a5009311e04p38 | -7339142517650645568",
        "-k 10 -t 0.001 | -k 5 -g 50 -c 0.01 | hyperplane-regression(drift-attributes=10,"
            + "mag=0.001) | 0x1.c6e1d7d054013p19 | 0x1.75e950d24fc32p26 | 6483394689463975737",
      })
  void arfMemberSameErrorsAsMoa(
      String moaStream,
      String moaOptions,
      String spec,
      String sumAbs,
      String sumSq,
      long predictionHash) {
    InstanceStream stream = StreamSpecs.parse(spec, 1);
    RegressionTreeConfig.Builder b = RegressionTreeConfig.builder().perceptronLeaves(false);
    int subspace = 0;
    String[] options = moaOptions.trim().split(" +");
    for (int i = 0; i < options.length; i++) {
      String v = options[++i];
      switch (options[i - 1]) {
        case "-k" -> subspace = Integer.parseInt(v);
        case "-h" -> b.phThreshold(Integer.parseInt(v));
        case "-g" -> b.gracePeriod(Integer.parseInt(v));
        case "-c" -> b.splitConfidence(Double.parseDouble(v));
        default -> throw new IllegalArgumentException(options[i - 1]);
      }
    }
    RegressionTree tree = new RegressionTree(stream.schema(), b.build(), subspace);
    Errors r = run(tree, stream, 20_000);
    assertEquals(Double.parseDouble(sumAbs), r.sumAbs(), "sum of absolute errors");
    assertEquals(Double.parseDouble(sumSq), r.sumSq(), "sum of squared errors");
    assertEquals(predictionHash, r.hash(), "hash of the predictions");
  }

  /** Sums of the absolute and squared errors, and the hash of the predictions' bits. */
  record Errors(double sumAbs, double sumSq, long hash) {}

  /** Test-then-train over the first {@code n} instances of {@code stream}. */
  static Errors run(RegressionTree tree, InstanceStream stream, int n) {
    Instance inst = stream.schema().newInstance();
    double sumAbs = 0;
    double sumSq = 0;
    long hash = 17;
    for (int i = 0; i < n; i++) {
      stream.next(inst);
      double p = tree.predict(inst.x);
      hash = hash * 31 + Double.doubleToLongBits(p);
      double e = inst.target - p;
      sumAbs += Math.abs(e);
      sumSq += e * e;
      tree.learn(inst.x, inst.target, inst.weight);
    }
    return new Errors(sumAbs, sumSq, hash);
  }
}
