package org.coppice.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A classifier compared in {@link MoaComparison}: MOA 2024.07's, given by its command-line string
 * (every option not written here at its default), next to Coppice's, given by its registry name
 * ({@code org.coppice.learn.registry.Learners}) with the same settings; Coppice's learners take
 * MOA's defaults as theirs. One constant per pair; the harness derives the rest from it.
 *
 * <p>Ensembles get their size from the harness: MOA's {@code -s}, Coppice's {@code trees} setting.
 * A pair whose Coppice learner is not in the registry (or lacks the {@code trees} setting) is
 * skipped, so that a pair can be declared before its learner is merged.
 */
enum ClassifierPair implements Keyed {
  /** Adaptive Random Forest; {@code -j 1} (MOA's default) keeps MOA single-threaded. */
  ARF("arf", "ARF", "meta.AdaptiveRandomForest", "-j 1", "arf", true, true),
  /** Leveraging bagging of Hoeffding trees. */
  LEVERAGING_BAG(
      "leveraging-bagging",
      "Leveraging bagging",
      "meta.LeveragingBag",
      "",
      "leveraging-bagging",
      true,
      true),
  /** Online bagging of Hoeffding trees. */
  OZA_BAG("oza-bag", "OzaBag", "meta.OzaBag", "", "oza-bag", true, true),
  /** Online boosting of Hoeffding trees. */
  OZA_BOOST("oza-boost", "OzaBoost", "meta.OzaBoost", "", "oza-boost", true, true),
  /** Streaming Random Patches; MOA's default size is 100, the harness sets it. */
  SRP("srp", "SRP", "meta.StreamingRandomPatches", "", "srp", true, true),
  /** Hoeffding adaptive tree (its nodes' random generators are seeded with 1, not the option). */
  HAT("hat", "HAT", "trees.HoeffdingAdaptiveTree", "", "hat", false, false),
  /** Hoeffding tree. */
  HT("ht", "Hoeffding tree", "trees.HoeffdingTree", "", "ht", false, false),
  /** Naive Bayes. */
  NB("nb", "Naive Bayes", "bayes.NaiveBayes", "", "nb", false, false),
  /** k nearest neighbours over a sliding window (k 10, window 1000). */
  KNN("knn", "kNN", "lazy.kNN", "", "knn", false, false),
  /** kNN with a probabilistic approximate window cut by ADWIN. */
  KNN_ADWIN(
      "knn-adwin",
      "kNN with PAW and ADWIN",
      "lazy.kNNwithPAWandADWIN",
      "",
      "knn-adwin",
      false,
      true);

  /** Coppice's setting of the ensemble size (MOA's {@code -s}). */
  static final String SIZE_SETTING = "trees";

  private final String key;
  private final String title;
  private final String moaClass;
  private final String moaOptions;
  private final String coppiceName;
  private final boolean ensemble;
  private final boolean randomized;

  ClassifierPair(
      String key,
      String title,
      String moaClass,
      String moaOptions,
      String coppiceName,
      boolean ensemble,
      boolean randomized) {
    this.key = key;
    this.title = title;
    this.moaClass = moaClass;
    this.moaOptions = moaOptions;
    this.coppiceName = coppiceName;
    this.ensemble = ensemble;
    this.randomized = randomized;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public String title() {
    return title;
  }

  /** Whether the learner is an ensemble: its size is set per run, and threads apply. */
  boolean ensemble() {
    return ensemble;
  }

  /**
   * Whether MOA's learner uses its random seed ({@code isRandomizable()}); the seed is then set
   * with {@code setRandomSeed}. Runs of a learner that is not randomized differ only by their data,
   * so on Electricity such a learner runs with the first seed alone.
   */
  boolean randomized() {
    return randomized;
  }

  /** Coppice's registry name. */
  String coppiceName() {
    return coppiceName;
  }

  /**
   * MOA's command-line string (as after {@code -l} on MOA's command line) for ensemble size {@code
   * size} (ignored for a learner that is not an ensemble). The seed is not in it: MOA 2024.07's
   * command line does not see the protected {@code randomSeedOption}, so {@code -r} is rejected.
   */
  String moaCli(int size) {
    return moaCli(Integer.toString(size));
  }

  /** {@link #moaCli(int)} with {@code size} as text (a placeholder in the tables). */
  String moaCli(String size) {
    StringBuilder b = new StringBuilder(moaClass);
    if (ensemble) {
      b.append(" -s ").append(size);
    }
    if (!moaOptions.isEmpty()) {
      b.append(' ').append(moaOptions);
    }
    return b.toString();
  }

  /** The settings Coppice's learner must have for this pair to run. */
  List<String> requiredSettings() {
    return ensemble ? List.of(SIZE_SETTING) : List.of();
  }

  /**
   * Coppice's settings (by parameter name; the rest at their defaults) for one run: the ensemble
   * size, and the seed and thread count where the learner has those settings ({@code has}).
   */
  Map<String, String> coppiceSettings(int size, int seed, int threads, Predicate<String> has) {
    Map<String, String> s = new LinkedHashMap<>();
    if (ensemble) {
      s.put(SIZE_SETTING, Integer.toString(size));
    }
    if (has.test("seed")) {
      s.put("seed", Integer.toString(seed));
    }
    if (has.test("threads")) {
      s.put("threads", Integer.toString(threads));
    }
    return s;
  }

  /**
   * Coppice's command-line options equivalent to {@link #coppiceSettings} (for the tables), with
   * placeholders for the size and the seed; the thread count is left out.
   */
  String coppiceOptions(Predicate<String> has) {
    StringBuilder b = new StringBuilder("--learner ").append(coppiceName);
    if (ensemble) {
      b.append(" --").append(SIZE_SETTING).append(" <size>");
    }
    if (has.test("seed")) {
      b.append(" --seed <seed>");
    }
    return b.toString();
  }

  /** Every pair, in the order of the tables. */
  static List<ClassifierPair> all() {
    return List.of(values());
  }

  /** Parses a comma-separated list of keys, or "all". */
  static List<ClassifierPair> parseList(String text) {
    return Keyed.parseList(text, all(), "learner");
  }
}
