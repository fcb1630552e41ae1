package org.coppice.cli;

import java.util.Map;
import org.coppice.data.Schema;
import org.coppice.eval.PrequentialEvaluator;
import org.coppice.eval.PrequentialEvaluator.ProgressListener;
import org.coppice.eval.PrequentialResult;
import org.coppice.learn.Learner;
import org.coppice.learn.registry.LearnerType;
import org.coppice.learn.registry.Settings;
import org.coppice.stream.InstanceStream;

/** Prequential (test-then-train) evaluation of a configured learner over a stream. */
public final class PrequentialRun {
  /** Instances read from a synthetic stream when no limit is given. */
  public static final long DEFAULT_STREAM_LIMIT = 100_000;

  /**
   * What to run.
   *
   * @param learner the learner and its checked settings
   * @param seed the run's seed (of the learner, if it has one, and of a synthetic stream)
   * @param limit maximum number of instances, or -1 for the whole stream
   * @param windowSize instances in the window of the windowed metrics
   */
  public record Config(Settings learner, long seed, long limit, int windowSize) {
    public Config {
      if (limit < -1 || limit == 0) {
        throw new IllegalArgumentException("limit must be positive or -1: " + limit);
      }
      if (windowSize < 1) {
        throw new IllegalArgumentException("window size must be at least 1: " + windowSize);
      }
    }
  }

  /**
   * The outcome of a run.
   *
   * @param learner the learner's settings
   * @param seed the run's seed
   * @param schema the stream's schema
   * @param result the metrics and timing
   * @param structure the learner's structure at the end (see {@link LearnerType#structureOf}): for
   *     a forest its trees, nodes, drifts and warnings
   */
  public record Report(
      Settings learner,
      long seed,
      Schema schema,
      PrequentialResult result,
      Map<String, Object> structure) {
    /** Drifts detected by the learner's members, or null for a learner without detectors. */
    public Long drifts() {
      return structure.get("drifts") instanceof Number n ? n.longValue() : null;
    }

    /** Warnings detected by the learner's members, or null for a learner without detectors. */
    public Long warnings() {
      return structure.get("warnings") instanceof Number n ? n.longValue() : null;
    }
  }

  private PrequentialRun() {}

  /**
   * Builds a fresh learner for the stream's schema and runs test-then-train over the stream (which
   * is not closed).
   *
   * @param progress receives progress reports at most every {@link ProgressLine#INTERVAL_MILLIS}
   *     milliseconds, or null
   * @throws CliError (usage) if the learner cannot handle the stream's schema
   */
  public static Report run(Config config, InstanceStream stream, ProgressListener progress) {
    Schema schema = stream.schema();
    LearnerType<?, ?> type = config.learner().type();
    Learner learner;
    try {
      learner = type.create(schema, config.learner());
    } catch (IllegalArgumentException e) {
      throw CliError.usage("cannot build " + type.name() + " for this data: " + e.getMessage(), e);
    }
    PrequentialEvaluator evaluator =
        new PrequentialEvaluator()
            .limit(config.limit())
            .windowSize(config.windowSize())
            .progress(progress, ProgressLine.INTERVAL_MILLIS);
    try (learner) {
      PrequentialResult result = evaluator.run(learner, stream);
      return new Report(config.learner(), config.seed(), schema, result, type.structureOf(learner));
    }
  }
}
