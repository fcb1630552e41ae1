package org.coppice.bench;

import java.util.List;

/** Command-line options of {@link RegressionComparison} ({@code MoaComparison --regression}). */
final class RegressionOptions extends ComparisonOptions {
  static final String USAGE =
      """
      Usage: MoaComparison --regression [options]

      Runs MOA 2024.07's FIMTDD and AdaptiveRandomForestRegressor next to Coppice's
      ht-regressor and arf-regressor, test-then-train over the same instances, and writes
      error (RMSE, MAE, R2) and speed tables.

        --shared DIR          shared folder holding data/elecNormNew.arff.gz, or the data
                              folder itself (default ../shared)
        --work DIR            data cache and results (default bench-out)
        --n N                 instances per stream; Electricity uses min(N, 45312)
                              (default 50000)
        --datasets LIST       comma-separated: hyperplane-reg,hyperplane-reg-abrupt,elec-demand
                              or all (default all)
        --learners LIST       comma-separated: fimtdd,arf,arf-error or all (default all)
        --trees T             trees of both forests (default 10)
        --seeds LIST          generator seeds of the synthetic files (learner seed 1), or
                              learner seeds on Electricity (default 1,2,3)
        --threads T           also run Coppice's forests with T threads (default 2; 0 or 1 =
                              do not)
        --warmup W            warm-up instances per system, data set and learner, discarded
                              (default 3000; 0 = none)
        --docs DIR            also write the regression section of DIR/ACCURACY.md and of
                              DIR/BENCHMARKS.md (the rest of those files is kept)
        --help                print this text
      """;

  List<RegressionStream> datasets = List.of(RegressionStream.values());
  List<RegressionLearner> learners = List.of(RegressionLearner.values());
  int trees = 10;

  RegressionOptions() {
    super(50_000, List.of(1, 2, 3), 3000);
  }

  static RegressionOptions parse(String[] args) {
    RegressionOptions o = new RegressionOptions();
    o.parseArgs(args);
    return o;
  }

  @Override
  boolean option(String name, String value) {
    switch (name) {
      case "--datasets" -> datasets = RegressionStream.parseList(value);
      case "--learners" ->
          learners = Keyed.parseList(value, List.of(RegressionLearner.values()), "learner");
      case "--trees" -> trees = (int) positive(name, Integer.parseInt(value));
      default -> {
        return false;
      }
    }
    return true;
  }

  @Override
  void validate() {
    if (datasets.isEmpty() || learners.isEmpty()) {
      throw new IllegalArgumentException("--datasets, --learners and --seeds must not be empty");
    }
  }
}
