package org.coppice.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coppice.model.LearnerSpec;
import picocli.CommandLine.Option;

/**
 * The learner options as given on the command line, shared by {@code prequential} and {@code
 * train}; null (or false) means "not given", so the config file's value or the learner's own
 * default (MOA's) applies. The values are parsed and range-checked by {@link LearnerSpec}, the one
 * parser of learner settings; on top of it this class rejects options that do not apply to the
 * chosen learner (e.g. {@code --trees} with {@code --learner ht}).
 */
public final class LearnerSettings {
  /** The seed when {@code --seed} is not given (of the ARF and of a {@code --stream}). */
  public static final long DEFAULT_SEED = 1;

  /** Settings of the Adaptive Random Forest only, in the order they are checked. */
  private static final List<String> ARF_ONLY =
      List.of(
          "trees",
          "threads",
          "max-features",
          "lambda",
          "drift-delta",
          "warning-delta",
          "drift-detection",
          "background",
          "weighted-vote");

  /** Settings of Hoeffding trees: the ARF's trees or the single tree. */
  private static final List<String> TREE_ONLY =
      List.of(
          "grace-period",
          "split-confidence",
          "tie-threshold",
          "leaf-prediction",
          "split-criterion");

  @Option(
      names = "--learner",
      paramLabel = "NAME",
      converter = Converters.Learner.class,
      description =
          "arf (Adaptive Random Forest, default), ht (Hoeffding tree), nb (naive Bayes)"
              + " or majority (majority class).")
  public LearnerKind learner;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Seed of the ARF and of the --stream of prequential (default: 1).")
  public Long seed;

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
      description =
          "ARF: features per leaf subspace: sqrt (sqrt(M)+1), a percentage like 60%%,"
              + " a count like 5, -2 (all but 2) or all (default: 60%%).")
  public String maxFeatures;

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
      description =
          "ARF and ht: mc (majority class), nb (naive Bayes) or nba (naive Bayes"
              + " adaptive, default).")
  public String leafPrediction;

  @Option(
      names = "--split-criterion",
      paramLabel = "C",
      description = "ARF and ht: infogain (default) or gini.")
  public String splitCriterion;

  /** The seed given, or {@link #DEFAULT_SEED}. */
  public long seed() {
    return seed != null ? seed : DEFAULT_SEED;
  }

  /**
   * Checks the options against the learner and builds its configuration, for {@code prequential}.
   *
   * @throws CliError (usage) if an option does not apply to the learner or has an invalid value
   */
  public LearnerConfig resolve() {
    LearnerSpec spec = spec();
    checkApplies(spec, null);
    return new LearnerConfig(spec, seed());
  }

  /**
   * The settings of {@code configFileOrNull} (JSON or YAML, see {@link LearnerSpec#fromFile}), each
   * overridden by the same option given here, checked against the resulting learner: for {@code
   * train}.
   *
   * @throws CliError (usage) for an invalid config file or option, or a setting (from either) that
   *     does not apply to the learner; (data) if the config file cannot be read
   */
  public LearnerSpec resolve(Path configFileOrNull) {
    LearnerSpec cli = spec();
    if (configFileOrNull == null) {
      checkApplies(cli, null);
      return cli;
    }
    if (!Files.isRegularFile(configFileOrNull)) {
      throw CliError.data("no such config file: " + configFileOrNull, null);
    }
    LearnerSpec file;
    try {
      file = LearnerSpec.fromFile(configFileOrNull);
    } catch (IllegalArgumentException e) {
      throw CliError.usage(e.getMessage(), e);
    } catch (IOException e) {
      throw CliError.data("cannot read config file " + configFileOrNull + ": " + e.getMessage(), e);
    }
    LearnerSpec merged = file.overriddenBy(cli);
    checkApplies(merged, configFileOrNull);
    try {
      merged.resolvedParameters(); // the merged settings must still build a learner
    } catch (IllegalArgumentException e) {
      throw CliError.usage(
          "config file " + configFileOrNull + " with the options given: " + e.getMessage(), e);
    }
    return merged;
  }

  /**
   * The options given, as a {@link LearnerSpec}: each value parsed and range-checked by it.
   *
   * @throws CliError (usage) naming the option whose value is invalid
   */
  public LearnerSpec spec() {
    LearnerSpec spec = LearnerSpec.defaults();
    for (Map.Entry<String, Object> e : given().entrySet()) {
      try {
        spec = spec.with(e.getKey(), e.getValue());
      } catch (IllegalArgumentException ex) {
        throw CliError.usage(
            "invalid value for " + option(e.getKey()) + ": " + ex.getMessage(), ex);
      }
    }
    return spec;
  }

  /** The options given, by {@link LearnerSpec} setting name, the learner first. */
  private Map<String, Object> given() {
    Map<String, Object> m = new LinkedHashMap<>();
    put(m, "learner", learner == null ? null : learner.cliName());
    put(m, "seed", seed);
    put(m, "trees", trees);
    put(m, "threads", threads);
    put(m, "max-features", maxFeatures);
    put(m, "lambda", lambda);
    put(m, "drift-delta", driftDelta);
    put(m, "warning-delta", warningDelta);
    put(m, "drift-detection", noDriftDetection ? false : null);
    put(m, "background", noBackground ? false : null);
    put(m, "weighted-vote", noWeightedVote ? false : null);
    put(m, "grace-period", gracePeriod);
    put(m, "split-confidence", splitConfidence);
    put(m, "tie-threshold", tieThreshold);
    put(m, "leaf-prediction", leafPrediction);
    put(m, "split-criterion", splitCriterion);
    return m;
  }

  private static void put(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }

  /**
   * Rejects a setting of {@code spec} that the learner does not use, naming the option, or the key
   * of {@code configFile} it came from.
   */
  private void checkApplies(LearnerSpec spec, Path configFile) {
    String learnerName = spec.learner();
    Map<String, Object> cli = given();
    Map<String, String> settings = spec.settings();
    boolean learnerFromFile =
        configFile != null && !cli.containsKey("learner") && settings.containsKey("learner");
    if (!learnerName.equals("arf")) {
      for (String key : ARF_ONLY) {
        if (settings.containsKey(key)) {
          throw notFor(key, "arf", learnerName, cli.containsKey(key), learnerFromFile, configFile);
        }
      }
    }
    if (!learnerName.equals("arf") && !learnerName.equals("ht")) {
      for (String key : TREE_ONLY) {
        if (settings.containsKey(key)) {
          throw notFor(
              key,
              "arf and --learner ht",
              learnerName,
              cli.containsKey(key),
              learnerFromFile,
              configFile);
        }
      }
    }
  }

  private static CliError notFor(
      String key,
      String learners,
      String learner,
      boolean keyFromCli,
      boolean learnerFromFile,
      Path configFile) {
    if (!keyFromCli) {
      return CliError.usage(
          "config file "
              + configFile
              + ": "
              + key
              + " applies only to learner "
              + learners.replace("--learner ", "")
              + ", not to "
              + learner
              + (learnerFromFile ? "" : " (--learner " + learner + ")"));
    }
    return CliError.usage(
        option(key)
            + " applies only to --learner "
            + learners
            + ", not to "
            + (learnerFromFile
                ? "learner " + learner + " of config file " + configFile
                : "--learner " + learner));
  }

  /** The command-line option of a {@link LearnerSpec} setting. */
  private static String option(String key) {
    return switch (key) {
      case "drift-detection" -> "--no-drift-detection";
      case "background" -> "--no-background";
      case "weighted-vote" -> "--no-weighted-vote";
      default -> "--" + key;
    };
  }
}
