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
import org.coppice.learn.Learner;
import org.coppice.learn.Regressor;
import org.coppice.learn.Task;
import org.coppice.learn.registry.LearnerType;
import org.coppice.learn.registry.Learners;
import org.coppice.learn.registry.Settings;
import org.coppice.stream.InstanceStream;

/**
 * The Coppice side of the regression comparison: Coppice's ARFF reader (the last column as a
 * numeric target), a regressor from the registry, and {@link PrequentialEvaluator}.
 */
final class CoppiceRegressionRunner {
  /** Instances read by Coppice's reader. */
  record Loaded(Schema schema, Instance[] instances) implements Rows {
    @Override
    public int size() {
      return instances.length;
    }

    @Override
    public double value(int row, int attribute) {
      Instance inst = instances[row];
      return attribute < inst.x.length ? inst.x[attribute] : inst.target;
    }
  }

  private CoppiceRegressionRunner() {}

  /** Reads at most {@code limit} instances of a plain ARFF file whose last column is numeric. */
  static Loaded load(Path arff, long limit) {
    List<Instance> list = new ArrayList<>();
    ReadOptions options = ReadOptions.builder().task(Task.REGRESSION).build();
    try (InstanceStream stream = DataSources.open(arff, options)) {
      Instance buffer = stream.schema().newInstance();
      while (list.size() < limit && stream.next(buffer)) {
        list.add(buffer.copy());
      }
      return new Loaded(stream.schema(), list.toArray(new Instance[0]));
    }
  }

  /**
   * Runs a fresh learner {@code name} with {@code settings} (the rest at their defaults)
   * prequentially over the first {@code n} instances; only the test-then-train loop is timed.
   */
  static RegressionRun.Measured run(Loaded data, int n, String name, Map<String, String> settings) {
    LearnerType<?, ?> type = Learners.byName(name);
    Learner learner = type.create(data.schema(), Settings.parse(type, settings));
    try {
      InMemoryStream stream = new InMemoryStream(data.schema(), data.instances(), n);
      Stopwatch watch = new Stopwatch();
      PrequentialResult result = new PrequentialEvaluator().run((Regressor) learner, stream);
      Stopwatch.Elapsed elapsed = watch.stop();
      if (result.instances() != n) {
        throw new IllegalStateException("evaluated " + result.instances() + " of " + n);
      }
      Stopwatch.Elapsed timed =
          new Stopwatch.Elapsed(
              result.seconds(), elapsed.threadCpu(), elapsed.processCpu(), elapsed.gc());
      return new RegressionRun.Measured(result.rmse(), result.mae(), result.r2(), timed);
    } finally {
      learner.close();
    }
  }
}
