package org.coppice.bench;

import com.yahoo.labs.samoa.instances.Instance;
import java.util.List;
import moa.classifiers.Classifier;
import moa.core.Example;
import moa.core.Measurement;
import moa.evaluation.BasicRegressionPerformanceEvaluator;
import moa.options.ClassOption;

/** Test-then-train with a MOA regressor, called as a library. */
final class MoaRegressionRunner {
  private MoaRegressionRunner() {}

  /**
   * Runs a fresh MOA learner built from {@code cli} over the first {@code n} examples: prediction,
   * {@code addResult}, then train, for each example; only this loop is timed. The seed is set with
   * {@link Classifier#setRandomSeed}: MOA 2024.07's command line has no {@code -r} for these
   * classes.
   */
  static RegressionRun.Measured run(MoaData.Loaded data, int n, String cli, int seed) {
    Classifier learner;
    try {
      learner = (Classifier) ClassOption.cliStringToObject(cli, Classifier.class, null);
    } catch (Exception e) {
      throw new IllegalStateException("MOA could not build '" + cli + "'", e);
    }
    learner.setRandomSeed(seed);
    learner.setModelContext(data.header());
    learner.prepareForUse();
    learner.resetLearning();
    BasicRegressionPerformanceEvaluator evaluator = new BasicRegressionPerformanceEvaluator();
    List<Example<Instance>> examples = data.examples();
    Stopwatch watch = new Stopwatch();
    for (int i = 0; i < n; i++) {
      Example<Instance> example = examples.get(i);
      Instance inst = example.getData();
      double[] prediction = learner.getVotesForInstance(inst);
      evaluator.addResult(example, prediction);
      learner.trainOnInstance(inst);
    }
    Stopwatch.Elapsed elapsed = watch.stop();
    double rmse = Double.NaN;
    double mae = Double.NaN;
    double r2 = Double.NaN;
    for (Measurement m : evaluator.getPerformanceMeasurements()) {
      switch (m.getName()) {
        case "root mean squared error" -> rmse = m.getValue();
        case "mean absolute error" -> mae = m.getValue();
        case "coefficient of determination" -> r2 = m.getValue();
        default -> {}
      }
    }
    return new RegressionRun.Measured(rmse, mae, r2, elapsed);
  }
}
