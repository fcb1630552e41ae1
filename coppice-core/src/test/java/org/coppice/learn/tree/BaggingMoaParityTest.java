package org.coppice.learn.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.gen.StreamSpecs;
import org.coppice.learn.Classifier;
import org.coppice.stream.InstanceStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden values from MOA 2024.07: a default {@code meta.OzaBag} and {@code meta.LeveragingBag} (10
 * Hoeffding trees, seed 1 set with {@code setRandomSeed}) run test-then-train over the first 20,000
 * instances of a MOA generator (MOA CLI string in the second column), counting the instances whose
 * vote argmax ({@code Utils.maxIndex}) equals the label. Coppice's generators reproduce MOA's
 * instances exactly, so the counts must be equal. Measured with moa-2024.07.0.jar on Java 17 (a
 * loop of getVotesForInstance, Utils.maxIndex, trainOnInstance).
 */
class BaggingMoaParityTest {
  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "oza-bag | generators.SEAGenerator | sea | 17435",
        "oza-bag | generators.AgrawalGenerator | agrawal | 18685",
        "leveraging-bagging | generators.SEAGenerator | sea | 17678",
        "leveraging-bagging | generators.AgrawalGenerator | agrawal | 18431",
        // 1 and 112 change detections in MOA: the reset-the-worst-tree rule at work
        "leveraging-bagging | generators.HyperplaneGenerator -k 10 -t 0.001"
            + " | hyperplane(drift-attributes=10,mag=0.001) | 16992",
        "leveraging-bagging | generators.RandomRBFGeneratorDrift -c 5 -s 0.001 -k 50"
            + " | rbf(classes=5,speed=0.001,drift-centroids=50,model-seed=1,instance-seed=1) | 11072",
      })
  void sameCorrectCountAsMoa(String learner, String moaStream, String spec, int moaCorrect) {
    InstanceStream stream = StreamSpecs.parse(spec, 1);
    try (Classifier model = newLearner(learner, stream.schema())) {
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
        model.testThenTrain(batch, block, votes);
        for (int i = 0; i < block; i++) {
          if (HoeffdingTree.argmax(votes[i], votes[i].length) == batch[i].y) {
            correct++;
          }
        }
      }
      assertEquals(moaCorrect, correct, learner + " on " + moaStream);
    }
  }

  private static Classifier newLearner(String name, Schema schema) {
    return switch (name) {
      case "oza-bag" -> new OzaBag(schema, OzaBagConfig.defaults().withThreads(2));
      case "leveraging-bagging" ->
          new LeveragingBag(schema, LeveragingBagConfig.defaults().withThreads(2));
      default -> throw new IllegalArgumentException(name);
    };
  }
}
