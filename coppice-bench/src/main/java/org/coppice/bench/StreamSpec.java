package org.coppice.bench;

import java.util.List;
import java.util.Locale;

/**
 * The data sets of the MOA comparison: six synthetic streams, each described by the MOA
 * command-line string that builds it, and Electricity read from the shared data folder.
 *
 * <p>Seeds: for harness seed {@code s}, every generator's instance seed (and model or tree seed,
 * where the generator has one) is {@code s + 100·j}, where {@code j} is the 0-based position of the
 * generator (its concept) in the drift chain; the {@code ConceptDriftStream} at nesting level
 * {@code j} uses {@code -r s + 100·j}. Concepts therefore never share a random sequence, and seeds
 * 1, 2, 3 give three distinct streams.
 *
 * <p>Drift positions: a nested {@code ConceptDriftStream} counts only the instances it is asked
 * for, so each level's {@code -p} is relative to the moment the level above switched to it. A
 * position of N/4 at every level puts the drifts at about 25%, 50% and 75% of the stream.
 */
public enum StreamSpec implements Keyed {
  SEA("sea", "SEA (abrupt drift)", true),
  AGRAWAL("agrawal", "Agrawal (gradual drift)", true),
  RBF("rbf", "RandomRBF (moving centroids)", true),
  HYPERPLANE("hyperplane", "Hyperplane (rotating)", true),
  LED("led", "LED (drift)", true),
  RANDOM_TREE("randomtree", "RandomTree", true),
  ELECTRICITY("elec", "Electricity", false);

  /** File name of Electricity inside the shared data folder. */
  public static final String ELECTRICITY_FILE = "elecNormNew.arff.gz";

  private final String key;
  private final String title;
  private final boolean synthetic;

  StreamSpec(String key, String title, boolean synthetic) {
    this.key = key;
    this.title = title;
    this.synthetic = synthetic;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public String title() {
    return title;
  }

  public boolean synthetic() {
    return synthetic;
  }

  /**
   * The MOA command-line string of this stream for {@code n} instances and harness seed {@code s},
   * as accepted by MOA's {@code ClassOption} with required type {@code moa.streams.InstanceStream}
   * (the same text as after {@code -s} in MOA's command line).
   */
  public String moaCli(long n, int s) {
    int quarter = (int) (n / 4);
    switch (this) {
      case SEA:
        return driftChain(
            List.of(sea(1, s), sea(2, s + 100), sea(3, s + 200), sea(4, s + 300)), quarter, 1, s);
      case AGRAWAL:
        return driftChain(
            List.of(agrawal(1, s), agrawal(2, s + 100), agrawal(3, s + 200), agrawal(4, s + 300)),
            quarter,
            (int) Math.max(1, n / 20),
            s);
      case RBF:
        return String.format(
            Locale.ROOT,
            "generators.RandomRBFGeneratorDrift -c 5 -a 10 -n 50 -k 50 -s 0.001 -r %d -i %d",
            s,
            s);
      case HYPERPLANE:
        return String.format(
            Locale.ROOT, "generators.HyperplaneGenerator -a 10 -k 10 -t 0.001 -n 5 -i %d", s);
      case LED:
        return driftChain(
            List.of(
                "generators.LEDGeneratorDrift -d 7 -n 10 -i " + s,
                "generators.LEDGeneratorDrift -d 3 -n 10 -i " + (s + 100)),
            (int) (n / 2),
            1,
            s);
      case RANDOM_TREE:
        return String.format(Locale.ROOT, "generators.RandomTreeGenerator -r %d -i %d", s, s);
      default:
        throw new IllegalStateException(key + " is not generated");
    }
  }

  private static String sea(int function, int seed) {
    return "generators.SEAGenerator -f " + function + " -i " + seed + " -p 10";
  }

  private static String agrawal(int function, int seed) {
    return "generators.AgrawalGenerator -f " + function + " -i " + seed + " -p 0.05";
  }

  /**
   * Nests {@code concepts} as c0 → c1 → … with ConceptDriftStream, each level switching after
   * {@code position} of its own instances with the given width.
   */
  private static String driftChain(List<String> concepts, int position, int width, int seed) {
    String tail = concepts.get(concepts.size() - 1);
    for (int j = concepts.size() - 2; j >= 0; j--) {
      tail =
          String.format(
              Locale.ROOT,
              "ConceptDriftStream -s (%s) -d (%s) -p %d -w %d -r %d",
              concepts.get(j),
              tail,
              position,
              width,
              seed + 100 * j);
    }
    return tail;
  }

  /** Parses a comma-separated list of keys, or "all". */
  public static List<StreamSpec> parseList(String text) {
    return Keyed.parseList(text, List.of(values()), "dataset");
  }
}
