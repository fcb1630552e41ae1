package org.coppice.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.learn.Classifier;
import org.coppice.learn.Learner;
import org.coppice.learn.Regressor;
import org.coppice.stream.InstanceStream;

/**
 * Prequential (test-then-train) evaluation of a {@link Classifier} over an {@link InstanceStream}
 * (A. P. Dawid, "Statistical Theory: The Prequential Approach", JRSS A 147, 1984; J. Gama, R.
 * Sebastião and P. P. Rodrigues, "On Evaluating Stream Learning Algorithms", Machine Learning 90,
 * 2013): every instance is first predicted by the model as it stands, then learned, as MOA's {@code
 * EvaluatePrequential}. The first instance is scored too (an all-zero vote predicts class 0).
 *
 * <p>The stream is read in blocks of {@link #blockSize(int) blockSize} instances into preallocated
 * {@link Instance} objects, and each block goes to {@link Classifier#testThenTrain}, which writes
 * the votes of every instance made before it is learned. The cumulative and windowed metrics are
 * then updated in stream order, so the block size never changes the results. Instances with a
 * missing label are predicted (and given to the learner, which ignores them) but not scored, and so
 * are instances whose weight is not positive.
 *
 * <p>Only the loop (reading, test-then-train, metrics) is timed, with {@link System#nanoTime()};
 * time spent in the progress listener is excluded. The evaluator is a reusable, mutable set of
 * options; {@link #run} keeps no state between calls. Not thread-safe.
 */
public final class PrequentialEvaluator {
  /** Default number of instances per block. */
  public static final int DEFAULT_BLOCK_SIZE = 256;

  /** Default size of the sliding window of the windowed metrics. */
  public static final int DEFAULT_WINDOW_SIZE = 1000;

  /** Default minimum interval between two progress reports, in milliseconds. */
  public static final long DEFAULT_PROGRESS_INTERVAL_MILLIS = 1000;

  /** Receives progress reports during {@link #run}. */
  @FunctionalInterface
  public interface ProgressListener {
    /**
     * Called between blocks, at most once per progress interval.
     *
     * @param instances instances processed so far
     * @param elapsedSeconds timed seconds so far
     * @param fraction the stream's {@link InstanceStream#progress()}, in [0, 1] or NaN if unknown
     */
    void onProgress(long instances, double elapsedSeconds, double fraction);
  }

  private long limit = -1;
  private int windowSize = DEFAULT_WINDOW_SIZE;
  private int blockSize = DEFAULT_BLOCK_SIZE;
  private long checkpointEvery;
  private ProgressListener listener;
  private long progressIntervalNanos = DEFAULT_PROGRESS_INTERVAL_MILLIS * 1_000_000L;

  /** An evaluator with the default options: no limit, window 1000, blocks of 256, no reports. */
  public PrequentialEvaluator() {}

  /** Stops after {@code limit} instances; -1 (the default) reads the whole stream. */
  public PrequentialEvaluator limit(long limit) {
    if (limit < -1) {
      throw new IllegalArgumentException("limit must be -1 or >= 0: " + limit);
    }
    this.limit = limit;
    return this;
  }

  /** Size of the sliding window of the windowed metrics (default 1000). */
  public PrequentialEvaluator windowSize(int windowSize) {
    if (windowSize < 1) {
      throw new IllegalArgumentException("windowSize must be >= 1: " + windowSize);
    }
    this.windowSize = windowSize;
    return this;
  }

  /** Instances per block given to {@link Classifier#testThenTrain} (default 256). */
  public PrequentialEvaluator blockSize(int blockSize) {
    if (blockSize < 1) {
      throw new IllegalArgumentException("blockSize must be >= 1: " + blockSize);
    }
    this.blockSize = blockSize;
    return this;
  }

  /** Records a {@link PrequentialResult.Checkpoint} every {@code every} instances; 0 = never. */
  public PrequentialEvaluator checkpointEvery(long every) {
    if (every < 0) {
      throw new IllegalArgumentException("checkpointEvery must be >= 0: " + every);
    }
    this.checkpointEvery = every;
    return this;
  }

  /**
   * Reports progress to {@code listener} (null for none) at most every {@code intervalMillis}
   * milliseconds, checked between blocks.
   */
  public PrequentialEvaluator progress(ProgressListener listener, long intervalMillis) {
    if (intervalMillis < 0) {
      throw new IllegalArgumentException("intervalMillis must be >= 0: " + intervalMillis);
    }
    this.listener = listener;
    this.progressIntervalNanos = intervalMillis * 1_000_000L;
    return this;
  }

  /**
   * Runs test-then-train of {@code learner}, a {@link Classifier} or a {@link Regressor}, over
   * {@code stream}; see {@link #run(Classifier, InstanceStream)} and {@link #run(Regressor,
   * InstanceStream)}.
   */
  public PrequentialResult run(Learner learner, InstanceStream stream) {
    if (learner instanceof Regressor r) {
      return run(r, stream);
    }
    return run((Classifier) learner, stream);
  }

  /**
   * Runs test-then-train of {@code learner} over {@code stream} until the stream ends or the limit
   * is reached. The stream is not closed.
   *
   * @throws IllegalArgumentException if the learner and the stream disagree on the number of
   *     features or classes, or an instance has a class index out of range
   */
  public PrequentialResult run(Classifier learner, InstanceStream stream) {
    Schema schema = stream.schema();
    Schema learnerSchema = learner.schema();
    if (schema.numFeatures() != learnerSchema.numFeatures()
        || schema.numClasses() != learnerSchema.numClasses()) {
      throw new IllegalArgumentException(
          "the learner was built for " + learnerSchema + " but the stream is " + schema);
    }
    int numClasses = schema.numClasses();
    double[][] votes = new double[blockSize][numClasses];
    ClassificationMetrics cumulative = new ClassificationMetrics(numClasses);
    WindowedClassificationMetrics window =
        new WindowedClassificationMetrics(numClasses, windowSize);
    Scoring scoring =
        new Scoring() {
          @Override
          public void testThenTrain(Instance[] batch, int n) {
            for (int i = 0; i < n; i++) {
              Arrays.fill(votes[i], 0.0);
            }
            learner.testThenTrain(batch, n, votes);
          }

          @Override
          public void score(int i, Instance inst) {
            if (inst.y >= 0) {
              cumulative.add(inst.y, votes[i], inst.weight);
              window.add(inst.y, votes[i], inst.weight);
            }
          }

          @Override
          public PrequentialResult.Checkpoint checkpoint(long processed) {
            return new PrequentialResult.Checkpoint(
                processed, cumulative.accuracy(), window.accuracy());
          }
        };
    List<PrequentialResult.Checkpoint> checkpoints = new ArrayList<>();
    Ran ran = loop(stream, scoring, checkpoints);
    return new PrequentialResult(ran.processed, cumulative, window, ran.seconds, checkpoints);
  }

  /**
   * Runs test-then-train of a regressor over {@code stream}, as the classification run: blocks of
   * instances through {@link Regressor#testThenTrain}, then the metrics of {@link
   * RegressionMetrics} and {@link WindowedRegressionMetrics} in stream order. Instances whose
   * target is NaN are predicted but not scored. The stream is not closed.
   *
   * @throws IllegalArgumentException if the learner and the stream disagree on the features or the
   *     target is not numeric
   */
  public PrequentialResult run(Regressor learner, InstanceStream stream) {
    Schema schema = stream.schema();
    Schema learnerSchema = learner.schema();
    if (schema.numFeatures() != learnerSchema.numFeatures() || !schema.isRegression()) {
      throw new IllegalArgumentException(
          "the learner was built for " + learnerSchema + " but the stream is " + schema);
    }
    double[] predictions = new double[blockSize];
    RegressionMetrics cumulative = new RegressionMetrics(schema.numFeatures());
    WindowedRegressionMetrics window =
        new WindowedRegressionMetrics(schema.numFeatures(), windowSize);
    Scoring scoring =
        new Scoring() {
          @Override
          public void testThenTrain(Instance[] batch, int n) {
            learner.testThenTrain(batch, n, predictions);
          }

          @Override
          public void score(int i, Instance inst) {
            if (inst.target == inst.target) {
              cumulative.add(inst.target, predictions[i], inst.weight);
              window.add(inst.target, predictions[i], inst.weight);
            }
          }

          @Override
          public PrequentialResult.Checkpoint checkpoint(long processed) {
            return new PrequentialResult.Checkpoint(processed, cumulative.rmse(), window.rmse());
          }
        };
    List<PrequentialResult.Checkpoint> checkpoints = new ArrayList<>();
    Ran ran = loop(stream, scoring, checkpoints);
    return new PrequentialResult(ran.processed, cumulative, window, ran.seconds, checkpoints);
  }

  /** A task's part of the loop: a block through the learner, then each instance scored. */
  private interface Scoring {
    void testThenTrain(Instance[] batch, int n);

    void score(int i, Instance inst);

    PrequentialResult.Checkpoint checkpoint(long processed);
  }

  /** Instances processed and the timed seconds (progress reports excluded). */
  private record Ran(long processed, double seconds) {}

  /**
   * The test-then-train loop shared by both tasks: reads blocks until the stream ends or the limit,
   * passes each to {@code scoring}, scores in stream order, records checkpoints and reports
   * progress.
   */
  private Ran loop(
      InstanceStream stream, Scoring scoring, List<PrequentialResult.Checkpoint> checkpoints) {
    Instance[] batch = new Instance[blockSize];
    for (int i = 0; i < blockSize; i++) {
      batch[i] = stream.schema().newInstance();
    }
    long processed = 0;
    long start = System.nanoTime();
    long excluded = 0;
    long lastReport = start;
    boolean exhausted = false;
    while (!exhausted && (limit < 0 || processed < limit)) {
      int want = limit < 0 ? blockSize : (int) Math.min(blockSize, limit - processed);
      int n = 0;
      while (n < want && stream.next(batch[n])) {
        n++;
      }
      exhausted = n < want;
      if (n == 0) {
        break;
      }
      scoring.testThenTrain(batch, n);
      for (int i = 0; i < n; i++) {
        scoring.score(i, batch[i]);
        processed++;
        if (checkpointEvery > 0 && processed % checkpointEvery == 0) {
          checkpoints.add(scoring.checkpoint(processed));
        }
      }
      if (listener != null) {
        long now = System.nanoTime();
        if (now - lastReport >= progressIntervalNanos) {
          listener.onProgress(processed, (now - start - excluded) * 1e-9, stream.progress());
          long after = System.nanoTime();
          excluded += after - now;
          lastReport = after;
        }
      }
    }
    return new Ran(processed, (System.nanoTime() - start - excluded) * 1e-9);
  }
}
