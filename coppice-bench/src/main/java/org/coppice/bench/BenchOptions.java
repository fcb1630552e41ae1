package org.coppice.bench;

import java.util.ArrayList;
import java.util.List;

/** Command-line options of {@link MoaComparison} (the classifiers). */
final class BenchOptions extends ComparisonOptions {
  static final String USAGE =
      """
      Usage: MoaComparison [options]

      Runs MOA 2024.07's classifiers and Coppice's side by side, test-then-train over the same
      instances, and writes accuracy and speed tables.

      Time on 2 cores with the defaults: about 16 minutes (arf about 11, MOA's 100 trees alone
      8; the other learners about 5). --arf-seeds 1,2,3 adds about 20 minutes, --seeds 1,2,3
      about 30.

        --shared DIR          shared folder holding data/elecNormNew.arff.gz, or the data
                              folder itself (default ../shared)
        --work DIR            cache of generated ARFF files, and results (default bench-out)
        --n N                 instances per stream; Electricity uses min(N, 45312)
                              (default 30000, as in the docs)
        --datasets LIST       comma-separated: sea,agrawal,rbf,hyperplane,led,randomtree,elec
                              or all (default all)
        --learners LIST       comma-separated: arf,leveraging-bagging,oza-bag,oza-boost,srp,
                              hat,ht,nb,knn,knn-adwin or all (default all). A learner that
                              Coppice's registry does not have is skipped, with a log line
                              and a line in the report (with --moa-only MOA's side runs)
        --trees LIST          ensemble sizes of arf (default 10,100)
        --ensemble-size LIST  ensemble sizes of the other ensembles: leveraging-bagging,
                              oza-bag, oza-boost, srp (default 10)
        --seeds LIST          generator seeds of the synthetic files (learner seed 1), or
                              learner seeds on Electricity, where a learner that is not
                              randomized runs with the first seed only (default 1)
        --arf-seeds LIST      the seeds of arf alone (default: those of --seeds)
        --threads T           also run Coppice's ensembles with T threads (default 2; 0 or 1 =
                              do not)
        --threads-trees LIST  ensemble sizes of the T-thread runs, or all (default all)
        --warmup W            warm-up instances per system, data set, learner and ensemble
                              size, discarded (default 5000; 0 = none)
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

  List<StreamSpec> datasets = List.of(StreamSpec.values());
  List<ClassifierPair> learners = ClassifierPair.all();
  List<Integer> trees = List.of(10, 100);
  List<Integer> ensembleSizes = List.of(10);
  List<Integer> arfSeeds;
  List<Integer> threadsTrees;
  boolean moa = true;
  boolean coppice = true;
  boolean generateOnly;

  BenchOptions() {
    super(30_000, List.of(1), 5000);
  }

  static BenchOptions parse(String[] args) {
    BenchOptions o = new BenchOptions();
    o.parseArgs(args);
    return o;
  }

  @Override
  boolean flag(String name) {
    switch (name) {
      case "--moa-only" -> coppice = false;
      case "--coppice-only" -> moa = false;
      case "--generate-only" -> generateOnly = true;
      default -> {
        return false;
      }
    }
    return true;
  }

  @Override
  boolean option(String name, String value) {
    switch (name) {
      case "--datasets" -> datasets = StreamSpec.parseList(value);
      case "--learners" -> learners = ClassifierPair.parseList(value);
      case "--trees" -> trees = ints(name, value);
      case "--ensemble-size" -> ensembleSizes = ints(name, value);
      case "--arf-seeds" -> arfSeeds = ints(name, value);
      case "--threads-trees" ->
          threadsTrees = value.trim().equalsIgnoreCase("all") ? null : ints(name, value);
      default -> {
        return false;
      }
    }
    return true;
  }

  @Override
  void validate() {
    if (!moa && !coppice) {
      throw new IllegalArgumentException("--moa-only and --coppice-only exclude each other");
    }
    if (datasets.isEmpty() || learners.isEmpty() || trees.isEmpty() || ensembleSizes.isEmpty()) {
      throw new IllegalArgumentException(
          "--datasets, --learners, --trees and --ensemble-size must not be empty");
    }
    if (arfSeeds != null && arfSeeds.isEmpty()) {
      throw new IllegalArgumentException("--arf-seeds must not be empty");
    }
  }

  /** The ensemble sizes {@code pair} runs at: {@code [0]} for a learner that is no ensemble. */
  List<Integer> sizes(ClassifierPair pair) {
    if (!pair.ensemble()) {
      return List.of(0);
    }
    return pair == ClassifierPair.ARF ? trees : ensembleSizes;
  }

  /** The harness seeds of {@code pair}. */
  List<Integer> seeds(ClassifierPair pair) {
    return pair == ClassifierPair.ARF && arfSeeds != null ? arfSeeds : seeds;
  }

  /** The learner seeds {@code pair} runs with on Electricity. */
  List<Integer> electricitySeeds(ClassifierPair pair) {
    List<Integer> s = seeds(pair);
    return pair.randomized() ? s : s.subList(0, 1);
  }

  /** Every generator seed some selected learner needs, in order of first use. */
  List<Integer> fileSeeds() {
    List<Integer> out = new ArrayList<>();
    for (ClassifierPair pair : learners) {
      for (int s : seeds(pair)) {
        if (!out.contains(s)) {
          out.add(s);
        }
      }
    }
    return out;
  }

  /** True when Coppice also runs {@code pair} at this size with {@link #threads} threads. */
  boolean multiThreaded(ClassifierPair pair, int size) {
    return coppice
        && threads > 1
        && pair.ensemble()
        && (threadsTrees == null || threadsTrees.contains(size));
  }
}
