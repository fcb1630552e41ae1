package org.coppice.gen;

import java.util.ArrayList;
import java.util.List;
import org.coppice.data.Attribute;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.util.JavaRandom;

/**
 * The SEA concepts of W. N. Street and Y. Kim, "A streaming ensemble algorithm (SEA) for
 * large-scale classification", KDD 2001, after MOA's {@code SEAGenerator}.
 *
 * <p>Three numeric attributes {@code attrib1..attrib3} are uniform in [0, 10); only the first two
 * are relevant. The class is {@code groupA} (0) when {@code attrib1 + attrib2 <= threshold} and
 * {@code groupB} (1) otherwise, with threshold 8, 9, 7 and 9.5 for functions 1 to 4. With {@code
 * noisePercentage} p each label is then flipped with probability p/100. With {@code balance},
 * instances are drawn until the class alternates 1, 0, 1, 0, ...
 *
 * <p>Draw-for-draw identical to MOA's {@code SEAGenerator} with the same options and {@code
 * instanceRandomSeed} (MOA's {@code numInstancesConcept} option is unused by MOA and absent here).
 * Defaults are MOA's: function 1, noise 10%, no balancing, seed 1.
 */
public final class SeaGenerator implements StreamGenerator {
  private static final double[] THRESHOLDS = {8, 9, 7, 9.5};

  private final int function;
  private final int noisePercentage;
  private final boolean balance;
  private final long seed;
  private final double threshold;
  private final Schema schema;
  private final JavaRandom random;
  private boolean nextClassShouldBeZero;

  private SeaGenerator(Builder b) {
    this.function = Specs.checkRange("function", b.function, 1, THRESHOLDS.length);
    this.noisePercentage = Specs.checkRange("noisePercentage", b.noisePercentage, 0, 100);
    this.balance = b.balance;
    this.seed = b.seed;
    this.threshold = THRESHOLDS[function - 1];
    List<Attribute> features = new ArrayList<>();
    Specs.addNumeric(features, "attrib", 3);
    this.schema = Specs.schema(spec(), features, List.of("groupA", "groupB"));
    this.random = new JavaRandom(seed);
    restart();
  }

  /** A builder holding MOA's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A generator with all of MOA's defaults. */
  public SeaGenerator() {
    this(new Builder());
  }

  /** Options of a {@link SeaGenerator}; every setter returns this builder. */
  public static final class Builder {
    private int function = 1;
    private int noisePercentage = 10;
    private boolean balance;
    private long seed = 1;

    private Builder() {}

    /** Classification function 1 to 4 (threshold 8, 9, 7, 9.5); default 1. */
    public Builder function(int function) {
      this.function = function;
      return this;
    }

    /** Percentage of labels flipped, 0 to 100; default 10. */
    public Builder noisePercentage(int noisePercentage) {
      this.noisePercentage = noisePercentage;
      return this;
    }

    /** Whether the classes alternate 1, 0, 1, ...; default false. */
    public Builder balance(boolean balance) {
      this.balance = balance;
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
    public SeaGenerator build() {
      return new SeaGenerator(this);
    }
  }

  public int function() {
    return function;
  }

  public int noisePercentage() {
    return noisePercentage;
  }

  public boolean balance() {
    return balance;
  }

  public long seed() {
    return seed;
  }

  @Override
  public Schema schema() {
    return schema;
  }

  /** Fills {@code into} with the next instance; always returns true. */
  @Override
  public boolean next(Instance into) {
    double a1;
    double a2;
    double a3;
    int group;
    while (true) {
      a1 = 10 * random.nextDouble();
      a2 = 10 * random.nextDouble();
      a3 = 10 * random.nextDouble();
      group = a1 + a2 <= threshold ? 0 : 1;
      if (!balance) {
        break;
      }
      if (nextClassShouldBeZero == (group == 0)) {
        nextClassShouldBeZero = !nextClassShouldBeZero;
        break;
      }
    }
    if (1 + random.nextInt(100) <= noisePercentage) {
      group = 1 - group;
    }
    double[] x = into.x;
    x[0] = a1;
    x[1] = a2;
    x[2] = a3;
    into.y = group;
    into.weight = 1.0;
    return true;
  }

  @Override
  public void restart() {
    random.setSeed(seed);
    nextClassShouldBeZero = false;
  }

  @Override
  public String spec() {
    return "sea(function="
        + function
        + ",noise="
        + noisePercentage
        + ",balance="
        + balance
        + ",seed="
        + seed
        + ")";
  }

  @Override
  public String toString() {
    return spec();
  }
}
