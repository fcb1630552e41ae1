package org.coppice.learn.tree;

import java.util.ArrayList;
import java.util.List;
import org.coppice.data.Attribute;
import org.coppice.data.Schema;
import org.coppice.drift.Adwin;
import org.coppice.drift.AdwinChangeDetector;
import org.coppice.drift.DriftDetector;
import org.coppice.learn.Classifier;
import org.coppice.state.ModelFormatException;
import org.coppice.state.SectionSink;
import org.coppice.state.SectionSource;
import org.coppice.state.StateReader;
import org.coppice.state.StateWriter;

/**
 * Saves and loads the complete state of a {@link HoeffdingTree} or an {@link AdaptiveRandomForest}
 * through typed sections (layout in docs/FORMAT.md). Section {@link #HEADER}: learner kind, schema,
 * every hyper-parameter and the forest's own counters and generator; then one {@link #TREE} section
 * for a Hoeffding tree, or one {@link #MEMBER} section per forest member (its trees, detectors and
 * accuracy).
 *
 * <p>The full form restores learning exactly: training on A, saving, loading and training on B
 * gives the same state, byte for byte, as training on A then B. The frozen form keeps only what
 * prediction needs and cannot learn. Nothing read from a file names a class or runs code; every
 * count is checked before allocation and every index before use.
 */
public final class ModelCodec {
  /** Section kinds. */
  public static final int HEADER = 1;

  public static final int TREE = 2;
  public static final int MEMBER = 3;

  /**
   * Version of the learner state layout inside the sections; raised whenever it changes,
   * independently of the container's format version. Readers accept the versions they know.
   */
  public static final int STATE_VERSION = 1;

  static final int LEARNER_HOEFFDING_TREE = 1;
  static final int LEARNER_ARF = 2;

  private static final int MAX_NAME_BYTES = 1 << 16;
  private static final int MAX_VALUES = 1 << 24;
  private static final int MAX_FEATURES = 1 << 24;
  private static final int MAX_MEMBERS = 1 << 20;

  private ModelCodec() {}

  /** True if {@code model} can be saved by this codec. */
  public static boolean supports(Classifier model) {
    return model instanceof HoeffdingTree || model instanceof AdaptiveRandomForest;
  }

  /** A short name of the learner kind ("hoeffding-tree" or "adaptive-random-forest"). */
  public static String learnerName(Classifier model) {
    if (model instanceof HoeffdingTree) {
      return "hoeffding-tree";
    }
    if (model instanceof AdaptiveRandomForest) {
      return "adaptive-random-forest";
    }
    return model.getClass().getSimpleName();
  }

  /**
   * Writes {@code model} to {@code sink}.
   *
   * @param frozen write the inference-only form
   * @throws IllegalArgumentException if the model is of a kind this codec does not save
   */
  public static void save(Classifier model, SectionSink sink, boolean frozen) {
    if (model instanceof HoeffdingTree tree) {
      StateWriter w = sink.beginSection(HEADER, 0);
      w.writeInt(STATE_VERSION);
      w.writeInt(LEARNER_HOEFFDING_TREE);
      w.writeBoolean(frozen || tree.frozen);
      writeSchema(tree.schema(), w);
      writeTreeConfig(tree.config(), w);
      sink.endSection();
      TreeCodec.write(tree, sink.beginSection(TREE, 0), frozen || tree.frozen);
      sink.endSection();
      return;
    }
    if (model instanceof AdaptiveRandomForest arf) {
      boolean asFrozen = frozen || arf.frozen;
      StateWriter w = sink.beginSection(HEADER, 0);
      w.writeInt(STATE_VERSION);
      w.writeInt(LEARNER_ARF);
      w.writeBoolean(asFrozen);
      writeSchema(arf.schema(), w);
      writeArfConfig(arf.config(), w);
      w.writeInt(arf.members.length);
      w.writeLong(arf.instancesSeen);
      w.writeLong(arf.bagging.state());
      w.writeBoolean(arf.bagging.hasNextGaussian());
      w.writeDouble(arf.bagging.storedNextGaussian());
      sink.endSection();
      for (ArfMember m : arf.members) {
        writeMember(m, sink.beginSection(MEMBER, m.index), asFrozen);
        sink.endSection();
      }
      return;
    }
    throw new IllegalArgumentException(
        "saving a " + learnerName(model) + " is not supported; save an ARF or a Hoeffding tree");
  }

  /**
   * Reads a model written by {@link #save}. {@code threads} sets how many cores a loaded forest
   * trains with (it is not part of the model).
   *
   * @throws ModelFormatException if the sections are missing, out of order, or inconsistent
   */
  public static Classifier load(SectionSource source, int threads) {
    if (source.sectionCount() < 1 || source.kind(0) != HEADER) {
      throw new ModelFormatException("model: the first section is not a header");
    }
    StateReader h = source.open(0);
    int version = h.readInt();
    if (version != STATE_VERSION) {
      throw new ModelFormatException(
          h.context()
              + ": learner state version "
              + version
              + " is not supported (this Coppice reads version "
              + STATE_VERSION
              + ")");
    }
    int learner = h.readInt();
    boolean frozen = h.readBoolean();
    Schema schema = readSchema(h);
    if (learner == LEARNER_HOEFFDING_TREE) {
      HoeffdingTreeConfig config = readTreeConfig(h);
      h.finish();
      expectSections(source, 2);
      expectSection(source, 1, TREE, 0);
      StateReader r = source.open(1);
      HoeffdingTree tree =
          TreeCodec.read(schema, config, new HoeffdingTree.Layout(schema), r, frozen);
      r.finish();
      tree.frozen = frozen;
      return tree;
    }
    if (learner != LEARNER_ARF) {
      throw new ModelFormatException(h.context() + ": unknown learner kind " + learner);
    }
    ArfConfig config = readArfConfig(h, threads);
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
    expectSections(source, 1 + size);
    for (int i = 0; i < size; i++) {
      expectSection(source, 1 + i, MEMBER, i);
      StateReader r = source.open(1 + i);
      readMember(arf.members[i], r, frozen);
      r.finish();
    }
    arf.frozen = frozen;
    return arf;
  }

  private static void expectSections(SectionSource source, int count) {
    if (source.sectionCount() != count) {
      throw new ModelFormatException(
          "model: " + source.sectionCount() + " sections, expected " + count);
    }
  }

  private static void expectSection(SectionSource source, int i, int kind, int id) {
    if (source.kind(i) != kind || source.id(i) != id) {
      throw new ModelFormatException(
          "model: section "
              + i
              + " is kind "
              + source.kind(i)
              + " id "
              + source.id(i)
              + ", expected kind "
              + kind
              + " id "
              + id);
    }
  }

  // ---- members ----

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

  // ---- schema and configuration ----

  private static void writeSchema(Schema s, StateWriter w) {
    w.writeString(s.relation());
    w.writeInt(s.numFeatures());
    for (Attribute a : s.features()) {
      writeAttribute(a, w);
    }
    writeAttribute(s.target(), w);
  }

  private static void writeAttribute(Attribute a, StateWriter w) {
    w.writeString(a.name());
    w.writeBoolean(a.isNominal());
    if (a.isNominal()) {
      w.writeInt(a.numValues());
      for (String v : a.values()) {
        w.writeString(v);
      }
    }
  }

  private static Schema readSchema(StateReader r) {
    String relation = r.readString("relation", MAX_NAME_BYTES);
    int n = r.readCount("feature count", MAX_FEATURES, 5);
    List<Attribute> features = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      features.add(readAttribute(r));
    }
    Attribute target = readAttribute(r);
    try {
      return new Schema(relation, features, target);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(r.context() + ": schema: " + e.getMessage(), e);
    }
  }

  private static Attribute readAttribute(StateReader r) {
    String name = r.readString("attribute name", MAX_NAME_BYTES);
    if (!r.readBoolean()) {
      return Attribute.numeric(name);
    }
    int k = r.readCount("nominal value count of '" + name + "'", MAX_VALUES, 4);
    List<String> values = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      values.add(r.readString("nominal value", MAX_NAME_BYTES));
    }
    try {
      return Attribute.nominal(name, values);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(r.context() + ": " + e.getMessage(), e);
    }
  }

  private static void writeTreeConfig(HoeffdingTreeConfig c, StateWriter w) {
    w.writeInt(c.gracePeriod());
    w.writeDouble(c.splitConfidence());
    w.writeDouble(c.tieThreshold());
    w.writeInt(c.splitCriterion().ordinal());
    w.writeDouble(c.minBranchFraction());
    w.writeInt(c.leafPrediction().ordinal());
    w.writeDouble(c.nbThreshold());
    w.writeInt(c.numBins());
    w.writeBoolean(c.binarySplits());
    w.writeBoolean(c.noPrePrune());
    w.writeInt(c.subspaceSize());
    w.writeLong(c.seed());
  }

  private static HoeffdingTreeConfig readTreeConfig(StateReader r) {
    try {
      return HoeffdingTreeConfig.builder()
          .gracePeriod(r.readInt())
          .splitConfidence(r.readDouble())
          .tieThreshold(r.readDouble())
          .splitCriterion(SplitCriterion.values()[r.readIndex("split criterion", 2)])
          .minBranchFraction(r.readDouble())
          .leafPrediction(LeafPrediction.values()[r.readIndex("leaf prediction", 3)])
          .nbThreshold(r.readDouble())
          .numBins(checkBins(r.readInt(), r))
          .binarySplits(r.readBoolean())
          .noPrePrune(r.readBoolean())
          .subspaceSize(r.readInt())
          .seed(r.readLong())
          .build();
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(r.context() + ": tree settings: " + e.getMessage(), e);
    }
  }

  /** The bin count sizes a scratch array, so bound it before anything is allocated. */
  private static int checkBins(int bins, StateReader r) {
    if (bins < 1 || bins > 1 << 16) {
      throw new ModelFormatException(r.context() + ": number of bins " + bins + " out of range");
    }
    return bins;
  }

  private static void writeArfConfig(ArfConfig c, StateWriter w) {
    w.writeInt(c.ensembleSize());
    w.writeInt(c.maxFeatures().mode().ordinal());
    w.writeInt(c.maxFeatures().value());
    w.writeDouble(c.lambda());
    w.writeDouble(c.driftDelta());
    w.writeDouble(c.warningDelta());
    w.writeBoolean(c.weightedVote());
    w.writeBoolean(c.driftDetection());
    w.writeBoolean(c.backgroundLearners());
    w.writeLong(c.seed());
    writeTreeConfig(c.tree(), w);
  }

  private static ArfConfig readArfConfig(StateReader r, int threads) {
    try {
      ArfConfig.Builder b =
          ArfConfig.builder()
              .ensembleSize(r.readInt())
              .maxFeatures(
                  new MaxFeatures(
                      MaxFeatures.Mode.values()[r.readIndex("max features mode", 4)], r.readInt()))
              .lambda(r.readDouble())
              .driftDelta(r.readDouble())
              .warningDelta(r.readDouble())
              .weightedVote(r.readBoolean())
              .driftDetection(r.readBoolean())
              .backgroundLearners(r.readBoolean())
              .seed(r.readLong())
              .threads(Math.max(1, threads));
      return b.tree(readTreeConfig(r)).build();
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(r.context() + ": forest settings: " + e.getMessage(), e);
    }
  }
}
