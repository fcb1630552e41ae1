package org.coppice.bench;

import static org.coppice.bench.Tables.NONE;
import static org.coppice.bench.Tables.count;
import static org.coppice.bench.Tables.mean;
import static org.coppice.bench.Tables.number;
import static org.coppice.bench.Tables.rate;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** Markdown tables of a regression comparison's results ({@link RegressionComparison}). */
final class RegressionReport {
  /** A row passes when Coppice's RMSE is at most this many times MOA's. */
  static final double RMSE_TOLERANCE = 1.02;

  private static final String COMMAND = "coppice-bench/run-moa-comparison.sh --regression";

  private final RegressionOptions options;
  private final Environment env;
  private final List<RegressionRun> results;
  private final List<String> inputChecks;

  RegressionReport(
      RegressionOptions options,
      Environment env,
      List<RegressionRun> results,
      List<String> inputChecks) {
    this.options = options;
    this.env = env;
    this.results = List.copyOf(results);
    this.inputChecks = List.copyOf(inputChecks);
  }

  /** Everything: both tables, every run, the streams and the environment. */
  String full() {
    return "# Coppice regressors vs MOA 2024.07\n\n"
        + method()
        + "\n## Errors\n\n"
        + errorTable()
        + "\n## Speed\n\n"
        + speedTable()
        + "\n## Every run\n\n"
        + runTable()
        + "\n## Streams\n\n"
        + streams()
        + "\n## Input check\n\n"
        + Tables.inputCheck(inputChecks)
        + "\n## Environment\n\n"
        + env.markdown();
  }

  /** The regression section of ACCURACY.md. */
  String accuracySection() {
    return DocSection.wrap(
        RegressionComparison.MARKERS,
        "## Regression: Coppice's regressors next to MOA 2024.07\n\n"
            + Tables.generatedNote(COMMAND, RegressionComparison.class)
            + method()
            + "\n"
            + errorTable()
            + "\n### Regression streams\n\n"
            + streams()
            + "\n### Regression input check\n\n"
            + Tables.inputCheck(inputChecks)
            + "\n### Regression environment\n\n"
            + env.markdown());
  }

  /** The regression section of BENCHMARKS.md. */
  String benchmarksSection() {
    return DocSection.wrap(
        RegressionComparison.MARKERS,
        "## Regression speed next to MOA 2024.07\n\n"
            + Tables.generatedNote(COMMAND, RegressionComparison.class)
            + method()
            + "\n"
            + speedTable()
            + "\nThe streams are listed in [ACCURACY.md](ACCURACY.md).\n"
            + "\n### Regression environment\n\n"
            + env.markdown());
  }

  private String method() {
    return Tables.sameJvm("predicted", options.warmup, "per data set and learner")
        + String.format(
            Locale.ROOT,
            "- FIMT-DD: MOA `%s`, Coppice `%s`, every other option at its default (MOA's).\n"
                + "- ARF regressor: MOA `%s`, Coppice `%s`, every other option at its default"
                + " (MOA's); MOA's seed set with `setRandomSeed(<seed>)` (its command line has no"
                + " `-r` for these classes).\n"
                + "- ARF regressor, detectors fed the error: Coppice `%s`, which MOA does not have;"
                + " its columns compare it with MOA's forest.\n"
                + "- Scored with MOA's `BasicRegressionPerformanceEvaluator` and Coppice's"
                + " `PrequentialEvaluator`, which computes the same sums: RMSE and MAE over all"
                + " instances; R² = 1 − Σ(y − p)² / Σ(y − ȳ)², ȳ the mean of the targets before each"
                + " instance (MOA's definition).\n"
                + "- Synthetic streams: %,d instances; one file per generator seed (%s), learner seed"
                + " 1. Electricity: the first min(%,d, 45,312) instances, learner seeds %s.\n"
                + "- Errors are averaged over the seeds. A row passes when Coppice's RMSE is at most"
                + " %.2f × MOA's; \"identical\" means every seed gave the same RMSE, MAE and R², to the"
                + " last bit.\n"
                + "- Speed is instances per second of wall time over all seeds (total instances / total"
                + " seconds); per CPU second counts the whole JVM (loop, GC and JIT threads).\n",
            RegressionLearner.FIMTDD.moaCli(options.trees),
            RegressionLearner.FIMTDD.coppiceOptions(options.trees),
            RegressionLearner.ARF.moaCli(options.trees),
            RegressionLearner.ARF.coppiceOptions(options.trees),
            RegressionLearner.ARF_ERROR.coppiceOptions(options.trees),
            options.n,
            Tables.join(options.seeds),
            options.n,
            Tables.join(options.seeds),
            RMSE_TOLERANCE);
  }

  String errorTable() {
    Tables.Table t =
        new Tables.Table(
            "Dataset",
            "Learner",
            ">Seeds",
            ">MOA RMSE",
            ">Coppice RMSE",
            ">RMSE Coppice / MOA",
            ">MOA MAE",
            ">Coppice MAE",
            ">MOA R²",
            ">Coppice R²",
            "^Identical",
            "^Pass");
    int rows = 0;
    int passed = 0;
    for (RegressionStream spec : options.datasets) {
      for (RegressionLearner learner : options.learners) {
        List<RegressionRun> moa = moaRuns(spec, learner.moaCounterpart());
        List<RegressionRun> cop = coppiceRuns(spec, learner, 1);
        if (cop.isEmpty()) {
          continue;
        }
        double moaRmse = mean(moa, RegressionRun::rmse);
        double copRmse = mean(cop, RegressionRun::rmse);
        String pass = NONE;
        String identical = NONE;
        if (!moa.isEmpty() && learner.inMoa()) {
          boolean ok = copRmse <= RMSE_TOLERANCE * moaRmse;
          rows++;
          passed += ok ? 1 : 0;
          pass = ok ? "yes" : "**no**";
          identical = identical(moa, cop) ? "yes" : "no";
        }
        t.row(
            spec.title(),
            title(learner),
            cop.size(),
            learner.inMoa() ? number(moaRmse) : "(" + number(moaRmse) + ")",
            number(copRmse),
            Tables.ratio(copRmse / moaRmse, 3),
            learner.inMoa() ? number(mean(moa, RegressionRun::mae)) : NONE,
            number(mean(cop, RegressionRun::mae)),
            learner.inMoa() ? number(mean(moa, RegressionRun::r2)) : NONE,
            number(mean(cop, RegressionRun::r2)),
            identical,
            pass);
      }
    }
    String out = t.toString();
    if (rows > 0) {
      out +=
          String.format(
              Locale.ROOT,
              "\n%d of %d rows with a MOA counterpart pass. In parentheses: MOA's forest, the"
                  + " reference of a Coppice-only variant.\n",
              passed,
              rows);
    }
    return out;
  }

  String speedTable() {
    int th = options.threads;
    Tables.Table t =
        new Tables.Table(
            "Dataset",
            "Learner",
            ">MOA inst/s",
            ">Coppice inst/s",
            ">Coppice / MOA",
            ">MOA inst/CPU-s",
            ">Coppice inst/CPU-s",
            ">Coppice / MOA (CPU)",
            ">Coppice " + th + "-thread inst/s",
            "^" + th + "-thread result = 1-thread");
    for (RegressionStream spec : options.datasets) {
      for (RegressionLearner learner : options.learners) {
        List<RegressionRun> moa = learner.inMoa() ? moaRuns(spec, learner) : List.of();
        List<RegressionRun> one = coppiceRuns(spec, learner, 1);
        List<RegressionRun> many = th > 1 ? coppiceRuns(spec, learner, th) : List.of();
        if (one.isEmpty()) {
          continue;
        }
        double moaCpu = Tables.cpuRate(moa);
        double oneCpu = Tables.cpuRate(one);
        t.row(
            spec.title(),
            title(learner),
            count(rate(moa)),
            count(rate(one)),
            Tables.ratio(rate(one) / rate(moa), 3),
            count(moaCpu),
            count(oneCpu),
            Tables.ratio(oneCpu / moaCpu, 3),
            count(rate(many)),
            many.isEmpty() ? NONE : identical(one, many) ? "yes" : "**no**");
      }
    }
    return t.toString();
  }

  private String title(RegressionLearner learner) {
    return learner.title() + (learner.ensemble() ? ", " + options.trees + " trees" : "");
  }

  private String runTable() {
    Tables.Table t =
        new Tables.Table(
            "Dataset",
            "System",
            "Learner",
            ">Trees",
            ">Seed",
            ">Threads",
            ">Instances",
            ">RMSE",
            ">MAE",
            ">R²",
            ">Seconds",
            ">inst/s",
            ">Process CPU s",
            ">GC s");
    for (RegressionRun r : results) {
      t.row(
          r.dataset(),
          r.system(),
          r.learner(),
          r.trees(),
          r.seed(),
          r.threads(),
          String.format(Locale.ROOT, "%,d", r.instances()),
          String.format(Locale.ROOT, "%.6f", r.rmse()),
          String.format(Locale.ROOT, "%.6f", r.mae()),
          String.format(Locale.ROOT, "%.6f", r.r2()),
          Tables.fixed2(r.seconds()),
          count(r.instancesPerSecond()),
          Tables.fixed2(r.processCpuSeconds()),
          Tables.fixed2(r.gcSeconds()));
    }
    return t.toString();
  }

  private String streams() {
    Tables.Table t = new Tables.Table("Dataset", "Source");
    for (RegressionStream spec : options.datasets) {
      t.row(
          spec.title(),
          spec.synthetic()
              ? "`" + spec.moaCli(options.n, 1) + "`"
              : "`"
                  + StreamSpec.ELECTRICITY_FILE
                  + "` from the shared data folder, target `"
                  + RegressionStream.ELECTRICITY_TARGET
                  + "` (New South Wales demand) moved last, `class` (price up/down, a label"
                  + " derived from the price) dropped; the other 7 columns are the inputs");
    }
    return "MOA command-line strings (as after `-s` on MOA's command line), shown for seed 1;"
        + " seed s gives the generators instance seeds s (and s + 100 for the second concept of"
        + " the abrupt stream).\n\n"
        + t;
  }

  private List<RegressionRun> moaRuns(RegressionStream spec, RegressionLearner learner) {
    return select(spec, learner, RegressionRun::isMoa);
  }

  private List<RegressionRun> coppiceRuns(
      RegressionStream spec, RegressionLearner learner, int threads) {
    return select(spec, learner, r -> r.isCoppice(threads));
  }

  private List<RegressionRun> select(
      RegressionStream spec, RegressionLearner learner, Predicate<RegressionRun> filter) {
    return Tables.select(
        results,
        r -> r.dataset().equals(spec.key()) && r.learner().equals(learner.key()) && filter.test(r));
  }

  /** Whether every run of {@code b} has the same errors, to the bit, as {@code a}'s same seed. */
  private static boolean identical(List<RegressionRun> a, List<RegressionRun> b) {
    for (RegressionRun y : b) {
      boolean matched = false;
      for (RegressionRun x : a) {
        if (x.seed() == y.seed()) {
          matched = x.rmse() == y.rmse() && x.mae() == y.mae() && x.r2() == y.r2();
        }
      }
      if (!matched) {
        return false;
      }
    }
    return !b.isEmpty();
  }
}
