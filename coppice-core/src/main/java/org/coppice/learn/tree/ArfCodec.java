package org.coppice.learn.tree;

import org.coppice.data.Schema;
import org.coppice.learn.ensemble.DetectorCodec;
import org.coppice.learn.ensemble.EnsembleCodec;
import org.coppice.learn.ensemble.EnsembleEngine;
import org.coppice.learn.ensemble.LearnerCodec;
import org.coppice.learn.registry.ModelCodec;
import org.coppice.learn.registry.StateCodec;
import org.coppice.state.ModelFormatException;
import org.coppice.state.SectionSink;
import org.coppice.state.SectionSource;
import org.coppice.state.StateReader;
import org.coppice.state.StateWriter;

/**
 * State codec of an {@link AdaptiveRandomForest} (layout in docs/FORMAT.md): the header continues
 * with the forest settings, the member count and the engine state (instance count and bagging
 * generator); then one {@link #MEMBER} section per member (its trees, ADWIN detectors and accuracy,
 * written by {@link EnsembleCodec}).
 */
final class ArfCodec implements StateCodec<AdaptiveRandomForest> {
  /** Section kind of a forest member. */
  static final int MEMBER = 3;

  private static final int MAX_MEMBERS = 1 << 20;

  /** A member's trees: {@link TreeCodec}, with the layout of the tree they replace. */
  private static final LearnerCodec<ForestTree> TREES =
      new LearnerCodec<>() {
        @Override
        public void write(ForestTree learner, StateWriter w, boolean frozen) {
          TreeCodec.write(learner.tree, w, frozen);
        }

        @Override
        public ForestTree read(StateReader r, boolean frozen, ForestTree like) {
          HoeffdingTree t = like.tree;
          return new ForestTree(TreeCodec.read(t.schema, t.config, t.layout, r, frozen));
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
  public void writeHeader(AdaptiveRandomForest arf, boolean frozen, StateWriter w) {
    TreeSettingsCodec.writeArfConfig(arf.config(), w);
    w.writeInt(arf.engine.size());
    EnsembleCodec.writeState(arf.engine.state(), w);
  }

  @Override
  public void writeSections(AdaptiveRandomForest arf, boolean frozen, SectionSink sink) {
    EnsembleCodec.writeMembers(arf.engine, sink, MEMBER, frozen, TREES, DetectorCodec.adwin());
  }

  @Override
  public int sectionCount(AdaptiveRandomForest arf) {
    return arf.engine.size();
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
    EnsembleEngine.State state = EnsembleCodec.readState(h);
    h.finish();
    if (!state.isValid()) {
      throw new ModelFormatException(h.context() + ": bad instance count or generator state");
    }
    AdaptiveRandomForest arf;
    try {
      arf = new AdaptiveRandomForest(schema, config);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException("model header: " + e.getMessage(), e);
    }
    arf.engine.restore(state);
    ModelCodec.expectSections(source, 1 + size);
    for (int i = 0; i < size; i++) {
      ModelCodec.expectSection(source, 1 + i, MEMBER, i);
      StateReader r = source.open(1 + i);
      EnsembleCodec.readMember(arf.engine.member(i), r, frozen, TREES, DetectorCodec.adwin());
      r.finish();
    }
    arf.frozen = frozen;
    return arf;
  }
}
