package org.coppice.gen;

import java.util.ArrayList;
import java.util.List;
import org.coppice.data.Attribute;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.util.JavaRandom;

/**
 * The ten loan-approval functions of R. Agrawal, T. Imielinski and A. Swami, "Database Mining: A
 * Performance Perspective", IEEE TKDE 5(6), 1993, after MOA's {@code AgrawalGenerator}.
 *
 * <p>Features, in order: {@code salary} (uniform 20k to 150k), {@code commission} (0 when salary is
 * at least 75k, else uniform 10k to 75k), {@code age} (integer 20 to 80), {@code elevel} (nominal
 * {@code level0..level4}), {@code car} (nominal {@code car1..car20}), {@code zipcode} (nominal
 * {@code zipcode1..zipcode9}), {@code hvalue} ((9 - zipcode index) * 100k * uniform[0.5, 1.5)),
 * {@code hyears} (integer 1 to 30) and {@code loan} (uniform 0 to 500k). Nominal features hold the
 * value index. The class is {@code groupA} (0) or {@code groupB} (1) by the chosen function,
 * computed before perturbation. A positive {@code perturbFraction} f then moves salary, commission
 * (when positive), age, hvalue, hyears and loan by a uniform fraction in [-f, f) of their range and
 * clips them, as MOA (and the public C code, rather than the paper) does. With {@code balance},
 * instances are drawn until the class alternates 1, 0, 1, ...
 *
 * <p>Draw-for-draw identical to MOA's {@code AgrawalGenerator} with the same options and {@code
 * instanceRandomSeed}. Defaults are MOA's: function 1, perturbation 0.05, no balancing, seed 1.
 */
public final class AgrawalGenerator implements StreamGenerator {
  private final int function;
  private final double perturbFraction;
  private final boolean balance;
  private final long seed;
  private final Schema schema;
  private final JavaRandom random;
  private boolean nextClassShouldBeZero;

  private AgrawalGenerator(Builder b) {
    this.function = Specs.checkRange("function", b.function, 1, 10);
    this.perturbFraction = Specs.checkRange("perturbFraction", b.perturbFraction, 0.0, 1.0);
    this.balance = b.balance;
    this.seed = b.seed;
    List<Attribute> f = new ArrayList<>();
    f.add(Attribute.numeric("salary"));
    f.add(Attribute.numeric("commission"));
    f.add(Attribute.numeric("age"));
    f.add(Attribute.nominal("elevel", Specs.values("level", 0, 5)));
    f.add(Attribute.nominal("car", Specs.values("car", 1, 20)));
    f.add(Attribute.nominal("zipcode", Specs.values("zipcode", 1, 9)));
    f.add(Attribute.numeric("hvalue"));
    f.add(Attribute.numeric("hyears"));
    f.add(Attribute.numeric("loan"));
    this.schema = Specs.schema(spec(), f, List.of("groupA", "groupB"));
    this.random = new JavaRandom(seed);
    restart();
  }

  /** A generator with all of MOA's defaults. */
  public AgrawalGenerator() {
    this(new Builder());
  }

  /** A builder holding MOA's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Options of an {@link AgrawalGenerator}; every setter returns this builder. */
  public static final class Builder {
    private int function = 1;
    private double perturbFraction = 0.05;
    private boolean balance;
    private long seed = 1;

    private Builder() {}

    /** Classification function 1 to 10; default 1. */
    public Builder function(int function) {
      this.function = function;
      return this;
    }

    /** Perturbation of numeric values as a fraction of their range, 0 to 1; default 0.05. */
    public Builder perturbFraction(double perturbFraction) {
      this.perturbFraction = perturbFraction;
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
    public AgrawalGenerator build() {
      return new AgrawalGenerator(this);
    }
  }

  public int function() {
    return function;
  }

  public double perturbFraction() {
    return perturbFraction;
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
    double salary;
    double commission;
    double hvalue;
    double loan;
    int age;
    int elevel;
    int car;
    int zipcode;
    int hyears;
    int group;
    while (true) {
      salary = 20000.0 + 130000.0 * random.nextDouble();
      commission = salary >= 75000.0 ? 0 : 10000.0 + 65000.0 * random.nextDouble();
      age = 20 + random.nextInt(61);
      elevel = random.nextInt(5);
      car = random.nextInt(20);
      zipcode = random.nextInt(9);
      hvalue = (9.0 - zipcode) * 100000.0 * (0.5 + random.nextDouble());
      hyears = 1 + random.nextInt(30);
      loan = random.nextDouble() * 500000.0;
      group = label(function, salary, commission, age, elevel, hvalue, hyears, loan);
      if (!balance) {
        break;
      }
      if (nextClassShouldBeZero == (group == 0)) {
        nextClassShouldBeZero = !nextClassShouldBeZero;
        break;
      }
    }
    if (perturbFraction > 0.0) {
      salary = perturb(salary, 130000.0, 20000.0, 150000.0);
      if (commission > 0) {
        commission = perturb(commission, 65000.0, 10000.0, 75000.0);
      }
      age = (int) Math.round(perturb(age, 60.0, 20.0, 80.0));
      // MOA's range and bounds for hvalue, kept as they are for identical streams.
      hvalue = perturb(hvalue, (9.0 - zipcode) * 100000.0, 0.0, 135000.0);
      hyears = (int) Math.round(perturb(hyears, 29.0, 1.0, 30.0));
      loan = perturb(loan, 500000.0, 0.0, 500000.0);
    }
    double[] x = into.x;
    x[0] = salary;
    x[1] = commission;
    x[2] = age;
    x[3] = elevel;
    x[4] = car;
    x[5] = zipcode;
    x[6] = hvalue;
    x[7] = hyears;
    x[8] = loan;
    into.y = group;
    into.weight = 1.0;
    return true;
  }

  private double perturb(double value, double range, double min, double max) {
    double v = value + range * (2.0 * (random.nextDouble() - 0.5)) * perturbFraction;
    return v < min ? min : (v > max ? max : v);
  }

  private static boolean in(double v, double low, double high) {
    return low <= v && v <= high;
  }

  /**
   * The class (0 = groupA, 1 = groupB) that Agrawal function {@code function} (1 to 10) gives to
   * the unperturbed values; {@code elevel} is the education level index 0 to 4.
   */
  static int label(
      int function,
      double salary,
      double commission,
      int age,
      int elevel,
      double hvalue,
      int hyears,
      double loan) {
    boolean young = age < 40;
    boolean middle = !young && age < 60;
    boolean a;
    switch (function) {
      case 1:
        a = young || !middle;
        break;
      case 2:
        a =
            young
                ? in(salary, 50000, 100000)
                : middle ? in(salary, 75000, 125000) : in(salary, 25000, 75000);
        break;
      case 3:
        a = young ? elevel <= 1 : middle ? elevel >= 1 && elevel <= 3 : elevel >= 2;
        break;
      case 4:
        if (young) {
          a = elevel <= 1 ? in(salary, 25000, 75000) : in(salary, 50000, 100000);
        } else if (middle) {
          a = elevel >= 1 && elevel <= 3 ? in(salary, 50000, 100000) : in(salary, 75000, 125000);
        } else {
          a = elevel >= 2 ? in(salary, 50000, 100000) : in(salary, 25000, 75000);
        }
        break;
      case 5:
        if (young) {
          a = in(salary, 50000, 100000) ? in(loan, 100000, 300000) : in(loan, 200000, 400000);
        } else if (middle) {
          a = in(salary, 75000, 125000) ? in(loan, 200000, 400000) : in(loan, 300000, 500000);
        } else {
          a = in(salary, 25000, 75000) ? in(loan, 300000, 500000) : in(loan, 100000, 300000);
        }
        break;
      case 6:
        {
          double total = salary + commission;
          a =
              young
                  ? in(total, 50000, 100000)
                  : middle ? in(total, 75000, 125000) : in(total, 25000, 75000);
          break;
        }
      case 7:
        a = 2.0 * (salary + commission) / 3.0 - loan / 5.0 - 20000.0 > 0;
        break;
      case 8:
        a = 2.0 * (salary + commission) / 3.0 - 5000.0 * elevel - 20000.0 > 0;
        break;
      case 9:
        a = 2.0 * (salary + commission) / 3.0 - 5000.0 * elevel - loan / 5.0 - 10000.0 > 0;
        break;
      case 10:
        {
          double equity = hyears >= 20 ? hvalue * (hyears - 20.0) / 10.0 : 0.0;
          a = 2.0 * (salary + commission) / 3.0 - 5000.0 * elevel + equity / 5.0 - 10000.0 > 0;
          break;
        }
      default:
        throw new IllegalArgumentException("function must be in [1, 10], got " + function);
    }
    return a ? 0 : 1;
  }

  @Override
  public void restart() {
    random.setSeed(seed);
    nextClassShouldBeZero = false;
  }

  @Override
  public String spec() {
    return "agrawal(function="
        + function
        + ",perturb="
        + Specs.num(perturbFraction)
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
