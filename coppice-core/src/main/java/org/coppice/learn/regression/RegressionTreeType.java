package org.coppice.learn.regression;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coppice.learn.Task;
import org.coppice.learn.registry.LearnerType;
import org.coppice.learn.registry.Parameter;
import org.coppice.learn.registry.Settings;

/**
 * The declaration of the FIMT-DD regression tree, {@code ht-regressor} (model-file id 5). Its
 * settings are MOA 2024.07 {@code trees.FIMTDD}'s options with their defaults; {@code
 * grace-period}, {@code split-confidence} and {@code tie-threshold} are named as in the
 * classification tree.
 */
public final class RegressionTreeType {
  private RegressionTreeType() {}

  private static final String PERCEPTRON = "perceptron";
  private static final String MEAN = "mean";

  /** MOA 2024.07 {@code trees.FIMTDD} with its defaults. */
  public static final LearnerType<RegressionTreeConfig, RegressionTree> TYPE = declare();

  private static LearnerType<RegressionTreeConfig, RegressionTree> declare() {
    RegressionTreeConfig d = RegressionTreeConfig.defaults();
    int max = Integer.MAX_VALUE;
    return LearnerType.<RegressionTreeConfig, RegressionTree>builder(
            "ht-regressor", Task.REGRESSION, RegressionTree.class, 5)
        .title("FIMT-DD regression/model tree (Ikonomovska et al. 2011; MOA trees.FIMTDD)")
        .parameter(
            Parameter.integer(
                "grace-period",
                d.gracePeriod(),
                0,
                max,
                "weight a leaf sees between split attempts (MOA -g)"),
            RegressionTreeConfig::gracePeriod)
        .parameter(
            Parameter.number(
                "split-confidence",
                d.splitConfidence(),
                Double.MIN_VALUE,
                1,
                "delta of the Hoeffding bound: allowed error of a split decision (MOA -c)"),
            RegressionTreeConfig::splitConfidence)
        .parameter(
            Parameter.number(
                "tie-threshold",
                d.tieThreshold(),
                0,
                1,
                "split anyway once the Hoeffding bound is below this (MOA -t)"),
            RegressionTreeConfig::tieThreshold)
        .parameter(
            Parameter.choice(
                "leaf-prediction",
                PERCEPTRON,
                List.of(PERCEPTRON, MEAN),
                "leaf model: perceptron (model tree) or mean target (regression tree, MOA -e)"),
            c -> c.perceptronLeaves() ? PERCEPTRON : MEAN)
        .parameter(
            Parameter.number(
                "learning-rate",
                d.learningRate(),
                0,
                1,
                "initial learning rate of the leaf perceptrons (MOA -l)"),
            RegressionTreeConfig::learningRate)
        .parameter(
            Parameter.number(
                "learning-rate-decay",
                d.learningRateDecay(),
                0,
                1,
                "learning rate decay: rate = learning-rate / (1 + n * decay) (MOA -d)"),
            RegressionTreeConfig::learningRateDecay)
        .parameter(
            Parameter.bool(
                "constant-learning-rate",
                d.constantLearningRate(),
                "keep the perceptron learning rate constant (MOA -p)"),
            RegressionTreeConfig::constantLearningRate)
        .parameter(
            Parameter.number(
                "ph-alpha",
                d.phAlpha(),
                0,
                1,
                "Page-Hinkley tolerance of the change detection in split nodes (MOA -a)"),
            RegressionTreeConfig::phAlpha)
        .parameter(
            Parameter.integer(
                "ph-threshold",
                d.phThreshold(),
                0,
                max,
                "Page-Hinkley threshold: a change starts an alternate tree (MOA -h)"),
            RegressionTreeConfig::phThreshold)
        .parameter(
            Parameter.number(
                "alternate-fading-factor",
                d.alternateFadingFactor(),
                0,
                1,
                "fading factor of the errors that decide if an alternate tree wins (MOA -f)"),
            RegressionTreeConfig::alternateFadingFactor)
        .parameter(
            Parameter.integer(
                "alternate-min-instances",
                d.alternateMinInstances(),
                0,
                max,
                "instances between two comparisons of an alternate tree (MOA -y)"),
            RegressionTreeConfig::alternateMinInstances)
        .parameter(
            Parameter.integer(
                "alternate-max-instances",
                d.alternateMaxInstances(),
                0,
                max,
                "instances after which an alternate tree that has not won is dropped (MOA -u)"),
            RegressionTreeConfig::alternateMaxInstances)
        .parameter(
            Parameter.longInteger(
                "seed", d.seed(), "seed of the perceptrons' initial weights (MOA -r)"),
            RegressionTreeConfig::seed)
        .configure(RegressionTreeType::configure)
        .configOf(RegressionTree::config)
        .factory((schema, config, threads) -> new RegressionTree(schema, config))
        .codec(new RegressionTreeCodec())
        .freezable()
        .structure(RegressionTreeType::structure)
        .build();
  }

  private static RegressionTreeConfig configure(Settings s) {
    return RegressionTreeConfig.builder()
        .gracePeriod(s.intValue("grace-period"))
        .splitConfidence(s.doubleValue("split-confidence"))
        .tieThreshold(s.doubleValue("tie-threshold"))
        .perceptronLeaves(s.choice("leaf-prediction").equals(PERCEPTRON))
        .learningRate(s.doubleValue("learning-rate"))
        .learningRateDecay(s.doubleValue("learning-rate-decay"))
        .constantLearningRate(s.boolValue("constant-learning-rate"))
        .phAlpha(s.doubleValue("ph-alpha"))
        .phThreshold(s.intValue("ph-threshold"))
        .alternateFadingFactor(s.doubleValue("alternate-fading-factor"))
        .alternateMinInstances(s.intValue("alternate-min-instances"))
        .alternateMaxInstances(s.intValue("alternate-max-instances"))
        .seed(s.longValue("seed"))
        .build();
  }

  private static Map<String, Object> structure(RegressionTree t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("nodes", t.numNodes());
    m.put("leaves", t.numLeaves());
    m.put("depth", t.depth());
    m.put("alternate trees", t.numAlternateTrees());
    return m;
  }
}
