package org.coppice.gen;

import java.util.List;
import org.coppice.data.Attribute;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.util.JavaRandom;

/**
 * The STAGGER concepts of J. C. Schlimmer and R. H. Granger, "Incremental Learning from Noisy
 * Data", Machine Learning 1, 1986, after MOA's {@code STAGGERGenerator}.
 *
 * <p>Three nominal attributes, each uniform over three values: {@code size} (small, medium, large),
 * {@code color} (red, blue, green) and {@code shape} (circle, square, triangle). The class ({@code
 * false} = 0, {@code true} = 1) is: function 1, size = small and color = red; function 2, color =
 * green or shape = circle; function 3, size = medium or large. There is no noise. With {@code
 * balance}, instances are drawn until the class alternates 1, 0, 1, ...
 *
 * <p>Draw-for-draw identical to MOA's {@code STAGGERGenerator} with the same options and {@code
 * instanceRandomSeed}. Defaults are MOA's: function 1, no balancing, seed 1.
 */
public final class StaggerGenerator implements StreamGenerator {
  private final int function;
  private final boolean balance;
  private final long seed;
  private final Schema schema;
  private final JavaRandom random;
  private boolean nextClassShouldBeZero;

  private StaggerGenerator(Builder b) {
    this.function = Specs.checkRange("function", b.function, 1, 3);
    this.balance = b.balance;
    this.seed = b.seed;
    this.schema =
        Specs.schema(
            spec(),
            List.of(
                Attribute.nominal("size", List.of("small", "medium", "large")),
                Attribute.nominal("color", List.of("red", "blue", "green")),
                Attribute.nominal("shape", List.of("circle", "square", "triangle"))),
            List.of("false", "true"));
    this.random = new JavaRandom(seed);
    restart();
  }

  /** A generator with all of MOA's defaults. */
  public StaggerGenerator() {
    this(new Builder());
  }

  /** A builder holding MOA's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Options of a {@link StaggerGenerator}; every setter returns this builder. */
  public static final class Builder {
    private int function = 1;
    private boolean balance;
    private long seed = 1;

    private Builder() {}

    /** Classification function 1 to 3; default 1. */
    public Builder function(int function) {
      this.function = function;
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
    public StaggerGenerator build() {
      return new StaggerGenerator(this);
    }
  }

  public int function() {
    return function;
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
    int size;
    int color;
    int shape;
    int group;
    while (true) {
      size = random.nextInt(3);
      color = random.nextInt(3);
      shape = random.nextInt(3);
      boolean positive =
          switch (function) {
            case 1 -> size == 0 && color == 0;
            case 2 -> color == 2 || shape == 0;
            default -> size == 1 || size == 2;
          };
      group = positive ? 1 : 0;
      if (!balance) {
        break;
      }
      if (nextClassShouldBeZero == (group == 0)) {
        nextClassShouldBeZero = !nextClassShouldBeZero;
        break;
      }
    }
    double[] x = into.x;
    x[0] = size;
    x[1] = color;
    x[2] = shape;
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
    return "stagger(function=" + function + ",balance=" + balance + ",seed=" + seed + ")";
  }

  @Override
  public String toString() {
    return spec();
  }
}
