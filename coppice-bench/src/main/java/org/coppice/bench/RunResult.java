package org.coppice.bench;

import java.util.Locale;

/**
 * One timed test-then-train run.
 *
 * @param dataset the {@link StreamSpec#key()} of the data
 * @param system {@link #MOA} or {@link #COPPICE}
 * @param trees ensemble size
 * @param seed harness seed (the file's generator seed for synthetic data; ARF's seed for
 *     Electricity)
 * @param threads worker threads of the learner
 * @param instances instances tested and trained
 * @param accuracy accuracy in percent
 * @param kappa Cohen's kappa in percent
 * @param seconds wall time of the test-then-train loop
 * @param cpuSeconds CPU time of the calling thread in that loop; NaN for a multi-threaded learner
 * @param processCpuSeconds CPU time of the whole JVM in that loop (workers, GC and JIT included)
 * @param gcSeconds collection time the JVM's garbage collectors reported in that loop
 */
record RunResult(
    String dataset,
    String system,
    int trees,
    int seed,
    int threads,
    long instances,
    double accuracy,
    double kappa,
    double seconds,
    double cpuSeconds,
    double processCpuSeconds,
    double gcSeconds) {
  static final String MOA = "moa";
  static final String COPPICE = "coppice";

  static final String CSV_HEADER =
      "dataset,system,trees,seed,threads,instances,accuracy_pct,kappa_pct,seconds,"
          + "instances_per_second,thread_cpu_seconds,process_cpu_seconds,gc_seconds";

  /** What a runner measures: accuracy and kappa in percent, and the cost of the timed loop. */
  record Measured(double accuracy, double kappa, Stopwatch.Elapsed elapsed) {}

  double instancesPerSecond() {
    return instances / seconds;
  }

  String toCsv() {
    return String.format(
        Locale.ROOT,
        "%s,%s,%d,%d,%d,%d,%.6f,%.6f,%.4f,%.1f,%.4f,%.4f,%.4f",
        dataset,
        system,
        trees,
        seed,
        threads,
        instances,
        accuracy,
        kappa,
        seconds,
        instancesPerSecond(),
        cpuSeconds,
        processCpuSeconds,
        gcSeconds);
  }
}
