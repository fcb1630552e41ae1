package org.coppice.drift;

/**
 * The drift detection method DDM of Gama, Medas, Castillo and Rodrigues ("Learning with Drift
 * Detection", SBIA 2004), computed as MOA 2024.07's {@code DDM.java}. Inputs are error indicators
 * (1 = error, 0 = correct).
 *
 * <p>It tracks the error rate p and its deviation s = sqrt(p(1 - p)/n) and remembers the (p, s)
 * with the smallest p + s. After {@code minInstances} inputs it signals a change when p + s exceeds
 * p_min + {@code outControlLevel}·s_min, else a warning when p + s exceeds p_min + {@code
 * warningLevel}·s_min. The input after a change starts from a reset state.
 *
 * <p>Not thread-safe; no allocation per input.
 */
public final class Ddm implements DriftDetector {
  /** MOA's default minimum number of instances. */
  public static final int DEFAULT_MIN_INSTANCES = 30;

  /** MOA's default warning level. */
  public static final double DEFAULT_WARNING_LEVEL = 2.0;

  /** MOA's default out-of-control level. */
  public static final double DEFAULT_OUT_CONTROL_LEVEL = 3.0;

  private final int minInstances;
  private final double warningLevel;
  private final double outControlLevel;

  // n is one more than the number of inputs since the last reset, as in MOA.
  private int n;
  private double p;
  private double s;
  private double pMin;
  private double sMin;
  private double psMin;
  private boolean initialized;
  private boolean change;
  private boolean warning;

  /** A detector with MOA's defaults (30, 2.0, 3.0). */
  public Ddm() {
    this(DEFAULT_MIN_INSTANCES, DEFAULT_WARNING_LEVEL, DEFAULT_OUT_CONTROL_LEVEL);
  }

  /**
   * A detector.
   *
   * @param minInstances no signal before the counter reaches this many inputs; non-negative
   * @param warningLevel multiple of s_min above p_min that enters the warning zone
   * @param outControlLevel multiple of s_min above p_min that signals a change
   */
  public Ddm(int minInstances, double warningLevel, double outControlLevel) {
    if (minInstances < 0) {
      throw new IllegalArgumentException("minInstances must be >= 0: " + minInstances);
    }
    this.minInstances = minInstances;
    this.warningLevel = warningLevel;
    this.outControlLevel = outControlLevel;
    reset();
  }

  private void reset() {
    n = 1;
    p = 1;
    s = 0;
    pMin = Double.MAX_VALUE;
    sMin = Double.MAX_VALUE;
    psMin = Double.MAX_VALUE;
  }

  /**
   * Feeds one error indicator.
   *
   * @return true if the error rate is out of control at this input
   */
  @Override
  public boolean update(double value) {
    if (change || !initialized) {
      reset();
      initialized = true;
    }
    p = p + (value - p) / (double) n;
    s = Math.sqrt(p * (1 - p) / (double) n);
    n++;
    change = false;
    warning = false;
    if (n < minInstances) {
      return false;
    }
    if (p + s <= psMin) {
      pMin = p;
      sMin = s;
      psMin = p + s;
    }
    if (n > minInstances && p + s > pMin + outControlLevel * sMin) {
      change = true;
    } else if (p + s > pMin + warningLevel * sMin) {
      warning = true;
    }
    return change;
  }

  /** Whether the last input signalled a change. */
  public boolean changeDetected() {
    return change;
  }

  @Override
  public boolean inWarningZone() {
    return warning;
  }

  /** The error rate p after the last input, or 0 before the first input. */
  @Override
  public double estimation() {
    return initialized ? p : 0.0;
  }

  @Override
  public Ddm freshCopy() {
    return new Ddm(minInstances, warningLevel, outControlLevel);
  }

  // ---- state, for model files ----

  /** Inputs (counter n) needed before any signal. */
  public int minInstances() {
    return minInstances;
  }

  /** Multiple of s_min above p_min that enters the warning zone. */
  public double warningLevel() {
    return warningLevel;
  }

  /** Multiple of s_min above p_min that signals a change. */
  public double outControlLevel() {
    return outControlLevel;
  }

  /** The counter n: one more than the number of inputs since the last reset. */
  public int n() {
    return n;
  }

  /** The error rate p. */
  public double p() {
    return p;
  }

  /** The deviation s. */
  public double s() {
    return s;
  }

  /** The p of the smallest p + s seen since the last reset (Double.MAX_VALUE before). */
  public double pMin() {
    return pMin;
  }

  /** The s of the smallest p + s seen since the last reset (Double.MAX_VALUE before). */
  public double sMin() {
    return sMin;
  }

  /** The smallest p + s seen since the last reset (Double.MAX_VALUE before). */
  public double psMin() {
    return psMin;
  }

  /** Whether the detector has seen an input since its creation. */
  public boolean initialized() {
    return initialized;
  }

  /** Rebuilds a detector from the values of its accessors. */
  public static Ddm restore(
      int minInstances,
      double warningLevel,
      double outControlLevel,
      int n,
      double p,
      double s,
      double pMin,
      double sMin,
      double psMin,
      boolean initialized,
      boolean change,
      boolean warning) {
    if (n < 1) {
      throw new IllegalArgumentException("DDM counter must be >= 1: " + n);
    }
    Ddm d = new Ddm(minInstances, warningLevel, outControlLevel);
    d.n = n;
    d.p = p;
    d.s = s;
    d.pMin = pMin;
    d.sMin = sMin;
    d.psMin = psMin;
    d.initialized = initialized;
    d.change = change;
    d.warning = warning;
    return d;
  }

  @Override
  public String toString() {
    return String.format("Ddm{n=%d, p=%s, s=%s, change=%s, warning=%s}", n, p, s, change, warning);
  }
}
