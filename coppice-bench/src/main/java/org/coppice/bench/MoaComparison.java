package org.coppice.bench;

import static org.coppice.bench.Bench.log;
import static org.coppice.bench.Bench.secs;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accuracy and speed of Coppice's classifiers next to MOA 2024.07's, in one JVM, on the same
 * instances held in memory: every pair of {@link ClassifierPair} selected with {@code --learners}.
 * Run with {@code --help} for the options; {@code run-moa-comparison.sh} in this module builds and
 * runs it.
 *
 * <p>Outputs, in the work folder: {@code data/} (generated ARFF files, reused while their
 * parameters are unchanged), {@code results.csv} (one row per timed run, written as the runs
 * finish) and {@code moa-comparison.md} (all tables); with {@code --docs DIR} also a section of
 * {@code ACCURACY.md} and of {@code BENCHMARKS.md} there (see {@link DocSection}).
 *
 * <p>A pair whose learner Coppice's registry does not have is skipped (one log line, and a line in
 * the report), so that pairs can be declared before their learner is merged.
 *
 * <p>With {@code --regression} anywhere among the arguments, runs the regression comparison instead
 * ({@link RegressionComparison}: FIMT-DD and the ARF regressor; {@code --regression --help} for its
 * options).
 */
public final class MoaComparison {
  private final BenchOptions options;
  private final String[] args;
  private final List<RunResult> results = new ArrayList<>();
  private final List<String> inputChecks = new ArrayList<>();
  private final List<ClassifierPair> pairs = new ArrayList<>();
  private final Map<ClassifierPair, String> skipped = new LinkedHashMap<>();
  private final Map<ClassifierPair, String> coppiceOptions = new LinkedHashMap<>();
  private CoppiceSide coppice;
  private PrintWriter csv;

  /**
   * A comparison with these options; {@code coppice} is the Coppice side to use, or null to load
   * {@link CoppiceSide#IMPLEMENTATION} when Coppice runs.
   */
  MoaComparison(BenchOptions options, String[] args, CoppiceSide coppice) {
    this.options = options;
    this.args = args.clone();
    this.coppice = coppice;
  }

  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(List.of(args));
    if (rest.remove("--regression")) {
      RegressionComparison.main(rest.toArray(new String[0]));
      return;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help) {
      System.out.println(BenchOptions.USAGE);
      return;
    }
    Report report = new MoaComparison(options, args, null).run();
    if (report != null) {
      System.out.println();
      System.out.println(report.accuracyTable());
      System.out.println(report.speedTable());
    }
  }

  /**
   * Runs the comparison and writes its outputs; the report, or null with {@code --generate-only}.
   */
  Report run() throws Exception {
    Environment env = Environment.capture(args);
    log("%s", env.summaryLine());
    if (options.coppice && !options.generateOnly && coppice == null) {
      coppice = CoppiceSide.load();
    }
    choosePairs();
    Path dataDir = options.work.resolve("data");
    Files.createDirectories(dataDir);
    // Generate everything first, so that a failure in generation shows before hours of runs.
    for (StreamSpec spec : options.datasets) {
      if (spec.synthetic()) {
        for (int seed : options.fileSeeds()) {
          String cli = spec.moaCli(options.n, seed);
          long t0 = System.nanoTime();
          boolean made = MoaData.generate(cli, options.n, relation(spec, seed), file(spec, seed));
          log(
              "%s seed %d: %s (%.1f s)",
              spec.key(),
              seed,
              made ? "generated " + file(spec, seed) : "cached " + file(spec, seed),
              secs(t0));
        }
      } else {
        boolean made = MoaData.gunzip(options.electricitySource(), file(spec, 0));
        log("%s: %s %s", spec.key(), made ? "decompressed to" : "cached", file(spec, 0));
      }
    }
    if (options.generateOnly) {
      return null;
    }
    Path csvFile = options.work.resolve("results.csv");
    try (PrintWriter out =
        new PrintWriter(Files.newBufferedWriter(csvFile, StandardCharsets.UTF_8), true)) {
      csv = out;
      csv.println(RunResult.CSV_HEADER);
      for (StreamSpec spec : options.datasets) {
        runDataset(spec);
      }
    }
    Report report = new Report(options, env, results, inputChecks, pairs, skipped, coppiceOptions);
    Path md = options.work.resolve("moa-comparison.md");
    Files.writeString(md, report.full(), StandardCharsets.UTF_8);
    log("wrote %s and %s", csvFile, md);
    if (options.docs != null) {
      DocSection.writeInto(
          options.docs.resolve("ACCURACY.md"), "Accuracy", report.accuracySection());
      DocSection.writeInto(
          options.docs.resolve("BENCHMARKS.md"), "Benchmarks", report.benchmarksSection());
      log(
          "wrote %s and %s",
          options.docs.resolve("ACCURACY.md"), options.docs.resolve("BENCHMARKS.md"));
    }
    return report;
  }

  /** The selected pairs both sides can build; the others are skipped with one log line each. */
  private void choosePairs() {
    for (ClassifierPair pair : options.learners) {
      String reason =
          coppice == null ? null : coppice.unavailable(pair.coppiceName(), pair.requiredSettings());
      if (reason != null) {
        skipped.put(pair, reason);
        log("skipping %s: %s", pair.key(), reason);
        continue;
      }
      pairs.add(pair);
      if (coppice != null) {
        coppiceOptions.put(pair, pair.coppiceOptions(s -> has(pair, s)));
      }
    }
  }

  private boolean has(ClassifierPair pair, String setting) {
    return coppice.hasSetting(pair.coppiceName(), setting);
  }

  private void runDataset(StreamSpec spec) throws Exception {
    List<String> warmedUp = new ArrayList<>();
    List<Integer> fileSeeds = spec.synthetic() ? options.fileSeeds() : List.of(0);
    for (int fileSeed : fileSeeds) {
      List<ClassifierPair> here = new ArrayList<>();
      for (ClassifierPair pair : pairs) {
        if (!spec.synthetic() || options.seeds(pair).contains(fileSeed)) {
          here.add(pair);
        }
      }
      if (here.isEmpty()) {
        continue;
      }
      Path arff = file(spec, fileSeed);
      MoaData.Loaded moaData = null;
      CoppiceSide.Data coppiceData = null;
      int n = (int) options.n;
      if (options.moa) {
        long t0 = System.nanoTime();
        moaData = MoaData.load(arff, options.n);
        n = Math.min(n, moaData.examples().size());
        log("%s: MOA read %d instances (%.1f s)", arff, moaData.examples().size(), secs(t0));
      }
      if (options.coppice) {
        long t0 = System.nanoTime();
        coppiceData = coppice.load(arff, options.n);
        log("%s: Coppice read %d instances (%.1f s)", arff, coppiceData.size(), secs(t0));
        if (moaData != null && coppiceData.size() != moaData.examples().size()) {
          throw new IllegalStateException(
              "MOA read "
                  + moaData.examples().size()
                  + " instances but Coppice read "
                  + coppiceData.size()
                  + " from "
                  + arff);
        }
        n = Math.min(n, coppiceData.size());
        if (moaData != null) {
          inputChecks.add(arff.getFileName() + ": " + Bench.compareInputs(moaData, coppiceData));
        }
      }
      for (ClassifierPair pair : here) {
        for (int size : options.sizes(pair)) {
          if (!warmedUp.contains(pair.key() + "/" + size)) {
            warmUp(moaData, coppiceData, n, pair, size);
            warmedUp.add(pair.key() + "/" + size);
          }
          List<Integer> learnerSeeds =
              spec.synthetic() ? List.of(1) : options.electricitySeeds(pair);
          for (int learnerSeed : learnerSeeds) {
            int seed = spec.synthetic() ? fileSeed : learnerSeed;
            if (moaData != null) {
              System.gc();
              record(
                  spec,
                  RunResult.MOA,
                  pair,
                  size,
                  seed,
                  1,
                  n,
                  MoaRunner.run(moaData, n, pair.moaCli(size), learnerSeed));
            }
            if (coppiceData != null) {
              System.gc();
              record(
                  spec,
                  RunResult.COPPICE,
                  pair,
                  size,
                  seed,
                  1,
                  n,
                  runCoppice(coppiceData, n, pair, size, learnerSeed, 1));
              if (options.multiThreaded(pair, size)) {
                System.gc();
                record(
                    spec,
                    RunResult.COPPICE,
                    pair,
                    size,
                    seed,
                    options.threads,
                    n,
                    runCoppice(coppiceData, n, pair, size, learnerSeed, options.threads));
              }
            }
          }
        }
      }
    }
  }

  private RunResult.Measured runCoppice(
      CoppiceSide.Data data, int n, ClassifierPair pair, int size, int seed, int threads)
      throws Exception {
    return coppice.run(
        data, n, pair.coppiceName(), pair.coppiceSettings(size, seed, threads, s -> has(pair, s)));
  }

  private void warmUp(
      MoaData.Loaded moaData, CoppiceSide.Data coppiceData, int n, ClassifierPair pair, int size)
      throws Exception {
    int w = Math.min(options.warmup, n);
    if (w <= 0) {
      return;
    }
    long t0 = System.nanoTime();
    if (moaData != null) {
      MoaRunner.run(moaData, w, pair.moaCli(size), 1);
    }
    if (coppiceData != null) {
      runCoppice(coppiceData, w, pair, size, 1, 1);
      if (options.multiThreaded(pair, size)) {
        runCoppice(coppiceData, w, pair, size, 1, options.threads);
      }
    }
    log("warm-up: %s, %d instances (%.1f s)", label(pair, size), w, secs(t0));
  }

  private void record(
      StreamSpec spec,
      String system,
      ClassifierPair pair,
      int size,
      int seed,
      int threads,
      int n,
      RunResult.Measured m) {
    RunResult r =
        new RunResult(
            spec.key(),
            system,
            pair.key(),
            size,
            seed,
            threads,
            n,
            m.accuracy(),
            m.kappa(),
            m.predictions(),
            m.elapsed().wall(),
            threads > 1 ? Double.NaN : m.elapsed().threadCpu(),
            m.elapsed().processCpu(),
            m.elapsed().gc());
    results.add(r);
    csv.println(r.toCsv());
    log(
        "%-10s %-7s %-22s seed=%d threads=%d n=%d acc=%.4f%% kappa=%.4f%% %s %.2f s %.0f inst/s",
        spec.key(),
        system,
        label(pair, size),
        seed,
        threads,
        n,
        r.accuracy(),
        r.kappa(),
        Predictions.hex(r.predictions()),
        r.seconds(),
        r.instancesPerSecond());
  }

  private static String label(ClassifierPair pair, int size) {
    return pair.ensemble() ? pair.key() + " " + size : pair.key();
  }

  private Path file(StreamSpec spec, int seed) {
    Path dir = options.work.resolve("data");
    if (!spec.synthetic()) {
      return dir.resolve("elecNormNew.arff");
    }
    return dir.resolve(spec.key() + "-n" + options.n + "-s" + seed + ".arff");
  }

  private static String relation(StreamSpec spec, int seed) {
    return spec.key() + "-seed" + seed;
  }
}
