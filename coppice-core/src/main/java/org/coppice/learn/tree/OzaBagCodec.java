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
 * State codec of an {@link OzaBag}: the header holds the member count, the seed, the tree settings
 * and the engine state (instance count and bagging generator); then one {@link #MEMBER} section per
 * tree, written by {@link EnsembleCodec} (no detectors, no background trees).
 */
final class OzaBagCodec implements StateCodec<OzaBag> {
  /** Section kind of a member. */
  static final int MEMBER = 3;

  private static final int MAX_MEMBERS = 1 << 20;

  /** A member's tree: {@link TreeCodec}, with the layout of the tree it replaces. */
  static final LearnerCodec<ForestTree> TREES =
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
  public void writeHeader(OzaBag bag, boolean frozen, StateWriter w) {
    w.writeInt(bag.engine.size());
    w.writeLong(bag.config().seed());
    TreeSettingsCodec.writeTreeConfig(bag.config().tree(), w);
    EnsembleCodec.writeState(bag.engine.state(), w);
  }

  @Override
  public void writeSections(OzaBag bag, boolean frozen, SectionSink sink) {
    EnsembleCodec.writeMembers(bag.engine, sink, MEMBER, frozen, TREES, DetectorCodec.adwin());
  }

  @Override
  public int sectionCount(OzaBag bag) {
    return bag.engine.size();
  }

  @Override
  public OzaBag read(
      int version,
      Schema schema,
      boolean frozen,
      StateReader h,
      SectionSource source,
      int threads) {
    int size = h.readCount("ensemble size", MAX_MEMBERS);
    long seed = h.readLong();
    HoeffdingTreeConfig tree = TreeSettingsCodec.readTreeConfig(h);
    EnsembleEngine.State state = EnsembleCodec.readState(h);
    h.finish();
    if (!state.isValid()) {
      throw new ModelFormatException(h.context() + ": bad instance count or generator state");
    }
    OzaBag bag;
    try {
      bag = new OzaBag(schema, new OzaBagConfig(size, seed, Math.max(1, threads), tree));
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException("model header: " + e.getMessage(), e);
    }
    bag.engine.restore(state);
    ModelCodec.expectSections(source, 1 + size);
    for (int i = 0; i < size; i++) {
      ModelCodec.expectSection(source, 1 + i, MEMBER, i);
      StateReader r = source.open(1 + i);
      EnsembleCodec.readMember(bag.engine.member(i), r, frozen, TREES, DetectorCodec.adwin());
      r.finish();
    }
    bag.frozen = frozen;
    return bag;
  }
}
