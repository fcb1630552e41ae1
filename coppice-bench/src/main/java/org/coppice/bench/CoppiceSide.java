package org.coppice.bench;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The Coppice half of the comparison. {@link MoaComparison} loads the implementation ({@code
 * CoppiceRunner}) by name, so that the MOA half builds and runs ({@code --moa-only}) on its own.
 */
interface CoppiceSide {
  /** Name of the implementing class. */
  String IMPLEMENTATION = "org.coppice.bench.CoppiceRunner";

  /** Data read by Coppice's own ARFF reader and held in memory. */
  interface Data {
    /** Number of instances held. */
    int size();

    /**
     * Value of attribute {@code attribute} (in file order, the class last as its index) of instance
     * {@code row}: a number, a nominal value index, or NaN when missing.
     */
    double value(int row, int attribute);
  }

  /** Reads at most {@code limit} instances of a plain ARFF file (class last) into memory. */
  Data load(Path arff, long limit) throws IOException;

  /**
   * Runs a fresh Adaptive Random Forest prequentially (test-then-train) over the first {@code n}
   * instances; only the test-then-train loop is timed.
   *
   * @param seed the forest's random seed (MOA's {@code -r})
   * @param threads the forest's worker threads
   */
  RunResult.Measured run(Data data, int n, int trees, int seed, int threads) throws Exception;

  /** Loads the implementation, or explains why it is missing. */
  static CoppiceSide load() {
    try {
      Class<?> type = Class.forName(IMPLEMENTATION);
      return (CoppiceSide) type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException(
          "the Coppice side ("
              + IMPLEMENTATION
              + ") is not available in this build: "
              + e
              + "; use --moa-only to run MOA alone",
          e);
    }
  }
}
