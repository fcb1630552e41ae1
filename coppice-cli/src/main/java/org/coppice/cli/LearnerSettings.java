package org.coppice.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.coppice.learn.tree.ArfConfig;
import org.coppice.learn.tree.HoeffdingTreeConfig;
import org.coppice.learn.tree.LeafPrediction;
import org.coppice.learn.tree.MaxFeatures;
import org.coppice.learn.tree.SplitCriterion;
import picocli.CommandLine.Option;

/**
 * The learner options as given on the command line; null (or false) means "not given", so the
 * learner's own default applies. {@link #resolve()} checks them and builds a {@link LearnerConfig}.
 */
public final class LearnerSettings {
  @Option(
      names = "--learner",
      paramLabel = "NAME",
      converter = Converters.Learner.class,
      description =
          "arf (Adaptive Random Forest, default), ht (Hoeffding tree), nb (naive Bayes)"
              + " or majority (majority class).")
  public LearnerKind learner = LearnerKind.ARF;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Seed of the ARF and of the --stream generator (default: 1).")
  public long seed = 1;

  // Adaptive Random Forest only.
  @Option(names = "--trees", paramLabel = "N", description = "ARF: number of trees (default: 100).")
  public Integer trees;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "ARF: threads that train the trees (default: all cores).")
  public Integer threads;

  @Option(
      names = "--max-features",
      paramLabel = "M",
      converter = Converters.MaxFeaturesConverter.class,
      description =
          "ARF: features per leaf subspace: sqrt (sqrt(M)+1), a percentage like 60%%,"
              + " a count like 5, -2 (all but 2) or all (default: 60%%).")
  public MaxFeatures maxFeatures;

  @Option(
      names = "--lambda",
      paramLabel = "L",
      description = "ARF: lambda of the Poisson weights of online bagging (default: 6).")
  public Double lambda;

  @Option(
      names = "--drift-delta",
      paramLabel = "D",
      description = "ARF: ADWIN delta of the drift detectors (default: 0.001).")
  public Double driftDelta;

  @Option(
      names = "--warning-delta",
      paramLabel = "W",
      description = "ARF: ADWIN delta of the warning detectors (default: 0.01).")
  public Double warningDelta;

  @Option(names = "--no-drift-detection", description = "ARF: no drift or warning detection.")
  public boolean noDriftDetection;

  @Option(names = "--no-background", description = "ARF: no background trees on warnings.")
  public boolean noBackground;

  @Option(names = "--no-weighted-vote", description = "ARF: do not weight votes by accuracy.")
  public boolean noWeightedVote;

  // Hoeffding trees: the ARF's trees or the single tree.
  @Option(
      names = "--grace-period",
      paramLabel = "G",
      description =
          "ARF and ht: instances a leaf sees between split attempts (default: 50 for"
              + " arf, 200 for ht).")
  public Integer gracePeriod;

  @Option(
      names = "--split-confidence",
      paramLabel = "C",
      description =
          "ARF and ht: delta of the Hoeffding bound (default: 0.01 for arf, 1e-7 for" + " ht).")
  public Double splitConfidence;

  @Option(
      names = "--tie-threshold",
      paramLabel = "T",
      description = "ARF and ht: split anyway below this Hoeffding bound (default: 0.05).")
  public Double tieThreshold;

  @Option(
      names = "--leaf-prediction",
      paramLabel = "P",
      converter = Converters.Leaf.class,
      description =
          "ARF and ht: mc (majority class), nb (naive Bayes) or nba (naive Bayes"
              + " adaptive, default).")
  public LeafPrediction leafPrediction;

  @Option(
      names = "--split-criterion",
      paramLabel = "C",
      converter = Converters.Criterion.class,
      description = "ARF and ht: infogain (default) or gini.")
  public SplitCriterion splitCriterion;

  /**
   * Checks the options against the learner and builds its configuration.
   *
   * @throws CliError (usage) if an option does not apply to the learner or has an invalid value
   */
  public LearnerConfig resolve() {
    List<String> arfOnly = new ArrayList<>();
    given(arfOnly, "--trees", trees != null);
    given(arfOnly, "--threads", threads != null);
    given(arfOnly, "--max-features", maxFeatures != null);
    given(arfOnly, "--lambda", lambda != null);
    given(arfOnly, "--drift-delta", driftDelta != null);
    given(arfOnly, "--warning-delta", warningDelta != null);
    given(arfOnly, "--no-drift-detection", noDriftDetection);
    given(arfOnly, "--no-background", noBackground);
    given(arfOnly, "--no-weighted-vote", noWeightedVote);
    List<String> treeOptions = new ArrayList<>();
    given(treeOptions, "--grace-period", gracePeriod != null);
    given(treeOptions, "--split-confidence", splitConfidence != null);
    given(treeOptions, "--tie-threshold", tieThreshold != null);
    given(treeOptions, "--leaf-prediction", leafPrediction != null);
    given(treeOptions, "--split-criterion", splitCriterion != null);
    if (learner != LearnerKind.ARF && !arfOnly.isEmpty()) {
      throw notFor(arfOnly.get(0), "arf");
    }
    switch (learner) {
      case ARF -> {
        ArfConfig.Builder b = ArfConfig.builder().tree(tree(ArfConfig.defaultTreeConfig()));
        set("--trees", trees, b::ensembleSize);
        set("--threads", threads, b::threads);
        set("--max-features", maxFeatures, b::maxFeatures);
        set("--lambda", lambda, b::lambda);
        set("--drift-delta", driftDelta, b::driftDelta);
        set("--warning-delta", warningDelta, b::warningDelta);
        b.driftDetection(!noDriftDetection);
        b.backgroundLearners(!noBackground);
        b.weightedVote(!noWeightedVote);
        b.seed(seed);
        return new LearnerConfig(learner, b.build(), null, seed);
      }
      case HT -> {
        return new LearnerConfig(learner, null, tree(HoeffdingTreeConfig.builder().build()), seed);
      }
      default -> {
        if (!treeOptions.isEmpty()) {
          throw notFor(treeOptions.get(0), "arf and --learner ht");
        }
        return new LearnerConfig(learner, null, null, seed);
      }
    }
  }

  private HoeffdingTreeConfig tree(HoeffdingTreeConfig defaults) {
    HoeffdingTreeConfig.Builder t = defaults.toBuilder();
    set("--grace-period", gracePeriod, t::gracePeriod);
    set("--split-confidence", splitConfidence, t::splitConfidence);
    set("--tie-threshold", tieThreshold, t::tieThreshold);
    set("--leaf-prediction", leafPrediction, t::leafPrediction);
    set("--split-criterion", splitCriterion, t::splitCriterion);
    return t.build();
  }

  private CliError notFor(String option, String learners) {
    return CliError.usage(
        option
            + " applies only to --learner "
            + learners
            + ", not to --learner "
            + learner.cliName());
  }

  private static void given(List<String> into, String option, boolean given) {
    if (given) {
      into.add(option);
    }
  }

  /** Applies a given value, turning the builder's IllegalArgumentException into a usage error. */
  private static <T> void set(String option, T value, Consumer<T> setter) {
    if (value == null) {
      return;
    }
    try {
      setter.accept(value);
    } catch (IllegalArgumentException e) {
      throw CliError.usage("invalid value for " + option + ": " + e.getMessage(), e);
    }
  }
}
