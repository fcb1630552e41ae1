package org.coppice.learn.regression;

import org.coppice.data.Schema;
import org.coppice.learn.ensemble.DetectorCodec;
import org.coppice.learn.ensemble.EnsembleCodec;
import org.coppice.learn.ensemble.EnsembleEngine;
import org.coppice.learn.ensemble.LearnerCodec;
import org.coppice.learn.registry.ModelCodec;
import org.coppice.learn.registry.StateCodec;
import org.coppice.learn.regression.ArfRegressorConfig.DetectorInput;
import org.coppice.learn.tree.MaxFeatures;
import org.coppice.state.ModelFormatException;
import org.coppice.state.SectionSink;
import org.coppice.state.SectionSource;
import org.coppice.state.StateReader;
import org.coppice.state.StateWriter;

/**
 * State codec of an {@link AdaptiveRandomForestRegressor}, version 1 (layout in docs/FORMAT.md
 * §7.6). The header continues with the forest settings (trees, max-features mode and value, λ,
 * drift δ, warning δ, drift detection, background trees, detector input, seed), the tree settings
 * (as {@link RegressionTreeCodec} writes them, then the resolved subspace size), the member count
 * and the engine state (instance count and bagging generator). One {@link #MEMBER} section per
 * member follows, written by {@link EnsembleCodec}, whose trees are written by {@link
 * RegressionTreeCodec#write}.
 */
final class ArfRegressorCodec implements StateCodec<AdaptiveRandomForestRegressor> {
  /** Section kind of a forest member. */
  static final int MEMBER = 3;

  private static final int MAX_MEMBERS = 1 << 20;

  /** A member's trees, read into a new tree with the settings of the one they replace. */
  private static final LearnerCodec<ForestRegressionTree> TREES =
      new LearnerCodec<>() {
        @Override
        public void write(ForestRegressionTree learner, StateWriter w, boolean frozen) {
          RegressionTreeCodec.write(learner.tree, frozen, w);
        }

        @Override
        public ForestRegressionTree read(StateReader r, boolean frozen, ForestRegressionTree like) {
          RegressionTree t = like.tree.emptyCopy();
          RegressionTreeCodec.read(t, frozen, r);
          return new ForestRegressionTree(t);
        }
      };

  @Override
  public int version() {
    return 1;
  }

  @Override
  public String sectionName(int kind) {
    return kind == MEMBER ? "members" : StateCodec.super.sectionName(kind);
  }

  @Override
  public void writeHeader(AdaptiveRandomForestRegressor f, boolean frozen, StateWriter w) {
    ArfRegressorConfig c = f.config();
    w.writeInt(c.ensembleSize());
    w.writeInt(c.maxFeatures().mode().ordinal());
    w.writeInt(c.maxFeatures().value());
    w.writeDouble(c.lambda());
    w.writeDouble(c.driftDelta());
    w.writeDouble(c.warningDelta());
    w.writeBoolean(c.driftDetection());
    w.writeBoolean(c.backgroundLearners());
    w.writeInt(c.detectorInput().ordinal());
    w.writeLong(c.seed());
    RegressionTreeConfig t = c.tree();
    w.writeInt(t.gracePeriod());
    w.writeDouble(t.splitConfidence());
    w.writeDouble(t.tieThreshold());
    w.writeDouble(t.phAlpha());
    w.writeInt(t.phThreshold());
    w.writeDouble(t.alternateFadingFactor());
    w.writeInt(t.alternateMinInstances());
    w.writeInt(t.alternateMaxInstances());
    w.writeBoolean(t.perceptronLeaves());
    w.writeDouble(t.learningRate());
    w.writeDouble(t.learningRateDecay());
    w.writeBoolean(t.constantLearningRate());
    w.writeLong(t.seed());
    w.writeInt(f.subspaceSize());
    w.writeInt(f.engine.size());
    EnsembleCodec.writeState(f.engine.state(), w);
  }

  @Override
  public void writeSections(AdaptiveRandomForestRegressor f, boolean frozen, SectionSink sink) {
    EnsembleCodec.writeMembers(f.engine, sink, MEMBER, frozen, TREES, DetectorCodec.adwin());
  }

  @Override
  public int sectionCount(AdaptiveRandomForestRegressor f) {
    return f.engine.size();
  }

  @Override
  public AdaptiveRandomForestRegressor read(
      int version,
      Schema schema,
      boolean frozen,
      StateReader h,
      SectionSource source,
      int threads) {
    ArfRegressorConfig config;
    int subspace;
    try {
      ArfRegressorConfig.Builder b =
          ArfRegressorConfig.builder()
              .ensembleSize(h.readInt())
              .maxFeatures(
                  new MaxFeatures(
                      MaxFeatures.Mode.values()[h.readIndex("max features mode", 4)], h.readInt()))
              .lambda(h.readDouble())
              .driftDelta(h.readDouble())
              .warningDelta(h.readDouble())
              .driftDetection(h.readBoolean())
              .backgroundLearners(h.readBoolean())
              .detectorInput(DetectorInput.values()[h.readIndex("detector input", 2)])
              .seed(h.readLong())
              .threads(Math.max(1, threads));
      RegressionTreeConfig tree =
          new RegressionTreeConfig(
              h.readInt(),
              h.readDouble(),
              h.readDouble(),
              h.readDouble(),
              h.readInt(),
              h.readDouble(),
              h.readInt(),
              h.readInt(),
              h.readBoolean(),
              h.readDouble(),
              h.readDouble(),
              h.readBoolean(),
              h.readLong());
      config = b.tree(tree).build();
      subspace = h.readInt();
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(h.context() + ": forest settings: " + e.getMessage(), e);
    }
    int size = h.readCount("ensemble size", MAX_MEMBERS);
    if (size != config.ensembleSize()) {
      throw new ModelFormatException(
          h.context() + ": " + size + " members for ensemble size " + config.ensembleSize());
    }
    EnsembleEngine.State state = EnsembleCodec.readState(h);
    h.finish();
    if (!state.isValid()) {
      throw new ModelFormatException(h.context() + ": bad instance count or generator state");
    }
    AdaptiveRandomForestRegressor f;
    try {
      f = new AdaptiveRandomForestRegressor(schema, config);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException("model header: " + e.getMessage(), e);
    }
    if (subspace != f.subspaceSize()) {
      throw new ModelFormatException(
          h.context() + ": subspace size " + subspace + ", the settings give " + f.subspaceSize());
    }
    f.engine.restore(state);
    ModelCodec.expectSections(source, 1 + size);
    for (int i = 0; i < size; i++) {
      ModelCodec.expectSection(source, 1 + i, MEMBER, i);
      StateReader r = source.open(1 + i);
      EnsembleCodec.readMember(f.engine.member(i), r, frozen, TREES, DetectorCodec.adwin());
      r.finish();
    }
    f.frozen = frozen;
    return f;
  }
}
