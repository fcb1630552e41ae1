package org.coppice.learn.ensemble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.coppice.data.Instance;
import org.coppice.util.JavaRandom;
import org.coppice.util.Poisson;

/**
 * A deterministic, parallel engine for adaptive online-bagging ensembles such as the Adaptive
 * Random Forest (H. M. Gomes et al., "Adaptive random forests for evolving data stream
 * classification", Machine Learning 106, 2017) and its regression variant (Gomes, Barddal,
 * Ferreira, Bifet, "Adaptive random forests for data stream regression", ESANN 2018). The learner
 * supplies the {@linkplain BaseLearner base learners} and the {@linkplain OutputRules output
 * rules}; the engine does the rest, step for step as MOA 2024.07's {@code AdaptiveRandomForest} and
 * {@code AdaptiveRandomForestRegressor}.
 *
 * <h2>One training step (per instance)</h2>
 *
 * <p>An instance trains if {@link OutputRules#trainable} accepts its target and weight; then the
 * instance count goes up by 1 and, for each member in index order:
 *
 * <ol>
 *   <li>its foreground learner's output {@code o} for x, before learning ({@link
 *       BaseLearner#outputForLearning}); its share from {@code o} and its performance so far
 *       ({@link OutputRules#share}) is the member's part of the ensemble output for this instance;
 *   <li>its performance: {@code performance += score(o, target, weight)}, {@code results += 1};
 *   <li>its Poisson weight k, drawn from the engine's one generator (seeded with {@link
 *       EnsembleSettings#seed()}; see {@link Poisson}). The draws are made in MOA's order,
 *       instance-major and member-minor, exactly one per member per training instance;
 *   <li>if k &gt; 0: the foreground learns x with weight {@code weight·k} ({@link
 *       BaseLearner#learnAfterOutput}); a background learner, if any, learns x with {@code weight}
 *       (not times k); then, with drift detection on, the foreground's output after learning
 *       ({@link BaseLearner#outputAfterLearn}) gives the detector input {@code e} ({@link
 *       OutputRules#detectorInput}):
 *       <ul>
 *         <li>warning detector (if any) fed {@code e}: on a change, a new empty background learner
 *             starts (replacing any previous one; {@link BaseLearner#emptyCopy}, or a replaced
 *             learner {@link BaseLearner#reset}), and the warning detector is replaced by a fresh
 *             one;
 *         <li>drift detector fed the same {@code e}: on a change, the background learner (if any)
 *             becomes the foreground and gets a fresh warning detector, else the foreground is
 *             {@linkplain BaseLearner#reset reset}; the drift detector is replaced by a fresh one
 *             and the performance returns to 0 / 0.
 *       </ul>
 * </ol>
 *
 * <p>An instance that does not train is only shared (step 1): no count, no draw, no score.
 *
 * <h2>Ensemble output</h2>
 *
 * <p>The ensemble output of an instance is the sum of the members' shares, added in member order
 * starting from +0.0 ({@link #combined} for a training block, {@link #predict} for a prediction);
 * the learner turns it into its prediction (a classifier takes the argmax of the votes, a regressor
 * divides by {@link #size()} for MOA's mean).
 *
 * <h2>Determinism and threads</h2>
 *
 * <p>{@link #testThenTrain} first draws the whole block's Poisson weights in the sequential order,
 * then lets up to {@link EnsembleSettings#threads()} threads each run whole members through the
 * block (members share no state), writing each share into its own slot, and the shares are summed
 * afterwards in member order. So the results, and the state, are bit-identical to calling {@link
 * #learn} instance by instance, for any number of threads and any block size.
 *
 * <p>Not thread-safe, except that {@link #predict} may run on several threads at once while nothing
 * learns. {@link #close()} stops the worker threads.
 *
 * @param <L> the base learner type
 */
public final class EnsembleEngine<L extends BaseLearner<L>> implements AutoCloseable {
  private final EnsembleSettings settings;
  private final OutputRules rules;
  private final int width;
  private final List<EnsembleMember<L>> memberList;
  private final EnsembleMember<?>[] members; // the same members, for the hot loops
  private final JavaRandom bagging;
  private final double lambda;
  private final double expLambda; // e^λ, the same for every Poisson draw
  private long instancesSeen;

  // Block buffers, grown on demand and reused.
  private int[] poisson = new int[0]; // [instance][member]
  private long[] seenAt = new long[0]; // [instance] instance count of a training instance
  private boolean[] trainable = new boolean[0]; // [instance]
  private double[] targets = new double[0]; // [instance]
  private double[] shares = new double[0]; // [member][blockCapacity][width]
  private int blockCapacity;
  private final double[] learnShares; // [width] shares of learn(), not kept

  private ExecutorService pool;

  /**
   * A new ensemble whose member i starts with {@code newLearner.apply(i)}.
   *
   * @param newLearner a new, untrained base learner for each member; learners must not share
   *     mutable state
   */
  public EnsembleEngine(
      EnsembleSettings settings, OutputRules rules, IntFunction<? extends L> newLearner) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.width = rules.width();
    List<EnsembleMember<L>> list = new ArrayList<>(settings.size());
    for (int i = 0; i < settings.size(); i++) {
      list.add(new EnsembleMember<L>(i, settings, rules, newLearner.apply(i)));
    }
    this.memberList = List.copyOf(list);
    this.members = memberList.toArray(new EnsembleMember<?>[0]);
    this.bagging = new JavaRandom(settings.seed());
    this.lambda = settings.lambda();
    this.expLambda = Math.exp(lambda);
    this.learnShares = new double[width];
  }

  public EnsembleSettings settings() {
    return settings;
  }

  public OutputRules rules() {
    return rules;
  }

  /** Number of members. */
  public int size() {
    return members.length;
  }

  /** Member {@code i}. */
  public EnsembleMember<L> member(int i) {
    return memberList.get(i);
  }

  /** Number of instances that trained. */
  public long instancesSeen() {
    return instancesSeen;
  }

  // ------------------------------------------------------------------------------------------------
  // Training

  /**
   * One training step (see the class comment) for one instance; the shares are not kept. Does
   * nothing for an instance that does not train.
   *
   * @throws IllegalArgumentException if {@link OutputRules#checkTarget} rejects the target (before
   *     anything changes)
   */
  public void learn(double[] x, double target, double weight) {
    if (!rules.trainable(target, weight)) {
      return;
    }
    rules.checkTarget(target);
    instancesSeen++;
    for (EnsembleMember<?> m : members) {
      int k = Poisson.draw(lambda, expLambda, bagging);
      m.step(x, target, weight, true, k, instancesSeen, learnShares, 0);
    }
  }

  /**
   * Test-then-train over {@code batch[0, n)}: for each instance in order the members' shares
   * (before it is learned) are kept, then it is learned, exactly as {@code n} calls of {@link
   * #learn}. Read the ensemble output of instance {@code t} with {@link #combined} afterwards.
   *
   * @throws IllegalArgumentException if {@link OutputRules#checkTarget} rejects a target (the
   *     earlier instances of the block are then counted and drawn for, but no member has run)
   */
  public void testThenTrain(Instance[] batch, int n) {
    int size = members.length;
    ensureBlock(n);
    for (int t = 0; t < n; t++) {
      Instance inst = batch[t];
      double target = rules.target(inst);
      trainable[t] = rules.trainable(target, inst.weight);
      if (trainable[t]) {
        rules.checkTarget(target);
        targets[t] = target;
        seenAt[t] = ++instancesSeen;
        for (int i = 0; i < size; i++) {
          poisson[t * size + i] = Poisson.draw(lambda, expLambda, bagging);
        }
      }
    }
    int threads = Math.min(settings.threads(), size);
    if (threads <= 1) {
      for (EnsembleMember<?> m : members) {
        runMember(m, batch, n);
      }
    } else {
      runParallel(batch, n, threads);
    }
  }

  /**
   * Writes the ensemble output of instance {@code t} of the last {@link #testThenTrain} block into
   * {@code out[from, from + width)}: the sum of the members' shares in member order.
   */
  public void combined(int t, double[] out, int from) {
    Arrays.fill(out, from, from + width, 0.0);
    for (int i = 0; i < members.length; i++) {
      int base = (i * blockCapacity + t) * width;
      for (int c = 0; c < width; c++) {
        out[from + c] += shares[base + c];
      }
    }
  }

  private void runMember(EnsembleMember<?> m, Instance[] batch, int n) {
    int size = members.length;
    int base = m.index * blockCapacity * width;
    for (int t = 0; t < n; t++) {
      Instance inst = batch[t];
      boolean train = trainable[t];
      m.step(
          inst.x,
          targets[t],
          inst.weight,
          train,
          train ? poisson[t * size + m.index] : 0,
          seenAt[t],
          shares,
          base + t * width);
    }
  }

  private void runParallel(Instance[] batch, int n, int threads) {
    if (pool == null) {
      pool =
          Executors.newFixedThreadPool(
              threads - 1,
              r -> {
                Thread th = new Thread(r, "coppice-ensemble");
                th.setDaemon(true);
                return th;
              });
    }
    // Threads take runs of neighbouring members, so two threads rarely write to members (and
    // learners) that sit next to each other in memory and share cache lines.
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
      targets = new double[n];
    }
    if (n > blockCapacity) {
      blockCapacity = n;
      shares = new double[size * n * width];
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Prediction

  private static final ThreadLocal<double[][]> PREDICT_SCRATCH =
      ThreadLocal.withInitial(() -> new double[][] {new double[0], new double[0]});

  /**
   * Writes the ensemble output for {@code x} into {@code out[from, from + width)}: the sum, in
   * member order, of each member's share computed from its foreground's {@link BaseLearner#output}.
   * Changes nothing; safe on several threads at once while nothing learns.
   */
  public void predict(double[] x, double[] out, int from) {
    double[][] scratch = PREDICT_SCRATCH.get();
    if (scratch[0].length != width) {
      scratch = new double[][] {new double[width], new double[width]};
      PREDICT_SCRATCH.set(scratch);
    }
    double[] output = scratch[0];
    double[] share = scratch[1];
    Arrays.fill(out, from, from + width, 0.0);
    for (EnsembleMember<?> m : members) {
      m.share(x, output, share, 0);
      for (int c = 0; c < width; c++) {
        out[from + c] += share[c];
      }
    }
  }

  // ------------------------------------------------------------------------------------------------
  // State

  /**
   * The engine's own state besides its members: the training instance count and the bagging
   * generator ({@link JavaRandom#state()}, {@link JavaRandom#hasNextGaussian()}, {@link
   * JavaRandom#storedNextGaussian()}).
   */
  public record State(
      long instancesSeen, long generatorState, boolean hasNextGaussian, double nextGaussian) {
    /** A non-negative count and a 48-bit generator state. */
    public boolean isValid() {
      return instancesSeen >= 0 && (generatorState >>> 48) == 0;
    }
  }

  /** The engine's own state (see {@link State}). */
  public State state() {
    return new State(
        instancesSeen, bagging.state(), bagging.hasNextGaussian(), bagging.storedNextGaussian());
  }

  /**
   * Restores a {@link #state()}, so that training continues exactly.
   *
   * @throws IllegalArgumentException if the state is not {@linkplain State#isValid() valid}
   */
  public void restore(State state) {
    if (!state.isValid()) {
      throw new IllegalArgumentException("bad instance count or generator state");
    }
    instancesSeen = state.instancesSeen();
    bagging.restore(state.generatorState(), state.hasNextGaussian(), state.nextGaussian());
  }

  /** Stops the worker threads; the engine stays usable (single-threaded until it needs them). */
  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
      pool = null;
    }
  }
}
