package org.coppice.learn.tree;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.coppice.learn.Learner;
import org.coppice.learn.registry.LearnerType;
import org.coppice.learn.registry.Parameter;
import org.coppice.learn.registry.Settings;

/**
 * The Hoeffding tree rows of a parameter table (MOA's {@code HoeffdingTree} options), shared by
 * every learner made of Hoeffding trees; each learner gives its own defaults.
 */
final class TreeParameters {
  private TreeParameters() {}

  static final Map<LeafPrediction, String> LEAF_NAMES =
      Map.of(
          LeafPrediction.MAJORITY_CLASS, "mc",
          LeafPrediction.NAIVE_BAYES, "nb",
          LeafPrediction.NAIVE_BAYES_ADAPTIVE, "nba");

  static final Map<SplitCriterion, String> CRITERION_NAMES =
      Map.of(SplitCriterion.INFO_GAIN, "infogain", SplitCriterion.GINI, "gini");

  /**
   * Adds the tree rows, with the defaults of {@code defaults}, reading them through {@code tree}.
   */
  static <C, L extends Learner> void add(
      LearnerType.Builder<C, L> b,
      HoeffdingTreeConfig defaults,
      Function<C, HoeffdingTreeConfig> tree) {
    b.parameter(
            Parameter.integer(
                "grace-period",
                defaults.gracePeriod(),
                1,
                Integer.MAX_VALUE,
                "instances a leaf sees between split attempts (MOA -g)"),
            c -> tree.apply(c).gracePeriod())
        .parameter(
            Parameter.number(
                "split-confidence",
                defaults.splitConfidence(),
                Double.MIN_VALUE,
                Math.nextDown(1.0),
                "delta of the Hoeffding bound: allowed error of a split decision (MOA -c)"),
            c -> tree.apply(c).splitConfidence())
        .parameter(
            Parameter.number(
                "tie-threshold",
                defaults.tieThreshold(),
                0,
                Double.MAX_VALUE,
                "split anyway once the Hoeffding bound is below this (MOA -t)"),
            c -> tree.apply(c).tieThreshold())
        .parameter(
            Parameter.choice(
                "split-criterion",
                CRITERION_NAMES.get(defaults.splitCriterion()),
                List.of("infogain", "gini"),
                "merit of a split: information gain or Gini (MOA -s)"),
            c -> CRITERION_NAMES.get(tree.apply(c).splitCriterion()))
        .parameter(
            Parameter.choice(
                "leaf-prediction",
                LEAF_NAMES.get(defaults.leafPrediction()),
                List.of("mc", "nb", "nba"),
                "leaf model: majority class, naive Bayes or naive Bayes adaptive (MOA -l)"),
            c -> LEAF_NAMES.get(tree.apply(c).leafPrediction()))
        .parameter(
            Parameter.number(
                "nb-threshold",
                defaults.nbThreshold(),
                0,
                Double.MAX_VALUE,
                "weight a leaf must see before naive Bayes predicts (MOA -q)"),
            c -> tree.apply(c).nbThreshold())
        .parameter(
            Parameter.number(
                "min-branch-fraction",
                defaults.minBranchFraction(),
                0,
                Math.nextDown(0.5),
                "information gain: least fraction of weight in two branches of a split"),
            c -> tree.apply(c).minBranchFraction())
        .parameter(
            Parameter.integer(
                "numeric-bins",
                defaults.numBins(),
                1,
                1 << 16,
                "split points tried per numeric attribute (Gaussian observer's -n)"),
            c -> tree.apply(c).numBins())
        .parameter(
            Parameter.bool(
                "binary-splits",
                defaults.binarySplits(),
                "nominal attributes: binary splits only (MOA -b)"),
            c -> tree.apply(c).binarySplits())
        .parameter(
            Parameter.bool(
                "no-pre-prune",
                defaults.noPrePrune(),
                "do not consider the null split (no split) when comparing merits (MOA -p)"),
            c -> tree.apply(c).noPrePrune());
  }

  /** The tree settings of {@code s} over {@code base} (which holds what the table does not). */
  static HoeffdingTreeConfig configure(Settings s, HoeffdingTreeConfig base) {
    return base.toBuilder()
        .gracePeriod(s.intValue("grace-period"))
        .splitConfidence(s.doubleValue("split-confidence"))
        .tieThreshold(s.doubleValue("tie-threshold"))
        .splitCriterion(key(CRITERION_NAMES, s.choice("split-criterion")))
        .leafPrediction(key(LEAF_NAMES, s.choice("leaf-prediction")))
        .nbThreshold(s.doubleValue("nb-threshold"))
        .minBranchFraction(s.doubleValue("min-branch-fraction"))
        .numBins(s.intValue("numeric-bins"))
        .binarySplits(s.boolValue("binary-splits"))
        .noPrePrune(s.boolValue("no-pre-prune"))
        .build();
  }

  /** Shape of one tree, for reports. */
  static Map<String, Object> shape(HoeffdingTree t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("nodes", t.numNodes());
    m.put("leaves", t.numLeaves());
    m.put("depth", t.depth());
    return m;
  }

  /** Structure of a lone tree, for reports: one tree and its shape. */
  static Map<String, Object> lone(HoeffdingTree t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("trees", 1);
    m.putAll(shape(t));
    return m;
  }

  private static <K> K key(Map<K, String> names, String name) {
    for (Map.Entry<K, String> e : names.entrySet()) {
      if (e.getValue().equals(name)) {
        return e.getKey();
      }
    }
    throw new IllegalArgumentException("unknown value " + name);
  }
}
