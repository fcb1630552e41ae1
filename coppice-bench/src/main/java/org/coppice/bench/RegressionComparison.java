package org.coppice.bench;

import static org.coppice.bench.Bench.log;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

  private final RegressionOptions options;
  private final String[] args;
  private final List<RegressionRun> results = new ArrayList<>();
  private final List<String> inputChecks = new ArrayList<>();
  private PrintWriter csv;

  private RegressionComparison(RegressionOptions options, String[] args) {
    this.options = options;
    this.args = args.clone();
  }

  /** Parses the options (without {@code --regression}) and runs the comparison. */
  static void main(String[] args) throws Exception {
    RegressionOptions options;
    try {
      options = RegressionOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(RegressionOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help) {
      System.out.println(RegressionOptions.USAGE);
      return;
    }
    new RegressionComparison(options, args).run();
  }

  private void run() throws Exception {
    Environment env = Environment.capture(withMode(args));
    log("%s", env.summaryLine());
    Path dataDir = options.work.resolve("data");
    Files.createDirectories(dataDir);
    for (RegressionStream spec : options.datasets) {
      if (spec.synthetic()) {
        for (int seed : options.seeds) {
          String cli = spec.moaCli(options.n, seed);
          boolean made =
              MoaData.generate(cli, options.n, spec.key() + "-seed" + seed, file(spec, seed));
          log(
              "%s seed %d: %s %s",
              spec.key(), seed, made ? "generated" : "cached", file(spec, seed));
        }
      } else {
        Path plain = dataDir.resolve("elecNormNew.arff");
        MoaData.gunzip(options.electricitySource(), plain);
        boolean made =
            RegressionData.electricityRegression(
                plain, RegressionStream.ELECTRICITY_TARGET, file(spec, 0));
        log("%s: %s %s", spec.key(), made ? "wrote" : "cached", file(spec, 0));
      }
    }
    Path out = options.work.resolve("regression");
    Files.createDirectories(out);
    Path csvFile = out.resolve("results.csv");
    try (PrintWriter w =
        new PrintWriter(Files.newBufferedWriter(csvFile, StandardCharsets.UTF_8), true)) {
      csv = w;
      csv.println(RegressionRun.CSV_HEADER);
      for (RegressionStream spec : options.datasets) {
        runDataset(spec);
      }
    }
    RegressionReport report = new RegressionReport(options, env, results, inputChecks);
    Path md = out.resolve("moa-regression.md");
    Files.writeString(md, report.full(), StandardCharsets.UTF_8);
    log("wrote %s and %s", csvFile, md);
    if (options.docs != null) {
      DocSection.writeInto(
          options.docs.resolve("ACCURACY.md"), "Accuracy", MARKERS, report.accuracySection());
      DocSection.writeInto(
          options.docs.resolve("BENCHMARKS.md"), "Benchmarks", MARKERS, report.benchmarksSection());
      log(
          "wrote %s and %s",
          options.docs.resolve("ACCURACY.md"), options.docs.resolve("BENCHMARKS.md"));
    }
    System.out.println();
    System.out.println(report.errorTable());
    System.out.println(report.speedTable());
  }

  private void runDataset(RegressionStream spec) {
    List<Integer> fileSeeds = spec.synthetic() ? options.seeds : List.of(0);
    boolean warmedUp = false;
    for (int fileSeed : fileSeeds) {
      Path arff = file(spec, fileSeed);
      long t0 = System.nanoTime();
      MoaData.Loaded moaData = MoaData.load(arff, options.n);
      CoppiceRegressionRunner.Loaded coppiceData = CoppiceRegressionRunner.load(arff, options.n);
      int size = moaData.examples().size();
      if (coppiceData.size() != size) {
        throw new IllegalStateException(
            "MOA read " + size + " instances but Coppice read " + coppiceData.size());
      }
      inputChecks.add(arff.getFileName() + ": " + Bench.compareInputs(moaData, coppiceData));
      log("%s: read %d instances (%.1f s)", arff, size, (System.nanoTime() - t0) / 1e9);
      if (!warmedUp) {
        warmUp(moaData, coppiceData, Math.min(options.warmup, size));
        warmedUp = true;
      }
      List<Integer> learnerSeeds = spec.synthetic() ? List.of(1) : options.seeds;
      for (RegressionLearner learner : options.learners) {
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
                MoaRegressionRunner.run(moaData, size, learner.moaCli(options.trees), learnerSeed));
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
                  learner.coppiceSettings(learnerSeed, options.trees, 1)));
          if (learner.ensemble() && options.threads > 1) {
            System.gc();
            record(
                spec,
                RunResult.COPPICE,
                learner,
                seed,
                options.threads,
                size,
                CoppiceRegressionRunner.run(
                    coppiceData,
                    size,
                    learner.coppiceName(),
                    learner.coppiceSettings(learnerSeed, options.trees, options.threads)));
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
    for (RegressionLearner learner : options.learners) {
      if (learner.inMoa()) {
        MoaRegressionRunner.run(moa, w, learner.moaCli(options.trees), 1);
      }
      CoppiceRegressionRunner.run(
          coppice, w, learner.coppiceName(), learner.coppiceSettings(1, options.trees, 1));
    }
    log("warm-up: %d instances (%.1f s)", w, (System.nanoTime() - t0) / 1e9);
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
            learner.ensemble() ? options.trees : 0,
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
    Path dir = options.work.resolve("data");
    if (!spec.synthetic()) {
      return dir.resolve("elecNormNew-" + RegressionStream.ELECTRICITY_TARGET + ".arff");
    }
    return dir.resolve(spec.key() + "-n" + options.n + "-s" + seed + ".arff");
  }

  private static String[] withMode(String[] args) {
    String[] out = new String[args.length + 1];
    out[0] = "--regression";
    System.arraycopy(args, 0, out, 1, args.length);
    return out;
  }
}
