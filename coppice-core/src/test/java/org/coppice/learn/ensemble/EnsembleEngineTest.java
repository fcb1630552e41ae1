package org.coppice.learn.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.coppice.data.Instance;
import org.coppice.drift.AdwinChangeDetector;
import org.coppice.state.StateReader;
import org.coppice.state.StateWriter;
import org.coppice.state.internal.ByteArrayStateReader;
import org.coppice.state.internal.ByteArrayStateWriter;
import org.coppice.util.JavaRandom;
import org.junit.jupiter.api.Test;

/**
 * The engine with a regression learner of its own, built the way an ARF regressor would be (width
 * 1, mean of the members, detectors fed the prediction after learning, as MOA's {@code
 * AdaptiveRandomForestRegressor}): determinism for any thread count and block size, drift handling,
 * and the state codec.
 */
class EnsembleEngineTest {
  /** A member learner: the running weighted mean of the targets it learned (0 before any). */
  static final class MeanLearner implements BaseLearner<MeanLearner> {
    double weight;
    double sum;

    @Override
    public void output(double[] x, double[] out) {
      out[0] = weight > 0 ? sum / weight : 0.0;
    }

    @Override
    public void learn(double[] x, double target, double w) {
      weight += w;
      sum += w * target;
    }

    @Override
    public void reset() {
      weight = 0;
      sum = 0;
    }

    @Override
    public MeanLearner emptyCopy() {
      return new MeanLearner();
    }
  }

  /** Regression rules in the manner of MOA's ARF regressor. */
  static final class MeanRules implements OutputRules {
    @Override
    public int width() {
      return 1;
    }

    @Override
    public double target(Instance instance) {
      return instance.target;
    }

    @Override
    public boolean trainable(double target, double weight) {
      return !Double.isNaN(target) && weight > 0;
    }

    @Override
    public void checkTarget(double target) {
      if (Double.isInfinite(target)) {
        throw new IllegalArgumentException("infinite target");
      }
    }

    @Override
    public double score(double[] output, double target, double weight) {
      double e = target - output[0];
      return e * e;
    }

    @Override
    public void share(double[] output, double performance, long results, double[] out, int from) {
      out[from] = output[0];
    }

    @Override
    public double detectorInput(double[] output, double target) {
      return output[0];
    }
  }

  private static final LearnerCodec<MeanLearner> MEANS =
      new LearnerCodec<>() {
        @Override
        public void write(MeanLearner learner, StateWriter w, boolean frozen) {
          w.writeDouble(learner.weight);
          w.writeDouble(learner.sum);
        }

        @Override
        public MeanLearner read(StateReader r, boolean frozen, MeanLearner like) {
          MeanLearner m = new MeanLearner();
          m.weight = r.readDouble();
          m.sum = r.readDouble();
          return m;
        }
      };

  /** Targets around 0, then around 1 from instance 1500 on; every 50th unlabelled. */
  private static List<Instance> stream() {
    JavaRandom r = new JavaRandom(3);
    List<Instance> out = new ArrayList<>();
    for (int t = 0; t < 3000; t++) {
      double target = t % 50 == 49 ? Double.NaN : (t < 1500 ? 0 : 1) + 0.1 * r.nextGaussian();
      out.add(Instance.regression(new double[] {r.nextDouble()}, target, 1.0));
    }
    return out;
  }

  private static EnsembleEngine<MeanLearner> engine(int threads) {
    EnsembleSettings s =
        new EnsembleSettings(
            7,
            6.0,
            11,
            threads,
            () -> new AdwinChangeDetector(0.001),
            () -> new AdwinChangeDetector(0.01));
    return new EnsembleEngine<>(s, new MeanRules(), i -> new MeanLearner());
  }

  /** Mean predictions of a test-then-train run in blocks of {@code block}. */
  private static double[] run(EnsembleEngine<MeanLearner> e, List<Instance> data, int block) {
    double[] predictions = new double[data.size()];
    Instance[] batch = new Instance[block];
    double[] sum = new double[1];
    for (int s = 0; s < data.size(); s += block) {
      int n = Math.min(block, data.size() - s);
      for (int i = 0; i < n; i++) {
        batch[i] = data.get(s + i);
      }
      e.testThenTrain(batch, n);
      for (int i = 0; i < n; i++) {
        e.combined(i, sum, 0);
        predictions[s + i] = sum[0] / e.size();
      }
    }
    return predictions;
  }

  @Test
  void sameResultsForAnyThreadCountAndBlockSizeAndForLearnAlone() {
    List<Instance> data = stream();
    double[] reference;
    try (EnsembleEngine<MeanLearner> e = engine(1)) {
      reference = run(e, data, 1);
    }
    for (int threads : new int[] {1, 2, 3}) {
      for (int block : new int[] {7, 128, 3000}) {
        try (EnsembleEngine<MeanLearner> e = engine(threads)) {
          assertArrayEquals(reference, run(e, data, block), threads + " threads, block " + block);
        }
      }
    }
    // predict + learn, one instance at a time
    try (EnsembleEngine<MeanLearner> e = engine(1)) {
      double[] sum = new double[1];
      for (int t = 0; t < data.size(); t++) {
        Instance inst = data.get(t);
        e.predict(inst.x, sum, 0);
        assertEquals(reference[t], sum[0] / e.size(), 0.0, "instance " + t);
        e.learn(inst.x, inst.target, inst.weight);
      }
      assertEquals(data.size() - data.size() / 50, e.instancesSeen());
    }
  }

  @Test
  void aRiseInThePredictionsWarnsGrowsABackgroundLearnerAndSwapsItIn() {
    try (EnsembleEngine<MeanLearner> e = engine(2)) {
      double[] predictions = run(e, stream(), 100);
      long drifts = 0;
      long warnings = 0;
      for (int i = 0; i < e.size(); i++) {
        EnsembleMember<MeanLearner> m = e.member(i);
        drifts += m.drifts();
        warnings += m.warnings();
        if (m.drifts() > 0) {
          assertTrue(m.lastDriftOn() > 1400, "drift at " + m.lastDriftOn());
          assertTrue(m.createdOn() > 1400, "the foreground started before the change");
        }
        assertNotNull(m.driftDetector());
        assertNotNull(m.warningDetector());
      }
      assertTrue(drifts > 0 && warnings >= drifts, "drifts " + drifts + ", warnings " + warnings);
      // A swapped-in learner forgot the old concept: the last predictions are near 1.
      assertEquals(1.0, predictions[predictions.length - 1], 0.1);
    }
  }

  @Test
  void noBackgroundLearnersWithoutAWarningFactoryAndNoDetectorsWithoutADriftFactory() {
    EnsembleSettings noWarning =
        new EnsembleSettings(3, 6.0, 1, 1, () -> new AdwinChangeDetector(0.001), null);
    EnsembleSettings noDrift =
        new EnsembleSettings(3, 6.0, 1, 1, null, () -> new AdwinChangeDetector(0.01));
    assertTrue(noWarning.driftDetection() && !noWarning.backgroundLearners());
    assertTrue(!noDrift.driftDetection() && !noDrift.backgroundLearners());
    try (EnsembleEngine<MeanLearner> e =
        new EnsembleEngine<>(noDrift, new MeanRules(), i -> new MeanLearner())) {
      run(e, stream(), 64);
      for (int i = 0; i < e.size(); i++) {
        assertNull(e.member(i).driftDetector());
        assertNull(e.member(i).background());
        assertEquals(0, e.member(i).drifts());
      }
    }
  }

  @Test
  void rejectsABadTargetBeforeChangingAnything() {
    try (EnsembleEngine<MeanLearner> e = engine(1)) {
      EnsembleEngine.State before = e.state();
      assertThrows(
          IllegalArgumentException.class,
          () -> e.learn(new double[] {0}, Double.POSITIVE_INFINITY, 1));
      assertEquals(before, e.state());
      assertEquals(0, e.instancesSeen());
    }
  }

  @Test
  void savedStateContinuesExactly() {
    List<Instance> data = stream();
    List<Instance> first = data.subList(0, 1700);
    List<Instance> rest = data.subList(1700, data.size());
    try (EnsembleEngine<MeanLearner> oneGo = engine(1);
        EnsembleEngine<MeanLearner> resumed = engine(1)) {
      run(oneGo, first, 50);
      ByteArrayStateWriter w = new ByteArrayStateWriter();
      EnsembleCodec.writeState(oneGo.state(), w);
      for (int i = 0; i < oneGo.size(); i++) {
        EnsembleCodec.writeMember(oneGo.member(i), w, false, MEANS, DetectorCodec.adwin());
      }
      ByteArrayStateReader r = new ByteArrayStateReader(w.toByteArray());
      resumed.restore(EnsembleCodec.readState(r));
      for (int i = 0; i < resumed.size(); i++) {
        EnsembleCodec.readMember(resumed.member(i), r, false, MEANS, DetectorCodec.adwin());
      }
      r.finish();
      assertArrayEquals(run(oneGo, rest, 50), run(resumed, rest, 50));
      assertEquals(oneGo.state(), resumed.state());
    }
  }
}
