package org.coppice.bench;

import java.util.List;
import java.util.Locale;

/**
 * The data sets of the regression comparison ({@link RegressionComparison}): two MOA {@code
 * HyperplaneGeneratorForRegression} streams, one drifting incrementally and one abruptly, and the
 * Electricity data read as a regression on its {@code nswdemand} column.
 *
 * <p>Seeds: for harness seed {@code s}, the generator's instance seed is {@code s}; in the abrupt
 * stream the second concept's generator gets {@code s + 100} and the {@code ConceptDriftStream}
 * {@code -r s}, as in {@link StreamSpec}.
 */
enum RegressionStream implements Keyed {
  HYPERPLANE("hyperplane-reg", "Hyperplane regression (incremental drift)", true),
  HYPERPLANE_ABRUPT("hyperplane-reg-abrupt", "Hyperplane regression (abrupt drift)", true),
  ELECTRICITY_DEMAND("elec-demand", "Electricity, target nswdemand", false);

  /**
   * The regression target taken from Electricity: the New South Wales electricity demand of the
   * half hour, a quantity the other columns (time, day of week, prices, Victoria's demand, the
   * transfer between the states) explain in part and whose relation to them changes over the two
   * and a half years the data covers. The {@code class} column (price up or down) is dropped: it is
   * a label derived from the price, not an input a demand forecast would have.
   */
  static final String ELECTRICITY_TARGET = "nswdemand";

  private final String key;
  private final String title;
  private final boolean synthetic;

  RegressionStream(String key, String title, boolean synthetic) {
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

  boolean synthetic() {
    return synthetic;
  }

  /**
   * The MOA command-line string of this stream for {@code n} instances and harness seed {@code s}
   * (required type {@code moa.streams.InstanceStream}).
   */
  String moaCli(long n, int s) {
    switch (this) {
      case HYPERPLANE:
        return String.format(
            Locale.ROOT, "generators.HyperplaneGeneratorForRegression -k 10 -t 0.001 -i %d", s);
      case HYPERPLANE_ABRUPT:
        return String.format(
            Locale.ROOT,
            "ConceptDriftStream -s (generators.HyperplaneGeneratorForRegression -i %d)"
                + " -d (generators.HyperplaneGeneratorForRegression -i %d) -p %d -w 1 -r %d",
            s,
            s + 100,
            n / 2,
            s);
      default:
        throw new IllegalStateException(key + " is not generated");
    }
  }

  /** Parses a comma-separated list of keys, or "all". */
  static List<RegressionStream> parseList(String text) {
    return Keyed.parseList(text, List.of(values()), "dataset");
  }
}
