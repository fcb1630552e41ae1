package org.coppice.learn.regression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.coppice.learn.Task;
import org.coppice.learn.registry.LearnerType;
import org.coppice.learn.registry.Parameter;
import org.coppice.learn.registry.Settings;
import org.coppice.learn.regression.ArfRegressorConfig.DetectorInput;
import org.coppice.learn.tree.MaxFeatures;

/**
 * The declaration of the Adaptive Random Forest regressor, {@code arf-regressor} (model-file id 6),
 * the default regression learner. Its settings are MOA 2024.07 {@code
 * meta.AdaptiveRandomForestRegressor}'s options with their defaults, named as the {@code arf}
 * classifier's where they mean the same; the tree settings are named as {@code ht-regressor}'s,
 * with the defaults of MOA's member tree ({@code ARFFIMTDD -g 50 -c 0.01}). The trees' leaves
 * predict their mean target, as MOA's {@code ARFFIMTDD} (whose perceptron options are never used),
 * so the forest has no leaf-model or learning-rate settings.
 */
public final class ArfRegressorType {
  private ArfRegressorType() {}

  private static final String PREDICTION = "prediction";
  private static final String ERROR = "error";

  /** MOA 2024.07 {@code meta.AdaptiveRandomForestRegressor} with its defaults. */
  public static final LearnerType<ArfRegressorConfig, AdaptiveRandomForestRegressor> TYPE =
      declare();

  private static LearnerType<ArfRegressorConfig, AdaptiveRandomForestRegressor> declare() {
    ArfRegressorConfig d = ArfRegressorConfig.defaults();
    RegressionTreeConfig t = d.tree();
    int max = Integer.MAX_VALUE;
    LearnerType.Builder<ArfRegressorConfig, AdaptiveRandomForestRegressor> b =
        LearnerType.builder(
            "arf-regressor", Task.REGRESSION, AdaptiveRandomForestRegressor.class, 6);
    b.title(
            "Adaptive Random Forest regressor (Gomes et al. 2018; MOA"
                + " meta.AdaptiveRandomForestRegressor)")
        .parameter(
            Parameter.integer("trees", d.ensembleSize(), 1, 1 << 20, "number of trees (MOA -s)"),
            ArfRegressorConfig::ensembleSize)
        .parameter(
            Parameter.longInteger(
                "seed",
                d.seed(),
                "seed of the bagging weights (MOA: randomSeed, always 1 from its command line)"),
            ArfRegressorConfig::seed)
        .parameter(
            Parameter.text(
                "max-features",
                d.maxFeatures().toString(),
                MaxFeatures::parse,
                "features per leaf subspace: sqrt (sqrt(M)+1), a percentage like 60%, a count"
                    + " like 5, -2 (all but 2) or all (MOA -o, -m)"),
            ArfRegressorConfig::maxFeatures)
        .parameter(
            Parameter.number(
                "lambda",
                d.lambda(),
                Double.MIN_VALUE,
                1e6,
                "lambda of the Poisson weights of online bagging (MOA -a)"),
            ArfRegressorConfig::lambda)
        .parameter(
            Parameter.number(
                "drift-delta",
                d.driftDelta(),
                Double.MIN_VALUE,
                Math.nextDown(1.0),
                "ADWIN delta of the drift detectors (MOA -x)"),
            ArfRegressorConfig::driftDelta)
        .parameter(
            Parameter.number(
                "warning-delta",
                d.warningDelta(),
                Double.MIN_VALUE,
                Math.nextDown(1.0),
                "ADWIN delta of the warning detectors (MOA -p)"),
            ArfRegressorConfig::warningDelta)
        .parameter(
            Parameter.bool(
                "drift-detection", d.driftDetection(), "detect drifts and warnings (MOA -u off)"),
            ArfRegressorConfig::driftDetection)
        .parameter(
            Parameter.bool(
                "background",
                d.backgroundLearners(),
                "grow a background tree on a warning (MOA -q off)"),
            ArfRegressorConfig::backgroundLearners)
        .parameter(
            Parameter.choice(
                "detector-input",
                word(d.detectorInput()),
                List.of(PREDICTION, ERROR),
                "what each tree's ADWIN detectors watch (a change is a rise of its mean): the"
                    + " tree's prediction, as MOA, or its absolute error"),
            c -> word(c.detectorInput()))
        .parameter(
            Parameter.integer(
                "grace-period",
                t.gracePeriod(),
                0,
                max,
                "weight a leaf sees between split attempts (ARFFIMTDD -g)"),
            c -> c.tree().gracePeriod())
        .parameter(
            Parameter.number(
                "split-confidence",
                t.splitConfidence(),
                Double.MIN_VALUE,
                1,
                "delta of the Hoeffding bound: allowed error of a split decision (ARFFIMTDD -c)"),
            c -> c.tree().splitConfidence())
        .parameter(
            Parameter.number(
                "tie-threshold",
                t.tieThreshold(),
                0,
                1,
                "split anyway once the Hoeffding bound is below this (ARFFIMTDD -t)"),
            c -> c.tree().tieThreshold())
        .parameter(
            Parameter.number(
                "ph-alpha",
                t.phAlpha(),
                0,
                1,
                "Page-Hinkley tolerance of the change detection in split nodes (ARFFIMTDD -a)"),
            c -> c.tree().phAlpha())
        .parameter(
            Parameter.integer(
                "ph-threshold",
                t.phThreshold(),
                0,
                max,
                "Page-Hinkley threshold: a change starts an alternate tree (ARFFIMTDD -h)"),
            c -> c.tree().phThreshold())
        .parameter(
            Parameter.number(
                "alternate-fading-factor",
                t.alternateFadingFactor(),
                0,
                1,
                "fading factor of the errors that decide if an alternate tree wins (ARFFIMTDD -f)"),
            c -> c.tree().alternateFadingFactor())
        .parameter(
            Parameter.integer(
                "alternate-min-instances",
                t.alternateMinInstances(),
                0,
                max,
                "instances between two comparisons of an alternate tree (ARFFIMTDD -y)"),
            c -> c.tree().alternateMinInstances())
        .parameter(
            Parameter.integer(
                "alternate-max-instances",
                t.alternateMaxInstances(),
                0,
                max,
                "instances after which an alternate tree that has not won is dropped"
                    + " (ARFFIMTDD -u)"),
            c -> c.tree().alternateMaxInstances())
        .parameter(
            Parameter.longInteger(
                "tree-seed",
                t.seed(),
                "seed every tree starts from, for its leaves' subspaces (MOA: the tree's randomSeed, 1)"),
            c -> c.tree().seed())
        .parameter(
            Parameter.integer(
                    "threads",
                    0,
                    0,
                    4096,
                    "threads that train the trees (0: all cores); results do not depend on it")
                .runtime(),
            ArfRegressorConfig::threads);
    return b.configure(ArfRegressorType::configure)
        .configOf(AdaptiveRandomForestRegressor::config)
        .factory((schema, config, threads) -> new AdaptiveRandomForestRegressor(schema, config))
        .codec(new ArfRegressorCodec())
        .freezable()
        .parallel()
        .structure(ArfRegressorType::structure)
        .build();
  }

  private static String word(DetectorInput input) {
    return input.name().toLowerCase(Locale.ROOT);
  }

  private static ArfRegressorConfig configure(Settings s) {
    RegressionTreeConfig tree =
        RegressionTreeConfig.builder()
            .gracePeriod(s.intValue("grace-period"))
            .splitConfidence(s.doubleValue("split-confidence"))
            .tieThreshold(s.doubleValue("tie-threshold"))
            .perceptronLeaves(false)
            .phAlpha(s.doubleValue("ph-alpha"))
            .phThreshold(s.intValue("ph-threshold"))
            .alternateFadingFactor(s.doubleValue("alternate-fading-factor"))
            .alternateMinInstances(s.intValue("alternate-min-instances"))
            .alternateMaxInstances(s.intValue("alternate-max-instances"))
            .seed(s.longValue("tree-seed"))
            .build();
    int threads = s.intValue("threads");
    return ArfRegressorConfig.builder()
        .ensembleSize(s.intValue("trees"))
        .seed(s.longValue("seed"))
        .maxFeatures(s.text("max-features", MaxFeatures.class))
        .lambda(s.doubleValue("lambda"))
        .driftDelta(s.doubleValue("drift-delta"))
        .warningDelta(s.doubleValue("warning-delta"))
        .driftDetection(s.boolValue("drift-detection"))
        .backgroundLearners(s.boolValue("background"))
        .detectorInput(
            s.choice("detector-input").equals(ERROR)
                ? DetectorInput.ERROR
                : DetectorInput.PREDICTION)
        .threads(threads == 0 ? Runtime.getRuntime().availableProcessors() : threads)
        .tree(tree)
        .build();
  }

  private static Map<String, Object> structure(AdaptiveRandomForestRegressor f) {
    List<Map<String, Object>> perTree = new ArrayList<>();
    long nodes = 0;
    long leaves = 0;
    int maxDepth = 0;
    double depthSum = 0;
    long drifts = 0;
    long warnings = 0;
    int background = 0;
    for (int i = 0; i < f.ensembleSize(); i++) {
      RegressionTree t = f.tree(i);
      RegressionTree bg = f.backgroundTree(i);
      Map<String, Object> tree = new LinkedHashMap<>();
      tree.put("index", i);
      tree.put("nodes", t.numNodes());
      tree.put("leaves", t.numLeaves());
      tree.put("depth", t.depth());
      if (!f.isFrozen()) {
        tree.put("alternate_trees", t.numAlternateTrees());
        tree.put("drifts", f.drifts(i));
        tree.put("warnings", f.warnings(i));
        drifts += f.drifts(i);
        warnings += f.warnings(i);
      }
      double mse = f.meanSquaredError(i);
      tree.put("rmse", Double.isNaN(mse) ? null : Math.sqrt(mse));
      tree.put("background", bg != null);
      tree.put("background_nodes", bg == null ? 0 : bg.numNodes());
      nodes += t.numNodes();
      leaves += t.numLeaves();
      maxDepth = Math.max(maxDepth, t.depth());
      depthSum += t.depth();
      background += bg == null ? 0 : 1;
      perTree.add(tree);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("trees", f.ensembleSize());
    m.put("instances_seen", f.instancesSeen());
    m.put("subspace_size", f.subspaceSize());
    m.put("nodes", nodes);
    m.put("leaves", leaves);
    m.put("max_depth", maxDepth);
    m.put("mean_depth", depthSum / f.ensembleSize());
    m.put("drifts", f.isFrozen() ? null : drifts);
    m.put("warnings", f.isFrozen() ? null : warnings);
    m.put("background_trees", background);
    m.put("per_tree", perTree);
    return m;
  }
}
