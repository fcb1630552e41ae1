package org.coppice.learn.ensemble;

import java.util.function.Supplier;
import org.coppice.drift.DriftDetector;
import org.coppice.state.ModelFormatException;
import org.coppice.state.SectionSink;
import org.coppice.state.StateReader;
import org.coppice.state.StateWriter;

/**
 * The engine's part of an ensemble's saved state (layout in docs/FORMAT.md §7.2 and §7.4), for the
 * learner's {@link org.coppice.learn.registry.StateCodec}: the engine state goes at the end of the
 * learner's header, and each member gets a section of its own.
 *
 * <p>A member section: performance (double) and results (long), the foreground learner; in the full
 * form then the counters (created on, background created on, warnings, drifts, last warning on,
 * last drift on: 6 longs), the drift and the warning detector (each a presence flag, then the
 * detector), and the background learner (a presence flag, then the learner in full form). The
 * frozen form stops after the foreground learner.
 */
public final class EnsembleCodec {
  private EnsembleCodec() {}

  /** Writes the engine's own state: instances seen, then the bagging generator. */
  public static void writeState(EnsembleEngine.State state, StateWriter w) {
    w.writeLong(state.instancesSeen());
    w.writeLong(state.generatorState());
    w.writeBoolean(state.hasNextGaussian());
    w.writeDouble(state.nextGaussian());
  }

  /** Reads what {@link #writeState} wrote (unchecked: see {@link EnsembleEngine.State#isValid}). */
  public static EnsembleEngine.State readState(StateReader r) {
    long seen = r.readLong();
    long state = r.readLong();
    boolean hasGaussian = r.readBoolean();
    double gaussian = r.readDouble();
    return new EnsembleEngine.State(seen, state, hasGaussian, gaussian);
  }

  /** Writes one section of kind {@code kind} per member, id = member index, in member order. */
  public static <L extends BaseLearner<L>> void writeMembers(
      EnsembleEngine<L> engine,
      SectionSink sink,
      int kind,
      boolean frozen,
      LearnerCodec<L> learners,
      DetectorCodec detectors) {
    for (int i = 0; i < engine.size(); i++) {
      writeMember(engine.member(i), sink.beginSection(kind, i), frozen, learners, detectors);
      sink.endSection();
    }
  }

  /** Writes member {@code m}'s section body. */
  public static <L extends BaseLearner<L>> void writeMember(
      EnsembleMember<L> m,
      StateWriter w,
      boolean frozen,
      LearnerCodec<L> learners,
      DetectorCodec detectors) {
    w.writeDouble(m.performance);
    w.writeLong(m.results);
    learners.write(m.foreground, w, frozen);
    if (frozen) {
      return;
    }
    w.writeLong(m.createdOn);
    w.writeLong(m.backgroundCreatedOn);
    w.writeLong(m.warnings);
    w.writeLong(m.drifts);
    w.writeLong(m.lastWarningOn);
    w.writeLong(m.lastDriftOn);
    writeDetector(m.drift, w, detectors);
    writeDetector(m.warning, w, detectors);
    w.writeBoolean(m.background != null);
    if (m.background != null) {
      learners.write(m.background, w, false);
    }
  }

  /**
   * Reads member {@code m}'s section body into {@code m} (of an engine built with the settings the
   * state was saved with). A frozen member keeps no detectors and cannot learn.
   *
   * @throws ModelFormatException if the section does not fit the engine's settings
   */
  public static <L extends BaseLearner<L>> void readMember(
      EnsembleMember<L> m,
      StateReader r,
      boolean frozen,
      LearnerCodec<L> learners,
      DetectorCodec detectors) {
    m.performance = r.readDouble();
    m.results = r.readLong();
    if (m.results < 0 || !(m.performance >= 0)) {
      throw new ModelFormatException(r.context() + ": bad accuracy counters");
    }
    L like = m.foreground;
    m.foreground = learners.read(r, frozen, like);
    if (frozen) {
      m.drift = null;
      m.warning = null;
      return;
    }
    m.createdOn = r.readLong();
    m.backgroundCreatedOn = r.readLong();
    m.warnings = r.readLong();
    m.drifts = r.readLong();
    m.lastWarningOn = r.readLong();
    m.lastDriftOn = r.readLong();
    EnsembleSettings s = m.settings();
    m.drift = readDetector(r, s.driftDetector(), detectors, "drift");
    m.warning = readDetector(r, s.warningDetector(), detectors, "warning");
    boolean hasBackground = r.readBoolean();
    if (hasBackground && !s.backgroundLearners()) {
      throw new ModelFormatException(r.context() + ": a background learner, but they are disabled");
    }
    m.background = hasBackground ? learners.read(r, false, like) : null;
  }

  private static void writeDetector(DriftDetector d, StateWriter w, DetectorCodec detectors) {
    w.writeBoolean(d != null);
    if (d != null) {
      detectors.write(d, w);
    }
  }

  private static DriftDetector readDetector(
      StateReader r,
      Supplier<? extends DriftDetector> factory,
      DetectorCodec detectors,
      String what) {
    boolean present = r.readBoolean();
    if (present != (factory != null)) {
      throw new ModelFormatException(
          r.context() + ": " + what + " detector " + (present ? "present" : "missing"));
    }
    return present ? detectors.read(r, factory.get(), what) : null;
  }
}
