package org.coppice.bench;

import java.util.Locale;

/**
 * One timed test-then-train run of a classifier.
 *
 * @param dataset the {@link StreamSpec#key()} of the data
 * @param system {@link #MOA} or {@link #COPPICE}
 * @param learner the {@link ClassifierPair#key()}
 * @param trees ensemble size (0 for a learner that is not an ensemble)
 * @param seed harness seed (the file's generator seed for synthetic data; the learner's seed for
 *     Electricity)
 * @param threads worker threads of the learner
 * @param instances instances tested and trained
 * @param accuracy accuracy in percent
 * @param kappa Cohen's kappa in percent
 * @param predictions the {@link Predictions} fingerprint of the predicted classes
 * @param seconds wall time of the test-then-train loop
 * @param cpuSeconds CPU time of the calling thread in that loop; NaN for a multi-threaded learner
 * @param processCpuSeconds CPU time of the whole JVM in that loop (workers, GC and JIT included)
 * @param gcSeconds collection time the JVM's garbage collectors reported in that loop
 */
record RunResult(
    String dataset,
    String system,
    String learner,
    int trees,
    int seed,
    int threads,
    long instances,
    double accuracy,
    double kappa,
    long predictions,
    double seconds,
    double cpuSeconds,
    double processCpuSeconds,
    double gcSeconds)
    implements TimedRun {
  static final String MOA = "moa";
  static final String COPPICE = "coppice";

  static final String CSV_HEADER =
      "dataset,system,learner,trees,seed,threads,instances,accuracy_pct,kappa_pct,predictions,"
          + "seconds,instances_per_second,thread_cpu_seconds,process_cpu_seconds,gc_seconds";

  /**
   * What a runner measures: accuracy and kappa in percent, the fingerprint of the predictions and
   * the cost of the timed loop.
   */
  record Measured(double accuracy, double kappa, long predictions, Stopwatch.Elapsed elapsed) {}

  /**
   * Whether the two runs predicted the same class for every instance (by their fingerprints; the
   * two systems compute accuracy and kappa with different rounding, so those are not compared).
   */
  boolean samePredictions(RunResult other) {
    return predictions == other.predictions && instances == other.instances;
  }

  String toCsv() {
    return String.format(
        Locale.ROOT,
        "%s,%s,%s,%d,%d,%d,%d,%.6f,%.6f,%s,%.4f,%.1f,%.4f,%.4f,%.4f",
        dataset,
        system,
        learner,
        trees,
        seed,
        threads,
        instances,
        accuracy,
        kappa,
        Predictions.hex(predictions),
        seconds,
        instancesPerSecond(),
        cpuSeconds,
        processCpuSeconds,
        gcSeconds);
  }
}
