package org.coppice.learn.tree;

import org.coppice.data.Schema;
import org.coppice.drift.Adwin;
import org.coppice.drift.AdwinChangeDetector;
import org.coppice.drift.DriftDetector;
import org.coppice.learn.registry.ModelCodec;
import org.coppice.learn.registry.StateCodec;
import org.coppice.state.ModelFormatException;
import org.coppice.state.SectionSink;
import org.coppice.state.SectionSource;
import org.coppice.state.StateReader;
import org.coppice.state.StateWriter;

/**
 * State codec of an {@link AdaptiveRandomForest} (layout in docs/FORMAT.md): the header continues
 * with the forest settings, the instance count and the bagging generator; then one {@link #MEMBER}
 * section per member (its trees, detectors and accuracy).
 */
final class ArfCodec implements StateCodec<AdaptiveRandomForest> {
  /** Section kind of a forest member. */
  static final int MEMBER = 3;

  private static final int MAX_MEMBERS = 1 << 20;

  @Override
  public int version() {
    return 1;
  }

  @Override
  public String sectionName(int kind) {
    return kind == MEMBER ? "members" : StateCodec.super.sectionName(kind);
  }

  @Override
  public void writeHeader(AdaptiveRandomForest arf, boolean frozen, StateWriter w) {
    TreeSettingsCodec.writeArfConfig(arf.config(), w);
    w.writeInt(arf.members.length);
    w.writeLong(arf.instancesSeen);
    w.writeLong(arf.bagging.state());
    w.writeBoolean(arf.bagging.hasNextGaussian());
    w.writeDouble(arf.bagging.storedNextGaussian());
  }

  @Override
  public void writeSections(AdaptiveRandomForest arf, boolean frozen, SectionSink sink) {
    for (ArfMember m : arf.members) {
      writeMember(m, sink.beginSection(MEMBER, m.index), frozen);
      sink.endSection();
    }
  }

  @Override
  public int sectionCount(AdaptiveRandomForest arf) {
    return arf.members.length;
  }

  @Override
  public AdaptiveRandomForest read(
      int version,
      Schema schema,
      boolean frozen,
      StateReader h,
      SectionSource source,
      int threads) {
    ArfConfig config = TreeSettingsCodec.readArfConfig(h, threads);
    int size = h.readCount("ensemble size", MAX_MEMBERS);
    if (size != config.ensembleSize()) {
      throw new ModelFormatException(
          h.context() + ": " + size + " members for ensemble size " + config.ensembleSize());
    }
    long seen = h.readLong();
    long state = h.readLong();
    boolean hasGaussian = h.readBoolean();
    double gaussian = h.readDouble();
    h.finish();
    if (seen < 0 || (state >>> 48) != 0) {
      throw new ModelFormatException(h.context() + ": bad instance count or generator state");
    }
    AdaptiveRandomForest arf;
    try {
      arf = new AdaptiveRandomForest(schema, config);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException("model header: " + e.getMessage(), e);
    }
    arf.instancesSeen = seen;
    arf.bagging.restore(state, hasGaussian, gaussian);
    ModelCodec.expectSections(source, 1 + size);
    for (int i = 0; i < size; i++) {
      ModelCodec.expectSection(source, 1 + i, MEMBER, i);
      StateReader r = source.open(1 + i);
      readMember(arf.members[i], r, frozen);
      r.finish();
    }
    arf.frozen = frozen;
    return arf;
  }

  private static void writeMember(ArfMember m, StateWriter w, boolean frozen) {
    w.writeDouble(m.evalCorrect);
    w.writeLong(m.evalCount);
    TreeCodec.write(m.tree, w, frozen);
    if (frozen) {
      return;
    }
    w.writeLong(m.createdOn);
    w.writeLong(m.backgroundCreatedOn);
    w.writeLong(m.warnings);
    w.writeLong(m.drifts);
    w.writeLong(m.lastWarningOn);
    w.writeLong(m.lastDriftOn);
    writeDetector(m.drift, w);
    writeDetector(m.warning, w);
    w.writeBoolean(m.background != null);
    if (m.background != null) {
      TreeCodec.write(m.background, w, false);
    }
  }

  private static void readMember(ArfMember m, StateReader r, boolean frozen) {
    m.evalCorrect = r.readDouble();
    m.evalCount = r.readLong();
    if (m.evalCount < 0 || !(m.evalCorrect >= 0)) {
      throw new ModelFormatException(r.context() + ": bad accuracy counters");
    }
    Schema schema = m.tree.schema;
    HoeffdingTreeConfig treeConfig = m.tree.config;
    m.tree = TreeCodec.read(schema, treeConfig, m.tree.layout, r, frozen);
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
    m.drift = readDetector(r, m.config.driftDelta(), m.config.driftDetection(), "drift");
    m.warning =
        readDetector(
            r,
            m.config.warningDelta(),
            m.config.driftDetection() && m.config.backgroundLearners(),
            "warning");
    boolean hasBackground = r.readBoolean();
    if (hasBackground && !m.config.backgroundLearners()) {
      throw new ModelFormatException(r.context() + ": a background tree, but they are disabled");
    }
    m.background =
        hasBackground ? TreeCodec.read(schema, treeConfig, m.tree.layout, r, false) : null;
  }

  // ---- detectors: ADWIN rows with only the buckets in use ----

  private static void writeDetector(DriftDetector d, StateWriter w) {
    w.writeBoolean(d != null);
    if (d == null) {
      return;
    }
    AdwinChangeDetector a = (AdwinChangeDetector) d;
    w.writeBoolean(a.changeDetected());
    w.writeDouble(a.estimation());
    Adwin adwin = a.adwin();
    w.writeBoolean(adwin != null);
    if (adwin == null) {
      return;
    }
    w.writeInt(adwin.time());
    w.writeDouble(adwin.total());
    w.writeDouble(adwin.varianceSum());
    int rows = adwin.rows();
    w.writeInt(rows);
    for (int row = 0; row < rows; row++) {
      int count = adwin.rowCount(row);
      w.writeInt(count);
      for (int slot = 0; slot < count; slot++) {
        w.writeDouble(adwin.bucketSum(row, slot));
        w.writeDouble(adwin.bucketVariance(row, slot));
      }
    }
  }

  private static DriftDetector readDetector(
      StateReader r, double delta, boolean expected, String what) {
    boolean present = r.readBoolean();
    if (present != expected) {
      throw new ModelFormatException(
          r.context() + ": " + what + " detector " + (present ? "present" : "missing"));
    }
    if (!present) {
      return null;
    }
    boolean change = r.readBoolean();
    double estimation = r.readDouble();
    Adwin adwin = null;
    if (r.readBoolean()) {
      int time = r.readInt();
      double total = r.readDouble();
      double varianceSum = r.readDouble();
      int rows = r.readCount(what + " ADWIN rows", 31, 4);
      if (rows < 1) {
        throw new ModelFormatException(r.context() + ": " + what + " ADWIN has no rows");
      }
      int[] counts = new int[rows];
      double[] sums = new double[rows * Adwin.ROW_STRIDE];
      double[] variances = new double[rows * Adwin.ROW_STRIDE];
      for (int row = 0; row < rows; row++) {
        int count = r.readCount(what + " ADWIN row size", Adwin.MAX_BUCKETS, 16);
        counts[row] = count;
        for (int slot = 0; slot < count; slot++) {
          sums[row * Adwin.ROW_STRIDE + slot] = r.readDouble();
          variances[row * Adwin.ROW_STRIDE + slot] = r.readDouble();
        }
      }
      try {
        adwin =
            Adwin.restore(
                delta, Adwin.DEFAULT_CLOCK, time, total, varianceSum, counts, sums, variances);
      } catch (IllegalArgumentException e) {
        throw new ModelFormatException(r.context() + ": " + what + " detector: " + e.getMessage());
      }
    }
    return AdwinChangeDetector.restore(delta, adwin, change, estimation);
  }
}
