package org.coppice.cli;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.coppice.data.Schema;
import org.coppice.learn.Classifier;
import org.coppice.learn.tree.ArfConfig;
import org.coppice.learn.tree.HoeffdingTreeConfig;
import org.coppice.model.LearnerSpec;

/**
 * A checked learner configuration for a prequential run: the {@link LearnerSpec} (which parses the
 * settings and builds the learner) and the run's seed, with views for the reports.
 *
 * @param spec the learner and its settings
 * @param seed the run's seed (of the ARF and of a synthetic stream)
 */
public record LearnerConfig(LearnerSpec spec, long seed) {
  public LearnerConfig {
    Objects.requireNonNull(spec, "spec");
  }

  /** A configuration with every default for {@code kind}. */
  public static LearnerConfig defaults(LearnerKind kind) {
    LearnerSettings s = new LearnerSettings();
    s.learner = kind;
    return s.resolve();
  }

  /** The learner. */
  public LearnerKind kind() {
    return LearnerKind.parse(spec.learner());
  }

  /** The forest's settings ({@link LearnerKind#ARF} only, else null). */
  public ArfConfig arf() {
    return kind() == LearnerKind.ARF ? spec.arfConfig() : null;
  }

  /** The lone tree's settings ({@link LearnerKind#HT} only, else null). */
  public HoeffdingTreeConfig tree() {
    return kind() == LearnerKind.HT ? spec.treeConfig(HoeffdingTreeConfig.builder().build()) : null;
  }

  /**
   * A new, untrained learner for {@code schema}.
   *
   * @throws IllegalArgumentException if the learner cannot handle the schema
   */
  public Classifier create(Schema schema) {
    return spec.build(schema);
  }

  /** Number of trees, or null for a learner that is not an ensemble. */
  public Integer trees() {
    return kind() == LearnerKind.ARF ? arf().ensembleSize() : null;
  }

  /** Threads that train the learner. */
  public int threads() {
    return kind() == LearnerKind.ARF ? arf().threads() : 1;
  }

  /** The settings of the trees (the forest's or the single tree's), or null. */
  public HoeffdingTreeConfig treeConfig() {
    ArfConfig arf = arf();
    return arf != null ? arf.tree() : tree();
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
    return switch (kind()) {
      case ARF -> {
        ArfConfig arf = arf();
        yield List.of(
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
      }
      case HT -> List.of("ht (Hoeffding tree)", trees);
      case NB -> List.of("nb (naive Bayes)");
      case MAJORITY -> List.of("majority (majority class)");
    };
  }
}
