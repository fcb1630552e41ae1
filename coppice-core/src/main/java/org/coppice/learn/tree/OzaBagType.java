package org.coppice.learn.tree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coppice.learn.Task;
import org.coppice.learn.registry.LearnerType;
import org.coppice.learn.registry.Parameter;

/** The declaration of online bagging of Hoeffding trees, {@code oza-bag}. */
public final class OzaBagType {
  private OzaBagType() {}

  /** MOA 2024.07 {@code meta.OzaBag} with its defaults (10 default Hoeffding trees). */
  public static final LearnerType<OzaBagConfig, OzaBag> TYPE = declare();

  private static LearnerType<OzaBagConfig, OzaBag> declare() {
    OzaBagConfig d = OzaBagConfig.defaults();
    LearnerType.Builder<OzaBagConfig, OzaBag> b =
        LearnerType.builder("oza-bag", Task.CLASSIFICATION, OzaBag.class, 7);
    b.title("Online bagging (Oza and Russell)")
        .parameter(
            Parameter.integer("trees", d.ensembleSize(), 1, 1 << 20, "number of trees (MOA -s)"),
            OzaBagConfig::ensembleSize)
        .parameter(
            Parameter.longInteger("seed", d.seed(), "seed of the Poisson(1) weights (MOA -r)"),
            OzaBagConfig::seed);
    TreeParameters.add(b, d.tree(), OzaBagConfig::tree);
    b.parameter(ArfType.THREADS, OzaBagConfig::threads);
    return b.configure(
            s ->
                new OzaBagConfig(
                    s.intValue("trees"),
                    s.longValue("seed"),
                    ArfType.threads(s.intValue("threads")),
                    TreeParameters.configure(s, d.tree())))
        .configOf(OzaBag::config)
        .factory((schema, config, threads) -> new OzaBag(schema, config))
        .codec(new OzaBagCodec())
        .freezable()
        .parallel()
        .structure(OzaBagType::structure)
        .build();
  }

  /** Members, their total nodes and leaves, the deepest tree, and one row per tree. */
  static Map<String, Object> structure(int size, long seen, List<HoeffdingTree> trees) {
    List<Map<String, Object>> perTree = new ArrayList<>();
    long nodes = 0;
    long leaves = 0;
    int maxDepth = -1;
    for (int i = 0; i < size; i++) {
      HoeffdingTree t = trees.get(i);
      Map<String, Object> tree = new LinkedHashMap<>();
      tree.put("index", i);
      tree.putAll(TreeParameters.shape(t));
      nodes += t.numNodes();
      leaves += t.numLeaves();
      maxDepth = Math.max(maxDepth, t.depth());
      perTree.add(tree);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("trees", size);
    m.put("instances_seen", seen);
    m.put("nodes", nodes);
    m.put("leaves", leaves);
    m.put("max_depth", maxDepth);
    m.put("per_tree", perTree);
    return m;
  }

  private static Map<String, Object> structure(OzaBag bag) {
    List<HoeffdingTree> trees = new ArrayList<>();
    for (int i = 0; i < bag.ensembleSize(); i++) {
      trees.add(bag.tree(i));
    }
    return structure(bag.ensembleSize(), bag.instancesSeen(), trees);
  }
}
