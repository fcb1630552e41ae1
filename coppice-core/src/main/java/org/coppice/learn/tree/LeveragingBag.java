package org.coppice.learn.tree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.drift.AdwinChangeDetector;
import org.coppice.learn.Classifier;
import org.coppice.learn.ensemble.ClassificationRules;
import org.coppice.learn.ensemble.EnsembleEngine;
import org.coppice.util.JavaRandom;
import org.coppice.util.Poisson;

/**
 * Leveraging bagging of Hoeffding trees (A. Bifet, G. Holmes, B. Pfahringer, "Leveraging bagging
 * for evolving data streams", ECML PKDD 2010), following MOA 2024.07's {@code meta.LeveragingBag}
 * with its default method (Poisson(λ) resampling, no output codes) step for step.
 *
 * <h2>One training step (per instance with a label and a positive weight)</h2>
 *
 * <p>For each tree in order:
 *
 * <ol>
 *   <li>k is drawn from Poisson(λ) (λ = {@link LeveragingBagConfig#lambda()}, MOA's default 6;
 *       online bagging of Oza and Russell 2001 with a larger λ), one draw per tree from one
 *       generator seeded with {@link LeveragingBagConfig#seed()};
 *   <li>if k &gt; 0 the tree learns the instance with weight k times the instance's weight;
 *   <li>whether the tree now classifies the instance correctly (argmax of its votes, first maximum)
 *       feeds its ADWIN error monitor (1 for an error, 0 otherwise, k = 0 included); the monitor
 *       signals a change when ADWIN cuts its window and its error estimate rose.
 * </ol>
 *
 * <p>Then, if at least one tree signalled a change, the change count goes up by 1 and the tree with
 * the highest ADWIN error estimate (the first such; none if every estimate is 0) is reset: an empty
 * tree with a new ADWIN.
 *
 * <p>The vote is the sum of the trees' votes, each normalised to sum 1 (a tree whose votes do not
 * sum to a positive number contributes nothing).
 *
 * <h2>Parallelism without changing results</h2>
 *
 * <p>Between two changes, trees share nothing, and a reset only touches the one tree it resets.
 * {@link #testThenTrain} therefore draws the block's weights first, then runs the trees in
 * parallel, each until the end of the block or its own first change; at the earliest change the
 * worst tree (by the estimates every tree recorded at that instance) is reset and runs again from
 * the next instance, the others keep what they computed (a reset tree's work past the change is
 * discarded: it starts empty anyway). Votes and final state are bit-identical to the sequential
 * loop of {@link #votes} and {@link #learn} for any number of threads.
 *
 * <p>Not thread-safe, except {@link #votes} while nothing learns; {@link #close()} stops the worker
 * threads.
 */
public final class LeveragingBag implements Classifier, AutoCloseable {
  private final Schema schema;
  private final LeveragingBagConfig config;
  private final int numClasses;
  private final ClassificationRules rules;
  final ForestTree[] trees;
  final AdwinChangeDetector[] monitors; // null entries in a frozen model
  final long[] resets; // resets of each tree since creation
  final JavaRandom bagging;
  private final double expLambda;
  long instancesSeen;
  long changes; // instances at which at least one tree signalled a change (MOA's count)
  boolean frozen;

  // Per-tree scratch, so that trees can run on different threads.
  private final double[][] scratch;
  private final int[] draws; // [size] draws of one instance (learn)
  private final double[] shareScratch;

  // Block buffers of testThenTrain.
  private int capacity;
  private boolean[] trainable = new boolean[0];
  private int[] poisson = new int[0]; // [t * size + i]
  private double[] shares = new double[0]; // [(i * capacity + t) * numClasses + c]
  private double[] estimates = new double[0]; // [i * capacity + t] after tree i's input at t
  private boolean[] changed = new boolean[0]; // [i * capacity + t]
  private ExecutorService pool;

  /**
   * A new, untrained ensemble.
   *
   * @throws IllegalArgumentException if the schema has no features
   */
  public LeveragingBag(Schema schema, LeveragingBagConfig config) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.config = Objects.requireNonNull(config, "config");
    if (schema.numFeatures() == 0) {
      throw new IllegalArgumentException("the schema has no features");
    }
    this.numClasses = schema.numClasses();
    this.rules = new ClassificationRules(numClasses, false);
    int size = config.ensembleSize();
    ObserverPool.Layout layout = new ObserverPool.Layout(schema);
    this.trees = new ForestTree[size];
    this.monitors = new AdwinChangeDetector[size];
    this.scratch = new double[size][numClasses];
    for (int i = 0; i < size; i++) {
      trees[i] = new ForestTree(new HoeffdingTree(schema, config.tree(), layout));
      monitors[i] = new AdwinChangeDetector(config.adwinDelta());
    }
    this.resets = new long[size];
    this.draws = new int[size];
    this.shareScratch = new double[numClasses];
    this.bagging = new JavaRandom(config.seed());
    this.expLambda = Math.exp(config.lambda());
  }

  @Override
  public Schema schema() {
    return schema;
  }

  public LeveragingBagConfig config() {
    return config;
  }

  /** Number of instances learned (those with a label and a positive weight). */
  public long instancesSeen() {
    return instancesSeen;
  }

  /** Instances at which at least one tree signalled a change (MOA's "change detections"). */
  public long changes() {
    return changes;
  }

  /**
   * Sum over trees of each tree's votes normalised to sum 1 (MOA's getVotesForInstance); all zeros
   * before any tree has learned. Safe on several threads at once while nothing learns.
   */
  @Override
  public void votes(double[] x, double[] votes) {
    double[] output = new double[numClasses];
    double[] share = new double[numClasses];
    Arrays.fill(votes, 0, numClasses, 0.0);
    for (ForestTree tree : trees) {
      tree.output(x, output);
      rules.share(output, 0.0, 0, share, 0);
      for (int c = 0; c < numClasses; c++) {
        votes[c] += share[c];
      }
    }
  }

  /**
   * Learns one instance (see the class comment); an instance without a label or with a weight that
   * is not positive is ignored.
   *
   * @throws IllegalStateException if the ensemble is frozen
   * @throws IllegalArgumentException if the class index is out of range
   */
  @Override
  public void learn(double[] x, int y, double weight) {
    checkNotFrozen();
    if (!(y >= 0 && weight > 0)) {
      return;
    }
    checkClass(y);
    instancesSeen++;
    int size = trees.length;
    for (int i = 0; i < size; i++) {
      draws[i] = Poisson.draw(config.lambda(), expLambda, bagging);
    }
    boolean change = false;
    for (int i = 0; i < size; i++) {
      change |= step(i, x, y, weight, draws[i], shareScratch, 0);
    }
    if (change) {
      resetWorst(i -> monitors[i].estimation());
    }
  }

  /**
   * Test-then-train over {@code batch[0, n)}, the trees in parallel: the same votes and the same
   * final state as {@link #votes} then {@link #learn} for each instance in order.
   *
   * @throws IllegalStateException if the ensemble is frozen
   * @throws IllegalArgumentException if a class index is out of range (before anything changes)
   */
  @Override
  public void testThenTrain(Instance[] batch, int n, double[][] votes) {
    checkNotFrozen();
    int size = trees.length;
    for (int t = 0; t < n; t++) {
      if (batch[t].y >= 0 && batch[t].weight > 0) {
        checkClass(batch[t].y);
      }
    }
    ensureBlock(n);
    for (int t = 0; t < n; t++) {
      Instance inst = batch[t];
      trainable[t] = inst.y >= 0 && inst.weight > 0;
      if (trainable[t]) {
        instancesSeen++;
        for (int i = 0; i < size; i++) {
          poisson[t * size + i] = Poisson.draw(config.lambda(), expLambda, bagging);
        }
      }
    }
    int[] pos = new int[size]; // next instance tree i runs
    int[] next = new int[size]; // tree i's first unhandled change before pos[i], or -1
    Arrays.fill(next, -1);
    int threads = Math.min(config.threads(), size);
    int[] runners = new int[size];
    while (true) {
      int count = 0;
      for (int i = 0; i < size; i++) {
        if (next[i] < 0 && pos[i] < n) {
          runners[count++] = i;
        }
      }
      runTrees(batch, n, runners, count, pos, next, threads);
      int first = n;
      for (int i = 0; i < size; i++) {
        if (next[i] >= 0 && next[i] < first) {
          first = next[i];
        }
      }
      if (first == n) {
        break;
      }
      int at = first;
      int worst = resetWorst(i -> estimates[i * capacity + at]);
      int from = at + 1; // instances before this one are final
      for (int i = 0; i < size; i++) {
        if (i == worst) { // starts empty: runs again from the next instance
          pos[i] = from;
          next[i] = -1;
        } else if (next[i] == at) {
          next[i] = firstChange(i, from, pos[i]);
        }
      }
    }
    for (int t = 0; t < n; t++) {
      double[] v = votes[t];
      Arrays.fill(v, 0, numClasses, 0.0);
      for (int i = 0; i < size; i++) {
        int base = (i * capacity + t) * numClasses;
        for (int c = 0; c < numClasses; c++) {
          v[c] += shares[base + c];
        }
      }
    }
  }

  /** The first change recorded by tree {@code i} in [from, to), or -1. */
  private int firstChange(int i, int from, int to) {
    for (int t = from; t < to; t++) {
      if (changed[i * capacity + t]) {
        return t;
      }
    }
    return -1;
  }

  /** Runs tree {@code i} from {@code pos[i]} up to its first change (inclusive) or {@code n}. */
  private void runTree(Instance[] batch, int n, int i, int[] pos, int[] next) {
    int size = trees.length;
    for (int t = pos[i]; t < n; t++) {
      Instance inst = batch[t];
      int cell = i * capacity + t;
      int shareAt = cell * numClasses;
      if (!trainable[t]) {
        trees[i].output(inst.x, scratch[i]);
        rules.share(scratch[i], 0.0, 0, shares, shareAt);
        changed[cell] = false;
        estimates[cell] = monitors[i].estimation();
        continue;
      }
      boolean change = step(i, inst.x, inst.y, inst.weight, poisson[t * size + i], shares, shareAt);
      changed[cell] = change;
      estimates[cell] = monitors[i].estimation();
      if (change) {
        pos[i] = t + 1;
        next[i] = t;
        return;
      }
    }
    pos[i] = n;
  }

  /**
   * Tree {@code i}'s part of one training step: its share of the vote before learning (into {@code
   * out[from, from + classes)}), learning with weight {@code weight·k} if k &gt; 0, and its error
   * monitor fed with its prediction after learning. Returns whether the monitor signalled a change.
   */
  private boolean step(int i, double[] x, int y, double weight, int k, double[] out, int from) {
    ForestTree tree = trees[i];
    double[] output = scratch[i];
    tree.outputForLearning(x, output);
    rules.share(output, 0.0, 0, out, from);
    if (k > 0) {
      tree.learnAfterOutput(x, y, weight * k);
      tree.outputAfterLearn(x, output);
    }
    boolean correct = HoeffdingTree.argmax(output, numClasses) == y;
    return monitors[i].update(correct ? 0.0 : 1.0);
  }

  /** Estimate of tree i's monitor at the instance of a change. */
  private interface Estimates {
    double of(int i);
  }

  /**
   * A change was signalled: count it and reset the tree with the highest error estimate (the first
   * one strictly above 0), as MOA does. Returns the reset tree, or -1.
   */
  private int resetWorst(Estimates estimates) {
    changes++;
    double max = 0.0;
    int worst = -1;
    for (int i = 0; i < trees.length; i++) {
      double e = estimates.of(i);
      if (max < e) {
        max = e;
        worst = i;
      }
    }
    if (worst >= 0) {
      trees[worst].reset();
      monitors[worst] = new AdwinChangeDetector(config.adwinDelta());
      resets[worst]++;
    }
    return worst;
  }

  private void runTrees(
      Instance[] batch, int n, int[] runners, int count, int[] pos, int[] next, int threads) {
    if (threads <= 1 || count <= 1) {
      for (int r = 0; r < count; r++) {
        runTree(batch, n, runners[r], pos, next);
      }
      return;
    }
    int workers = Math.min(threads, count);
    if (pool == null) {
      pool =
          Executors.newFixedThreadPool(
              config.threads() - 1,
              r -> {
                Thread th = new Thread(r, "coppice-leveraging-bag");
                th.setDaemon(true);
                return th;
              });
    }
    AtomicInteger cursor = new AtomicInteger();
    Runnable work =
        () -> {
          for (int r = cursor.getAndIncrement(); r < count; r = cursor.getAndIncrement()) {
            runTree(batch, n, runners[r], pos, next);
          }
        };
    List<Future<?>> futures = new ArrayList<>(workers - 1);
    for (int w = 0; w < workers - 1; w++) {
      futures.add(pool.submit(work));
    }
    RuntimeException failure = null;
    try {
      work.run();
    } catch (RuntimeException e) {
      failure = e;
    }
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while training", e);
      } catch (ExecutionException e) {
        if (failure == null) {
          failure =
              e.getCause() instanceof RuntimeException re
                  ? re
                  : new IllegalStateException(e.getCause());
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void ensureBlock(int n) {
    int size = trees.length;
    if (poisson.length < n * size) {
      poisson = new int[n * size];
    }
    if (trainable.length < n) {
      trainable = new boolean[n];
    }
    if (n > capacity) {
      capacity = n;
      shares = new double[size * n * numClasses];
      estimates = new double[size * n];
      changed = new boolean[size * n];
    }
  }

  private void checkClass(int y) {
    if (y >= numClasses) {
      throw new IllegalArgumentException("class index " + y + " out of range");
    }
  }

  @Override
  public boolean isFrozen() {
    return frozen;
  }

  private void checkNotFrozen() {
    if (frozen) {
      throw new IllegalStateException(
          "this model was saved in inference-only (frozen) form and cannot learn");
    }
  }

  // ---- reports ----

  /** Number of trees. */
  public int ensembleSize() {
    return trees.length;
  }

  /** Tree {@code i}. */
  public HoeffdingTree tree(int i) {
    return trees[i].tree;
  }

  /** How often tree {@code i} was reset as the worst tree at a change. */
  public long resets(int i) {
    return resets[i];
  }

  /** The bagging generator's state, for the state codec. */
  EnsembleEngine.State state() {
    return new EnsembleEngine.State(
        instancesSeen, bagging.state(), bagging.hasNextGaussian(), bagging.storedNextGaussian());
  }

  void restore(EnsembleEngine.State state) {
    instancesSeen = state.instancesSeen();
    bagging.restore(state.generatorState(), state.hasNextGaussian(), state.nextGaussian());
  }

  /** Stops the worker threads; the ensemble stays usable. */
  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
      pool = null;
    }
  }
}
