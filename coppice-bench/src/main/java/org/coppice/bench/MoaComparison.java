package org.coppice.bench;

import com.yahoo.labs.samoa.instances.Instance;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Accuracy and speed of Coppice's Adaptive Random Forest next to MOA 2024.07's, in one JVM, on the
 * same instances held in memory. Run with {@code --help} for the options; {@code
 * run-moa-comparison.sh} in this module builds and runs it.
 *
 * <p>Outputs, in the work folder: {@code data/} (generated ARFF files, reused while their
 * parameters are unchanged), {@code results.csv} (one row per timed run, written as the runs
 * finish) and {@code moa-comparison.md} (all tables); with {@code --docs DIR} also a section of
 * {@code ACCURACY.md} and of {@code BENCHMARKS.md} there (see {@link DocSection}).
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
  private CoppiceSide coppice;
  private PrintWriter csv;

  private MoaComparison(BenchOptions options, String[] args) {
    this.options = options;
    this.args = args.clone();
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
    new MoaComparison(options, args).run();
  }

  private void run() throws Exception {
    Environment env = Environment.capture(args);
    log("%s", env.summaryLine());
    if (options.coppice && !options.generateOnly) {
      coppice = CoppiceSide.load();
    }
    Path dataDir = options.work.resolve("data");
    Files.createDirectories(dataDir);
    // Generate everything first, so that a failure in generation shows before hours of runs.
    for (StreamSpec spec : options.datasets) {
      if (spec.synthetic()) {
        for (int seed : options.seeds) {
          String cli = spec.moaCli(options.n, seed);
          long t0 = System.nanoTime();
          boolean made = MoaData.generate(cli, options.n, relation(spec, seed), file(spec, seed));
          log(
              "%s seed %d: %s (%.1f s)",
              spec.key(),
              seed,
              made ? "generated " + file(spec, seed) : "cached " + file(spec, seed),
              (System.nanoTime() - t0) / 1e9);
        }
      } else {
        boolean made = MoaData.gunzip(electricitySource(), file(spec, 0));
        log("%s: %s %s", spec.key(), made ? "decompressed to" : "cached", file(spec, 0));
      }
    }
    if (options.generateOnly) {
      return;
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
    Report report = new Report(options, env, results, inputChecks);
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
    System.out.println();
    System.out.println(report.accuracyTable());
    System.out.println(report.speedTable());
  }

  private void runDataset(StreamSpec spec) throws Exception {
    List<Integer> warmedUp = new ArrayList<>();
    List<Integer> fileSeeds = spec.synthetic() ? options.seeds : List.of(0);
    for (int fileSeed : fileSeeds) {
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
          inputChecks.add(arff.getFileName() + ": " + compareInputs(moaData, coppiceData));
        }
      }
      for (int trees : options.trees) {
        if (!warmedUp.contains(trees)) {
          warmUp(moaData, coppiceData, n, trees);
          warmedUp.add(trees);
        }
        List<Integer> arfSeeds = spec.synthetic() ? List.of(1) : options.seeds;
        for (int arfSeed : arfSeeds) {
          int seed = spec.synthetic() ? fileSeed : arfSeed;
          if (moaData != null) {
            gc();
            record(
                spec, RunResult.MOA, trees, seed, 1, n, MoaRunner.run(moaData, n, trees, arfSeed));
          }
          if (coppiceData != null) {
            gc();
            record(
                spec,
                RunResult.COPPICE,
                trees,
                seed,
                1,
                n,
                coppice.run(coppiceData, n, trees, arfSeed, 1));
            if (options.multiThreaded(trees)) {
              gc();
              record(
                  spec,
                  RunResult.COPPICE,
                  trees,
                  seed,
                  options.threads,
                  n,
                  coppice.run(coppiceData, n, trees, arfSeed, options.threads));
            }
          }
        }
      }
    }
  }

  /** Compares every value the two readers produced; both must see the same numbers. */
  private static String compareInputs(MoaData.Loaded moa, CoppiceSide.Data coppice) {
    int attributes = moa.header().numAttributes();
    long differences = 0;
    String first = null;
    for (int row = 0; row < coppice.size(); row++) {
      Instance inst = moa.examples().get(row).getData();
      for (int a = 0; a < attributes; a++) {
        double m = inst.value(a);
        double c = coppice.value(row, a);
        if (!(m == c || (Double.isNaN(m) && Double.isNaN(c)))) {
          differences++;
          if (first == null) {
            first = "instance " + row + ", attribute " + a + ": MOA " + m + ", Coppice " + c;
          }
        }
      }
    }
    String verdict =
        differences == 0
            ? "identical (" + coppice.size() + " instances × " + attributes + " attributes)"
            : differences + " values differ; first at " + first;
    log("input check %s", verdict);
    return verdict;
  }

  private void warmUp(MoaData.Loaded moaData, CoppiceSide.Data coppiceData, int n, int trees)
      throws Exception {
    int w = Math.min(options.warmup, n);
    if (w <= 0) {
      return;
    }
    long t0 = System.nanoTime();
    if (moaData != null) {
      MoaRunner.run(moaData, w, trees, 1);
    }
    if (coppiceData != null) {
      coppice.run(coppiceData, w, trees, 1, 1);
      if (options.multiThreaded(trees)) {
        coppice.run(coppiceData, w, trees, 1, options.threads);
      }
    }
    log("warm-up: %d instances, %d trees (%.1f s)", w, trees, secs(t0));
  }

  private void record(
      StreamSpec spec,
      String system,
      int trees,
      int seed,
      int threads,
      int n,
      RunResult.Measured m) {
    RunResult r =
        new RunResult(
            spec.key(),
            system,
            trees,
            seed,
            threads,
            n,
            m.accuracy(),
            m.kappa(),
            m.elapsed().wall(),
            threads > 1 ? Double.NaN : m.elapsed().threadCpu(),
            m.elapsed().processCpu(),
            m.elapsed().gc());
    results.add(r);
    csv.println(r.toCsv());
    log(
        "%-10s %-7s trees=%-3d seed=%d threads=%d n=%d acc=%.4f%% kappa=%.4f%% %.2f s %.0f inst/s",
        spec.key(),
        system,
        trees,
        seed,
        threads,
        n,
        r.accuracy(),
        r.kappa(),
        r.seconds(),
        r.instancesPerSecond());
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

  private Path electricitySource() {
    Path direct = options.shared.resolve(StreamSpec.ELECTRICITY_FILE);
    if (Files.isRegularFile(direct)) {
      return direct;
    }
    Path nested = options.shared.resolve("data").resolve(StreamSpec.ELECTRICITY_FILE);
    if (Files.isRegularFile(nested)) {
      return nested;
    }
    throw new IllegalArgumentException(
        "Electricity not found: neither " + nested + " nor " + direct + " exists (see --shared)");
  }

  private static void gc() {
    System.gc();
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static void log(String format, Object... values) {
    System.out.println("[bench] " + String.format(Locale.ROOT, format, values));
  }
}
