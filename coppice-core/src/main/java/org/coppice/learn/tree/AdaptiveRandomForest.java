package org.coppice.learn.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.learn.Classifier;
import org.coppice.util.JavaRandom;
import org.coppice.util.Poisson;

/**
 * The Adaptive Random Forest classifier (H. M. Gomes, A. Bifet, J. Read, J. P. Barddal, F.
 * Enembreck, B. Pfahringer, G. Holmes, T. Abdessalem, "Adaptive random forests for evolving data
 * stream classification", Machine Learning 106, 2017), following MOA 2024.07's {@code
 * meta.AdaptiveRandomForest} step for step: Hoeffding trees with a random feature subspace per
 * leaf, online bagging with Poisson(λ) weights, per tree an ADWIN warning detector that starts a
 * background tree and an ADWIN drift detector that swaps it in, and votes weighted by each tree's
 * accuracy since its last reset.
 *
 * <p><b>Parallelism without changing results.</b> Trees share no state, and the Poisson draws come
 * from one generator in a fixed order (instance-major, tree-minor, as MOA). {@link #testThenTrain}
 * therefore draws a whole block's weights first, lets each thread run whole trees through the block
 * (vote, score, learn), and adds the trees' votes per instance in tree order. The outcome is
 * bit-identical to the sequential loop for any number of threads.
 *
 * <p>Not thread-safe; {@link #close()} stops the worker threads.
 */
public final class AdaptiveRandomForest implements Classifier, AutoCloseable {
  private final Schema schema;
  private final ArfConfig config;
  private final int numClasses;
  private final int subspaceSize;
  private final HoeffdingTreeConfig treeConfig;
  final ArfMember[] members;
  final JavaRandom bagging;
  private final double expLambda; // e^λ, the same for every Poisson draw
  long instancesSeen;
  boolean frozen; // loaded in inference-only form: cannot learn

  // Block buffers, grown on demand and reused.
  private int[] poisson = new int[0]; // [instance][member]
  private long[] seenAt = new long[0]; // [instance]
  private boolean[] trainable = new boolean[0]; // [instance]
  private double[] contributions = new double[0]; // [member][blockCapacity][class]
  private int blockCapacity;
  private final double[] voteScratch;

  private ExecutorService pool;

  /** A new, untrained forest. */
  public AdaptiveRandomForest(Schema schema, ArfConfig config) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.config = Objects.requireNonNull(config, "config");
    if (schema.numFeatures() == 0) {
      throw new IllegalArgumentException("the schema has no features");
    }
    this.numClasses = schema.numClasses();
    this.subspaceSize = config.maxFeatures().resolve(schema.numFeatures());
    this.treeConfig = config.tree().toBuilder().subspaceSize(subspaceSize).build();
    this.members = new ArfMember[config.ensembleSize()];
    ObserverPool.Layout layout = new ObserverPool.Layout(schema);
    for (int i = 0; i < members.length; i++) {
      members[i] = new ArfMember(i, config, new HoeffdingTree(schema, treeConfig, layout));
    }
    this.bagging = new JavaRandom(config.seed());
    this.expLambda = Math.exp(config.lambda());
    this.voteScratch = new double[numClasses];
  }

  @Override
  public Schema schema() {
    return schema;
  }

  public ArfConfig config() {
    return config;
  }

  /** Features in each leaf's subspace (m), resolved from {@link ArfConfig#maxFeatures()}. */
  public int subspaceSize() {
    return subspaceSize;
  }

  /** Number of instances learned (those with a label and a positive weight). */
  public long instancesSeen() {
    return instancesSeen;
  }

  /**
   * Sum over trees of each tree's normalised vote times its accuracy in percent (MOA's
   * getVotesForInstance); all zeros before any tree has learned. Safe to call from several threads
   * at once while the forest does not learn.
   */
  @Override
  public void votes(double[] x, double[] votes) {
    double[][] scratch = VOTE_SCRATCH.get();
    if (scratch[0].length != numClasses) {
      scratch = new double[][] {new double[numClasses], new double[numClasses]};
      VOTE_SCRATCH.set(scratch);
    }
    double[] treeVotes = scratch[0];
    double[] share = scratch[1];
    java.util.Arrays.fill(votes, 0, numClasses, 0.0);
    for (ArfMember m : members) {
      m.tree.votes(x, treeVotes);
      m.contribution(treeVotes, share, 0);
      for (int c = 0; c < numClasses; c++) {
        votes[c] += share[c];
      }
    }
  }

  private static final ThreadLocal<double[][]> VOTE_SCRATCH =
      ThreadLocal.withInitial(() -> new double[][] {new double[0], new double[0]});

  @Override
  public void learn(double[] x, int y, double weight) {
    checkNotFrozen();
    if (y < 0 || !(weight > 0)) {
      return;
    }
    instancesSeen++;
    for (ArfMember m : members) {
      int k = Poisson.draw(config.lambda(), expLambda, bagging);
      m.step(x, y, weight, true, k, instancesSeen, voteScratch, 0);
    }
  }

  @Override
  public void testThenTrain(Instance[] batch, int n, double[][] votes) {
    checkNotFrozen();
    int size = members.length;
    ensureBlock(n);
    for (int t = 0; t < n; t++) {
      Instance inst = batch[t];
      trainable[t] = inst.y >= 0 && inst.weight > 0;
      if (trainable[t]) {
        if (inst.y >= numClasses) {
          throw new IllegalArgumentException("class index " + inst.y + " out of range");
        }
        seenAt[t] = ++instancesSeen;
        for (int i = 0; i < size; i++) {
          poisson[t * size + i] = Poisson.draw(config.lambda(), expLambda, bagging);
        }
      }
    }
    int threads = Math.min(config.threads(), size);
    if (threads <= 1) {
      for (ArfMember m : members) {
        runMember(m, batch, n);
      }
    } else {
      runParallel(batch, n, threads);
    }
    for (int t = 0; t < n; t++) {
      double[] out = votes[t];
      java.util.Arrays.fill(out, 0, numClasses, 0.0);
      for (int i = 0; i < size; i++) {
        int base = (i * blockCapacity + t) * numClasses;
        for (int c = 0; c < numClasses; c++) {
          out[c] += contributions[base + c];
        }
      }
    }
  }

  private void runMember(ArfMember m, Instance[] batch, int n) {
    int size = members.length;
    int base = m.index * blockCapacity * numClasses;
    for (int t = 0; t < n; t++) {
      Instance inst = batch[t];
      m.step(
          inst.x,
          inst.y,
          inst.weight,
          trainable[t],
          trainable[t] ? poisson[t * size + m.index] : 0,
          seenAt[t],
          contributions,
          base + t * numClasses);
    }
  }

  private void runParallel(Instance[] batch, int n, int threads) {
    if (pool == null) {
      pool =
          Executors.newFixedThreadPool(
              threads - 1,
              r -> {
                Thread th = new Thread(r, "coppice-arf");
                th.setDaemon(true);
                return th;
              });
    }
    // Threads take runs of neighbouring members, so two threads rarely write to members (and trees)
    // that sit next to each other in memory and share cache lines.
    int chunk = Math.max(1, members.length / (threads * 4));
    AtomicInteger next = new AtomicInteger();
    Runnable work =
        () -> {
          for (int start = next.getAndAdd(chunk);
              start < members.length;
              start = next.getAndAdd(chunk)) {
            int end = Math.min(members.length, start + chunk);
            for (int i = start; i < end; i++) {
              runMember(members[i], batch, n);
            }
          }
        };
    List<Future<?>> futures = new ArrayList<>(threads - 1);
    for (int i = 0; i < threads - 1; i++) {
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
    int size = members.length;
    if (poisson.length < n * size) {
      poisson = new int[n * size];
    }
    if (seenAt.length < n) {
      seenAt = new long[n];
      trainable = new boolean[n];
    }
    if (n > blockCapacity) {
      blockCapacity = n;
      contributions = new double[size * n * numClasses];
    }
  }

  /** True for a forest loaded in inference-only form, which cannot learn. */
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

  /** Number of ensemble members. */
  public int ensembleSize() {
    return members.length;
  }

  /** The foreground tree of member {@code i}. */
  public HoeffdingTree tree(int i) {
    return members[i].tree;
  }

  /** The background tree of member {@code i}, or null. */
  public HoeffdingTree backgroundTree(int i) {
    return members[i].background;
  }

  /** Drifts detected by member {@code i} since the forest was created. */
  public long drifts(int i) {
    return members[i].drifts;
  }

  /** Warnings detected by member {@code i} since the forest was created. */
  public long warnings(int i) {
    return members[i].warnings;
  }

  /**
   * Stops the worker threads; the forest stays usable (single-threaded until it needs them again).
   */
  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
      pool = null;
    }
  }
}
