package org.coppice.learn.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.junit.jupiter.api.Test;

class OzaBagTest {
  private static final Schema SCHEMA = TestData.numericSchema(10, 2);
  private static final List<Instance> STREAM = TestData.diagonal(7, 6000, 10, 3000, 0.05);

  private static OzaBagConfig config(int trees, int threads) {
    return new OzaBagConfig(trees, 1, threads, HoeffdingTreeConfig.builder().build());
  }

  private static double[][] prequentialVotes(OzaBagConfig cfg, int block) {
    try (OzaBag bag = new OzaBag(SCHEMA, cfg)) {
      double[][] all = new double[STREAM.size()][];
      Instance[] batch = new Instance[block];
      double[][] votes = new double[block][2];
      for (int s = 0; s < STREAM.size(); s += block) {
        int n = Math.min(block, STREAM.size() - s);
        for (int i = 0; i < n; i++) {
          batch[i] = STREAM.get(s + i);
        }
        bag.testThenTrain(batch, n, votes);
        for (int i = 0; i < n; i++) {
          all[s + i] = votes[i].clone();
        }
      }
      return all;
    }
  }

  @Test
  void identicalVotesForAnyThreadCountAndBlockSize() {
    double[][] reference = prequentialVotes(config(9, 1), 256);
    for (double[][] other :
        List.of(
            prequentialVotes(config(9, 2), 256),
            prequentialVotes(config(9, 3), 256),
            prequentialVotes(config(9, 2), 7))) {
      for (int t = 0; t < reference.length; t++) {
        assertArrayEquals(reference[t], other[t], "instance " + t);
      }
    }
  }

  @Test
  void blockTrainingEqualsAlternatingVotesAndLearn() {
    double[][] reference = prequentialVotes(config(6, 2), 100);
    try (OzaBag bag = new OzaBag(SCHEMA, config(6, 1))) {
      double[] v = new double[2];
      for (int t = 0; t < STREAM.size(); t++) {
        Instance inst = STREAM.get(t);
        bag.votes(inst.x, v);
        assertArrayEquals(reference[t], v, "instance " + t);
        bag.learn(inst.x, inst.y, inst.weight);
      }
    }
  }

  @Test
  void votesSumToTheNumberOfTreesThatVote() {
    try (OzaBag bag = new OzaBag(SCHEMA, config(5, 1))) {
      double[] v = new double[2];
      bag.votes(STREAM.get(0).x, v);
      assertArrayEquals(new double[2], v);
      for (int t = 0; t < 500; t++) {
        Instance inst = STREAM.get(t);
        bag.learn(inst.x, inst.y, inst.weight);
      }
      bag.votes(STREAM.get(0).x, v);
      assertEquals(5.0, v[0] + v[1], 1e-9);
      Map<String, Object> s = OzaBagType.TYPE.structureOf(bag);
      assertEquals(5, s.get("trees"));
      assertEquals(500L, s.get("instances_seen"));
      assertTrue(((Long) s.get("nodes")) >= 5);
    }
  }
}
