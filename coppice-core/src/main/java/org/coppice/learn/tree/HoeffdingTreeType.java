package org.coppice.learn.tree;

import org.coppice.learn.Task;
import org.coppice.learn.registry.LearnerType;

/** The declaration of the Hoeffding tree learner, {@code ht}. */
public final class HoeffdingTreeType {
  private HoeffdingTreeType() {}

  /** MOA 2024.07 {@code trees.HoeffdingTree} with its defaults. */
  public static final LearnerType<HoeffdingTreeConfig, HoeffdingTree> TYPE = declare();

  private static LearnerType<HoeffdingTreeConfig, HoeffdingTree> declare() {
    HoeffdingTreeConfig defaults = HoeffdingTreeConfig.builder().build();
    LearnerType.Builder<HoeffdingTreeConfig, HoeffdingTree> b =
        LearnerType.builder("ht", Task.CLASSIFICATION, HoeffdingTree.class, 1);
    b.title("Hoeffding tree");
    TreeParameters.add(b, defaults, c -> c);
    return b.configure(s -> TreeParameters.configure(s, defaults))
        .configOf(HoeffdingTree::config)
        .factory((schema, config, threads) -> new HoeffdingTree(schema, config))
        .codec(new HoeffdingTreeCodec())
        .freezable()
        .structure(TreeParameters::lone)
        .build();
  }
}
