package org.coppice.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.eval.PrequentialEvaluator;
import org.coppice.eval.PrequentialResult;
import org.coppice.io.DataSources;
import org.coppice.io.ReadOptions;
import org.coppice.learn.Classifier;
import org.coppice.learn.Learner;
import org.coppice.learn.Task;
import org.coppice.learn.registry.LearnerType;
import org.coppice.learn.registry.Learners;
import org.coppice.learn.registry.Settings;
import org.coppice.stream.InstanceStream;

/**
 * The Coppice side of the comparison: Coppice's ARFF reader, a classifier built through the
 * registry ({@link Learners#byName} and its settings; no learner is named by its class here), and
 * {@link PrequentialEvaluator}. Loaded by name from {@link CoppiceSide#load()}.
 */
final class CoppiceRunner implements CoppiceSide {
  /** Instances read by Coppice's reader. */
  record Loaded(Schema schema, Instance[] instances) implements Data {
    @Override
    public int size() {
      return instances.length;
    }

    @Override
    public double value(int row, int attribute) {
      Instance inst = instances[row];
      return attribute < inst.x.length ? inst.x[attribute] : inst.y;
    }
  }

  CoppiceRunner() {}

  @Override
  public Data load(Path arff, long limit) {
    List<Instance> list = new ArrayList<>();
    try (InstanceStream stream = DataSources.open(arff, ReadOptions.defaults())) {
      Instance buffer = stream.schema().newInstance();
      while (list.size() < limit && stream.next(buffer)) {
        list.add(buffer.copy());
      }
      return new Loaded(stream.schema(), list.toArray(new Instance[0]));
    }
  }

  @Override
  public String unavailable(String name, List<String> required) {
    LearnerType<?, ?> type = find(name);
    if (type == null) {
      return "Coppice's registry has no learner '" + name + "' in this build";
    }
    if (type.task() != Task.CLASSIFICATION) {
      return "Coppice's learner '" + name + "' is not a classifier";
    }
    for (String setting : required) {
      if (!type.hasParameter(setting)) {
        return "Coppice's learner '" + name + "' has no setting '" + setting + "'";
      }
    }
    return null;
  }

  @Override
  public boolean hasSetting(String name, String setting) {
    LearnerType<?, ?> type = find(name);
    return type != null && type.hasParameter(setting);
  }

  private static LearnerType<?, ?> find(String name) {
    for (LearnerType<?, ?> t : Learners.all()) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    return null;
  }

  @Override
  public RunResult.Measured run(Data data, int n, String name, Map<String, String> settings) {
    Loaded loaded = (Loaded) data;
    LearnerType<?, ?> type = Learners.byName(name);
    Learner learner = type.create(loaded.schema(), Settings.parse(type, settings));
    try {
      Fingerprinted classifier = new Fingerprinted((Classifier) learner);
      InMemoryStream stream = new InMemoryStream(loaded.schema(), loaded.instances(), n);
      Stopwatch watch = new Stopwatch();
      PrequentialResult result = new PrequentialEvaluator().run(classifier, stream);
      Stopwatch.Elapsed elapsed = watch.stop();
      if (result.instances() != n) {
        throw new IllegalStateException("evaluated " + result.instances() + " of " + n);
      }
      // Wall time as the evaluator measured it (its loop only); CPU and GC from the stopwatch.
      Stopwatch.Elapsed timed =
          new Stopwatch.Elapsed(
              result.seconds(), elapsed.threadCpu(), elapsed.processCpu(), elapsed.gc());
      return new RunResult.Measured(
          100 * result.accuracy(), 100 * result.kappa(), classifier.predictions, timed);
    } finally {
      learner.close();
    }
  }

  /**
   * Passes blocks through to the learner and adds each instance's predicted class (the first argmax
   * of its votes, as the evaluator scores it) to a {@link Predictions} fingerprint. Costs a pass
   * over the votes per block, outside the learner.
   */
  private static final class Fingerprinted implements Classifier {
    private final Classifier learner;
    long predictions = Predictions.EMPTY;

    Fingerprinted(Classifier learner) {
      this.learner = learner;
    }

    @Override
    public Schema schema() {
      return learner.schema();
    }

    @Override
    public void votes(double[] x, double[] votes) {
      throw new UnsupportedOperationException("the evaluator passes blocks");
    }

    @Override
    public void learn(double[] x, int y, double weight) {
      throw new UnsupportedOperationException("the evaluator passes blocks");
    }

    @Override
    public void testThenTrain(Instance[] batch, int n, double[][] votes) {
      learner.testThenTrain(batch, n, votes);
      for (int i = 0; i < n; i++) {
        predictions = Predictions.add(predictions, Classifier.argmax(votes[i]));
      }
    }
  }
}
