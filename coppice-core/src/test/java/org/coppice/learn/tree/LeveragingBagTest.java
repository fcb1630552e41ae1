package org.coppice.learn.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.gen.StreamSpecs;
import org.coppice.stream.InstanceStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LeveragingBagTest {
  // A drifting stream on which MOA's leveraging bagging detects many changes (112 in 20,000).
  private static final String SPEC =
      "rbf(classes=5,speed=0.001,drift-centroids=50,model-seed=1,instance-seed=1)";
  private static Schema schema;
  private static List<Instance> stream;

  @BeforeAll
  static void load() {
    InstanceStream s = StreamSpecs.parse(SPEC, 1);
    schema = s.schema();
    stream = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      Instance inst = schema.newInstance();
      s.next(inst);
      stream.add(inst);
    }
  }

  private static LeveragingBagConfig config(int threads) {
    return LeveragingBagConfig.defaults().withThreads(threads);
  }

  private static double[][] prequentialVotes(LeveragingBag bag, int block) {
    double[][] all = new double[stream.size()][];
    Instance[] batch = new Instance[block];
    double[][] votes = new double[block][schema.numClasses()];
    for (int s = 0; s < stream.size(); s += block) {
      int n = Math.min(block, stream.size() - s);
      for (int i = 0; i < n; i++) {
        batch[i] = stream.get(s + i);
      }
      bag.testThenTrain(batch, n, votes);
      for (int i = 0; i < n; i++) {
        all[s + i] = votes[i].clone();
      }
    }
    return all;
  }

  @Test
  void blockTrainingOnAnyThreadCountEqualsAlternatingVotesAndLearn() {
    double[][] reference = new double[stream.size()][schema.numClasses()];
    long changes;
    long[] resets = new long[10];
    try (LeveragingBag bag = new LeveragingBag(schema, config(1))) {
      for (int t = 0; t < stream.size(); t++) {
        Instance inst = stream.get(t);
        bag.votes(inst.x, reference[t]);
        bag.learn(inst.x, inst.y, inst.weight);
      }
      changes = bag.changes();
      for (int i = 0; i < 10; i++) {
        resets[i] = bag.resets(i);
      }
    }
    assertTrue(changes > 0, "the stream must exercise the reset rule");
    int[][] runs = {{1, 500}, {2, 500}, {3, 256}, {2, 7}};
    for (int[] run : runs) {
      try (LeveragingBag bag = new LeveragingBag(schema, config(run[0]))) {
        double[][] votes = prequentialVotes(bag, run[1]);
        for (int t = 0; t < stream.size(); t++) {
          assertArrayEquals(reference[t], votes[t], "threads " + run[0] + ", instance " + t);
        }
        assertEquals(changes, bag.changes());
        for (int i = 0; i < 10; i++) {
          assertEquals(resets[i], bag.resets(i), "tree " + i);
        }
      }
    }
  }

  @Test
  void structureReportsTreesAndChanges() {
    try (LeveragingBag bag = new LeveragingBag(schema, config(2))) {
      prequentialVotes(bag, 500);
      Map<String, Object> s = LeveragingBagType.TYPE.structureOf(bag);
      assertEquals(10, s.get("trees"));
      assertEquals(4000L, s.get("instances_seen"));
      assertEquals(bag.changes(), s.get("changes"));
      assertTrue(((Long) s.get("nodes")) >= 10);
    }
  }
}
