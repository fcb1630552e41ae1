package org.coppice.learn.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.coppice.data.Instance;
import org.coppice.gen.StreamSpecs;
import org.coppice.learn.registry.LearnerType;
import org.coppice.learn.registry.Learners;
import org.coppice.learn.registry.Settings;
import org.coppice.stream.InstanceStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden values from MOA 2024.07: {@code meta.AdaptiveRandomForestRegressor} with the options in
 * the first column (its defaults otherwise) run test-then-train over the first n instances of a MOA
 * stream (second column), summing |y - p| and (y - p)² over the predictions made before each
 * instance is learned, and a hash of the bits of every prediction (h = 31 h + bits, from 17).
 * Measured with moa-2024.07.0.jar on Java 17 (a loop of getVotesForInstance and trainOnInstance,
 * the stream and the forest prepared with their defaults). Coppice's generators reproduce MOA's
 * instances exactly and {@code arf-regressor}, with the settings in the fourth column, does the
 * same arithmetic in the same order, so all three must agree to the bit, whatever the number of
 * threads (the rows use 1, 2 and 3).
 */
class ArfRegressorMoaParityTest {
  @ParameterizedTest(name = "MOA {0} | {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "-s 10 | generators.HyperplaneGeneratorForRegression | hyperplane-regression"
            + " | trees=10,threads=1 | 20000"
            + " | 0x1.be7961705b908p19 | 0x1.0c9ae6fceadd7p26 | -1103653258881973469",
        // drift: 17 drifts and 21 warnings in MOA
        "-s 10 | generators.HyperplaneGeneratorForRegression -k 10 -t 0.001"
            + " | hyperplane-regression(drift-attributes=10,mag=0.001) | trees=10,threads=3 | 20000"
            + " | 0x1.f2b73222540c9p19 | 0x1.4c09b31f5e92fp26 | 3683340851085056985",
        "-s 100 | generators.HyperplaneGeneratorForRegression -k 10 -t 0.001"
            + " | hyperplane-regression(drift-attributes=10,mag=0.001) | trees=100,threads=2 | 5000"
            + " | 0x1.dd8aeb57e46bbp17 | 0x1.1bfa797f4108ep24 | -8729215630322986677",
        "-s 10 | ConceptDriftStream -s (generators.HyperplaneGeneratorForRegression -a 5 -i 1)"
            + " -d (generators.HyperplaneGeneratorForRegression -a 5 -i 3) -p 8000 -w 500 -r 1"
            + " | drift(hyperplane-regression(attributes=5,seed=1),"
            + "hyperplane-regression(attributes=5,seed=3),position=8000,width=500,seed=1)"
            + " | trees=10,threads=3 | 20000"
            + " | 0x1.4cffef4c2a28ap18 | 0x1.775842f24ba5ep23 | 5485926527918527947",
        "-s 10 -q | generators.HyperplaneGeneratorForRegression -k 10 -t 0.001"
            + " | hyperplane-regression(drift-attributes=10,mag=0.001)"
            + " | trees=10,background=false,threads=1 | 20000"
            + " | 0x1.f99a62a35fb0ep19 | 0x1.53b401a50cd98p26 | 7433508060777526629",
        "-s 10 -u | generators.HyperplaneGeneratorForRegression -k 10 -t 0.001"
            + " | hyperplane-regression(drift-attributes=10,mag=0.001)"
            + " | trees=10,drift-detection=false,threads=3 | 20000"
            + " | 0x1.e88808703ff9p19 | 0x1.3f73ab9e66959p26 | 7612878580450016668",
        "-s 10 -m 30 -a 3 | generators.HyperplaneGeneratorForRegression -k 10 -t 0.01 -s 10"
            + " | hyperplane-regression(drift-attributes=10,mag=0.01,sigma=10)"
            + " | trees=10,max-features=30%,lambda=3,threads=2 | 20000"
            + " | 0x1.48fd632775076p21 | 0x1.2321a5ac96289p29 | -309767644237710481",
        "-s 10 -x (ADWINChangeDetector -a 0.01) -p (ADWINChangeDetector -a 0.1)"
            + " | generators.HyperplaneGeneratorForRegression -a 20 -k 5 -t 0.001 -i 7"
            + " | hyperplane-regression(attributes=20,drift-attributes=5,mag=0.001,seed=7)"
            + " | trees=10,drift-delta=0.01,warning-delta=0.1,threads=3 | 20000"
            + " | 0x1.416075958afd3p20 | 0x1.0f727be5667a5p27 | -8644743665561217901",
        // fast rotation: many drifts, and Page-Hinkley alternate trees inside the members
        "-s 10 -l (ARFFIMTDD -g 50 -c 0.01 -h 3)"
            + " | generators.HyperplaneGeneratorForRegression -k 10 -t 0.1 -s 1"
            + " | hyperplane-regression(drift-attributes=10,mag=0.1,sigma=1)"
            + " | trees=10,ph-threshold=3,threads=1 | 20000"
            + " | 0x1.9dd3c944d9c2ap25 | 0x1.cd8824eca67cp37 | 3249970753658456377",
      })
  void sameErrorsAsMoa(
      String moaOptions,
      String moaStream,
      String spec,
      String settings,
      int n,
      String sumAbs,
      String sumSq,
      long predictionHash) {
    InstanceStream stream = StreamSpecs.parse(spec, 1);
    Map<String, String> given = new LinkedHashMap<>();
    for (String kv : settings.split(",")) {
      String[] p = kv.split("=");
      given.put(p[0], p[1]);
    }
    LearnerType<?, ?> type = Learners.byName("arf-regressor");
    try (AdaptiveRandomForestRegressor forest =
        (AdaptiveRandomForestRegressor) type.create(stream.schema(), Settings.parse(type, given))) {
      Errors r = run(forest, stream, n, 500);
      assertEquals(Double.parseDouble(sumAbs), r.sumAbs(), "sum of absolute errors");
      assertEquals(Double.parseDouble(sumSq), r.sumSq(), "sum of squared errors");
      assertEquals(predictionHash, r.hash(), "hash of the predictions");
    }
  }

  /** Sums of the absolute and squared errors, and the hash of the predictions' bits. */
  record Errors(double sumAbs, double sumSq, long hash) {}

  /** Test-then-train over the first {@code n} instances of {@code stream}, in blocks. */
  static Errors run(AdaptiveRandomForestRegressor forest, InstanceStream stream, int n, int block) {
    Instance[] batch = new Instance[block];
    for (int i = 0; i < block; i++) {
      batch[i] = stream.schema().newInstance();
    }
    double[] predictions = new double[block];
    double sumAbs = 0;
    double sumSq = 0;
    long hash = 17;
    for (int done = 0; done < n; done += block) {
      int m = Math.min(block, n - done);
      for (int i = 0; i < m; i++) {
        stream.next(batch[i]);
      }
      forest.testThenTrain(batch, m, predictions);
      for (int i = 0; i < m; i++) {
        double p = predictions[i];
        hash = hash * 31 + Double.doubleToLongBits(p);
        double e = batch[i].target - p;
        sumAbs += Math.abs(e);
        sumSq += e * e;
      }
    }
    return new Errors(sumAbs, sumSq, hash);
  }
}
