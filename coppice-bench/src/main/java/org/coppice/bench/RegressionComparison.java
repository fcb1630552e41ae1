package org.coppice.bench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The regression mode of the MOA comparison ({@code MoaComparison --regression}): MOA 2024.07's
 * {@code trees.FIMTDD} next to Coppice's {@code ht-regressor}, and MOA's {@code
 * meta.AdaptiveRandomForestRegressor} next to Coppice's {@code arf-regressor}, in one JVM, on the
 * same instances held in memory, with RMSE, MAE, R² and speed. Coppice's forest with its detectors
 * fed the error ({@code --detector-input error}), which MOA does not have, runs too and is compared
 * with MOA's forest.
 *
 * <p>Outputs, in the work folder: {@code data/} (the ARFF files, reused while their parameters are
 * unchanged), {@code regression/results.csv} (one row per timed run) and {@code
 * regression/moa-regression.md} (all tables); with {@code --docs DIR} also the regression section
 * of {@code ACCURACY.md} and of {@code BENCHMARKS.md} there (markers {@code moa-regression}).
 */
final class RegressionComparison {
  /** The markers of the sections this mode writes into the documents. */
  static final String MARKERS = "moa-regression";

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
        --learners LIST       comma-separated: fimtdd,arf,arf-error (default all)
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

  Path shared = Path.of("..", "shared");
  Path work = Path.of("bench-out");
  long n = 50_000;
  List<RegressionStream> datasets = List.of(RegressionStream.values());
  List<RegressionLearner> learners = List.of(RegressionLearner.values());
  int trees = 10;
  List<Integer> seeds = List.of(1, 2, 3);
  int threads = 2;
  int warmup = 3000;
  Path docs;
  boolean help;

  private final String[] args;
  private final List<RegressionRun> results = new ArrayList<>();
  private final List<String> inputChecks = new ArrayList<>();
  private PrintWriter csv;

  private RegressionComparison(String[] args) {
    this.args = args.clone();
  }

  /** Parses the options (without {@code --regression}) and runs the comparison. */
  static void main(String[] args) throws Exception {
    RegressionComparison c = new RegressionComparison(args);
    try {
      c.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (c.help) {
      System.out.println(USAGE);
      return;
    }
    c.run();
  }

  void parse(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        help = true;
        continue;
      }
      if (i + 1 >= args.length || !a.startsWith("--")) {
        throw new IllegalArgumentException("unknown option or missing value: " + a);
      }
      String v = args[++i];
      switch (a) {
        case "--shared" -> shared = Path.of(v);
        case "--work" -> work = Path.of(v);
        case "--n" -> n = positive(a, Long.parseLong(v.replace("_", "")));
        case "--datasets" -> datasets = RegressionStream.parseList(v);
        case "--learners" -> learners = learners(v);
        case "--trees" -> trees = (int) positive(a, Integer.parseInt(v));
        case "--seeds" -> seeds = ints(a, v);
        case "--threads" -> threads = Integer.parseInt(v);
        case "--warmup" -> warmup = Integer.parseInt(v);
        case "--docs" -> docs = Path.of(v);
        default -> throw new IllegalArgumentException("unknown option: " + a);
      }
    }
    if (datasets.isEmpty() || learners.isEmpty() || seeds.isEmpty()) {
      throw new IllegalArgumentException("--datasets, --learners and --seeds must not be empty");
    }
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("--n is limited to " + Integer.MAX_VALUE);
    }
  }

  private void run() throws Exception {
    Environment env = Environment.capture(withMode(args));
    log("%s", env.summaryLine());
    Path dataDir = work.resolve("data");
    Files.createDirectories(dataDir);
    for (RegressionStream spec : datasets) {
      if (spec.synthetic()) {
        for (int seed : seeds) {
          String cli = spec.moaCli(n, seed);
          boolean made = MoaData.generate(cli, n, spec.key() + "-seed" + seed, file(spec, seed));
          log(
              "%s seed %d: %s %s",
              spec.key(), seed, made ? "generated" : "cached", file(spec, seed));
        }
      } else {
        Path plain = dataDir.resolve("elecNormNew.arff");
        MoaData.gunzip(electricitySource(), plain);
        boolean made =
            RegressionData.electricityRegression(
                plain, RegressionStream.ELECTRICITY_TARGET, file(spec, 0));
        log("%s: %s %s", spec.key(), made ? "wrote" : "cached", file(spec, 0));
      }
    }
    Path out = work.resolve("regression");
    Files.createDirectories(out);
    Path csvFile = out.resolve("results.csv");
    try (PrintWriter w =
        new PrintWriter(Files.newBufferedWriter(csvFile, StandardCharsets.UTF_8), true)) {
      csv = w;
      csv.println(RegressionRun.CSV_HEADER);
      for (RegressionStream spec : datasets) {
        runDataset(spec);
      }
    }
    RegressionReport report = new RegressionReport(this, env, results, inputChecks);
    Path md = out.resolve("moa-regression.md");
    Files.writeString(md, report.full(), StandardCharsets.UTF_8);
    log("wrote %s and %s", csvFile, md);
    if (docs != null) {
      DocSection.writeInto(
          docs.resolve("ACCURACY.md"), "Accuracy", MARKERS, report.accuracySection());
      DocSection.writeInto(
          docs.resolve("BENCHMARKS.md"), "Benchmarks", MARKERS, report.benchmarksSection());
      log("wrote %s and %s", docs.resolve("ACCURACY.md"), docs.resolve("BENCHMARKS.md"));
    }
    System.out.println();
    System.out.println(report.errorTable());
    System.out.println(report.speedTable());
  }

  private void runDataset(RegressionStream spec) {
    List<Integer> fileSeeds = spec.synthetic() ? seeds : List.of(0);
    boolean warmedUp = false;
    for (int fileSeed : fileSeeds) {
      Path arff = file(spec, fileSeed);
      long t0 = System.nanoTime();
      MoaData.Loaded moaData = MoaData.load(arff, n);
      CoppiceRegressionRunner.Loaded coppiceData = CoppiceRegressionRunner.load(arff, n);
      int size = moaData.examples().size();
      if (coppiceData.size() != size) {
        throw new IllegalStateException(
            "MOA read " + size + " instances but Coppice read " + coppiceData.size());
      }
      inputChecks.add(arff.getFileName() + ": " + compareInputs(moaData, coppiceData));
      log("%s: read %d instances (%.1f s)", arff, size, (System.nanoTime() - t0) / 1e9);
      if (!warmedUp) {
        warmUp(moaData, coppiceData, Math.min(warmup, size));
        warmedUp = true;
      }
      List<Integer> learnerSeeds = spec.synthetic() ? List.of(1) : seeds;
      for (RegressionLearner learner : learners) {
        for (int learnerSeed : learnerSeeds) {
          int seed = spec.synthetic() ? fileSeed : learnerSeed;
          if (learner.inMoa()) {
            System.gc();
            record(
                spec,
                RunResult.MOA,
                learner,
                seed,
                1,
                size,
                MoaRegressionRunner.run(moaData, size, learner.moaCli(trees), learnerSeed));
          }
          System.gc();
          record(
              spec,
              RunResult.COPPICE,
              learner,
              seed,
              1,
              size,
              CoppiceRegressionRunner.run(
                  coppiceData,
                  size,
                  learner.coppiceName(),
                  learner.coppiceSettings(learnerSeed, trees, 1)));
          if (learner.ensemble() && threads > 1) {
            System.gc();
            record(
                spec,
                RunResult.COPPICE,
                learner,
                seed,
                threads,
                size,
                CoppiceRegressionRunner.run(
                    coppiceData,
                    size,
                    learner.coppiceName(),
                    learner.coppiceSettings(learnerSeed, trees, threads)));
          }
        }
      }
    }
  }

  private void warmUp(MoaData.Loaded moa, CoppiceRegressionRunner.Loaded coppice, int w) {
    if (w <= 0) {
      return;
    }
    long t0 = System.nanoTime();
    for (RegressionLearner learner : learners) {
      if (learner.inMoa()) {
        MoaRegressionRunner.run(moa, w, learner.moaCli(trees), 1);
      }
      CoppiceRegressionRunner.run(
          coppice, w, learner.coppiceName(), learner.coppiceSettings(1, trees, 1));
    }
    log("warm-up: %d instances (%.1f s)", w, (System.nanoTime() - t0) / 1e9);
  }

  private static String compareInputs(MoaData.Loaded moa, CoppiceRegressionRunner.Loaded cop) {
    int attributes = moa.header().numAttributes();
    long differences = 0;
    for (int row = 0; row < cop.size(); row++) {
      com.yahoo.labs.samoa.instances.Instance inst = moa.examples().get(row).getData();
      for (int a = 0; a < attributes; a++) {
        double m = inst.value(a);
        double c = cop.value(row, a);
        if (!(m == c || (Double.isNaN(m) && Double.isNaN(c)))) {
          differences++;
        }
      }
    }
    return differences == 0
        ? "identical (" + cop.size() + " instances × " + attributes + " attributes)"
        : differences + " values differ";
  }

  private void record(
      RegressionStream spec,
      String system,
      RegressionLearner learner,
      int seed,
      int threads,
      int size,
      RegressionRun.Measured m) {
    RegressionRun r =
        new RegressionRun(
            spec.key(),
            system,
            learner.key(),
            learner.ensemble() ? trees : 0,
            seed,
            threads,
            size,
            m.rmse(),
            m.mae(),
            m.r2(),
            m.elapsed().wall(),
            m.elapsed().processCpu(),
            m.elapsed().gc());
    results.add(r);
    csv.println(r.toCsv());
    log(
        "%-22s %-7s %-9s seed=%d threads=%d n=%d rmse=%.6f mae=%.6f r2=%.6f %.2f s %.0f inst/s",
        spec.key(),
        system,
        learner.key(),
        seed,
        threads,
        size,
        r.rmse(),
        r.mae(),
        r.r2(),
        r.seconds(),
        r.instancesPerSecond());
  }

  Path file(RegressionStream spec, int seed) {
    Path dir = work.resolve("data");
    if (!spec.synthetic()) {
      return dir.resolve("elecNormNew-" + RegressionStream.ELECTRICITY_TARGET + ".arff");
    }
    return dir.resolve(spec.key() + "-n" + n + "-s" + seed + ".arff");
  }

  private Path electricitySource() {
    Path direct = shared.resolve(StreamSpec.ELECTRICITY_FILE);
    if (Files.isRegularFile(direct)) {
      return direct;
    }
    Path nested = shared.resolve("data").resolve(StreamSpec.ELECTRICITY_FILE);
    if (Files.isRegularFile(nested)) {
      return nested;
    }
    throw new IllegalArgumentException(
        "Electricity not found: neither " + nested + " nor " + direct + " exists (see --shared)");
  }

  private static String[] withMode(String[] args) {
    String[] out = new String[args.length + 1];
    out[0] = "--regression";
    System.arraycopy(args, 0, out, 1, args.length);
    return out;
  }

  private static List<RegressionLearner> learners(String text) {
    List<RegressionLearner> out = new ArrayList<>();
    for (String part : text.split(",")) {
      String k = part.trim().toLowerCase(Locale.ROOT);
      if (k.isEmpty()) {
        continue;
      }
      RegressionLearner found = null;
      for (RegressionLearner l : RegressionLearner.values()) {
        if (l.key().equals(k)) {
          found = l;
        }
      }
      if (found == null) {
        throw new IllegalArgumentException(
            "unknown learner '" + part + "'; known: fimtdd, arf, arf-error");
      }
      if (!out.contains(found)) {
        out.add(found);
      }
    }
    return List.copyOf(out);
  }

  private static long positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return value;
  }

  private static List<Integer> ints(String name, String text) {
    List<Integer> out = new ArrayList<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        out.add((int) positive(name, Integer.parseInt(part.trim())));
      }
    }
    return List.copyOf(out);
  }

  private static void log(String format, Object... values) {
    System.out.println("[bench] " + String.format(Locale.ROOT, format, values));
  }
}
