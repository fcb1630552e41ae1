package org.coppice.bench;

import static org.coppice.bench.Tables.NONE;
import static org.coppice.bench.Tables.count;
import static org.coppice.bench.Tables.fixed2;
import static org.coppice.bench.Tables.join;
import static org.coppice.bench.Tables.mean;
import static org.coppice.bench.Tables.rate;
import static org.coppice.bench.Tables.signed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/** Markdown tables of the classification comparison's results ({@link MoaComparison}). */
final class Report {
  /** Coppice passes when it is at most this many points below MOA, in accuracy and in kappa. */
  static final double TOLERANCE_POINTS = 0.5;

  private static final String COMMAND = "coppice-bench/run-moa-comparison.sh";

  private static final String BOTH_SIDES = "No learner ran on both sides.\n";

  private static final String CPU_NOTE =
      "Single-thread speed per CPU second of the whole JVM (loop, GC and JIT threads; steadier"
          + " than wall time when the machine is shared), and garbage-collection time as a share"
          + " of wall time:\n\n";

  private final BenchOptions options;
  private final Environment env;
  private final List<RunResult> results;
  private final List<String> inputChecks;
  private final List<ClassifierPair> pairs;
  private final Map<ClassifierPair, String> skipped;
  private final Map<ClassifierPair, String> coppiceOptions;

  /**
   * @param pairs the pairs that ran
   * @param skipped the selected pairs that did not run, with the reason
   * @param coppiceOptions Coppice's options of each pair that ran on Coppice's side
   */
  Report(
      BenchOptions options,
      Environment env,
      List<RunResult> results,
      List<String> inputChecks,
      List<ClassifierPair> pairs,
      Map<ClassifierPair, String> skipped,
      Map<ClassifierPair, String> coppiceOptions) {
    this.options = options;
    this.env = env;
    this.results = List.copyOf(results);
    this.inputChecks = List.copyOf(inputChecks);
    this.pairs = List.copyOf(pairs);
    this.skipped = Map.copyOf(skipped);
    this.coppiceOptions = Map.copyOf(coppiceOptions);
  }

  /** Everything: all tables, every run, the streams and the environment. */
  String full() {
    return "# Coppice classifiers vs MOA 2024.07\n\n"
        + method()
        + "\n## Learners\n\n"
        + learnersTable()
        + "\n## Summary\n\n"
        + accuracySummary()
        + "\n"
        + speedSummary()
        + "\n## Accuracy\n\n"
        + accuracyTable()
        + "\n## Speed\n\n"
        + speedTable()
        + "\n"
        + CPU_NOTE
        + cpuSpeedTable()
        + "\n## Every run\n\n"
        + runTable()
        + "\n## Streams\n\n"
        + streams()
        + "\n## Input check\n\n"
        + Tables.inputCheck(inputChecks)
        + "\n## Environment\n\n"
        + env.markdown();
  }

  /** The section of ACCURACY.md (see {@link DocSection}). */
  String accuracySection() {
    return DocSection.wrap(
        "## Classifiers next to MOA 2024.07\n\n"
            + Tables.generatedNote(COMMAND, MoaComparison.class)
            + method()
            + "\n### Learners\n\n"
            + learnersTable()
            + "\n### Summary\n\n"
            + accuracySummary()
            + "\n### Results\n\n"
            + accuracyTable()
            + "\n### Streams\n\n"
            + streams()
            + "\n### Input check\n\n"
            + Tables.inputCheck(inputChecks)
            + "\n### Environment\n\n"
            + env.markdown());
  }

  /** The section of BENCHMARKS.md (see {@link DocSection}). */
  String benchmarksSection() {
    return DocSection.wrap(
        "## Speed next to MOA 2024.07\n\n"
            + Tables.generatedNote(COMMAND, MoaComparison.class)
            + method()
            + "\n### Summary\n\n"
            + speedSummary()
            + "\n### Results\n\n"
            + speedTable()
            + "\n"
            + CPU_NOTE
            + cpuSpeedTable()
            + "\nThe learners' options and the streams are listed in [ACCURACY.md](ACCURACY.md).\n"
            + "\n### Environment\n\n"
            + env.markdown());
  }

  private String method() {
    int t = options.threads;
    StringBuilder b = new StringBuilder();
    b.append(Tables.sameJvm("scored", options.warmup, "per data set, learner and ensemble size"));
    b.append(
        "- MOA: the command-line string in the learners table, every other option at its"
            + " default; a randomizable learner's seed is set with `setRandomSeed(<seed>)`, the"
            + " equivalent of `-r <seed>`, which MOA 2024.07's option parser does not accept."
            + " Scored with `BasicClassificationPerformanceEvaluator`.\n");
    b.append(
        "- Coppice: the learner of the registry with the options in the learners table, every"
            + " other setting at its default (MOA's). Scored with `PrequentialEvaluator`.\n");
    b.append(
        String.format(
            Locale.ROOT,
            "- Synthetic streams: %,d instances; one file per generator seed, learner seed 1."
                + " Electricity: the first min(%,d, 45,312) instances of `elecNormNew.arff`, each"
                + " seed as the learner's seed (a learner that is not randomized runs once).\n",
            options.n,
            options.n));
    b.append(
        "- Accuracy and kappa are in percent, averaged over the seeds. A row passes when Coppice"
            + " is at most "
            + TOLERANCE_POINTS
            + " points below MOA in both accuracy and kappa. \"Same predictions\": in every run,"
            + " Coppice predicted the same class as MOA for every instance (compared by a"
            + " fingerprint of the predicted classes).\n");
    b.append(
        "- Speed is instances per second of wall time over all seeds (total instances / total"
            + " seconds).");
    if (t > 1) {
      b.append(" Coppice's ensembles also run with ")
          .append(t)
          .append(" threads; \"")
          .append(t)
          .append("-thread = 1-thread\" means the same predicted class for every instance, and")
          .append(" the same accuracy and kappa, as with one thread.");
    }
    b.append('\n');
    if (!skipped.isEmpty()) {
      b.append("- Skipped: ");
      List<String> parts = new ArrayList<>();
      for (ClassifierPair pair : options.learners) {
        if (skipped.containsKey(pair)) {
          parts.add("`" + pair.key() + "` (" + skipped.get(pair) + ")");
        }
      }
      b.append(String.join("; ", parts)).append(".\n");
    }
    return b.toString();
  }

  /** Each pair's MOA command line, seed handling and Coppice options. */
  String learnersTable() {
    Tables.Table t =
        new Tables.Table(
            "Learner", "MOA learner", "MOA seed", "Coppice", "Ensemble sizes", "Seeds");
    for (ClassifierPair pair : pairs) {
      List<Integer> sizes = options.sizes(pair);
      String coppice = coppiceOptions.get(pair);
      t.row(
          pair.title(),
          "`" + pair.moaCli(sizes.size() == 1 ? Integer.toString(sizes.get(0)) : "<size>") + "`",
          pair.randomized() ? "`setRandomSeed(<seed>)`" : "not randomizable",
          coppice == null ? "(not run)" : "`" + coppice + "`",
          pair.ensemble() ? join(sizes) : NONE,
          join(options.seeds(pair)));
    }
    return t.toString();
  }

  /** Per learner: how many rows pass, and how many predicted exactly as MOA. */
  String accuracySummary() {
    Tables.Table t = new Tables.Table("Learner", ">Rows", ">Pass", ">Same predictions as MOA");
    boolean any = false;
    for (ClassifierPair pair : pairs) {
      int rows = 0;
      int passed = 0;
      int same = 0;
      for (Row row : rows(pair)) {
        if (row.moa.isEmpty() || row.one.isEmpty()) {
          continue;
        }
        rows++;
        passed += row.passes() ? 1 : 0;
        same += samePredictions(row.moa, row.one) ? 1 : 0;
      }
      if (rows > 0) {
        t.row(pair.title(), rows, passed, same);
        any = true;
      }
    }
    return any ? t.toString() : BOTH_SIDES;
  }

  /** Per learner and size: the lowest and highest speed-up over the data sets. */
  String speedSummary() {
    int th = options.threads;
    Tables.Table t =
        new Tables.Table(
            "Learner",
            ">Size",
            ">Coppice / MOA, lowest",
            ">Coppice / MOA, highest",
            ">Coppice / MOA, all data",
            "^" + th + "-thread = 1-thread");
    boolean any = false;
    for (ClassifierPair pair : pairs) {
      for (int size : options.sizes(pair)) {
        double low = Double.NaN;
        double high = Double.NaN;
        List<RunResult> moa = new ArrayList<>();
        List<RunResult> one = new ArrayList<>();
        String threads = NONE;
        for (Row row : rows(pair)) {
          if (row.size != size || row.moa.isEmpty() || row.one.isEmpty()) {
            continue;
          }
          double r = rate(row.one) / rate(row.moa);
          low = Double.isNaN(low) ? r : Math.min(low, r);
          high = Double.isNaN(high) ? r : Math.max(high, r);
          moa.addAll(row.moa);
          one.addAll(row.one);
          if (!row.many.isEmpty()) {
            boolean same = sameAsOneThread(row.one, row.many);
            threads = threads.equals("**no**") || !same ? "**no**" : "yes";
          }
        }
        if (!moa.isEmpty()) {
          any = true;
          t.row(
              pair.title(),
              pair.ensemble() ? size : NONE,
              Tables.ratio(low, 2),
              Tables.ratio(high, 2),
              Tables.ratio(rate(one) / rate(moa), 2),
              threads);
        }
      }
    }
    return any ? t.toString() : BOTH_SIDES;
  }

  String accuracyTable() {
    Tables.Table t =
        new Tables.Table(
            "Learner",
            "Dataset",
            ">Size",
            ">Seeds",
            ">MOA acc %",
            ">MOA κ %",
            ">Coppice acc %",
            ">Coppice κ %",
            ">Δ acc (pts)",
            ">Δ κ (pts)",
            "^Same predictions",
            "^Pass");
    int rows = 0;
    int passed = 0;
    for (ClassifierPair pair : pairs) {
      for (Row row : rows(pair)) {
        double moaAcc = mean(row.moa, RunResult::accuracy);
        double moaKappa = mean(row.moa, RunResult::kappa);
        double copAcc = mean(row.one, RunResult::accuracy);
        double copKappa = mean(row.one, RunResult::kappa);
        String pass = NONE;
        String same = NONE;
        if (!row.moa.isEmpty() && !row.one.isEmpty()) {
          rows++;
          passed += row.passes() ? 1 : 0;
          pass = row.passes() ? "yes" : "**no**";
          same = samePredictions(row.moa, row.one) ? "yes" : "no";
        }
        t.row(
            pair.title(),
            row.spec.title(),
            pair.ensemble() ? row.size : NONE,
            Math.max(row.moa.size(), row.one.size()),
            fixed2(moaAcc),
            fixed2(moaKappa),
            fixed2(copAcc),
            fixed2(copKappa),
            signed(copAcc - moaAcc),
            signed(copKappa - moaKappa),
            same,
            pass);
      }
    }
    String out = t.toString();
    if (rows > 0) {
      out += String.format(Locale.ROOT, "\n%d of %d rows pass.\n", passed, rows);
    }
    return out;
  }

  String speedTable() {
    int th = options.threads;
    Tables.Table t =
        new Tables.Table(
            "Learner",
            "Dataset",
            ">Size",
            ">MOA inst/s",
            ">Coppice 1-thread inst/s",
            ">Coppice / MOA",
            ">Coppice " + th + "-thread inst/s",
            ">" + th + "-thread / 1-thread",
            "^" + th + "-thread = 1-thread");
    for (ClassifierPair pair : pairs) {
      for (Row row : rows(pair)) {
        double moaRate = rate(row.moa);
        double oneRate = rate(row.one);
        double manyRate = rate(row.many);
        t.row(
            pair.title(),
            row.spec.title(),
            pair.ensemble() ? row.size : NONE,
            count(moaRate),
            count(oneRate),
            Tables.ratio(oneRate / moaRate, 2),
            count(manyRate),
            Tables.ratio(manyRate / oneRate, 2),
            row.many.isEmpty() ? NONE : sameAsOneThread(row.one, row.many) ? "yes" : "**no**");
      }
    }
    return t.toString();
  }

  /**
   * Single-thread speed by the CPU time of the whole JVM: steadier than wall time on a machine
   * shared with other work.
   */
  String cpuSpeedTable() {
    Tables.Table t =
        new Tables.Table(
            "Learner",
            "Dataset",
            ">Size",
            ">MOA inst/CPU-s",
            ">Coppice 1-thread inst/CPU-s",
            ">Coppice / MOA",
            ">MOA GC %",
            ">Coppice GC %");
    for (ClassifierPair pair : pairs) {
      for (Row row : rows(pair)) {
        double moaRate = Tables.cpuRate(row.moa);
        double oneRate = Tables.cpuRate(row.one);
        t.row(
            pair.title(),
            row.spec.title(),
            pair.ensemble() ? row.size : NONE,
            count(moaRate),
            count(oneRate),
            Tables.ratio(oneRate / moaRate, 2),
            Tables.gcShare(row.moa),
            Tables.gcShare(row.one));
      }
    }
    return t.toString();
  }

  private String runTable() {
    Tables.Table t =
        new Tables.Table(
            "Dataset",
            "System",
            "Learner",
            ">Size",
            ">Seed",
            ">Threads",
            ">Instances",
            ">Acc %",
            ">κ %",
            "Predictions",
            ">Seconds",
            ">inst/s",
            ">Thread CPU s",
            ">Process CPU s",
            ">GC s");
    for (RunResult r : results) {
      t.row(
          r.dataset(),
          r.system(),
          r.learner(),
          r.trees(),
          r.seed(),
          r.threads(),
          String.format(Locale.ROOT, "%,d", r.instances()),
          String.format(Locale.ROOT, "%.4f", r.accuracy()),
          String.format(Locale.ROOT, "%.4f", r.kappa()),
          "`" + Predictions.hex(r.predictions()) + "`",
          fixed2(r.seconds()),
          count(r.instancesPerSecond()),
          fixed2(r.cpuSeconds()),
          fixed2(r.processCpuSeconds()),
          fixed2(r.gcSeconds()));
    }
    return t.toString();
  }

  private String streams() {
    StringBuilder b = new StringBuilder();
    b.append(
        "MOA command-line strings (as after `-s` on MOA's command line), shown for seed 1. For seed"
            + " s, the generator of the j-th concept (j = 0, 1, …) gets instance seed (and"
            + " model/tree seed) s + 100·j, and the j-th nested `ConceptDriftStream` gets `-r` s +"
            + " 100·j. A nested `ConceptDriftStream` counts only its own instances, so each level's"
            + " `-p` is relative: N/4 at every level puts the drifts at about 25%, 50% and"
            + " 75%.\n\n");
    Tables.Table t = new Tables.Table("Dataset", "MOA stream");
    for (StreamSpec spec : options.datasets) {
      t.row(
          spec.title(),
          spec.synthetic()
              ? "`" + spec.moaCli(options.n, 1) + "`"
              : "`" + StreamSpec.ELECTRICITY_FILE + "` from the shared data folder (read as ARFF)");
    }
    return b.append(t).toString();
  }

  /** The runs of one learner, data set and size: MOA's, Coppice's on 1 and on T threads. */
  private record Row(
      StreamSpec spec, int size, List<RunResult> moa, List<RunResult> one, List<RunResult> many) {
    boolean passes() {
      double moaAcc = mean(moa, RunResult::accuracy);
      double moaKappa = mean(moa, RunResult::kappa);
      return mean(one, RunResult::accuracy) >= moaAcc - TOLERANCE_POINTS
          && mean(one, RunResult::kappa) >= moaKappa - TOLERANCE_POINTS;
    }
  }

  /** The rows of {@code pair} that have runs, data set by data set, size by size. */
  private List<Row> rows(ClassifierPair pair) {
    int th = options.threads;
    List<Row> out = new ArrayList<>();
    for (StreamSpec spec : options.datasets) {
      for (int size : options.sizes(pair)) {
        Predicate<RunResult> same =
            r ->
                r.dataset().equals(spec.key())
                    && r.learner().equals(pair.key())
                    && r.trees() == size;
        List<RunResult> moa = Tables.select(results, r -> same.test(r) && r.isMoa());
        List<RunResult> one = Tables.select(results, r -> same.test(r) && r.isCoppice(1));
        List<RunResult> many =
            th > 1 ? Tables.select(results, r -> same.test(r) && r.isCoppice(th)) : List.of();
        if (!moa.isEmpty() || !one.isEmpty()) {
          out.add(new Row(spec, size, moa, one, many));
        }
      }
    }
    return out;
  }

  /** Whether every Coppice run predicted as MOA's run of the same seed. */
  private static boolean samePredictions(List<RunResult> moa, List<RunResult> coppice) {
    for (RunResult c : coppice) {
      RunResult m = bySeed(moa, c.seed());
      if (m == null || !m.samePredictions(c)) {
        return false;
      }
    }
    return !coppice.isEmpty();
  }

  /** Whether every multi-thread run scored and predicted exactly as the 1-thread run. */
  private static boolean sameAsOneThread(List<RunResult> one, List<RunResult> many) {
    for (RunResult m : many) {
      RunResult o = bySeed(one, m.seed());
      if (o == null
          || !o.samePredictions(m)
          || o.accuracy() != m.accuracy()
          || o.kappa() != m.kappa()) {
        return false;
      }
    }
    return !many.isEmpty();
  }

  private static RunResult bySeed(List<RunResult> runs, int seed) {
    for (RunResult r : runs) {
      if (r.seed() == seed) {
        return r;
      }
    }
    return null;
  }
}
