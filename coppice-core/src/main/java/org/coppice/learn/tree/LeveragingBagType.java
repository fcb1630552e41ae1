package org.coppice.learn.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.coppice.learn.Task;
import org.coppice.learn.registry.LearnerType;
import org.coppice.learn.registry.Parameter;

/** The declaration of leveraging bagging of Hoeffding trees, {@code leveraging-bagging}. */
public final class LeveragingBagType {
  private LeveragingBagType() {}

  /** MOA 2024.07 {@code meta.LeveragingBag} with its defaults (10 default Hoeffding trees). */
  public static final LearnerType<LeveragingBagConfig, LeveragingBag> TYPE = declare();

  private static LearnerType<LeveragingBagConfig, LeveragingBag> declare() {
    LeveragingBagConfig d = LeveragingBagConfig.defaults();
    LearnerType.Builder<LeveragingBagConfig, LeveragingBag> b =
        LearnerType.builder("leveraging-bagging", Task.CLASSIFICATION, LeveragingBag.class, 8);
    b.title("Leveraging bagging (Bifet, Holmes and Pfahringer)")
        .parameter(
            Parameter.integer("trees", d.ensembleSize(), 1, 1 << 20, "number of trees (MOA -s)"),
            LeveragingBagConfig::ensembleSize)
        .parameter(
            Parameter.longInteger("seed", d.seed(), "seed of the Poisson weights (MOA -r)"),
            LeveragingBagConfig::seed)
        .parameter(
            Parameter.number(
                "lambda",
                d.lambda(),
                Double.MIN_VALUE,
                1e6,
                "lambda of the Poisson weights (MOA -w)"),
            LeveragingBagConfig::lambda)
        .parameter(
            Parameter.number(
                "adwin-delta",
                d.adwinDelta(),
                Double.MIN_VALUE,
                Math.nextDown(1.0),
                "ADWIN delta of each tree's error monitor (MOA -a)"),
            LeveragingBagConfig::adwinDelta);
    TreeParameters.add(b, d.tree(), LeveragingBagConfig::tree);
    b.parameter(ArfType.THREADS, LeveragingBagConfig::threads);
    return b.configure(
            s ->
                new LeveragingBagConfig(
                    s.intValue("trees"),
                    s.doubleValue("lambda"),
                    s.doubleValue("adwin-delta"),
                    s.longValue("seed"),
                    ArfType.threads(s.intValue("threads")),
                    TreeParameters.configure(s, d.tree())))
        .configOf(LeveragingBag::config)
        .factory((schema, config, threads) -> new LeveragingBag(schema, config))
        .codec(new LeveragingBagCodec())
        .freezable()
        .parallel()
        .structure(LeveragingBagType::structure)
        .build();
  }

  private static Map<String, Object> structure(LeveragingBag bag) {
    List<HoeffdingTree> trees = new ArrayList<>();
    for (int i = 0; i < bag.ensembleSize(); i++) {
      trees.add(bag.tree(i));
    }
    Map<String, Object> m = OzaBagType.structure(bag.ensembleSize(), bag.instancesSeen(), trees);
    m.put("changes", bag.isFrozen() ? null : bag.changes());
    if (!bag.isFrozen()) {
      List<Long> resets = new ArrayList<>();
      for (int i = 0; i < bag.ensembleSize(); i++) {
        resets.add(bag.resets(i));
      }
      m.put("resets_per_tree", resets);
    }
    return m;
  }
}
