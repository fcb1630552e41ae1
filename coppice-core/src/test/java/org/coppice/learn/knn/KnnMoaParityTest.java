package org.coppice.learn.knn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.coppice.data.Instance;
import org.coppice.gen.StreamSpecs;
import org.coppice.learn.Classifier;
import org.coppice.stream.InstanceStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden values from MOA 2024.07: a default {@code lazy.kNN} (k 10, window 1000, linear search) run
 * test-then-train over the first 20,000 instances of a MOA generator with instance seed 1, counting
 * the instances whose vote argmax equals the label (a loop of getVotesForInstance, Utils.maxIndex,
 * trainOnInstance with moa-2024.07.0.jar on Java 17). Coppice's generators reproduce MOA's
 * instances exactly and its distance, neighbour set and vote are MOA's, so the counts must match
 * exactly.
 */
class KnnMoaParityTest {
  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "generators.SEAGenerator | sea | 17339",
        "generators.AgrawalGenerator | agrawal | 12896",
      })
  void sameCorrectCountAsMoa(String moaStream, String spec, int moaCorrect) {
    InstanceStream stream = StreamSpecs.parse(spec, 1);
    Knn knn = new Knn(stream.schema(), KnnConfig.DEFAULTS);
    Instance inst = stream.schema().newInstance();
    double[] votes = new double[stream.schema().numClasses()];
    int correct = 0;
    for (int i = 0; i < 20_000; i++) {
      stream.next(inst);
      knn.votes(inst.x, votes);
      if (Classifier.argmax(votes) == inst.y) {
        correct++;
      }
      knn.learn(inst.x, inst.y, inst.weight);
    }
    assertEquals(moaCorrect, correct, moaStream);
  }
}
