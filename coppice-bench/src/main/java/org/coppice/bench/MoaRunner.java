package org.coppice.bench;

import com.yahoo.labs.samoa.instances.Instance;
import java.util.List;
import moa.classifiers.Classifier;
import moa.core.Example;
import moa.core.Measurement;
import moa.core.Utils;
import moa.evaluation.BasicClassificationPerformanceEvaluator;
import moa.options.ClassOption;

/** Test-then-train with a MOA classifier, called as a library. */
final class MoaRunner {
  private MoaRunner() {}

  /**
   * Runs a fresh MOA learner built from {@code cli} over the first {@code n} examples: votes,
   * {@code addResult}, then train, for each example. Only this loop is timed.
   *
   * @param seed set with {@link Classifier#setRandomSeed}, which stores it in the learner's {@code
   *     randomSeedOption} where it has one ({@code -r}, which MOA 2024.07's command line does not
   *     accept); a learner that is not randomizable ignores it
   */
  static RunResult.Measured run(MoaData.Loaded data, int n, String cli, int seed) {
    Classifier learner = newLearner(cli);
    learner.setRandomSeed(seed);
    learner.setModelContext(data.header());
    learner.prepareForUse();
    learner.resetLearning();
    BasicClassificationPerformanceEvaluator evaluator =
        new BasicClassificationPerformanceEvaluator();
    List<Example<Instance>> examples = data.examples();
    long predictions = Predictions.EMPTY;
    Stopwatch watch = new Stopwatch();
    for (int i = 0; i < n; i++) {
      Example<Instance> example = examples.get(i);
      Instance inst = example.getData();
      double[] votes = learner.getVotesForInstance(inst);
      evaluator.addResult(example, votes);
      // The class the evaluator scores (its own maxIndex of the same votes).
      predictions = Predictions.add(predictions, Utils.maxIndex(votes));
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
    return new RunResult.Measured(accuracy, kappa, predictions, elapsed);
  }

  /** Whether MOA's learner {@code cli} uses its random seed. */
  static boolean randomizable(String cli) {
    return newLearner(cli).isRandomizable();
  }

  /** A MOA classifier from its command-line string, options not yet prepared. */
  static Classifier newLearner(String cli) {
    try {
      return (Classifier) ClassOption.cliStringToObject(cli, Classifier.class, null);
    } catch (Exception e) {
      throw new IllegalStateException("MOA could not build '" + cli + "'", e);
    }
  }
}
