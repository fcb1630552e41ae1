package org.coppice.learn.tree;

import org.coppice.data.Schema;
import org.coppice.drift.AdwinChangeDetector;
import org.coppice.learn.ensemble.DetectorCodec;
import org.coppice.learn.ensemble.EnsembleCodec;
import org.coppice.learn.ensemble.EnsembleEngine;
import org.coppice.learn.registry.ModelCodec;
import org.coppice.learn.registry.StateCodec;
import org.coppice.state.ModelFormatException;
import org.coppice.state.SectionSink;
import org.coppice.state.SectionSource;
import org.coppice.state.StateReader;
import org.coppice.state.StateWriter;

/**
 * State codec of a {@link LeveragingBag}: the header holds the member count, λ, the ADWIN δ, the
 * seed, the tree settings, the instance count and bagging generator ({@link
 * EnsembleCodec#writeState}) and the change count; then one {@link #MEMBER} section per tree: the
 * tree ({@link TreeCodec}), and in the full form its reset count and its ADWIN monitor ({@link
 * DetectorCodec#adwin()}).
 */
final class LeveragingBagCodec implements StateCodec<LeveragingBag> {
  /** Section kind of a member. */
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
  public void writeHeader(LeveragingBag bag, boolean frozen, StateWriter w) {
    LeveragingBagConfig c = bag.config();
    w.writeInt(c.ensembleSize());
    w.writeDouble(c.lambda());
    w.writeDouble(c.adwinDelta());
    w.writeLong(c.seed());
    TreeSettingsCodec.writeTreeConfig(c.tree(), w);
    EnsembleCodec.writeState(bag.state(), w);
    w.writeLong(bag.changes);
  }

  @Override
  public void writeSections(LeveragingBag bag, boolean frozen, SectionSink sink) {
    for (int i = 0; i < bag.ensembleSize(); i++) {
      StateWriter w = sink.beginSection(MEMBER, i);
      OzaBagCodec.TREES.write(bag.trees[i], w, frozen);
      if (!frozen) {
        w.writeLong(bag.resets[i]);
        DetectorCodec.adwin().write(bag.monitors[i], w);
      }
      sink.endSection();
    }
  }

  @Override
  public int sectionCount(LeveragingBag bag) {
    return bag.ensembleSize();
  }

  @Override
  public LeveragingBag read(
      int version,
      Schema schema,
      boolean frozen,
      StateReader h,
      SectionSource source,
      int threads) {
    int size = h.readCount("ensemble size", MAX_MEMBERS);
    double lambda = h.readDouble();
    double delta = h.readDouble();
    long seed = h.readLong();
    HoeffdingTreeConfig tree = TreeSettingsCodec.readTreeConfig(h);
    EnsembleEngine.State state = EnsembleCodec.readState(h);
    long changes = h.readLong();
    h.finish();
    if (!state.isValid() || changes < 0) {
      throw new ModelFormatException(
          h.context() + ": bad instance count, change count or generator state");
    }
    LeveragingBag bag;
    try {
      bag =
          new LeveragingBag(
              schema,
              new LeveragingBagConfig(size, lambda, delta, seed, Math.max(1, threads), tree));
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException("model header: " + e.getMessage(), e);
    }
    bag.restore(state);
    bag.changes = changes;
    ModelCodec.expectSections(source, 1 + size);
    for (int i = 0; i < size; i++) {
      ModelCodec.expectSection(source, 1 + i, MEMBER, i);
      StateReader r = source.open(1 + i);
      bag.trees[i] = OzaBagCodec.TREES.read(r, frozen, bag.trees[i]);
      if (frozen) {
        bag.monitors[i] = null;
      } else {
        long resets = r.readLong();
        if (resets < 0) {
          throw new ModelFormatException(r.context() + ": negative reset count");
        }
        bag.resets[i] = resets;
        bag.monitors[i] =
            (AdwinChangeDetector) DetectorCodec.adwin().read(r, bag.monitors[i], "monitor");
      }
      r.finish();
    }
    bag.frozen = frozen;
    return bag;
  }
}
