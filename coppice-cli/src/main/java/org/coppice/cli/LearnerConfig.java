package org.coppice.cli;

import java.util.List;
import java.util.Locale;
import org.coppice.data.Schema;
import org.coppice.learn.Classifier;
import org.coppice.learn.MajorityClass;
import org.coppice.learn.NaiveBayes;
import org.coppice.learn.tree.AdaptiveRandomForest;
import org.coppice.learn.tree.ArfConfig;
import org.coppice.learn.tree.HoeffdingTree;
import org.coppice.learn.tree.HoeffdingTreeConfig;

/**
 * A checked learner configuration: the kind, and the ARF or Hoeffding tree settings when they
 * apply.
 *
 * @param kind the learner
 * @param arf the forest's settings ({@link LearnerKind#ARF} only, else null)
 * @param tree the tree's settings ({@link LearnerKind#HT} only, else null)
 * @param seed the run's seed
 */
public record LearnerConfig(LearnerKind kind, ArfConfig arf, HoeffdingTreeConfig tree, long seed) {

  /** A spec with every default for {@code kind}. */
  public static LearnerConfig defaults(LearnerKind kind) {
    LearnerSettings s = new LearnerSettings();
    s.learner = kind;
    return s.resolve();
  }

  /**
   * A new, untrained learner for {@code schema}.
   *
   * @throws IllegalArgumentException if the learner cannot handle the schema
   */
  public Classifier create(Schema schema) {
    return switch (kind) {
      case ARF -> new AdaptiveRandomForest(schema, arf);
      case HT -> new HoeffdingTree(schema, tree);
      case NB -> new NaiveBayes(schema);
      case MAJORITY -> new MajorityClass(schema);
    };
  }

  /** Number of trees, or null for a learner that is not an ensemble. */
  public Integer trees() {
    return kind == LearnerKind.ARF ? arf.ensembleSize() : null;
  }

  /** Threads that train the learner. */
  public int threads() {
    return kind == LearnerKind.ARF ? arf.threads() : 1;
  }

  /** The settings of the trees (the forest's or the single tree's), or null. */
  public HoeffdingTreeConfig treeConfig() {
    return kind == LearnerKind.ARF ? arf.tree() : tree;
  }

  /**
   * A description of the learner and its key settings, for {@code numFeatures} features: one to
   * three short lines.
   */
  public List<String> describe(int numFeatures) {
    HoeffdingTreeConfig t = treeConfig();
    String trees =
        t == null
            ? null
            : String.format(
                Locale.ROOT,
                "grace period %d, split confidence %s, tie threshold %s, %s, %s leaves",
                t.gracePeriod(),
                Format.number(t.splitConfidence()),
                Format.number(t.tieThreshold()),
                Converters.name(t.splitCriterion()),
                Converters.name(t.leafPrediction()));
    return switch (kind) {
      case ARF ->
          List.of(
              String.format(
                  Locale.ROOT,
                  "arf (Adaptive Random Forest), %d trees, seed %d, %d thread%s",
                  arf.ensembleSize(),
                  seed,
                  arf.threads(),
                  arf.threads() == 1 ? "" : "s"),
              String.format(
                  Locale.ROOT,
                  "max features %s (%d of %d), lambda %s, %s, %s, %s vote",
                  arf.maxFeatures(),
                  arf.maxFeatures().resolve(numFeatures),
                  numFeatures,
                  Format.number(arf.lambda()),
                  arf.driftDetection()
                      ? "drift delta "
                          + Format.number(arf.driftDelta())
                          + ", warning delta "
                          + Format.number(arf.warningDelta())
                      : "no drift detection",
                  arf.backgroundLearners() ? "background trees" : "no background trees",
                  arf.weightedVote() ? "weighted" : "unweighted"),
              "trees: " + trees);
      case HT -> List.of("ht (Hoeffding tree)", trees);
      case NB -> List.of("nb (naive Bayes)");
      case MAJORITY -> List.of("majority (majority class)");
    };
  }
}
