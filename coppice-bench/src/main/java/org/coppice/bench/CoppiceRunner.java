package org.coppice.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.eval.PrequentialEvaluator;
import org.coppice.eval.PrequentialResult;
import org.coppice.io.DataSources;
import org.coppice.io.ReadOptions;
import org.coppice.learn.tree.AdaptiveRandomForest;
import org.coppice.learn.tree.ArfConfig;
import org.coppice.stream.InstanceStream;

/**
 * The Coppice side of the comparison: Coppice's ARFF reader, {@link AdaptiveRandomForest} with
 * {@link ArfConfig} defaults, and {@link PrequentialEvaluator}. Loaded by name from {@link
 * CoppiceSide#load()}.
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
  public RunResult.Measured run(Data data, int n, int trees, int seed, int threads) {
    Loaded loaded = (Loaded) data;
    ArfConfig config = ArfConfig.builder().ensembleSize(trees).seed(seed).threads(threads).build();
    try (AdaptiveRandomForest forest = new AdaptiveRandomForest(loaded.schema(), config)) {
      InMemoryStream stream = new InMemoryStream(loaded.schema(), loaded.instances(), n);
      Stopwatch watch = new Stopwatch();
      PrequentialResult result = new PrequentialEvaluator().run(forest, stream);
      Stopwatch.Elapsed elapsed = watch.stop();
      if (result.instances() != n) {
        throw new IllegalStateException("evaluated " + result.instances() + " of " + n);
      }
      // Wall time as the evaluator measured it (its loop only); CPU and GC from the stopwatch.
      Stopwatch.Elapsed timed =
          new Stopwatch.Elapsed(
              result.seconds(), elapsed.threadCpu(), elapsed.processCpu(), elapsed.gc());
      return new RunResult.Measured(100 * result.accuracy(), 100 * result.kappa(), timed);
    }
  }
}
