package org.coppice.util;

/**
 * The linear congruential generator of {@link java.util.Random}, reimplemented so that its whole
 * state can be read and restored (for model files) and without the atomic update that {@code
 * java.util.Random} pays on every draw. For the same seed it produces exactly the sequences of
 * {@code java.util.Random} for every method here; MOA's learners and generators draw from {@code
 * java.util.Random}, so this is what lets Coppice reproduce them. Not thread-safe.
 */
public final class JavaRandom {
  private static final long MULTIPLIER = 0x5DEECE66DL;
  private static final long ADDEND = 0xBL;
  private static final long MASK = (1L << 48) - 1;
  private static final double DOUBLE_UNIT = 0x1.0p-53;

  private long seed;
  private double nextNextGaussian;
  private boolean haveNextNextGaussian;

  /** Same as {@code new java.util.Random(seed)}. */
  public JavaRandom(long seed) {
    setSeed(seed);
  }

  /** Same as {@code java.util.Random.setSeed}. */
  public void setSeed(long seed) {
    this.seed = (seed ^ MULTIPLIER) & MASK;
    this.haveNextNextGaussian = false;
  }

  private int next(int bits) {
    seed = (seed * MULTIPLIER + ADDEND) & MASK;
    return (int) (seed >>> (48 - bits));
  }

  public int nextInt() {
    return next(32);
  }

  /** Uniform in [0, bound); same algorithm as {@code java.util.Random.nextInt(int)}. */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    int r = next(31);
    int m = bound - 1;
    if ((bound & m) == 0) {
      return (int) ((bound * (long) r) >> 31);
    }
    for (int u = r; u - (r = u % bound) + m < 0; u = next(31)) {
      // rejection loop, as in java.util.Random
    }
    return r;
  }

  public long nextLong() {
    return ((long) next(32) << 32) + next(32);
  }

  public boolean nextBoolean() {
    return next(1) != 0;
  }

  public float nextFloat() {
    return next(24) / ((float) (1 << 24));
  }

  public double nextDouble() {
    return (((long) next(26) << 27) + next(27)) * DOUBLE_UNIT;
  }

  /** Same polar method and state as {@code java.util.Random.nextGaussian()}. */
  public double nextGaussian() {
    if (haveNextNextGaussian) {
      haveNextNextGaussian = false;
      return nextNextGaussian;
    }
    double v1;
    double v2;
    double s;
    do {
      v1 = 2 * nextDouble() - 1;
      v2 = 2 * nextDouble() - 1;
      s = v1 * v1 + v2 * v2;
    } while (s >= 1 || s == 0);
    double multiplier = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    nextNextGaussian = v2 * multiplier;
    haveNextNextGaussian = true;
    return v1 * multiplier;
  }

  // ---- state access, for model files ----

  /** The raw 48-bit LCG state (already scrambled). */
  public long state() {
    return seed;
  }

  public boolean hasNextGaussian() {
    return haveNextNextGaussian;
  }

  public double storedNextGaussian() {
    return nextNextGaussian;
  }

  /**
   * Restores a state read by {@link #state()}, {@link #hasNextGaussian()} and {@link
   * #storedNextGaussian()}.
   */
  public void restore(long rawState, boolean hasNextGaussian, double storedNextGaussian) {
    if ((rawState & ~MASK) != 0) {
      throw new IllegalArgumentException("random state has bits above 48: " + rawState);
    }
    this.seed = rawState;
    this.haveNextNextGaussian = hasNextGaussian;
    this.nextNextGaussian = storedNextGaussian;
  }

  /** An independent generator in the same state. */
  public JavaRandom copy() {
    JavaRandom r = new JavaRandom(0);
    r.restore(seed, haveNextNextGaussian, nextNextGaussian);
    return r;
  }
}
