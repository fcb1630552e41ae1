package org.coppice.drift;

/**
 * A change detector on top of {@link Adwin} (Bifet and Gavaldà, "Learning from Time-Changing Data
 * with Adaptive Windowing", SDM 2007), as MOA 2024.07's {@code ADWINChangeDetector}: it reports a
 * change only when ADWIN cut its window at this input <em>and</em> the window mean rose. Fed with
 * error indicators (1 = error), it therefore signals only an increase in the error rate.
 *
 * <p>The ADWIN is created lazily at the first input, as in MOA; before that {@link #adwin()} is
 * null and {@link #estimation()} is 0. Never in a warning zone. Not thread-safe.
 */
public final class AdwinChangeDetector implements DriftDetector {
  /** MOA's default δ for this detector. */
  public static final double DEFAULT_DELTA = 0.002;

  private final double delta;
  private Adwin adwin;
  private boolean change;
  private double estimation;

  /** A detector with δ = {@link #DEFAULT_DELTA}. */
  public AdwinChangeDetector() {
    this(DEFAULT_DELTA);
  }

  /** A detector whose ADWIN uses confidence {@code delta} in (0, 1). */
  public AdwinChangeDetector(double delta) {
    if (!(delta > 0 && delta < 1)) {
      throw new IllegalArgumentException("delta must be in (0, 1): " + delta);
    }
    this.delta = delta;
  }

  /**
   * Feeds one value to the ADWIN.
   *
   * @return true if ADWIN cut its window and its mean is now higher than before this input
   */
  @Override
  public boolean update(double value) {
    change = false;
    if (adwin == null) {
      adwin = new Adwin(delta);
    }
    double before = adwin.estimation();
    if (adwin.setInput(value) && adwin.estimation() > before) {
      change = true;
    }
    estimation = adwin.estimation();
    return change;
  }

  /** Whether the last input reported a change. */
  public boolean changeDetected() {
    return change;
  }

  /** Always false, as in MOA. */
  @Override
  public boolean inWarningZone() {
    return false;
  }

  /** The ADWIN window mean after the last input, or 0 before the first input. */
  @Override
  public double estimation() {
    return estimation;
  }

  /** A detector with the same δ and no state. */
  @Override
  public AdwinChangeDetector freshCopy() {
    return new AdwinChangeDetector(delta);
  }

  /** The δ given to the ADWIN. */
  public double delta() {
    return delta;
  }

  /**
   * The underlying ADWIN (live, not a copy), or null before the first input. Exposed for model
   * files; feeding it directly bypasses this detector's bookkeeping.
   */
  public Adwin adwin() {
    return adwin;
  }

  /**
   * Rebuilds a detector from state read with {@link #delta()}, {@link #adwin()}, {@link
   * #changeDetected()} and {@link #estimation()}.
   *
   * @param adwin the window (taken over, not copied), or null if the detector never saw an input;
   *     its δ must equal {@code delta}
   */
  public static AdwinChangeDetector restore(
      double delta, Adwin adwin, boolean change, double estimation) {
    AdwinChangeDetector d = new AdwinChangeDetector(delta);
    if (adwin != null && Double.compare(adwin.delta(), delta) != 0) {
      throw new IllegalArgumentException(
          "ADWIN delta " + adwin.delta() + " differs from the detector's " + delta);
    }
    d.adwin = adwin;
    d.change = change;
    d.estimation = estimation;
    return d;
  }

  @Override
  public String toString() {
    return "AdwinChangeDetector{delta=" + delta + ", adwin=" + adwin + "}";
  }
}
