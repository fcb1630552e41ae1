package org.coppice.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.coppice.data.Schema;
import org.coppice.learn.Classifier;
import org.coppice.learn.MajorityClass;
import org.coppice.learn.NaiveBayes;
import org.coppice.learn.tree.AdaptiveRandomForest;
import org.coppice.learn.tree.ArfConfig;
import org.coppice.learn.tree.HoeffdingTree;
import org.coppice.learn.tree.HoeffdingTreeConfig;
import org.coppice.learn.tree.LeafPrediction;
import org.coppice.learn.tree.MaxFeatures;
import org.coppice.learn.tree.SplitCriterion;

/**
 * Which learner to build and with which settings, as the CLI options and the config files (JSON or
 * YAML) name them: {@code learner} ({@code arf}, {@code ht}, {@code nb}, {@code majority}), {@code
 * trees}, {@code seed}, {@code max-features}, {@code lambda}, {@code drift-delta}, {@code
 * warning-delta}, {@code grace-period}, {@code split-confidence}, {@code tie-threshold}, {@code
 * leaf-prediction} ({@code mc}, {@code nb}, {@code nba}), {@code split-criterion} ({@code
 * infogain}, {@code gini}), {@code drift-detection}, {@code background}, {@code weighted-vote},
 * {@code threads}. Unset settings take MOA's defaults for the chosen learner. Immutable.
 */
public final class LearnerSpec {
  /** The setting names a config file may use. */
  public static final java.util.List<String> KEYS =
      java.util.List.of(
          "learner",
          "trees",
          "seed",
          "max-features",
          "lambda",
          "drift-delta",
          "warning-delta",
          "grace-period",
          "split-confidence",
          "tie-threshold",
          "leaf-prediction",
          "split-criterion",
          "drift-detection",
          "background",
          "weighted-vote",
          "threads");

  private final Map<String, String> settings; // key -> text, only those set

  private LearnerSpec(Map<String, String> settings) {
    this.settings = settings;
  }

  /** No settings: a default Adaptive Random Forest. */
  public static LearnerSpec defaults() {
    return new LearnerSpec(new TreeMap<>());
  }

  /** This spec with {@code key} set to {@code value} (null: unchanged); validates the key. */
  public LearnerSpec with(String key, Object value) {
    if (value == null) {
      return this;
    }
    String k = key.toLowerCase(Locale.ROOT).replace('_', '-');
    if (!KEYS.contains(k)) {
      throw new IllegalArgumentException(
          "unknown learner setting '" + key + "'; valid settings: " + String.join(", ", KEYS));
    }
    Map<String, String> copy = new TreeMap<>(settings);
    copy.put(k, String.valueOf(value));
    LearnerSpec spec = new LearnerSpec(copy);
    spec.validate();
    return spec;
  }

  /** Every setting of {@code other} laid over this one. */
  public LearnerSpec overriddenBy(LearnerSpec other) {
    Map<String, String> copy = new TreeMap<>(settings);
    copy.putAll(other.settings);
    return new LearnerSpec(copy);
  }

  /**
   * Reads a config file: a JSON object ({@code .json}) or a YAML mapping ({@code .yaml}, {@code
   * .yml}) of the settings above.
   *
   * @throws IllegalArgumentException naming the file and the problem
   */
  public static LearnerSpec fromFile(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    ObjectMapper mapper;
    if (name.endsWith(".json")) {
      mapper = new ObjectMapper();
    } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      mapper = new ObjectMapper(new YAMLFactory());
    } else {
      throw new IllegalArgumentException(
          "config file " + file + ": use a .json, .yaml or .yml file");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no such config file: " + file);
    }
    JsonNode root;
    try {
      root = mapper.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "config file " + file + " is not valid: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(
          "config file " + file + " must hold one object of settings");
    }
    LearnerSpec spec = defaults();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isValueNode() || e.getValue().isNull()) {
        throw new IllegalArgumentException(
            "config file " + file + ": setting '" + e.getKey() + "' must be a plain value");
      }
      try {
        spec = spec.with(e.getKey(), e.getValue().asText());
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException("config file " + file + ": " + ex.getMessage(), ex);
      }
    }
    return spec;
  }

  /** The learner name: arf, ht, nb or majority. */
  public String learner() {
    return settings.getOrDefault("learner", "arf");
  }

  /** The settings given explicitly. */
  public Map<String, String> settings() {
    return java.util.Collections.unmodifiableMap(settings);
  }

  private void validate() {
    String l = learner();
    if (!l.equals("arf") && !l.equals("ht") && !l.equals("nb") && !l.equals("majority")) {
      throw new IllegalArgumentException(
          "learner must be arf, ht, nb or majority, got '" + l + "'");
    }
    // Building checks every value's syntax and range.
    if (l.equals("arf")) {
      arfConfig();
    } else if (l.equals("ht")) {
      treeConfig(HoeffdingTreeConfig.builder().build());
    }
  }

  /** The Adaptive Random Forest settings (MOA's defaults where unset). */
  public ArfConfig arfConfig() {
    ArfConfig.Builder b = ArfConfig.builder();
    if (has("trees")) {
      b.ensembleSize(integer("trees"));
    }
    if (has("seed")) {
      b.seed(longValue("seed"));
    }
    if (has("max-features")) {
      b.maxFeatures(MaxFeatures.parse(settings.get("max-features")));
    }
    if (has("lambda")) {
      b.lambda(number("lambda"));
    }
    if (has("drift-delta")) {
      b.driftDelta(number("drift-delta"));
    }
    if (has("warning-delta")) {
      b.warningDelta(number("warning-delta"));
    }
    if (has("drift-detection")) {
      b.driftDetection(bool("drift-detection"));
    }
    if (has("background")) {
      b.backgroundLearners(bool("background"));
    }
    if (has("weighted-vote")) {
      b.weightedVote(bool("weighted-vote"));
    }
    if (has("threads")) {
      b.threads(integer("threads"));
    }
    return b.tree(treeConfig(ArfConfig.defaultTreeConfig())).build();
  }

  /** The Hoeffding tree settings over {@code base} (MOA's HT defaults for a lone tree). */
  public HoeffdingTreeConfig treeConfig(HoeffdingTreeConfig base) {
    HoeffdingTreeConfig.Builder b = base.toBuilder();
    if (has("grace-period")) {
      b.gracePeriod(integer("grace-period"));
    }
    if (has("split-confidence")) {
      b.splitConfidence(number("split-confidence"));
    }
    if (has("tie-threshold")) {
      b.tieThreshold(number("tie-threshold"));
    }
    if (has("leaf-prediction")) {
      b.leafPrediction(leafPrediction(settings.get("leaf-prediction")));
    }
    if (has("split-criterion")) {
      b.splitCriterion(splitCriterion(settings.get("split-criterion")));
    }
    return b.build();
  }

  /** Threads for training (the number of cores unless set). */
  public int threads() {
    return has("threads") ? integer("threads") : Runtime.getRuntime().availableProcessors();
  }

  /** A new, untrained learner for {@code schema}. */
  public Classifier build(Schema schema) {
    return switch (learner()) {
      case "ht" -> new HoeffdingTree(schema, treeConfig(HoeffdingTreeConfig.builder().build()));
      case "nb" -> new NaiveBayes(schema);
      case "majority" -> new MajorityClass(schema);
      default -> new AdaptiveRandomForest(schema, arfConfig());
    };
  }

  /**
   * Every hyper-parameter of the learner this spec builds, defaults included, by setting name (for
   * the manifest and reports). Threads are left out: they do not change the model.
   */
  public Map<String, Object> resolvedParameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("learner", learner());
    switch (learner()) {
      case "arf" -> {
        ArfConfig c = arfConfig();
        p.put("trees", c.ensembleSize());
        p.put("seed", c.seed());
        p.put("max-features", c.maxFeatures().toString());
        p.put("lambda", c.lambda());
        p.put("drift-delta", c.driftDelta());
        p.put("warning-delta", c.warningDelta());
        p.put("drift-detection", c.driftDetection());
        p.put("background", c.backgroundLearners());
        p.put("weighted-vote", c.weightedVote());
        putTree(p, c.tree());
      }
      case "ht" -> putTree(p, treeConfig(HoeffdingTreeConfig.builder().build()));
      default -> {}
    }
    return p;
  }

  private static void putTree(Map<String, Object> p, HoeffdingTreeConfig t) {
    p.put("grace-period", t.gracePeriod());
    p.put("split-confidence", t.splitConfidence());
    p.put("tie-threshold", t.tieThreshold());
    p.put("split-criterion", t.splitCriterion() == SplitCriterion.GINI ? "gini" : "infogain");
    p.put(
        "leaf-prediction",
        switch (t.leafPrediction()) {
          case MAJORITY_CLASS -> "mc";
          case NAIVE_BAYES -> "nb";
          case NAIVE_BAYES_ADAPTIVE -> "nba";
        });
    p.put("min-branch-fraction", t.minBranchFraction());
    p.put("numeric-bins", t.numBins());
    p.put("binary-splits", t.binarySplits());
    p.put("tree-seed", t.seed());
  }

  /** The seed, or null for learners without randomness. */
  public Long seed() {
    return learner().equals("arf") ? arfConfig().seed() : null;
  }

  private boolean has(String k) {
    return settings.containsKey(k);
  }

  private int integer(String k) {
    try {
      return Integer.parseInt(settings.get(k).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(k + " must be an integer, got '" + settings.get(k) + "'");
    }
  }

  private long longValue(String k) {
    try {
      return Long.parseLong(settings.get(k).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(k + " must be an integer, got '" + settings.get(k) + "'");
    }
  }

  private double number(String k) {
    try {
      return Double.parseDouble(settings.get(k).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(k + " must be a number, got '" + settings.get(k) + "'");
    }
  }

  private boolean bool(String k) {
    String v = settings.get(k).trim().toLowerCase(Locale.ROOT);
    if (v.equals("true") || v.equals("false")) {
      return Boolean.parseBoolean(v);
    }
    throw new IllegalArgumentException(k + " must be true or false, got '" + settings.get(k) + "'");
  }

  static LeafPrediction leafPrediction(String v) {
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "mc" -> LeafPrediction.MAJORITY_CLASS;
      case "nb" -> LeafPrediction.NAIVE_BAYES;
      case "nba" -> LeafPrediction.NAIVE_BAYES_ADAPTIVE;
      default ->
          throw new IllegalArgumentException(
              "leaf-prediction must be mc, nb or nba, got '" + v + "'");
    };
  }

  static SplitCriterion splitCriterion(String v) {
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "infogain", "info-gain" -> SplitCriterion.INFO_GAIN;
      case "gini" -> SplitCriterion.GINI;
      default ->
          throw new IllegalArgumentException(
              "split-criterion must be infogain or gini, got '" + v + "'");
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LearnerSpec s && s.settings.equals(settings);
  }

  @Override
  public int hashCode() {
    return settings.hashCode();
  }

  @Override
  public String toString() {
    return "LearnerSpec" + settings;
  }
}
