package org.coppice.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The Coppice half of the comparison. {@link MoaComparison} loads the implementation ({@code
 * CoppiceRunner}) by name, so that the MOA half builds and runs ({@code --moa-only}) on its own.
 */
interface CoppiceSide {
  /** Name of the implementing class. */
  String IMPLEMENTATION = "org.coppice.bench.CoppiceRunner";

  /** Data read by Coppice's own ARFF reader and held in memory. */
  interface Data extends Rows {}

  /** Reads at most {@code limit} instances of a plain ARFF file (class last) into memory. */
  Data load(Path arff, long limit) throws IOException;

  /**
   * Why the registry's learner {@code name} cannot run with the settings {@code required} (it is
   * not registered, it is no classifier, or it lacks a setting), or null when it can.
   */
  String unavailable(String name, List<String> required);

  /** Whether the registry's learner {@code name} has the setting {@code setting}. */
  boolean hasSetting(String name, String setting);

  /**
   * Runs a fresh learner {@code name} from the registry with {@code settings} (by parameter name,
   * the rest at their defaults) prequentially (test-then-train) over the first {@code n} instances;
   * only the test-then-train loop is timed.
   */
  RunResult.Measured run(Data data, int n, String name, Map<String, String> settings)
      throws Exception;

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
