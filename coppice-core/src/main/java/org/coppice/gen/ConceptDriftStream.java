package org.coppice.gen;

import java.util.List;
import java.util.Objects;
import org.coppice.data.Attribute;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.stream.InstanceStream;
import org.coppice.util.JavaRandom;

/**
 * A gradual concept drift from one stream to another along a sigmoid, after MOA's {@code
 * ConceptDriftStream} (A. Bifet, G. Holmes, B. Pfahringer, R. Kirkby and R. Gavaldà, "New ensemble
 * methods for evolving data streams", KDD 2009).
 *
 * <p>Instance t (counting from 1) is taken from the drift stream with probability {@code 1 / (1 +
 * exp(-4 (t - position) / width))} and from the first stream otherwise; only the stream chosen
 * advances. The probability is 1/2 at {@code position}, and {@code width} is the length of the
 * change: with width 1 the change is abrupt (from {@code position - 3} back the drift stream is
 * chosen with probability below 10^-5, and from {@code position + 3} on the first stream). Either
 * component may itself be a {@code ConceptDriftStream}, so drifts nest.
 *
 * <p>Both streams must have the same number of features, of the same kinds (nominal ones with the
 * same values) and the same number of classes; attribute names may differ. The schema is the first
 * stream's, under this stream's {@link #spec()}. When the chosen stream is exhausted, {@link #next}
 * returns false; over two generators the stream is infinite.
 *
 * <p>Draw-for-draw identical to MOA's {@code ConceptDriftStream} with the same components, {@code
 * position}, {@code width} and {@code randomSeed} (one draw of its own random per instance,
 * compared with MOA's formula, also evaluated with {@link Math#exp}). Unlike MOA, {@link
 * #restart()} also reseeds that random (MOA's keeps going), so a restarted stream repeats itself.
 * Defaults are MOA's: position 0, width 1000, seed 1.
 */
public final class ConceptDriftStream implements StreamGenerator {
  /** MOA's default width. */
  public static final long DEFAULT_WIDTH = 1000;

  private final InstanceStream stream;
  private final InstanceStream driftStream;
  private final long position;
  private final long width;
  private final long seed;
  private final Schema schema;
  private final JavaRandom random;
  private long count;

  /**
   * @param stream the stream before the drift
   * @param driftStream the stream after the drift; its schema must be compatible with {@code
   *     stream}'s
   * @param position the instance (counting from 1) at which both streams are equally likely
   * @param width the length of the change, at least 1
   * @param seed the seed of the random that chooses between the streams (MOA's randomSeed)
   * @throws IllegalArgumentException if the schemas are incompatible or width is below 1
   */
  public ConceptDriftStream(
      InstanceStream stream, InstanceStream driftStream, long position, long width, long seed) {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(driftStream, "driftStream");
    if (width < 1) {
      throw new IllegalArgumentException("width must be at least 1, got " + width);
    }
    this.stream = stream;
    this.driftStream = driftStream;
    this.position = position;
    this.width = width;
    this.seed = seed;
    checkCompatible(stream.schema(), driftStream.schema());
    Schema first = stream.schema();
    this.schema = new Schema(text(), first.features(), first.target());
    this.random = new JavaRandom(seed);
  }

  /**
   * The width MOA derives from its {@code alpha} option: {@code (int) (1 / tan(alpha))} for an
   * angle in degrees in (0, 90).
   *
   * @throws IllegalArgumentException if the angle is out of range or gives a width below 1
   */
  public static long widthFromAlpha(double alphaDegrees) {
    if (!(alphaDegrees > 0.0 && alphaDegrees <= 90.0)) {
      throw new IllegalArgumentException("alpha must be in (0, 90] degrees, got " + alphaDegrees);
    }
    long w = (int) (1 / Math.tan(alphaDegrees * Math.PI / 180));
    if (w < 1) {
      throw new IllegalArgumentException("alpha " + alphaDegrees + " gives a width below 1");
    }
    return w;
  }

  private static void checkCompatible(Schema a, Schema b) {
    if (a.numFeatures() != b.numFeatures()) {
      throw new IllegalArgumentException(
          "drift streams have incompatible schemas: the first stream has "
              + a.numFeatures()
              + " features, the drift stream "
              + b.numFeatures());
    }
    for (int i = 0; i < a.numFeatures(); i++) {
      Attribute fa = a.feature(i);
      Attribute fb = b.feature(i);
      if (fa.kind() != fb.kind() || !fa.values().equals(fb.values())) {
        throw new IllegalArgumentException(
            "drift streams have incompatible schemas: feature "
                + (i + 1)
                + " is '"
                + fa
                + "' in the first stream but '"
                + fb
                + "' in the drift stream");
      }
    }
    if (a.numClasses() != b.numClasses()) {
      throw new IllegalArgumentException(
          "drift streams have incompatible schemas: the first stream has "
              + a.numClasses()
              + " classes, the drift stream "
              + b.numClasses());
    }
  }

  public InstanceStream stream() {
    return stream;
  }

  public InstanceStream driftStream() {
    return driftStream;
  }

  public long position() {
    return position;
  }

  public long width() {
    return width;
  }

  public long seed() {
    return seed;
  }

  /** Probability that instance {@code t} (counting from 1) comes from the drift stream. */
  public double driftProbability(long t) {
    double x = -4.0 * (double) (t - position) / (double) width;
    return 1.0 / (1.0 + Math.exp(x));
  }

  @Override
  public Schema schema() {
    return schema;
  }

  /**
   * Fills {@code into} from the stream chosen for the next instance.
   *
   * @return false if the chosen stream is exhausted
   */
  @Override
  public boolean next(Instance into) {
    count++;
    if (random.nextDouble() > driftProbability(count)) {
      return stream.next(into);
    }
    return driftStream.next(into);
  }

  @Override
  public long sizeHint() {
    return -1;
  }

  /**
   * Restarts both components and this stream's random.
   *
   * @throws UnsupportedOperationException if a component is not a {@link StreamGenerator}
   */
  @Override
  public void restart() {
    for (InstanceStream s : List.of(stream, driftStream)) {
      if (!(s instanceof StreamGenerator)) {
        throw new UnsupportedOperationException(
            "cannot restart a drift over a stream that is not a generator: " + s.schema());
      }
    }
    ((StreamGenerator) stream).restart();
    ((StreamGenerator) driftStream).restart();
    random.setSeed(seed);
    count = 0;
  }

  /**
   * {@inheritDoc}
   *
   * @throws UnsupportedOperationException if a component is not a {@link StreamGenerator}
   */
  @Override
  public String spec() {
    if (!(stream instanceof StreamGenerator) || !(driftStream instanceof StreamGenerator)) {
      throw new UnsupportedOperationException(
          "a drift over a stream that is not a generator has no spec: " + text());
    }
    return text();
  }

  private String text() {
    return "drift("
        + componentText(stream)
        + ","
        + componentText(driftStream)
        + ",position="
        + position
        + ",width="
        + width
        + ",seed="
        + seed
        + ")";
  }

  private static String componentText(InstanceStream s) {
    return s instanceof StreamGenerator g ? g.spec() : "<" + s.schema().relation() + ">";
  }

  /** Closes both components. */
  @Override
  public void close() {
    try {
      stream.close();
    } finally {
      driftStream.close();
    }
  }

  @Override
  public String toString() {
    return text();
  }
}
