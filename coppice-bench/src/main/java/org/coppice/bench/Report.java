package org.coppice.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** Markdown tables of a comparison's results. */
final class Report {
  /** Coppice passes when it is at most this many points below MOA, in accuracy and in kappa. */
  static final double TOLERANCE_POINTS = 0.5;

  private static final String NONE = "—";

  private final BenchOptions options;
  private final Environment env;
  private final List<RunResult> results;
  private final List<String> inputChecks;

  Report(BenchOptions options, Environment env, List<RunResult> results, List<String> inputChecks) {
    this.options = options;
    this.env = env;
    this.results = List.copyOf(results);
    this.inputChecks = List.copyOf(inputChecks);
  }

  /** Everything: both tables, every run, the streams and the environment. */
  String full() {
    return "# Coppice ARF vs MOA 2024.07 ARF\n\n"
        + method()
        + "\n## Accuracy\n\n"
        + accuracyTable()
        + "\n## Speed\n\n"
        + speedTable()
        + "\nSingle-thread speed per CPU second of the whole JVM (loop, GC and JIT threads), and"
        + " garbage-collection time as a share of wall time:\n\n"
        + cpuSpeedTable()
        + "\n## Every run\n\n"
        + runTable()
        + "\n## Streams\n\n"
        + streams()
        + "\n## Input check\n\n"
        + inputCheck()
        + "\n## Environment\n\n"
        + env.markdown();
  }

  /** The section of ACCURACY.md (see {@link DocSection}). */
  String accuracySection() {
    return DocSection.wrap(
        "## Coppice's Adaptive Random Forest next to MOA 2024.07\n\n"
            + generatedNote()
            + method()
            + "\n"
            + accuracyTable()
            + "\n### Streams\n\n"
            + streams()
            + "\n### Input check\n\n"
            + inputCheck()
            + "\n### Environment\n\n"
            + env.markdown());
  }

  /** The section of BENCHMARKS.md (see {@link DocSection}). */
  String benchmarksSection() {
    return DocSection.wrap(
        "## Speed next to MOA 2024.07\n\n"
            + generatedNote()
            + method()
            + "\n"
            + speedTable()
            + "\nSingle-thread speed per CPU second of the whole JVM (loop, GC and JIT threads;"
            + " steadier than wall time when the machine is shared), and garbage-collection time"
            + " as a share of wall time:\n\n"
            + cpuSpeedTable()
            + "\nThe streams are listed in [ACCURACY.md](ACCURACY.md).\n"
            + "\n### Environment\n\n"
            + env.markdown());
  }

  private static String generatedNote() {
    return "Written by `coppice-bench/run-moa-comparison.sh` (`org.coppice.bench.MoaComparison`);"
        + " a new run replaces this section except the notes at its end.\n\n";
  }

  private String method() {
    return String.format(
        Locale.ROOT,
        "Both learners run in the same JVM, test-then-train (each instance is scored, then learned)"
            + " over the same instances, loaded in memory beforehand: MOA's through its"
            + " `ArffFileStream`, Coppice's through its own ARFF reader, from the same file. Only"
            + " the test-then-train loop is timed; each system first runs %,d warm-up instances per"
            + " data set and ensemble size, and the warm-up is discarded.\n\n"
            + "- MOA: `%s` (every other option at its default) with `setRandomSeed(<seed>)`, the"
            + " equivalent of `-r <seed>`, which MOA 2024.07's option parser does not accept for"
            + " this class; scored with `BasicClassificationPerformanceEvaluator`.\n"
            + "- Coppice: `AdaptiveRandomForest` with `ArfConfig` defaults (MOA's defaults), the"
            + " same ensemble size and seed, scored with `PrequentialEvaluator`.\n"
            + "- Synthetic streams: %,d instances; one file per generator seed (%s), ARF seed 1."
            + " Electricity: the first min(%,d, 45,312) instances of `elecNormNew.arff`, ARF seeds"
            + " %s.\n"
            + "- Accuracy and kappa are in percent, averaged over the seeds. A row passes when"
            + " Coppice is at most %.1f points below MOA in both accuracy and kappa.\n"
            + "- Speed is instances per second of wall time over all seeds (total instances / total"
            + " seconds).\n",
        options.warmup,
        MoaRunner.learnerCli(0).replace("-s 0", "-s <trees>"),
        options.n,
        join(options.seeds),
        options.n,
        join(options.seeds),
        TOLERANCE_POINTS);
  }

  String accuracyTable() {
    StringBuilder b = new StringBuilder();
    b.append("| Dataset | Trees | Seeds | MOA acc % | MOA κ % | Coppice acc % | Coppice κ % |")
        .append(" Δ acc (pts) | Δ κ (pts) | Pass |\n");
    b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|:---:|\n");
    int rows = 0;
    int passed = 0;
    for (StreamSpec spec : options.datasets) {
      for (int trees : options.trees) {
        List<RunResult> moa = select(spec, trees, r -> r.system().equals(RunResult.MOA));
        List<RunResult> cop = select(spec, trees, r -> isCoppice(r) && r.threads() == 1);
        if (moa.isEmpty() && cop.isEmpty()) {
          continue;
        }
        double moaAcc = mean(moa, RunResult::accuracy);
        double moaKappa = mean(moa, RunResult::kappa);
        double copAcc = mean(cop, RunResult::accuracy);
        double copKappa = mean(cop, RunResult::kappa);
        String pass = NONE;
        if (!moa.isEmpty() && !cop.isEmpty()) {
          rows++;
          boolean ok =
              copAcc >= moaAcc - TOLERANCE_POINTS && copKappa >= moaKappa - TOLERANCE_POINTS;
          passed += ok ? 1 : 0;
          pass = ok ? "yes" : "**no**";
        }
        b.append("| ")
            .append(spec.title())
            .append(" | ")
            .append(trees)
            .append(" | ")
            .append(Math.max(moa.size(), cop.size()))
            .append(" | ")
            .append(pct(moaAcc))
            .append(" | ")
            .append(pct(moaKappa))
            .append(" | ")
            .append(pct(copAcc))
            .append(" | ")
            .append(pct(copKappa))
            .append(" | ")
            .append(signed(copAcc - moaAcc))
            .append(" | ")
            .append(signed(copKappa - moaKappa))
            .append(" | ")
            .append(pass)
            .append(" |\n");
      }
    }
    if (rows > 0) {
      b.append(String.format(Locale.ROOT, "\n%d of %d rows pass.\n", passed, rows));
    }
    return b.toString();
  }

  String speedTable() {
    int t = options.threads;
    StringBuilder b = new StringBuilder();
    b.append("| Dataset | Trees | MOA inst/s | Coppice 1-thread inst/s | Coppice / MOA |")
        .append(" Coppice ")
        .append(t)
        .append("-thread inst/s | ")
        .append(t)
        .append("-thread / 1-thread | ")
        .append(t)
        .append("-thread result = 1-thread |\n");
    b.append("|---|---:|---:|---:|---:|---:|---:|:---:|\n");
    for (StreamSpec spec : options.datasets) {
      for (int trees : options.trees) {
        List<RunResult> moa = select(spec, trees, r -> r.system().equals(RunResult.MOA));
        List<RunResult> one = select(spec, trees, r -> isCoppice(r) && r.threads() == 1);
        List<RunResult> many = select(spec, trees, r -> isCoppice(r) && r.threads() == t && t > 1);
        if (moa.isEmpty() && one.isEmpty()) {
          continue;
        }
        double moaRate = rate(moa);
        double oneRate = rate(one);
        double manyRate = rate(many);
        b.append("| ")
            .append(spec.title())
            .append(" | ")
            .append(trees)
            .append(" | ")
            .append(count(moaRate))
            .append(" | ")
            .append(count(oneRate))
            .append(" | ")
            .append(ratio(oneRate / moaRate))
            .append(" | ")
            .append(count(manyRate))
            .append(" | ")
            .append(ratio(manyRate / oneRate))
            .append(" | ")
            .append(sameResults(one, many))
            .append(" |\n");
      }
    }
    return b.toString();
  }

  /**
   * Single-thread speed by the CPU time of the thread that ran the loop: steadier than wall time on
   * a machine shared with other work.
   */
  String cpuSpeedTable() {
    StringBuilder b = new StringBuilder();
    b.append("| Dataset | Trees | MOA inst/CPU-s | Coppice 1-thread inst/CPU-s | Coppice / MOA |")
        .append(" MOA GC % | Coppice GC % |\n");
    b.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (StreamSpec spec : options.datasets) {
      for (int trees : options.trees) {
        List<RunResult> moa = select(spec, trees, r -> r.system().equals(RunResult.MOA));
        List<RunResult> one = select(spec, trees, r -> isCoppice(r) && r.threads() == 1);
        if (moa.isEmpty() && one.isEmpty()) {
          continue;
        }
        double moaRate = cpuRate(moa);
        double oneRate = cpuRate(one);
        b.append("| ")
            .append(spec.title())
            .append(" | ")
            .append(trees)
            .append(" | ")
            .append(count(moaRate))
            .append(" | ")
            .append(count(oneRate))
            .append(" | ")
            .append(ratio(oneRate / moaRate))
            .append(" | ")
            .append(gcShare(moa))
            .append(" | ")
            .append(gcShare(one))
            .append(" |\n");
      }
    }
    return b.toString();
  }

  private String runTable() {
    StringBuilder b = new StringBuilder();
    b.append("| Dataset | System | Trees | Seed | Threads | Instances | Acc % | κ % | Seconds |")
        .append(" inst/s | Thread CPU s | Process CPU s | GC s |\n");
    b.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (RunResult r : results) {
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %d | %d | %d | %,d | %.4f | %.4f | %.2f | %,.0f | %s | %s | %s |\n",
              r.dataset(),
              r.system(),
              r.trees(),
              r.seed(),
              r.threads(),
              r.instances(),
              r.accuracy(),
              r.kappa(),
              r.seconds(),
              r.instancesPerSecond(),
              seconds(r.cpuSeconds()),
              seconds(r.processCpuSeconds()),
              seconds(r.gcSeconds())));
    }
    return b.toString();
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
    b.append("| Dataset | MOA stream |\n|---|---|\n");
    for (StreamSpec spec : options.datasets) {
      String text =
          spec.synthetic()
              ? "`" + spec.moaCli(options.n, 1) + "`"
              : "`" + StreamSpec.ELECTRICITY_FILE + "` from the shared data folder (read as ARFF)";
      b.append("| ").append(spec.title()).append(" | ").append(text).append(" |\n");
    }
    return b.toString();
  }

  /** Whether MOA's and Coppice's ARFF readers produced the same values, file by file. */
  private String inputCheck() {
    if (inputChecks.isEmpty()) {
      return "Not made (only one system ran).\n";
    }
    StringBuilder b =
        new StringBuilder(
            "Every value read by MOA's `ArffFileStream` compared with the value read by Coppice's"
                + " reader:\n\n");
    for (String line : inputChecks) {
      b.append("- ").append(line).append('\n');
    }
    return b.toString();
  }

  private List<RunResult> select(StreamSpec spec, int trees, Predicate<RunResult> filter) {
    List<RunResult> out = new ArrayList<>();
    for (RunResult r : results) {
      if (r.dataset().equals(spec.key()) && r.trees() == trees && filter.test(r)) {
        out.add(r);
      }
    }
    return out;
  }

  private static boolean isCoppice(RunResult r) {
    return r.system().equals(RunResult.COPPICE);
  }

  /** "yes" when every multi-thread run scored exactly as the 1-thread run of the same seed. */
  private static String sameResults(List<RunResult> one, List<RunResult> many) {
    if (many.isEmpty()) {
      return NONE;
    }
    for (RunResult m : many) {
      boolean matched = false;
      for (RunResult o : one) {
        if (o.seed() == m.seed()) {
          matched = o.accuracy() == m.accuracy() && o.kappa() == m.kappa();
        }
      }
      if (!matched) {
        return "**no**";
      }
    }
    return "yes";
  }

  private interface Field {
    double get(RunResult r);
  }

  private static double mean(List<RunResult> rs, Field field) {
    if (rs.isEmpty()) {
      return Double.NaN;
    }
    double sum = 0;
    for (RunResult r : rs) {
      sum += field.get(r);
    }
    return sum / rs.size();
  }

  private static double rate(List<RunResult> rs) {
    if (rs.isEmpty()) {
      return Double.NaN;
    }
    double instances = 0;
    double seconds = 0;
    for (RunResult r : rs) {
      instances += r.instances();
      seconds += r.seconds();
    }
    return instances / seconds;
  }

  private static double cpuRate(List<RunResult> rs) {
    if (rs.isEmpty()) {
      return Double.NaN;
    }
    double instances = 0;
    double seconds = 0;
    for (RunResult r : rs) {
      instances += r.instances();
      seconds += r.processCpuSeconds();
    }
    return instances / seconds;
  }

  /** Garbage-collection time as a share of wall time, over all runs. */
  private static String gcShare(List<RunResult> rs) {
    double gc = 0;
    double wall = 0;
    for (RunResult r : rs) {
      gc += r.gcSeconds();
      wall += r.seconds();
    }
    return rs.isEmpty() || Double.isNaN(gc)
        ? NONE
        : String.format(Locale.ROOT, "%.1f", 100 * gc / wall);
  }

  private static String seconds(double v) {
    return Double.isNaN(v) ? NONE : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? NONE : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String signed(double v) {
    return Double.isNaN(v) ? NONE : String.format(Locale.ROOT, "%+.2f", v);
  }

  private static String count(double v) {
    return Double.isNaN(v) ? NONE : String.format(Locale.ROOT, "%,.0f", v);
  }

  private static String ratio(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? NONE : String.format(Locale.ROOT, "%.2f×", v);
  }

  private static String join(List<Integer> values) {
    List<String> parts = new ArrayList<>();
    for (int v : values) {
      parts.add(Integer.toString(v));
    }
    return String.join(", ", parts);
  }
}
