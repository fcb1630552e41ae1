package org.coppice.bench;

import java.util.Locale;

/**
 * One timed test-then-train run of a regressor.
 *
 * @param dataset the {@link RegressionStream#key()} of the data
 * @param system {@link RunResult#MOA} or {@link RunResult#COPPICE}
 * @param learner the {@link RegressionLearner#key()}
 * @param trees ensemble size (0 for a lone tree)
 * @param seed harness seed (the file's generator seed for synthetic data; the learner's seed for
 *     Electricity)
 * @param threads worker threads of the learner
 * @param instances instances tested and trained
 * @param rmse root mean squared error of the predictions made before learning
 * @param mae mean absolute error
 * @param r2 coefficient of determination against the prequential mean (MOA's definition)
 * @param seconds wall time of the test-then-train loop
 * @param processCpuSeconds CPU time of the whole JVM in that loop
 * @param gcSeconds garbage-collection time reported in that loop
 */
record RegressionRun(
    String dataset,
    String system,
    String learner,
    int trees,
    int seed,
    int threads,
    long instances,
    double rmse,
    double mae,
    double r2,
    double seconds,
    double processCpuSeconds,
    double gcSeconds)
    implements TimedRun {
  static final String CSV_HEADER =
      "dataset,system,learner,trees,seed,threads,instances,rmse,mae,r2,seconds,"
          + "instances_per_second,process_cpu_seconds,gc_seconds";

  /** What a runner measures: the three errors and the cost of the timed loop. */
  record Measured(double rmse, double mae, double r2, Stopwatch.Elapsed elapsed) {}

  String toCsv() {
    return String.format(
        Locale.ROOT,
        "%s,%s,%s,%d,%d,%d,%d,%.17g,%.17g,%.17g,%.4f,%.1f,%.4f,%.4f",
        dataset,
        system,
        learner,
        trees,
        seed,
        threads,
        instances,
        rmse,
        mae,
        r2,
        seconds,
        instancesPerSecond(),
        processCpuSeconds,
        gcSeconds);
  }
}
