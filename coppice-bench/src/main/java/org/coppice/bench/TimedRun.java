package org.coppice.bench;

/**
 * What the reports need of any timed test-then-train run, classification ({@link RunResult}) or
 * regression ({@link RegressionRun}): which run it was and what its loop cost.
 */
interface TimedRun {
  /** The {@link Keyed#key()} of the data set. */
  String dataset();

  /** {@link RunResult#MOA} or {@link RunResult#COPPICE}. */
  String system();

  /** The {@link Keyed#key()} of the learner pair. */
  String learner();

  /** Ensemble size; 0 for a learner that is not an ensemble. */
  int trees();

  /** Harness seed: the file's generator seed (synthetic data) or the learner's seed. */
  int seed();

  /** Worker threads of the learner. */
  int threads();

  /** Instances tested and trained. */
  long instances();

  /** Wall time of the test-then-train loop. */
  double seconds();

  /** CPU time of the whole JVM in that loop (workers, GC and JIT included). */
  double processCpuSeconds();

  /** Collection time the JVM's garbage collectors reported in that loop. */
  double gcSeconds();

  default double instancesPerSecond() {
    return instances() / seconds();
  }

  default boolean isMoa() {
    return system().equals(RunResult.MOA);
  }

  /** A Coppice run with this many threads. */
  default boolean isCoppice(int threads) {
    return system().equals(RunResult.COPPICE) && threads() == threads;
  }
}
