package org.coppice.gen;

import java.util.ArrayList;
import java.util.List;
import org.coppice.data.Attribute;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.util.JavaRandom;

/**
 * The random radial basis function stream of MOA (R. Kirkby, "Improving Hoeffding Trees", PhD
 * thesis, University of Waikato, 2007), with the moving centroids of MOA's {@code
 * RandomRBFGeneratorDrift} (A. Bifet et al., "New ensemble methods for evolving data streams", KDD
 * 2009).
 *
 * <p>The model random (seed {@code modelRandomSeed}) draws {@code numCentroids} centroids, each
 * with a centre uniform in [0, 1)^numAtts, a class, a standard deviation uniform in [0, 1) and a
 * weight uniform in [0, 1). Each instance picks a centroid with probability proportional to its
 * weight, then a point in a uniformly random direction at a Gaussian distance (scaled by the
 * centroid's deviation) from its centre, and takes the centroid's class. Features are numeric
 * {@code att1..attN}; classes {@code class1..classK}.
 *
 * <p>Drift: when {@code speedChange} is positive, the first {@code numDriftCentroids} centroids
 * each move by {@code speedChange} along a random unit direction (drawn from a second random seeded
 * with {@code modelRandomSeed}) before every instance, bouncing off the faces of the unit cube.
 * With {@code speedChange} 0 (the default) no centroid moves and the stream is MOA's {@code
 * RandomRBFGenerator}; with a positive speed it is MOA's {@code RandomRBFGeneratorDrift}.
 *
 * <p>Draw-for-draw identical to MOA's {@code RandomRBFGenerator} and {@code
 * RandomRBFGeneratorDrift} with the same options and seeds, except that {@link #restart()} also
 * returns the centroids to their start (MOA's restart only reseeds the instance random and leaves
 * drifted centroids where they are). Defaults are MOA's: 2 classes, 10 attributes, 50 centroids,
 * speed 0, 50 drifting centroids, both seeds 1. Unlike MOA (whose minimum is 0, yielding NaN
 * features), at least one attribute is required.
 */
public final class RandomRbfGenerator implements StreamGenerator {
  private final int numClasses;
  private final int numAtts;
  private final int numCentroids;
  private final double speedChange;
  private final int numDriftCentroids;
  private final long modelSeed;
  private final long instanceSeed;
  private final Schema schema;
  private final JavaRandom random;

  // Centroid c's centre is centres[c * numAtts .. (c + 1) * numAtts).
  private final double[] initialCentres;
  private final double[] centres;
  private final int[] classLabels;
  private final double[] stdDevs;
  private final double[] centroidWeights;
  private final double totalWeight;
  // Drift directions of the first numDriftCentroids centroids, same layout as centres.
  private final double[] initialSpeeds;
  private final double[] speeds;

  private RandomRbfGenerator(Builder b) {
    this.numClasses = Specs.checkRange("numClasses", b.numClasses, 2, Integer.MAX_VALUE);
    this.numAtts = Specs.checkRange("numAtts", b.numAtts, 1, Integer.MAX_VALUE);
    this.numCentroids = Specs.checkRange("numCentroids", b.numCentroids, 1, Integer.MAX_VALUE);
    this.speedChange = Specs.checkRange("speedChange", b.speedChange, 0.0, Float.MAX_VALUE);
    this.numDriftCentroids =
        Specs.checkRange("numDriftCentroids", b.numDriftCentroids, 0, Integer.MAX_VALUE);
    this.modelSeed = b.modelSeed;
    this.instanceSeed = b.instanceSeed;
    List<Attribute> features = new ArrayList<>();
    Specs.addNumeric(features, "att", numAtts);
    this.schema = Specs.schema(spec(), features, Specs.values("class", 1, numClasses));

    JavaRandom modelRandom = new JavaRandom(modelSeed);
    initialCentres = new double[Math.multiplyExact(numCentroids, numAtts)];
    classLabels = new int[numCentroids];
    stdDevs = new double[numCentroids];
    centroidWeights = new double[numCentroids];
    for (int c = 0; c < numCentroids; c++) {
      for (int i = 0; i < numAtts; i++) {
        initialCentres[c * numAtts + i] = modelRandom.nextDouble();
      }
      classLabels[c] = modelRandom.nextInt(numClasses);
      stdDevs[c] = modelRandom.nextDouble();
      centroidWeights[c] = modelRandom.nextDouble();
    }
    double total = 0.0;
    for (double w : centroidWeights) {
      total += w;
    }
    totalWeight = total;
    centres = initialCentres.clone();

    // MOA's drift variant draws the directions from a second random with the model seed.
    int moving = Math.min(numDriftCentroids, numCentroids);
    JavaRandom speedRandom = new JavaRandom(modelSeed);
    initialSpeeds = new double[moving * numAtts];
    for (int c = 0; c < moving; c++) {
      double norm = 0.0;
      for (int i = 0; i < numAtts; i++) {
        double s = speedRandom.nextDouble();
        initialSpeeds[c * numAtts + i] = s;
        norm += s * s;
      }
      norm = Math.sqrt(norm);
      for (int i = 0; i < numAtts; i++) {
        initialSpeeds[c * numAtts + i] /= norm;
      }
    }
    speeds = initialSpeeds.clone();
    this.random = new JavaRandom(instanceSeed);
    restart();
  }

  /** A generator with all of MOA's defaults (no drift). */
  public RandomRbfGenerator() {
    this(new Builder());
  }

  /** A builder holding MOA's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Options of a {@link RandomRbfGenerator}; every setter returns this builder. */
  public static final class Builder {
    private int numClasses = 2;
    private int numAtts = 10;
    private int numCentroids = 50;
    private double speedChange = 0.0;
    private int numDriftCentroids = 50;
    private long modelSeed = 1;
    private long instanceSeed = 1;

    private Builder() {}

    /** Number of classes, at least 2; default 2. */
    public Builder numClasses(int numClasses) {
      this.numClasses = numClasses;
      return this;
    }

    /** Number of numeric attributes, at least 1; default 10. */
    public Builder numAtts(int numAtts) {
      this.numAtts = numAtts;
      return this;
    }

    /** Number of centroids, at least 1; default 50. */
    public Builder numCentroids(int numCentroids) {
      this.numCentroids = numCentroids;
      return this;
    }

    /** Distance each drifting centroid moves per instance, at least 0; default 0 (no drift). */
    public Builder speedChange(double speedChange) {
      this.speedChange = speedChange;
      return this;
    }

    /** Number of centroids that move when speedChange is positive; default 50. */
    public Builder numDriftCentroids(int numDriftCentroids) {
      this.numDriftCentroids = numDriftCentroids;
      return this;
    }

    /** Seed of the model random (MOA's modelRandomSeed); default 1. */
    public Builder modelSeed(long modelSeed) {
      this.modelSeed = modelSeed;
      return this;
    }

    /** Seed of the instance random (MOA's instanceRandomSeed); default 1. */
    public Builder instanceSeed(long instanceSeed) {
      this.instanceSeed = instanceSeed;
      return this;
    }

    /**
     * @throws IllegalArgumentException if an option is out of range
     */
    public RandomRbfGenerator build() {
      return new RandomRbfGenerator(this);
    }
  }

  public int numClasses() {
    return numClasses;
  }

  public int numAtts() {
    return numAtts;
  }

  public int numCentroids() {
    return numCentroids;
  }

  public double speedChange() {
    return speedChange;
  }

  public int numDriftCentroids() {
    return numDriftCentroids;
  }

  public long modelSeed() {
    return modelSeed;
  }

  public long instanceSeed() {
    return instanceSeed;
  }

  @Override
  public Schema schema() {
    return schema;
  }

  /** Moves the drifting centroids, then fills {@code into} with the next instance; returns true. */
  @Override
  public boolean next(Instance into) {
    if (speedChange > 0.0) {
      moveCentroids();
    }
    double val = random.nextDouble() * totalWeight;
    int index = 0;
    double sum = 0.0;
    while (sum <= val && index < numCentroids) {
      sum += centroidWeights[index++];
    }
    int c = index - 1;
    double[] x = into.x;
    double magnitude = 0.0;
    for (int i = 0; i < numAtts; i++) {
      x[i] = random.nextDouble() * 2.0 - 1.0;
    }
    for (int i = 0; i < numAtts; i++) {
      magnitude += x[i] * x[i];
    }
    magnitude = Math.sqrt(magnitude);
    double desiredMagnitude = random.nextGaussian() * stdDevs[c];
    double scale = desiredMagnitude / magnitude;
    int base = c * numAtts;
    for (int i = 0; i < numAtts; i++) {
      x[i] = centres[base + i] + x[i] * scale;
    }
    into.y = classLabels[c];
    into.weight = 1.0;
    return true;
  }

  private void moveCentroids() {
    int n = speeds.length;
    for (int k = 0; k < n; k++) {
      centres[k] += speeds[k] * speedChange;
      if (centres[k] > 1) {
        centres[k] = 1;
        speeds[k] = -speeds[k];
      }
      if (centres[k] < 0) {
        centres[k] = 0;
        speeds[k] = -speeds[k];
      }
    }
  }

  @Override
  public void restart() {
    random.setSeed(instanceSeed);
    System.arraycopy(initialCentres, 0, centres, 0, centres.length);
    System.arraycopy(initialSpeeds, 0, speeds, 0, speeds.length);
  }

  @Override
  public String spec() {
    return "rbf(classes="
        + numClasses
        + ",attributes="
        + numAtts
        + ",centroids="
        + numCentroids
        + ",speed="
        + Specs.num(speedChange)
        + ",drift-centroids="
        + numDriftCentroids
        + ",model-seed="
        + modelSeed
        + ",instance-seed="
        + instanceSeed
        + ")";
  }

  @Override
  public String toString() {
    return spec();
  }
}
