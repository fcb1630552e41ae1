package org.coppice.cli;

import org.coppice.data.Schema;
import org.coppice.eval.PrequentialEvaluator;
import org.coppice.eval.PrequentialEvaluator.ProgressListener;
import org.coppice.eval.PrequentialResult;
import org.coppice.learn.Classifier;
import org.coppice.learn.tree.AdaptiveRandomForest;
import org.coppice.stream.InstanceStream;

/** Prequential (test-then-train) evaluation of a configured learner over a stream. */
public final class PrequentialRun {
  /** Instances read from a synthetic stream when no limit is given. */
  public static final long DEFAULT_STREAM_LIMIT = 100_000;

  /**
   * What to run.
   *
   * @param learner the learner and its settings
   * @param limit maximum number of instances, or -1 for the whole stream
   * @param windowSize instances in the window of the windowed accuracy
   */
  public record Config(LearnerConfig learner, long limit, int windowSize) {
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
   * @param schema the stream's schema
   * @param result the metrics and timing
   * @param drifts drifts detected by the ensemble's trees (ARF only, else null)
   * @param warnings warnings detected by the ensemble's trees (ARF only, else null)
   */
  public record Report(
      LearnerConfig learner, Schema schema, PrequentialResult result, Long drifts, Long warnings) {}

  private PrequentialRun() {}

  /**
   * Builds a fresh learner for the stream's schema and runs test-then-train over the stream (which
   * is not closed).
   *
   * @param progress receives progress reports at most every {@link ProgressLine#INTERVAL_MILLIS}
   *     milliseconds, or null
   * @throws CliError (data) if the learner cannot handle the stream's schema
   */
  public static Report run(Config config, InstanceStream stream, ProgressListener progress) {
    Schema schema = stream.schema();
    Classifier learner;
    try {
      learner = config.learner().create(schema);
    } catch (IllegalArgumentException e) {
      throw CliError.data(
          "cannot build " + config.learner().kind().cliName() + " for this data: " + e.getMessage(),
          e);
    }
    PrequentialEvaluator evaluator =
        new PrequentialEvaluator()
            .limit(config.limit())
            .windowSize(config.windowSize())
            .progress(progress, ProgressLine.INTERVAL_MILLIS);
    try {
      PrequentialResult result = evaluator.run(learner, stream);
      Long drifts = null;
      Long warnings = null;
      if (learner instanceof AdaptiveRandomForest arf) {
        long d = 0;
        long w = 0;
        for (int i = 0; i < arf.ensembleSize(); i++) {
          d += arf.drifts(i);
          w += arf.warnings(i);
        }
        drifts = d;
        warnings = w;
      }
      return new Report(config.learner(), schema, result, drifts, warnings);
    } finally {
      if (learner instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          // Closing only stops worker threads; nothing to report.
        }
      }
    }
  }
}
