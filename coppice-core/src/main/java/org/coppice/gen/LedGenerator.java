package org.coppice.gen;

import java.util.ArrayList;
import java.util.List;
import org.coppice.data.Attribute;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.util.JavaRandom;

/**
 * The LED display problem of L. Breiman, J. Friedman, R. Olshen and C. Stone, "Classification and
 * Regression Trees", Wadsworth, 1984, after MOA's {@code LEDGenerator} and {@code
 * LEDGeneratorDrift}.
 *
 * <p>The class is a digit 0 to 9, uniformly chosen. The first 7 binary attributes are the segments
 * of a seven-segment display showing it, in the order top, upper left, upper right, middle, lower
 * left, lower right, bottom ({@link #segment}); each is inverted with probability {@code
 * noisePercentage}/100. Unless {@code suppressIrrelevantAttributes}, 17 more uniformly random
 * binary attributes follow. Attributes are nominal {@code att1..att24} with values {@code "0"} and
 * {@code "1"}; classes are {@code "0".."9"}.
 *
 * <p>Drift: with {@code numberAttributesDrift} d from 0 to 7 (and the irrelevant attributes
 * present), relevant attribute {@code i < d} swaps places with irrelevant attribute {@code 7 + i},
 * as in MOA's {@code LEDGeneratorDrift}; d = 0 (the default) is MOA's {@code LEDGenerator}. The
 * swap is fixed for the generator's life, so the drift comes from composing two such streams in a
 * {@link ConceptDriftStream}.
 *
 * <p>Draw-for-draw identical to MOA's {@code LEDGenerator} and {@code LEDGeneratorDrift} with the
 * same options and {@code instanceRandomSeed}. Defaults are MOA's: noise 10%, irrelevant attributes
 * kept, seed 1; the drift default here is 0 (MOA's {@code LEDGeneratorDrift} defaults to 1).
 */
public final class LedGenerator implements StreamGenerator {
  /** Number of random attributes after the 7 segments unless they are suppressed. */
  public static final int NUM_IRRELEVANT_ATTRIBUTES = 17;

  private static final int[][] SEGMENTS = {
    {1, 1, 1, 0, 1, 1, 1},
    {0, 0, 1, 0, 0, 1, 0},
    {1, 0, 1, 1, 1, 0, 1},
    {1, 0, 1, 1, 0, 1, 1},
    {0, 1, 1, 1, 0, 1, 0},
    {1, 1, 0, 1, 0, 1, 1},
    {1, 1, 0, 1, 1, 1, 1},
    {1, 0, 1, 0, 0, 1, 0},
    {1, 1, 1, 1, 1, 1, 1},
    {1, 1, 1, 1, 0, 1, 1}
  };

  private final int noisePercentage;
  private final boolean suppressIrrelevantAttributes;
  private final int numberAttributesDrift;
  private final long seed;
  private final Schema schema;
  private final JavaRandom random;
  // Generated attribute i is written to feature position[i].
  private final int[] position;

  private LedGenerator(Builder b) {
    this.noisePercentage = Specs.checkRange("noisePercentage", b.noisePercentage, 0, 100);
    this.suppressIrrelevantAttributes = b.suppressIrrelevantAttributes;
    this.numberAttributesDrift =
        Specs.checkRange("numberAttributesDrift", b.numberAttributesDrift, 0, 7);
    this.seed = b.seed;
    int numAtts = 7 + (suppressIrrelevantAttributes ? 0 : NUM_IRRELEVANT_ATTRIBUTES);
    List<String> binary = List.of("0", "1");
    List<Attribute> features = new ArrayList<>();
    for (int i = 0; i < numAtts; i++) {
      features.add(Attribute.nominal("att" + (i + 1), binary));
    }
    this.schema = Specs.schema(spec(), features, Specs.values("", 0, 10));
    this.position = new int[numAtts];
    for (int i = 0; i < numAtts; i++) {
      position[i] = i;
    }
    if (!suppressIrrelevantAttributes) {
      for (int i = 0; i < numberAttributesDrift; i++) {
        int relevant = i % 7;
        int irrelevant = 7 + i % NUM_IRRELEVANT_ATTRIBUTES;
        position[relevant] = irrelevant;
        position[irrelevant] = relevant;
      }
    }
    this.random = new JavaRandom(seed);
    restart();
  }

  /** A generator with all of MOA's defaults (no drift). */
  public LedGenerator() {
    this(new Builder());
  }

  /** A builder holding MOA's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Options of a {@link LedGenerator}; every setter returns this builder. */
  public static final class Builder {
    private int noisePercentage = 10;
    private boolean suppressIrrelevantAttributes;
    private int numberAttributesDrift;
    private long seed = 1;

    private Builder() {}

    /** Percentage chance that each segment is inverted, 0 to 100; default 10. */
    public Builder noisePercentage(int noisePercentage) {
      this.noisePercentage = noisePercentage;
      return this;
    }

    /** Whether to leave out the 17 irrelevant attributes; default false. */
    public Builder suppressIrrelevantAttributes(boolean suppress) {
      this.suppressIrrelevantAttributes = suppress;
      return this;
    }

    /** Number of segments swapped with irrelevant attributes, 0 to 7; default 0. */
    public Builder numberAttributesDrift(int numberAttributesDrift) {
      this.numberAttributesDrift = numberAttributesDrift;
      return this;
    }

    /** Seed of the instance random (MOA's instanceRandomSeed); default 1. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * @throws IllegalArgumentException if an option is out of range
     */
    public LedGenerator build() {
      return new LedGenerator(this);
    }
  }

  /**
   * Whether segment {@code s} (0 to 6, see the class comment) is lit for {@code digit} (0 to 9).
   */
  public static boolean segment(int digit, int s) {
    return SEGMENTS[digit][s] == 1;
  }

  public int noisePercentage() {
    return noisePercentage;
  }

  public boolean suppressIrrelevantAttributes() {
    return suppressIrrelevantAttributes;
  }

  public int numberAttributesDrift() {
    return numberAttributesDrift;
  }

  public long seed() {
    return seed;
  }

  /**
   * The feature index that generated attribute {@code i} is written to (i itself without drift).
   */
  public int featureOf(int i) {
    return position[i];
  }

  @Override
  public Schema schema() {
    return schema;
  }

  /** Fills {@code into} with the next instance; always returns true. */
  @Override
  public boolean next(Instance into) {
    double[] x = into.x;
    int digit = random.nextInt(10);
    int[] lit = SEGMENTS[digit];
    for (int i = 0; i < 7; i++) {
      int v = lit[i];
      if (1 + random.nextInt(100) <= noisePercentage) {
        v = 1 - v;
      }
      x[position[i]] = v;
    }
    if (!suppressIrrelevantAttributes) {
      for (int i = 7; i < 7 + NUM_IRRELEVANT_ATTRIBUTES; i++) {
        x[position[i]] = random.nextInt(2);
      }
    }
    into.y = digit;
    into.weight = 1.0;
    return true;
  }

  @Override
  public void restart() {
    random.setSeed(seed);
  }

  @Override
  public String spec() {
    return "led(noise="
        + noisePercentage
        + ",suppress-irrelevant="
        + suppressIrrelevantAttributes
        + ",drift-attributes="
        + numberAttributesDrift
        + ",seed="
        + seed
        + ")";
  }

  @Override
  public String toString() {
    return spec();
  }
}
