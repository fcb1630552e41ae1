package org.coppice.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options both comparisons share ({@link BenchOptions} for the classifiers, {@link
 * RegressionOptions} for the regressors) and their parsing: {@code --shared}, {@code --work},
 * {@code --n}, {@code --seeds}, {@code --threads}, {@code --warmup}, {@code --docs} and {@code
 * --help}. A subclass adds its own options in {@link #flag} and {@link #option}, and checks the
 * whole in {@link #validate}.
 */
abstract class ComparisonOptions {
  Path shared = Path.of("..", "shared");
  Path work = Path.of("bench-out");
  long n;
  List<Integer> seeds;
  int threads = 2;
  int warmup;
  Path docs;
  boolean help;

  ComparisonOptions(long n, List<Integer> seeds, int warmup) {
    this.n = n;
    this.seeds = seeds;
    this.warmup = warmup;
  }

  /**
   * Sets the options given in {@code args}.
   *
   * @throws IllegalArgumentException for an unknown option, a missing or bad value, or options that
   *     do not go together
   */
  final void parseArgs(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        help = true;
        continue;
      }
      if (flag(a)) {
        continue;
      }
      if (i + 1 >= args.length || !a.startsWith("--")) {
        throw new IllegalArgumentException("unknown option or missing value: " + a);
      }
      String v = args[++i];
      try {
        if (!common(a, v) && !option(a, v)) {
          throw new IllegalArgumentException("unknown option: " + a);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad number for " + a + ": " + v, e);
      }
    }
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("--seeds must not be empty");
    }
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("--n is limited to " + Integer.MAX_VALUE);
    }
    validate();
  }

  private boolean common(String name, String value) {
    switch (name) {
      case "--shared" -> shared = Path.of(value);
      case "--work" -> work = Path.of(value);
      case "--n" -> n = positive(name, Long.parseLong(value.replace("_", "")));
      case "--seeds" -> seeds = ints(name, value);
      case "--threads" -> threads = Integer.parseInt(value);
      case "--warmup" -> warmup = Integer.parseInt(value);
      case "--docs" -> docs = Path.of(value);
      default -> {
        return false;
      }
    }
    return true;
  }

  /** Takes a mode's option without a value; false if {@code name} is none of its flags. */
  boolean flag(String name) {
    return false;
  }

  /** Takes a mode's option with its value; false if {@code name} is none of its options. */
  abstract boolean option(String name, String value);

  /** Checks the options together, after parsing. */
  void validate() {}

  /** The gzip file of Electricity in the shared folder (or in its {@code data} folder). */
  Path electricitySource() {
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

  static long positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return value;
  }

  /** A comma-separated list of positive integers, duplicates dropped. */
  static List<Integer> ints(String name, String text) {
    List<Integer> out = new ArrayList<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        int v = (int) positive(name, Integer.parseInt(part.trim()));
        if (!out.contains(v)) {
          out.add(v);
        }
      }
    }
    return List.copyOf(out);
  }
}
