package org.coppice.learn.tree;

import org.coppice.data.Schema;
import org.coppice.learn.registry.ModelCodec;
import org.coppice.learn.registry.StateCodec;
import org.coppice.state.SectionSink;
import org.coppice.state.SectionSource;
import org.coppice.state.StateReader;
import org.coppice.state.StateWriter;

/**
 * State codec of a {@link HoeffdingTree} (layout in docs/FORMAT.md): the header continues with the
 * tree settings, then one {@link #TREE} section holds the tree's arrays ({@link TreeCodec}).
 */
final class HoeffdingTreeCodec implements StateCodec<HoeffdingTree> {
  /** Section kind of a lone tree. */
  static final int TREE = 2;

  @Override
  public int version() {
    return 1;
  }

  @Override
  public String sectionName(int kind) {
    return kind == TREE ? "trees" : StateCodec.super.sectionName(kind);
  }

  @Override
  public void writeHeader(HoeffdingTree tree, boolean frozen, StateWriter w) {
    TreeSettingsCodec.writeTreeConfig(tree.config(), w);
  }

  @Override
  public void writeSections(HoeffdingTree tree, boolean frozen, SectionSink sink) {
    TreeCodec.write(tree, sink.beginSection(TREE, 0), frozen);
    sink.endSection();
  }

  @Override
  public int sectionCount(HoeffdingTree tree) {
    return 1;
  }

  @Override
  public HoeffdingTree read(
      int version,
      Schema schema,
      boolean frozen,
      StateReader h,
      SectionSource source,
      int threads) {
    HoeffdingTreeConfig config = TreeSettingsCodec.readTreeConfig(h);
    h.finish();
    ModelCodec.expectSections(source, 2);
    ModelCodec.expectSection(source, 1, TREE, 0);
    StateReader r = source.open(1);
    HoeffdingTree tree = TreeCodec.read(schema, config, new ObserverPool.Layout(schema), r, frozen);
    r.finish();
    tree.frozen = frozen;
    return tree;
  }
}
