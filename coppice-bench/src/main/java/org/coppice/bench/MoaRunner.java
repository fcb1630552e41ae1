package org.coppice.bench;

import com.yahoo.labs.samoa.instances.Instance;
import java.util.List;
import moa.classifiers.Classifier;
import moa.core.Example;
import moa.core.Measurement;
import moa.evaluation.BasicClassificationPerformanceEvaluator;
import moa.options.ClassOption;

/** Test-then-train with MOA's AdaptiveRandomForest, called as a library. */
final class MoaRunner {
  private MoaRunner() {}

  /**
   * The learner's MOA command-line string: all options default except these. The seed is not in it:
   * MOA 2024.07's command line rejects {@code -r} for this class (its {@code randomSeedOption} is a
   * protected field, which MOA's option discovery does not see), so the seed is set with {@link
   * Classifier#setRandomSeed}, which stores it in that same option.
   */
  static String learnerCli(int trees) {
    return "meta.AdaptiveRandomForest -s " + trees + " -j 1";
  }

  /**
   * Runs a fresh ARF over the first {@code n} examples: votes, {@code addResult}, then train, for
   * each example. Only this loop is timed.
   */
  static RunResult.Measured run(MoaData.Loaded data, int n, int trees, int seed) {
    Classifier learner = newLearner(data, trees, seed);
    BasicClassificationPerformanceEvaluator evaluator =
        new BasicClassificationPerformanceEvaluator();
    List<Example<Instance>> examples = data.examples();
    Stopwatch watch = new Stopwatch();
    for (int i = 0; i < n; i++) {
      Example<Instance> example = examples.get(i);
      Instance inst = example.getData();
      double[] votes = learner.getVotesForInstance(inst);
      evaluator.addResult(example, votes);
      learner.trainOnInstance(inst);
    }
    Stopwatch.Elapsed elapsed = watch.stop();
    double accuracy = Double.NaN;
    double kappa = Double.NaN;
    for (Measurement m : evaluator.getPerformanceMeasurements()) {
      if (m.getName().equals("classifications correct (percent)")) {
        accuracy = m.getValue();
      } else if (m.getName().equals("Kappa Statistic (percent)")) {
        kappa = m.getValue();
      }
    }
    return new RunResult.Measured(accuracy, kappa, elapsed);
  }

  private static Classifier newLearner(MoaData.Loaded data, int trees, int seed) {
    String cli = learnerCli(trees);
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
    return learner;
  }
}
