package org.coppice.gen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.coppice.data.Attribute;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.util.JavaRandom;

/**
 * Gaussian clusters on the vertices of a hypercube, in the style of scikit-learn's {@code
 * sklearn.datasets.make_classification}, which follows the design of I. Guyon's MADELON data set
 * ("Design of experiments for the NIPS 2003 variable selection benchmark", 2003).
 *
 * <p>The model: {@code numClasses * numClustersPerClass} clusters, cluster {@code k} of class
 * {@code k % numClasses}. Each cluster is centred on a distinct vertex of the hypercube of side
 * {@code 2 * classSep} in the space of the {@code numInformative} informative features (with {@code
 * hypercube} false, the vertex is scaled by a random factor per cluster and per dimension, a random
 * polytope). A point of cluster {@code k} is a standard normal vector {@code z} of length {@code
 * numInformative} times a random matrix {@code A_k} with entries uniform in [-1, 1) (a random
 * covariance per cluster), plus the centre. Then come {@code numRedundant} redundant features, the
 * informative ones times a random {@code numInformative x numRedundant} matrix with entries uniform
 * in [-1, 1), then standard normal noise features up to {@code numFeatures}. With probability
 * {@code flipY} the label is replaced by a class drawn uniformly (which may be the same one, so
 * about {@code flipY * (1 - 1/numClasses)} of the labels change). Every feature is then shifted by
 * {@code shift} and multiplied by {@code scale} (or, with {@code randomShift} and {@code
 * randomScale}, by per-feature draws uniform in [-classSep, classSep) and [1, 101), scikit-learn's
 * {@code shift=None} and {@code scale=None}). With {@code shuffle} (the default) the feature
 * columns are permuted, as scikit-learn does, so the informative features are not the first ones;
 * {@link #informativeFeatures()}, {@link #redundantFeatures()} and {@link #noiseFeatures()} say
 * which columns are which.
 *
 * <p><b>A stream, not a finite set.</b> scikit-learn draws {@code n_samples} points once, splits
 * them among the clusters and shuffles them. This generator draws points forever from the same
 * clusters (the model is fixed by the seed): the clusters are visited in rounds, each round a new
 * random permutation of all clusters, so every class gets exactly its share in every round of
 * {@code numClasses * numClustersPerClass} instances before label noise. The first {@code n}
 * instances therefore play the role of {@code make_classification(n_samples=n, ...)}.
 *
 * <p>Randomness: everything comes from {@link JavaRandom}. The model random (seed {@code seed})
 * draws the vertices, the polytope factors, one seed per cluster matrix and one for the redundant
 * matrix, the random shifts and scales and the column permutation; the instance random (seed {@code
 * StreamSpecs.derive(seed, 1)}) draws the cluster order, {@code z}, the noise features and the
 * label flips (a uniform draw and a class for every instance, so two generators that differ only in
 * {@code flipY} give the same features). The matrices are not stored: {@code A_k} is redrawn from
 * its seed for every instance of cluster {@code k}, which costs {@code numInformative^2} draws, the
 * same order as the product itself, and keeps the memory at {@code O(numClasses *
 * numClustersPerClass * numInformative + numFeatures)} (storing the 200 matrices of the 800-feature
 * case would take 1 GB). The same seed gives the same instances; the values are not those of
 * scikit-learn, whose generator is NumPy's.
 *
 * <p>Left out of scikit-learn's options: {@code n_repeated} and {@code weights} (classes are
 * balanced). Defaults are scikit-learn's except {@code numRedundant}: 20 features, 2 informative, 0
 * redundant, 2 classes, 2 clusters per class, class separation 1, flip 0.01, hypercube, shift 0,
 * scale 1, shuffled columns, seed 1. Features are numeric {@code att1..attN}; classes {@code
 * class0..class(K-1)} (scikit-learn's labels 0..K-1).
 */
public final class MakeClassificationGenerator implements StreamGenerator {
  /** Dimensions drawn as distinct integers (scikit-learn's {@code _generate_hypercube} uses 30). */
  private static final int DISTINCT_DIMS = 30;

  /** Largest magnitude of {@code shift} and {@code scale}. */
  static final double MAX_SHIFT_SCALE = 1e9;

  private final int numFeatures;
  private final int numInformative;
  private final int numRedundant;
  private final int numClasses;
  private final int numClustersPerClass;
  private final double classSep;
  private final double flipY;
  private final boolean hypercube;
  private final double shift;
  private final double scale;
  private final boolean randomShift;
  private final boolean randomScale;
  private final boolean shuffle;
  private final long seed;
  private final long instanceSeed;
  private final Schema schema;

  private final int numClusters;
  private final double[] centroids; // [cluster][informative]
  private final long[] matrixSeeds; // [cluster]
  private final long redundantSeed;
  private final double[] shifts; // [logical feature]
  private final double[] scales; // [logical feature]
  private final int[] columnOf; // [logical feature] -> output column

  private final JavaRandom random;
  private final JavaRandom matrixRandom = new JavaRandom(0);
  private final int[] deck; // cluster order of the current round
  private int deckPos;
  private final double[] z;
  private final double[] logical;

  private MakeClassificationGenerator(Builder b) {
    this.numFeatures = Specs.checkRange("numFeatures", b.numFeatures, 1, Integer.MAX_VALUE);
    this.numInformative = Specs.checkRange("numInformative", b.numInformative, 1, numFeatures);
    this.numRedundant =
        Specs.checkRange("numRedundant", b.numRedundant, 0, numFeatures - numInformative);
    this.numClasses = Specs.checkRange("numClasses", b.numClasses, 2, Integer.MAX_VALUE);
    this.numClustersPerClass =
        Specs.checkRange("numClustersPerClass", b.numClustersPerClass, 1, Integer.MAX_VALUE);
    this.classSep = Specs.checkRange("classSep", b.classSep, 0.0, Float.MAX_VALUE);
    this.flipY = Specs.checkRange("flipY", b.flipY, 0.0, 1.0);
    this.hypercube = b.hypercube;
    this.shift = Specs.checkRange("shift", b.shift, -MAX_SHIFT_SCALE, MAX_SHIFT_SCALE);
    this.scale = Specs.checkRange("scale", b.scale, -MAX_SHIFT_SCALE, MAX_SHIFT_SCALE);
    this.randomShift = b.randomShift;
    this.randomScale = b.randomScale;
    this.shuffle = b.shuffle;
    this.seed = b.seed;
    this.instanceSeed = StreamSpecs.derive(seed, 1);
    long clusters = (long) numClasses * numClustersPerClass;
    if (numInformative < 63 && clusters > 1L << numInformative) {
      throw new IllegalArgumentException(
          "numClasses * numClustersPerClass ("
              + clusters
              + ") must not exceed 2^numInformative ("
              + (1L << numInformative)
              + "): each cluster needs its own hypercube vertex");
    }
    if (clusters * numInformative > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(
          "numClasses * numClustersPerClass * numInformative is too large: "
              + clusters * numInformative);
    }
    this.numClusters = (int) clusters;
    List<Attribute> features = new ArrayList<>();
    Specs.addNumeric(features, "att", numFeatures);
    this.schema = Specs.schema(spec(), features, Specs.values("class", 0, numClasses));

    JavaRandom model = new JavaRandom(seed);
    this.centroids = vertices(model);
    for (int k = 0; k < centroids.length; k++) {
      centroids[k] = centroids[k] * 2 * classSep - classSep;
    }
    if (!hypercube) {
      for (int k = 0; k < numClusters; k++) {
        double f = model.nextDouble();
        for (int i = 0; i < numInformative; i++) {
          centroids[k * numInformative + i] *= f;
        }
      }
      for (int i = 0; i < numInformative; i++) {
        double f = model.nextDouble();
        for (int k = 0; k < numClusters; k++) {
          centroids[k * numInformative + i] *= f;
        }
      }
    }
    this.matrixSeeds = new long[numClusters];
    for (int k = 0; k < numClusters; k++) {
      matrixSeeds[k] = model.nextLong();
    }
    this.redundantSeed = model.nextLong();
    this.shifts = new double[numFeatures];
    this.scales = new double[numFeatures];
    for (int j = 0; j < numFeatures; j++) {
      shifts[j] = randomShift ? (2 * model.nextDouble() - 1) * classSep : shift;
    }
    for (int j = 0; j < numFeatures; j++) {
      scales[j] = randomScale ? 1 + 100 * model.nextDouble() : scale;
    }
    this.columnOf = new int[numFeatures];
    for (int j = 0; j < numFeatures; j++) {
      columnOf[j] = j;
    }
    if (shuffle) {
      shuffle(columnOf, numFeatures, model);
    }

    this.random = new JavaRandom(instanceSeed);
    this.deck = new int[numClusters];
    this.z = new double[numInformative];
    this.logical = new double[numFeatures];
    restart();
  }

  /**
   * Distinct hypercube vertices as 0/1 coordinates, {@code [cluster][informative]}: as
   * scikit-learn, the last (up to) 30 dimensions of the vertices are distinct integers sampled
   * without replacement (Floyd's algorithm), the dimensions before them random bits.
   */
  private double[] vertices(JavaRandom model) {
    int distinctDims = Math.min(numInformative, DISTINCT_DIMS);
    int extra = numInformative - distinctDims;
    int range = 1 << distinctDims; // at most 2^30
    Set<Integer> chosen = new LinkedHashSet<>();
    for (int j = range - numClusters; j < range; j++) {
      int t = model.nextInt(j + 1);
      chosen.add(chosen.contains(t) ? j : t);
    }
    double[] v = new double[numClusters * numInformative];
    int k = 0;
    for (int value : chosen) {
      for (int d = 0; d < distinctDims; d++) {
        v[k * numInformative + extra + d] = (value >>> (distinctDims - 1 - d)) & 1;
      }
      k++;
    }
    for (k = 0; k < numClusters; k++) {
      for (int d = 0; d < extra; d++) {
        v[k * numInformative + d] = model.nextBoolean() ? 1 : 0;
      }
    }
    return v;
  }

  private static void shuffle(int[] a, int n, JavaRandom r) {
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** A generator with the defaults (scikit-learn's, but no redundant features). */
  public MakeClassificationGenerator() {
    this(new Builder());
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Options of a {@link MakeClassificationGenerator}; every setter returns this builder. */
  public static final class Builder {
    private int numFeatures = 20;
    private int numInformative = 2;
    private int numRedundant = 0;
    private int numClasses = 2;
    private int numClustersPerClass = 2;
    private double classSep = 1.0;
    private double flipY = 0.01;
    private boolean hypercube = true;
    private double shift = 0.0;
    private double scale = 1.0;
    private boolean randomShift;
    private boolean randomScale;
    private boolean shuffle = true;
    private long seed = 1;

    private Builder() {}

    /** Total number of features (n_features), at least 1; default 20. */
    public Builder numFeatures(int numFeatures) {
      this.numFeatures = numFeatures;
      return this;
    }

    /** Informative features (n_informative), in [1, numFeatures]; default 2. */
    public Builder numInformative(int numInformative) {
      this.numInformative = numInformative;
      return this;
    }

    /** Redundant features (n_redundant), at most numFeatures - numInformative; default 0. */
    public Builder numRedundant(int numRedundant) {
      this.numRedundant = numRedundant;
      return this;
    }

    /** Classes (n_classes), at least 2; default 2. */
    public Builder numClasses(int numClasses) {
      this.numClasses = numClasses;
      return this;
    }

    /**
     * Clusters per class (n_clusters_per_class), at least 1; default 2. {@code numClasses *
     * numClustersPerClass} must not exceed {@code 2^numInformative}.
     */
    public Builder numClustersPerClass(int numClustersPerClass) {
      this.numClustersPerClass = numClustersPerClass;
      return this;
    }

    /** Half the side of the hypercube (class_sep), at least 0; default 1.0. */
    public Builder classSep(double classSep) {
      this.classSep = classSep;
      return this;
    }

    /** Fraction of labels replaced by a uniformly drawn class (flip_y), in [0, 1]; default 0.01. */
    public Builder flipY(double flipY) {
      this.flipY = flipY;
      return this;
    }

    /** Centres on the hypercube's vertices (true, the default) or on a random polytope. */
    public Builder hypercube(boolean hypercube) {
      this.hypercube = hypercube;
      return this;
    }

    /** Added to every feature (shift), in [-1e9, 1e9]; default 0.0. Ignored with random shift. */
    public Builder shift(double shift) {
      this.shift = shift;
      return this;
    }

    /** Multiplies every feature after the shift (scale), in [-1e9, 1e9]; default 1.0. */
    public Builder scale(double scale) {
      this.scale = scale;
      return this;
    }

    /** Shift each feature by a draw uniform in [-classSep, classSep) (shift=None); default off. */
    public Builder randomShift(boolean randomShift) {
      this.randomShift = randomShift;
      return this;
    }

    /** Scale each feature by a draw uniform in [1, 101) (scale=None); default off. */
    public Builder randomScale(boolean randomScale) {
      this.randomScale = randomScale;
      return this;
    }

    /** Permute the feature columns (shuffle); default true. */
    public Builder shuffle(boolean shuffle) {
      this.shuffle = shuffle;
      return this;
    }

    /** Seed (random_state); default 1. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * @throws IllegalArgumentException if an option is out of range
     */
    public MakeClassificationGenerator build() {
      return new MakeClassificationGenerator(this);
    }
  }

  public int numFeatures() {
    return numFeatures;
  }

  public int numInformative() {
    return numInformative;
  }

  public int numRedundant() {
    return numRedundant;
  }

  public int numClasses() {
    return numClasses;
  }

  public int numClustersPerClass() {
    return numClustersPerClass;
  }

  public double classSep() {
    return classSep;
  }

  public double flipY() {
    return flipY;
  }

  public boolean hypercube() {
    return hypercube;
  }

  public long seed() {
    return seed;
  }

  /** The columns holding the informative features, ascending. */
  public int[] informativeFeatures() {
    return columns(0, numInformative);
  }

  /** The columns holding the redundant features, ascending. */
  public int[] redundantFeatures() {
    return columns(numInformative, numInformative + numRedundant);
  }

  /** The columns holding pure noise, ascending. */
  public int[] noiseFeatures() {
    return columns(numInformative + numRedundant, numFeatures);
  }

  private int[] columns(int from, int to) {
    int[] c = Arrays.copyOfRange(columnOf, from, to);
    Arrays.sort(c);
    return c;
  }

  @Override
  public Schema schema() {
    return schema;
  }

  /** Fills {@code into} with a point of the next cluster in this round's order; returns true. */
  @Override
  public boolean next(Instance into) {
    if (deckPos == numClusters) {
      shuffle(deck, numClusters, random);
      deckPos = 0;
    }
    int k = deck[deckPos++];
    int inf = numInformative;
    for (int i = 0; i < inf; i++) {
      z[i] = random.nextGaussian();
    }
    // Informative: z A_k + centre, A_k redrawn row by row from its seed.
    System.arraycopy(centroids, k * inf, logical, 0, inf);
    JavaRandom a = matrixRandom;
    a.setSeed(matrixSeeds[k]);
    for (int i = 0; i < inf; i++) {
      double zi = z[i];
      for (int j = 0; j < inf; j++) {
        logical[j] += zi * (2 * a.nextDouble() - 1);
      }
    }
    // Redundant: the informative features times B.
    int red = numRedundant;
    Arrays.fill(logical, inf, inf + red, 0.0);
    if (red > 0) {
      a.setSeed(redundantSeed);
      for (int i = 0; i < inf; i++) {
        double xi = logical[i];
        for (int r = 0; r < red; r++) {
          logical[inf + r] += xi * (2 * a.nextDouble() - 1);
        }
      }
    }
    for (int j = inf + red; j < numFeatures; j++) {
      logical[j] = random.nextGaussian();
    }
    // Both draws every time, so that flipY changes labels only.
    boolean flip = random.nextDouble() < flipY;
    int replacement = random.nextInt(numClasses);
    int y = flip ? replacement : k % numClasses;
    double[] x = into.x;
    for (int j = 0; j < numFeatures; j++) {
      x[columnOf[j]] = (logical[j] + shifts[j]) * scales[j];
    }
    into.y = y;
    into.weight = 1.0;
    return true;
  }

  @Override
  public void restart() {
    random.setSeed(instanceSeed);
    for (int k = 0; k < numClusters; k++) {
      deck[k] = k;
    }
    deckPos = numClusters;
  }

  @Override
  public String spec() {
    return "classification(features="
        + numFeatures
        + ",informative="
        + numInformative
        + ",redundant="
        + numRedundant
        + ",classes="
        + numClasses
        + ",clusters-per-class="
        + numClustersPerClass
        + ",class-sep="
        + Specs.num(classSep)
        + ",flip-y="
        + Specs.num(flipY)
        + ",hypercube="
        + hypercube
        + ",shift="
        + Specs.num(shift)
        + ",scale="
        + Specs.num(scale)
        + ",random-shift="
        + randomShift
        + ",random-scale="
        + randomScale
        + ",shuffle="
        + shuffle
        + ",seed="
        + seed
        + ")";
  }

  @Override
  public String toString() {
    return spec();
  }
}
