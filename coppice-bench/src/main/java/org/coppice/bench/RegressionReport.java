package org.coppice.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/** Markdown tables of a regression comparison's results ({@link RegressionComparison}). */
final class RegressionReport {
  /** A row passes when Coppice's RMSE is at most this many times MOA's. */
  static final double RMSE_TOLERANCE = 1.02;

  private static final String NONE = "—";

  private final RegressionComparison options;
  private final Environment env;
  private final List<RegressionRun> results;
  private final List<String> inputChecks;

  RegressionReport(
      RegressionComparison options,
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
        + inputCheck()
        + "\n## Environment\n\n"
        + env.markdown();
  }

  /** The regression section of ACCURACY.md. */
  String accuracySection() {
    return DocSection.wrap(
        RegressionComparison.MARKERS,
        "## Regression: Coppice's regressors next to MOA 2024.07\n\n"
            + generatedNote()
            + method()
            + "\n"
            + errorTable()
            + "\n### Regression streams\n\n"
            + streams()
            + "\n### Regression input check\n\n"
            + inputCheck()
            + "\n### Regression environment\n\n"
            + env.markdown());
  }

  /** The regression section of BENCHMARKS.md. */
  String benchmarksSection() {
    return DocSection.wrap(
        RegressionComparison.MARKERS,
        "## Regression speed next to MOA 2024.07\n\n"
            + generatedNote()
            + method()
            + "\n"
            + speedTable()
            + "\nThe streams are listed in [ACCURACY.md](ACCURACY.md).\n"
            + "\n### Regression environment\n\n"
            + env.markdown());
  }

  private static String generatedNote() {
    return "Written by `coppice-bench/run-moa-comparison.sh --regression`"
        + " (`org.coppice.bench.RegressionComparison`); a new run replaces this section except"
        + " the notes at its end.\n\n";
  }

  private String method() {
    return String.format(
        Locale.ROOT,
        "Both systems run in the same JVM, test-then-train (each instance is predicted, then"
            + " learned) over the same instances, loaded in memory beforehand: MOA's through its"
            + " `ArffFileStream`, Coppice's through its own ARFF reader, from the same file. Only"
            + " the test-then-train loop is timed, on one thread unless a column says otherwise;"
            + " each system first runs %,d warm-up instances per data set and learner, and the"
            + " warm-up is discarded.\n\n"
            + "- FIMT-DD: MOA `%s`, Coppice `%s`, every other option at its default (MOA's).\n"
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
        options.warmup,
        RegressionLearner.FIMTDD.moaCli(options.trees),
        RegressionLearner.FIMTDD.coppiceOptions(options.trees),
        RegressionLearner.ARF.moaCli(options.trees),
        RegressionLearner.ARF.coppiceOptions(options.trees),
        RegressionLearner.ARF_ERROR.coppiceOptions(options.trees),
        options.n,
        join(options.seeds),
        options.n,
        join(options.seeds),
        RMSE_TOLERANCE);
  }

  String errorTable() {
    StringBuilder b = new StringBuilder();
    b.append("| Dataset | Learner | Seeds | MOA RMSE | Coppice RMSE | RMSE Coppice / MOA |")
        .append(" MOA MAE | Coppice MAE | MOA R² | Coppice R² | Identical | Pass |\n");
    b.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|:---:|:---:|\n");
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
        if (!moa.isEmpty()) {
          boolean ok = copRmse <= RMSE_TOLERANCE * moaRmse;
          if (learner.inMoa()) {
            rows++;
            passed += ok ? 1 : 0;
            pass = ok ? "yes" : "**no**";
            identical = identical(moa, cop) ? "yes" : "no";
          }
        }
        b.append("| ")
            .append(spec.title())
            .append(" | ")
            .append(learner.title())
            .append(learner.ensemble() ? ", " + options.trees + " trees" : "")
            .append(" | ")
            .append(cop.size())
            .append(" | ")
            .append(learner.inMoa() ? number(moaRmse) : "(" + number(moaRmse) + ")")
            .append(" | ")
            .append(number(copRmse))
            .append(" | ")
            .append(ratio(copRmse / moaRmse))
            .append(" | ")
            .append(learner.inMoa() ? number(mean(moa, RegressionRun::mae)) : NONE)
            .append(" | ")
            .append(number(mean(cop, RegressionRun::mae)))
            .append(" | ")
            .append(learner.inMoa() ? number(mean(moa, RegressionRun::r2)) : NONE)
            .append(" | ")
            .append(number(mean(cop, RegressionRun::r2)))
            .append(" | ")
            .append(identical)
            .append(" | ")
            .append(pass)
            .append(" |\n");
      }
    }
    if (rows > 0) {
      b.append(
          String.format(
              Locale.ROOT,
              "\n%d of %d rows with a MOA counterpart pass. In parentheses: MOA's forest, the"
                  + " reference of a Coppice-only variant.\n",
              passed,
              rows));
    }
    return b.toString();
  }

  String speedTable() {
    int t = options.threads;
    StringBuilder b = new StringBuilder();
    b.append("| Dataset | Learner | MOA inst/s | Coppice inst/s | Coppice / MOA |")
        .append(" MOA inst/CPU-s | Coppice inst/CPU-s | Coppice / MOA (CPU) |");
    b.append(" Coppice ").append(t).append("-thread inst/s | ");
    b.append(t).append("-thread result = 1-thread |\n");
    b.append("|---|---|---:|---:|---:|---:|---:|---:|---:|:---:|\n");
    for (RegressionStream spec : options.datasets) {
      for (RegressionLearner learner : options.learners) {
        List<RegressionRun> moa = learner.inMoa() ? moaRuns(spec, learner) : List.of();
        List<RegressionRun> one = coppiceRuns(spec, learner, 1);
        List<RegressionRun> many = t > 1 ? coppiceRuns(spec, learner, t) : List.of();
        if (one.isEmpty()) {
          continue;
        }
        double moaRate = rate(moa, RegressionRun::seconds);
        double oneRate = rate(one, RegressionRun::seconds);
        double moaCpu = rate(moa, RegressionRun::processCpuSeconds);
        double oneCpu = rate(one, RegressionRun::processCpuSeconds);
        b.append("| ")
            .append(spec.title())
            .append(" | ")
            .append(learner.title())
            .append(learner.ensemble() ? ", " + options.trees + " trees" : "")
            .append(" | ")
            .append(count(moaRate))
            .append(" | ")
            .append(count(oneRate))
            .append(" | ")
            .append(ratio(oneRate / moaRate))
            .append(" | ")
            .append(count(moaCpu))
            .append(" | ")
            .append(count(oneCpu))
            .append(" | ")
            .append(ratio(oneCpu / moaCpu))
            .append(" | ")
            .append(count(rate(many, RegressionRun::seconds)))
            .append(" | ")
            .append(many.isEmpty() ? NONE : identical(one, many) ? "yes" : "**no**")
            .append(" |\n");
      }
    }
    return b.toString();
  }

  private String runTable() {
    StringBuilder b = new StringBuilder();
    b.append(
            "| Dataset | System | Learner | Trees | Seed | Threads | Instances | RMSE | MAE | R² |")
        .append(" Seconds | inst/s | Process CPU s | GC s |\n");
    b.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (RegressionRun r : results) {
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %d | %d | %d | %,d | %.6f | %.6f | %.6f | %.2f | %,.0f | %.2f |"
                  + " %.2f |\n",
              r.dataset(),
              r.system(),
              r.learner(),
              r.trees(),
              r.seed(),
              r.threads(),
              r.instances(),
              r.rmse(),
              r.mae(),
              r.r2(),
              r.seconds(),
              r.instancesPerSecond(),
              r.processCpuSeconds(),
              r.gcSeconds()));
    }
    return b.toString();
  }

  private String streams() {
    StringBuilder b =
        new StringBuilder(
            "MOA command-line strings (as after `-s` on MOA's command line), shown for seed 1;"
                + " seed s gives the generators instance seeds s (and s + 100 for the second"
                + " concept of the abrupt stream).\n\n");
    b.append("| Dataset | Source |\n|---|---|\n");
    for (RegressionStream spec : options.datasets) {
      String text =
          spec.synthetic()
              ? "`" + spec.moaCli(options.n, 1) + "`"
              : "`"
                  + StreamSpec.ELECTRICITY_FILE
                  + "` from the shared data folder, target `"
                  + RegressionStream.ELECTRICITY_TARGET
                  + "` (New South Wales demand) moved last, `class` (price up/down, a label"
                  + " derived from the price) dropped; the other 7 columns are the inputs";
      b.append("| ").append(spec.title()).append(" | ").append(text).append(" |\n");
    }
    return b.toString();
  }

  private String inputCheck() {
    StringBuilder b =
        new StringBuilder(
            "Every value read by MOA's `ArffFileStream` compared with the value read by Coppice's"
                + " reader:\n\n");
    for (String line : inputChecks) {
      b.append("- ").append(line).append('\n');
    }
    return b.toString();
  }

  private List<RegressionRun> moaRuns(RegressionStream spec, RegressionLearner learner) {
    return select(spec, learner, r -> r.system().equals(RunResult.MOA));
  }

  private List<RegressionRun> coppiceRuns(
      RegressionStream spec, RegressionLearner learner, int threads) {
    return select(
        spec, learner, r -> r.system().equals(RunResult.COPPICE) && r.threads() == threads);
  }

  private List<RegressionRun> select(
      RegressionStream spec, RegressionLearner learner, Predicate<RegressionRun> filter) {
    List<RegressionRun> out = new ArrayList<>();
    for (RegressionRun r : results) {
      if (r.dataset().equals(spec.key()) && r.learner().equals(learner.key()) && filter.test(r)) {
        out.add(r);
      }
    }
    return out;
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

  private static double mean(List<RegressionRun> rs, ToDoubleFunction<RegressionRun> field) {
    if (rs.isEmpty()) {
      return Double.NaN;
    }
    double sum = 0;
    for (RegressionRun r : rs) {
      sum += field.applyAsDouble(r);
    }
    return sum / rs.size();
  }

  private static double rate(List<RegressionRun> rs, ToDoubleFunction<RegressionRun> seconds) {
    if (rs.isEmpty()) {
      return Double.NaN;
    }
    double instances = 0;
    double total = 0;
    for (RegressionRun r : rs) {
      instances += r.instances();
      total += seconds.applyAsDouble(r);
    }
    return instances / total;
  }

  private static String number(double v) {
    if (Double.isNaN(v)) {
      return NONE;
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.2f" : "%.4f", v);
  }

  private static String count(double v) {
    return Double.isNaN(v) ? NONE : String.format(Locale.ROOT, "%,.0f", v);
  }

  private static String ratio(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? NONE : String.format(Locale.ROOT, "%.3f×", v);
  }

  private static String join(List<Integer> values) {
    List<String> parts = new ArrayList<>();
    for (int v : values) {
      parts.add(Integer.toString(v));
    }
    return String.join(", ", parts);
  }
}
