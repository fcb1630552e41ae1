package org.coppice.learn.tree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coppice.learn.Task;
import org.coppice.learn.registry.LearnerType;
import org.coppice.learn.registry.Parameter;

/** The declaration of the Adaptive Random Forest classifier, {@code arf}. */
public final class ArfType {
  private ArfType() {}

  /** The number of threads: 0 means every core. Never changes results. */
  static final Parameter THREADS =
      Parameter.integer(
              "threads",
              0,
              0,
              4096,
              "threads that train the members (0: all cores); results do not depend on it")
          .runtime();

  /** MOA 2024.07 {@code meta.AdaptiveRandomForest} with its defaults. */
  public static final LearnerType<ArfConfig, AdaptiveRandomForest> TYPE = declare();

  private static LearnerType<ArfConfig, AdaptiveRandomForest> declare() {
    ArfConfig d = ArfConfig.builder().build();
    LearnerType.Builder<ArfConfig, AdaptiveRandomForest> b =
        LearnerType.builder("arf", Task.CLASSIFICATION, AdaptiveRandomForest.class, 2);
    b.title("Adaptive Random Forest")
        .parameter(
            Parameter.integer("trees", d.ensembleSize(), 1, 1 << 20, "number of trees (MOA -s)"),
            ArfConfig::ensembleSize)
        .parameter(
            Parameter.longInteger(
                "seed", d.seed(), "seed of the bagging weights and the subspaces (MOA -r)"),
            ArfConfig::seed)
        .parameter(
            Parameter.text(
                "max-features",
                d.maxFeatures().toString(),
                MaxFeatures::parse,
                "features per leaf subspace: sqrt (sqrt(M)+1), a percentage like 60%, a count"
                    + " like 5, -2 (all but 2) or all (MOA -o, -m)"),
            ArfConfig::maxFeatures)
        .parameter(
            Parameter.number(
                "lambda",
                d.lambda(),
                Double.MIN_VALUE,
                1e6,
                "lambda of the Poisson weights of online bagging (MOA -a)"),
            ArfConfig::lambda)
        .parameter(
            Parameter.number(
                "drift-delta",
                d.driftDelta(),
                Double.MIN_VALUE,
                Math.nextDown(1.0),
                "ADWIN delta of the drift detectors (MOA -x)"),
            ArfConfig::driftDelta)
        .parameter(
            Parameter.number(
                "warning-delta",
                d.warningDelta(),
                Double.MIN_VALUE,
                Math.nextDown(1.0),
                "ADWIN delta of the warning detectors (MOA -p)"),
            ArfConfig::warningDelta)
        .parameter(
            Parameter.bool(
                "drift-detection", d.driftDetection(), "detect drifts and warnings (MOA -u off)"),
            ArfConfig::driftDetection)
        .parameter(
            Parameter.bool(
                "background",
                d.backgroundLearners(),
                "grow a background tree on a warning (MOA -q off)"),
            ArfConfig::backgroundLearners)
        .parameter(
            Parameter.bool(
                "weighted-vote",
                d.weightedVote(),
                "weight each tree's vote by its accuracy (MOA -w off)"),
            ArfConfig::weightedVote);
    TreeParameters.add(b, d.tree(), ArfConfig::tree);
    b.parameter(THREADS, ArfConfig::threads);
    return b.configure(
            s ->
                ArfConfig.builder()
                    .ensembleSize(s.intValue("trees"))
                    .seed(s.longValue("seed"))
                    .maxFeatures(s.text("max-features", MaxFeatures.class))
                    .lambda(s.doubleValue("lambda"))
                    .driftDelta(s.doubleValue("drift-delta"))
                    .warningDelta(s.doubleValue("warning-delta"))
                    .driftDetection(s.boolValue("drift-detection"))
                    .backgroundLearners(s.boolValue("background"))
                    .weightedVote(s.boolValue("weighted-vote"))
                    .threads(threads(s.intValue("threads")))
                    .tree(TreeParameters.configure(s, d.tree()))
                    .build())
        .configOf(AdaptiveRandomForest::config)
        .factory((schema, config, threads) -> new AdaptiveRandomForest(schema, config))
        .codec(new ArfCodec())
        .freezable()
        .parallel()
        .structure(ArfType::structure)
        .build();
  }

  /** 0 (all cores) resolved. */
  static int threads(int threads) {
    return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
  }

  private static Map<String, Object> structure(AdaptiveRandomForest arf) {
    List<Map<String, Object>> perTree = new ArrayList<>();
    long nodes = 0;
    long leaves = 0;
    int maxDepth = -1;
    double depthSum = 0;
    long drifts = 0;
    long warnings = 0;
    int background = 0;
    for (int i = 0; i < arf.ensembleSize(); i++) {
      HoeffdingTree t = arf.tree(i);
      HoeffdingTree bg = arf.backgroundTree(i);
      Map<String, Object> tree = new LinkedHashMap<>();
      tree.put("index", i);
      tree.putAll(TreeParameters.shape(t));
      nodes += t.numNodes();
      leaves += t.numLeaves();
      maxDepth = Math.max(maxDepth, t.depth());
      depthSum += t.depth();
      if (!arf.isFrozen()) {
        tree.put("drifts", arf.drifts(i));
        tree.put("warnings", arf.warnings(i));
        drifts += arf.drifts(i);
        warnings += arf.warnings(i);
      }
      tree.put("background", bg != null);
      tree.put("background_nodes", bg == null ? 0 : bg.numNodes());
      background += bg == null ? 0 : 1;
      perTree.add(tree);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("trees", arf.ensembleSize());
    m.put("instances_seen", arf.instancesSeen());
    m.put("nodes", nodes);
    m.put("leaves", leaves);
    m.put("max_depth", maxDepth);
    m.put("mean_depth", depthSum / arf.ensembleSize());
    m.put("drifts", arf.isFrozen() ? null : drifts);
    m.put("warnings", arf.isFrozen() ? null : warnings);
    m.put("background_trees", background);
    m.put("per_tree", perTree);
    return m;
  }
}
