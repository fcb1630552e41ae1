package org.coppice.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command-line options of {@link MoaComparison}. */
final class BenchOptions {
  static final String USAGE =
      """
      Usage: MoaComparison [options]

      Runs MOA 2024.07's AdaptiveRandomForest and Coppice's side by side, test-then-train over
      the same instances, and writes accuracy and speed tables.

        --shared DIR          shared folder holding data/elecNormNew.arff.gz, or the data
                              folder itself (default ../shared)
        --work DIR            cache of generated ARFF files, and results (default bench-out)
        --n N                 instances per stream; Electricity uses min(N, 45312)
                              (default 100000)
        --datasets LIST       comma-separated: sea,agrawal,rbf,hyperplane,led,randomtree,elec
                              or all (default all)
        --trees LIST          ensemble sizes (default 10,100)
        --seeds LIST          generator seeds of the synthetic files (ARF seed 1), or ARF seeds
                              on Electricity (default 1,2,3)
        --threads T           also run Coppice with T threads (default 2; 0 or 1 = do not)
        --threads-trees LIST  ensemble sizes of the T-thread runs (default 100)
        --warmup W            warm-up instances per system, data set and ensemble size,
                              discarded (default 5000; 0 = none)
        --moa-only            run MOA alone
        --coppice-only        run Coppice alone
        --generate-only       only write the synthetic ARFF files
        --docs DIR            also write this comparison's section of DIR/ACCURACY.md and of
                              DIR/BENCHMARKS.md (the rest of those files is kept)
        --help                print this text
        --regression          run the regression comparison instead (FIMT-DD and the ARF
                              regressor; --regression --help lists its options)

      Relative paths are taken from the working directory and recorded as given.\
      """;

  Path shared = Path.of("..", "shared");
  Path work = Path.of("bench-out");
  long n = 100_000;
  List<StreamSpec> datasets = List.of(StreamSpec.values());
  List<Integer> trees = List.of(10, 100);
  List<Integer> seeds = List.of(1, 2, 3);
  int threads = 2;
  List<Integer> threadsTrees = List.of(100);
  int warmup = 5000;
  boolean moa = true;
  boolean coppice = true;
  boolean generateOnly;
  Path docs;
  boolean help;

  static BenchOptions parse(String[] args) {
    BenchOptions o = new BenchOptions();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--moa-only" -> o.coppice = false;
        case "--coppice-only" -> o.moa = false;
        case "--generate-only" -> o.generateOnly = true;
        case "--help", "-h" -> o.help = true;
        default -> {
          if (i + 1 >= args.length || !a.startsWith("--")) {
            throw new IllegalArgumentException("unknown option or missing value: " + a);
          }
          String v = args[++i];
          switch (a) {
            case "--shared" -> o.shared = Path.of(v);
            case "--work" -> o.work = Path.of(v);
            case "--n" -> o.n = positive(a, Long.parseLong(v.replace("_", "")));
            case "--datasets" -> o.datasets = StreamSpec.parseList(v);
            case "--trees" -> o.trees = ints(a, v);
            case "--seeds" -> o.seeds = ints(a, v);
            case "--threads" -> o.threads = Integer.parseInt(v);
            case "--threads-trees" -> o.threadsTrees = ints(a, v);
            case "--warmup" -> o.warmup = Integer.parseInt(v);
            case "--docs" -> o.docs = Path.of(v);
            default -> throw new IllegalArgumentException("unknown option: " + a);
          }
        }
      }
    }
    if (!o.moa && !o.coppice) {
      throw new IllegalArgumentException("--moa-only and --coppice-only exclude each other");
    }
    if (o.datasets.isEmpty() || o.trees.isEmpty() || o.seeds.isEmpty()) {
      throw new IllegalArgumentException("--datasets, --trees and --seeds must not be empty");
    }
    if (o.n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("--n is limited to " + Integer.MAX_VALUE);
    }
    return o;
  }

  /** True when Coppice is also run with {@link #threads} threads at this ensemble size. */
  boolean multiThreaded(int ensembleSize) {
    return coppice && threads > 1 && threadsTrees.contains(ensembleSize);
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
}
