package org.coppice.learn.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.coppice.data.Instance;
import org.coppice.gen.StreamSpecs;
import org.coppice.stream.InstanceStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden values from MOA 2024.07: a default {@code meta.AdaptiveRandomForest} run test-then-train
 * over the first 20,000 instances of a MOA generator (MOA CLI string in the first column), counting
 * the instances whose vote argmax equals the label. Coppice's generators reproduce MOA's instances
 * exactly, so Coppice's forest must reproduce MOA's count exactly. Measured with moa-2024.07.0.jar
 * on Java 17 (a loop of getVotesForInstance, Utils.maxIndex, trainOnInstance).
 */
class MoaParityTest {
  @ParameterizedTest(name = "{0}, {2} trees")
  @CsvSource(
      delimiter = '|',
      value = {
        "generators.SEAGenerator | sea | 10 | 17756",
        "generators.SEAGenerator | sea | 100 | 17783",
        "generators.AgrawalGenerator | agrawal | 10 | 17032",
        "generators.RandomTreeGenerator | randomtree(tree-seed=1,instance-seed=1) | 10 | 17089",
        "generators.LEDGeneratorDrift -d 7 | led(drift-attributes=7) | 10 | 14439",
        "generators.RandomRBFGeneratorDrift -c 5 -s 0.001 -k 50"
            + " | rbf(classes=5,speed=0.001,drift-centroids=50,model-seed=1,instance-seed=1) | 10 | 13965",
        "generators.HyperplaneGenerator -k 10 -t 0.001 | hyperplane(drift-attributes=10,mag=0.001) | 10"
            + " | 16330",
      })
  void sameCorrectCountAsMoa(String moaStream, String spec, int trees, int moaCorrect) {
    InstanceStream stream = StreamSpecs.parse(spec, 1);
    try (AdaptiveRandomForest arf =
        new AdaptiveRandomForest(
            stream.schema(), ArfConfig.builder().ensembleSize(trees).threads(2).build())) {
      int block = 500;
      Instance[] batch = new Instance[block];
      for (int i = 0; i < block; i++) {
        batch[i] = stream.schema().newInstance();
      }
      double[][] votes = new double[block][stream.schema().numClasses()];
      int correct = 0;
      for (int done = 0; done < 20_000; done += block) {
        for (int i = 0; i < block; i++) {
          stream.next(batch[i]);
        }
        arf.testThenTrain(batch, block, votes);
        for (int i = 0; i < block; i++) {
          if (HoeffdingTree.argmax(votes[i], votes[i].length) == batch[i].y) {
            correct++;
          }
        }
      }
      assertEquals(moaCorrect, correct, moaStream);
    }
  }
}
