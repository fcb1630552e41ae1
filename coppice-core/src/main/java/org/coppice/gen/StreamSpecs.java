package org.coppice.gen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A small text syntax naming a synthetic stream, for the command line.
 *
 * <pre>
 *   spec   := name [ "(" [ arg { "," arg } ] ")" ]
 *   arg    := option "=" value | option | spec
 * </pre>
 *
 * <p>Examples: {@code sea}, {@code sea(function=2,noise=10)}, {@code
 * agrawal(function=3,perturb=0.05)}, {@code
 * hyperplane(attributes=10,drift-attributes=2,mag=0.001,noise=5)}, {@code
 * rbf(classes=5,attributes=10,centroids=50,speed=0.001,drift-centroids=50)}, {@code
 * led(noise=10,drift-attributes=7)}, {@code stagger(function=2)}, {@code randomtree}, {@code
 * drift(sea(function=1), sea(function=2), position=5000, width=1)}, which nests, and {@code
 * classification(features=1000,informative=800,clusters-per-class=100)}. Stream and option names
 * are case-insensitive (an underscore counts as a hyphen, and MOA's option names are accepted too,
 * scikit-learn's for {@code classification}); whitespace between tokens is ignored; a boolean
 * option alone means true. Only {@code drift} takes streams, exactly two, and a stream given as an
 * argument may omit its parentheses. Omitted options take MOA's defaults ({@code classification}:
 * scikit-learn's, but no redundant features; {@link #describe()} lists them).
 *
 * <p>Seeds: the seed passed to {@link #parse} is the base seed of the outer stream. A generator
 * with one random uses its base seed; {@code rbf} and {@code randomtree} use the base seed for the
 * model (tree) and {@code derive(base, 1)} for the instances; {@code drift} uses the base seed for
 * its own random and {@code derive(base, 1)} and {@code derive(base, 2)} as the base seeds of its
 * two streams, where {@code derive} is a SplitMix64 mix giving a non-negative int (so the seed can
 * also be given to MOA). Seed options ({@code seed}, {@code model-seed}, {@code tree-seed}, {@code
 * instance-seed}) override a derived seed. So {@code parse("sea", 1)} is MOA's default {@code
 * SEAGenerator}, and {@link StreamGenerator#spec()} of the result writes every seed out.
 */
public final class StreamSpecs {
  private StreamSpecs() {}

  private static final int MAX_NESTING = 64;

  private enum Type {
    INT,
    LONG,
    DOUBLE,
    BOOL
  }

  /**
   * An option: its canonical name, MOA's name, type, default (null: derived seed), range and help.
   */
  private record Opt(
      String name,
      String moaName,
      Type type,
      Object defaultValue,
      double min,
      double max,
      String help) {}

  @FunctionalInterface
  private interface Factory {
    StreamGenerator build(
        Map<String, Object> options, long baseSeed, List<StreamGenerator> streams);
  }

  private record Def(String name, String help, int numStreams, List<Opt> opts, Factory factory) {
    Opt opt(String normalized) {
      for (Opt o : opts) {
        if (o.name().equals(normalized) || normalize(o.moaName()).equals(normalized)) {
          return o;
        }
      }
      return null;
    }

    String optionNames() {
      return opts.stream().map(Opt::name).collect(Collectors.joining(", "));
    }
  }

  private static final double INT_MAX = Integer.MAX_VALUE;

  /** The options both hyperplane streams take, after any of their own. */
  private static List<Opt> planeOptions(String noiseHelp, Opt... first) {
    List<Opt> all = new ArrayList<>(List.of(first));
    all.addAll(
        List.of(
            new Opt("attributes", "numAtts", Type.INT, 10, 0, INT_MAX, "numeric attributes"),
            new Opt(
                "drift-attributes",
                "numDriftAtts",
                Type.INT,
                2,
                0,
                INT_MAX,
                "leading attributes whose weight drifts (at most attributes)"),
            new Opt("mag", "magChange", Type.DOUBLE, 0.0, 0, 1, "weight change per instance"),
            new Opt("noise", "noisePercentage", Type.INT, 5, 0, 100, noiseHelp),
            new Opt(
                "sigma",
                "sigmaPercentage",
                Type.INT,
                10,
                0,
                100,
                "percentage chance a drift direction reverses"),
            seedOpt("seed", "instanceRandomSeed", "instance random seed (default: base seed)")));
    return List.copyOf(all);
  }

  private static void checkDriftAttributes(Map<String, Object> o) {
    if (i(o, "drift-attributes") > i(o, "attributes")) {
      throw new IllegalArgumentException(
          "option 'drift-attributes' ("
              + i(o, "drift-attributes")
              + ") must not exceed 'attributes' ("
              + i(o, "attributes")
              + ")");
    }
  }

  private static Opt seedOpt(String name, String moaName, String help) {
    return new Opt(name, moaName, Type.LONG, null, Long.MIN_VALUE, Long.MAX_VALUE, help);
  }

  private static final Map<String, Def> DEFS = new LinkedHashMap<>();

  static {
    add(
        new Def(
            "sea",
            "SEA concepts (Street & Kim 2001); MOA SEAGenerator",
            0,
            List.of(
                new Opt(
                    "function",
                    "function",
                    Type.INT,
                    1,
                    1,
                    4,
                    "classification function: attrib1 + attrib2 <= 8, 9, 7, 9.5"),
                new Opt(
                    "noise",
                    "noisePercentage",
                    Type.INT,
                    10,
                    0,
                    100,
                    "percentage of labels flipped"),
                new Opt(
                    "balance", "balanceClasses", Type.BOOL, false, 0, 1, "alternate the classes"),
                seedOpt("seed", "instanceRandomSeed", "instance random seed (default: base seed)")),
            (o, seed, s) ->
                SeaGenerator.builder()
                    .function(i(o, "function"))
                    .noisePercentage(i(o, "noise"))
                    .balance(b(o, "balance"))
                    .seed(seed(o, "seed", seed))
                    .build()));
    add(
        new Def(
            "agrawal",
            "loan functions (Agrawal, Imielinski & Swami 1993); MOA AgrawalGenerator",
            0,
            List.of(
                new Opt("function", "function", Type.INT, 1, 1, 10, "classification function"),
                new Opt(
                    "perturb",
                    "peturbFraction",
                    Type.DOUBLE,
                    0.05,
                    0,
                    1,
                    "perturbation of numeric values, fraction of their range"),
                new Opt(
                    "balance", "balanceClasses", Type.BOOL, false, 0, 1, "alternate the classes"),
                seedOpt("seed", "instanceRandomSeed", "instance random seed (default: base seed)")),
            (o, seed, s) ->
                AgrawalGenerator.builder()
                    .function(i(o, "function"))
                    .perturbFraction(d(o, "perturb"))
                    .balance(b(o, "balance"))
                    .seed(seed(o, "seed", seed))
                    .build()));
    add(
        new Def(
            "hyperplane",
            "rotating hyperplane (Hulten, Spencer & Domingos 2001); MOA HyperplaneGenerator",
            0,
            planeOptions(
                "percentage of labels flipped",
                new Opt(
                    "classes",
                    "numClasses",
                    Type.INT,
                    2,
                    2,
                    INT_MAX,
                    "declared classes (only 0 and 1 occur)")),
            (o, seed, s) -> {
              checkDriftAttributes(o);
              return HyperplaneGenerator.builder()
                  .numClasses(i(o, "classes"))
                  .numAtts(i(o, "attributes"))
                  .numDriftAtts(i(o, "drift-attributes"))
                  .magChange(d(o, "mag"))
                  .noisePercentage(i(o, "noise"))
                  .sigmaPercentage(i(o, "sigma"))
                  .seed(seed(o, "seed", seed))
                  .build();
            }));
    add(
        new Def(
            "hyperplane-regression",
            "rotating hyperplane with a numeric target; MOA HyperplaneGeneratorForRegression",
            0,
            planeOptions("percentage of targets made noisy (t + t / sum of weights)", new Opt[0]),
            (o, seed, s) -> {
              checkDriftAttributes(o);
              return HyperplaneRegressionGenerator.builder()
                  .numAtts(i(o, "attributes"))
                  .numDriftAtts(i(o, "drift-attributes"))
                  .magChange(d(o, "mag"))
                  .noisePercentage(i(o, "noise"))
                  .sigmaPercentage(i(o, "sigma"))
                  .seed(seed(o, "seed", seed))
                  .build();
            }));
    add(
        new Def(
            "rbf",
            "random RBF, drifting when speed > 0 (MOA/Kirkby 2007); MOA RandomRBFGenerator(Drift)",
            0,
            List.of(
                new Opt("classes", "numClasses", Type.INT, 2, 2, INT_MAX, "classes"),
                new Opt("attributes", "numAtts", Type.INT, 10, 1, INT_MAX, "numeric attributes"),
                new Opt("centroids", "numCentroids", Type.INT, 50, 1, INT_MAX, "centroids"),
                new Opt(
                    "speed",
                    "speedChange",
                    Type.DOUBLE,
                    0.0,
                    0,
                    Float.MAX_VALUE,
                    "distance a drifting centroid moves per instance"),
                new Opt(
                    "drift-centroids",
                    "numDriftCentroids",
                    Type.INT,
                    50,
                    0,
                    INT_MAX,
                    "centroids that move"),
                seedOpt("model-seed", "modelRandomSeed", "model random seed (default: base seed)"),
                seedOpt(
                    "instance-seed",
                    "instanceRandomSeed",
                    "instance random seed (default: derive(base, 1))")),
            (o, seed, s) ->
                RandomRbfGenerator.builder()
                    .numClasses(i(o, "classes"))
                    .numAtts(i(o, "attributes"))
                    .numCentroids(i(o, "centroids"))
                    .speedChange(d(o, "speed"))
                    .numDriftCentroids(i(o, "drift-centroids"))
                    .modelSeed(seed(o, "model-seed", seed))
                    .instanceSeed(seed(o, "instance-seed", derive(seed, 1)))
                    .build()));
    add(
        new Def(
            "led",
            "LED digits (Breiman et al. 1984); MOA LEDGenerator / LEDGeneratorDrift",
            0,
            List.of(
                new Opt(
                    "noise",
                    "noisePercentage",
                    Type.INT,
                    10,
                    0,
                    100,
                    "percentage chance each segment is inverted"),
                new Opt(
                    "suppress-irrelevant",
                    "suppressIrrelevantAttributes",
                    Type.BOOL,
                    false,
                    0,
                    1,
                    "leave out the 17 irrelevant attributes"),
                new Opt(
                    "drift-attributes",
                    "numberAttributesDrift",
                    Type.INT,
                    0,
                    0,
                    7,
                    "segments swapped with irrelevant attributes"),
                seedOpt("seed", "instanceRandomSeed", "instance random seed (default: base seed)")),
            (o, seed, s) ->
                LedGenerator.builder()
                    .noisePercentage(i(o, "noise"))
                    .suppressIrrelevantAttributes(b(o, "suppress-irrelevant"))
                    .numberAttributesDrift(i(o, "drift-attributes"))
                    .seed(seed(o, "seed", seed))
                    .build()));
    add(
        new Def(
            "stagger",
            "STAGGER concepts (Schlimmer & Granger 1986); MOA STAGGERGenerator",
            0,
            List.of(
                new Opt(
                    "function",
                    "function",
                    Type.INT,
                    1,
                    1,
                    3,
                    "1: small and red; 2: green or circle; 3: medium or large"),
                new Opt(
                    "balance", "balanceClasses", Type.BOOL, false, 0, 1, "alternate the classes"),
                seedOpt("seed", "instanceRandomSeed", "instance random seed (default: base seed)")),
            (o, seed, s) ->
                StaggerGenerator.builder()
                    .function(i(o, "function"))
                    .balance(b(o, "balance"))
                    .seed(seed(o, "seed", seed))
                    .build()));
    add(
        new Def(
            "randomtree",
            "random tree concept (MOA/Kirkby 2007); MOA RandomTreeGenerator",
            0,
            List.of(
                new Opt("classes", "numClasses", Type.INT, 2, 2, INT_MAX, "classes"),
                new Opt("nominals", "numNominals", Type.INT, 5, 0, INT_MAX, "nominal attributes"),
                new Opt("numerics", "numNumerics", Type.INT, 5, 0, INT_MAX, "numeric attributes"),
                new Opt(
                    "values",
                    "numValsPerNominal",
                    Type.INT,
                    5,
                    2,
                    INT_MAX,
                    "values per nominal attribute"),
                new Opt("depth", "maxTreeDepth", Type.INT, 5, 0, INT_MAX, "maximum tree depth"),
                new Opt(
                    "first-leaf-level",
                    "firstLeafLevel",
                    Type.INT,
                    3,
                    0,
                    INT_MAX,
                    "first depth that may hold leaves"),
                new Opt(
                    "leaf-fraction",
                    "leafFraction",
                    Type.DOUBLE,
                    0.15,
                    0,
                    1,
                    "chance a node from first-leaf-level on is a leaf"),
                seedOpt("tree-seed", "treeRandomSeed", "tree random seed (default: base seed)"),
                seedOpt(
                    "instance-seed",
                    "instanceRandomSeed",
                    "instance random seed (default: derive(base, 1))")),
            (o, seed, s) ->
                RandomTreeGenerator.builder()
                    .numClasses(i(o, "classes"))
                    .numNominals(i(o, "nominals"))
                    .numNumerics(i(o, "numerics"))
                    .numValsPerNominal(i(o, "values"))
                    .maxTreeDepth(i(o, "depth"))
                    .firstLeafLevel(i(o, "first-leaf-level"))
                    .leafFraction(d(o, "leaf-fraction"))
                    .treeSeed(seed(o, "tree-seed", seed))
                    .instanceSeed(seed(o, "instance-seed", derive(seed, 1)))
                    .build()));
    add(
        new Def(
            "drift",
            "sigmoid drift from the first stream to the second (Bifet et al. 2009);"
                + " MOA ConceptDriftStream",
            2,
            List.of(
                new Opt(
                    "position",
                    "position",
                    Type.LONG,
                    0L,
                    Long.MIN_VALUE,
                    Long.MAX_VALUE,
                    "instance at which both streams are equally likely"),
                new Opt(
                    "width",
                    "width",
                    Type.LONG,
                    1000L,
                    1,
                    Long.MAX_VALUE,
                    "length of the change, at least 1"),
                new Opt(
                    "alpha",
                    "alpha",
                    Type.DOUBLE,
                    0.0,
                    0,
                    90,
                    "if > 0, sets width to (int) (1 / tan(alpha degrees)), as MOA"),
                seedOpt(
                    "seed",
                    "randomSeed",
                    "seed of the choice between streams (default: base seed)")),
            (o, seed, s) -> {
              double alpha = d(o, "alpha");
              long width = alpha != 0.0 ? ConceptDriftStream.widthFromAlpha(alpha) : l(o, "width");
              return new ConceptDriftStream(
                  s.get(0), s.get(1), l(o, "position"), width, seed(o, "seed", seed));
            }));
    double shiftScale = MakeClassificationGenerator.MAX_SHIFT_SCALE;
    add(
        new Def(
            "classification",
            "clusters on hypercube vertices (Guyon 2003); scikit-learn make_classification",
            0,
            List.of(
                new Opt("features", "n_features", Type.INT, 20, 1, INT_MAX, "features"),
                new Opt(
                    "informative",
                    "n_informative",
                    Type.INT,
                    2,
                    1,
                    INT_MAX,
                    "informative features (at most features)"),
                new Opt(
                    "redundant",
                    "n_redundant",
                    Type.INT,
                    0,
                    0,
                    INT_MAX,
                    "random linear combinations of the informative features"),
                new Opt("classes", "n_classes", Type.INT, 2, 2, INT_MAX, "classes"),
                new Opt(
                    "clusters-per-class",
                    "n_clusters_per_class",
                    Type.INT,
                    2,
                    1,
                    INT_MAX,
                    "clusters per class (classes x clusters <= 2^informative)"),
                new Opt(
                    "class-sep",
                    "class_sep",
                    Type.DOUBLE,
                    1.0,
                    0,
                    Float.MAX_VALUE,
                    "half the side of the hypercube"),
                new Opt(
                    "flip-y",
                    "flip_y",
                    Type.DOUBLE,
                    0.01,
                    0,
                    1,
                    "fraction of labels replaced by a random class"),
                new Opt(
                    "hypercube",
                    "hypercube",
                    Type.BOOL,
                    true,
                    0,
                    1,
                    "centres on the vertices (false: a random polytope)"),
                new Opt(
                    "shift",
                    "shift",
                    Type.DOUBLE,
                    0.0,
                    -shiftScale,
                    shiftScale,
                    "added to every feature"),
                new Opt(
                    "scale",
                    "scale",
                    Type.DOUBLE,
                    1.0,
                    -shiftScale,
                    shiftScale,
                    "multiplies every feature after the shift"),
                new Opt(
                    "random-shift",
                    "random_shift",
                    Type.BOOL,
                    false,
                    0,
                    1,
                    "shift each feature by U[-class-sep, class-sep)"),
                new Opt(
                    "random-scale",
                    "random_scale",
                    Type.BOOL,
                    false,
                    0,
                    1,
                    "scale each feature by U[1, 101)"),
                new Opt("shuffle", "shuffle", Type.BOOL, true, 0, 1, "permute the feature columns"),
                seedOpt("seed", "random_state", "seed (default: base seed)")),
            (o, seed, s) ->
                MakeClassificationGenerator.builder()
                    .numFeatures(i(o, "features"))
                    .numInformative(i(o, "informative"))
                    .numRedundant(i(o, "redundant"))
                    .numClasses(i(o, "classes"))
                    .numClustersPerClass(i(o, "clusters-per-class"))
                    .classSep(d(o, "class-sep"))
                    .flipY(d(o, "flip-y"))
                    .hypercube(b(o, "hypercube"))
                    .shift(d(o, "shift"))
                    .scale(d(o, "scale"))
                    .randomShift(b(o, "random-shift"))
                    .randomScale(b(o, "random-scale"))
                    .shuffle(b(o, "shuffle"))
                    .seed(seed(o, "seed", seed))
                    .build()));
  }

  private static void add(Def def) {
    DEFS.put(def.name(), def);
  }

  private static int i(Map<String, Object> o, String name) {
    return (Integer) o.get(name);
  }

  private static long l(Map<String, Object> o, String name) {
    return (Long) o.get(name);
  }

  private static double d(Map<String, Object> o, String name) {
    return (Double) o.get(name);
  }

  private static boolean b(Map<String, Object> o, String name) {
    return (Boolean) o.get(name);
  }

  private static long seed(Map<String, Object> o, String name, long derived) {
    Object v = o.get(name);
    return v == null ? derived : (Long) v;
  }

  /**
   * The seed derived from {@code base} for component {@code k}: a SplitMix64 mix of {@code base + k
   * * 0x9E3779B97F4A7C15}, reduced to a non-negative int.
   */
  static long derive(long base, int k) {
    long z = base + 0x9E3779B97F4A7C15L * k;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return z >>> 33;
  }

  /** The stream names, in the order {@link #describe()} lists them. */
  public static List<String> names() {
    return List.copyOf(DEFS.keySet());
  }

  /** Help text listing every stream and its options with their defaults. */
  public static String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append("Streams: NAME or NAME(OPTION=VALUE,...), e.g. sea(function=2,noise=10) or\n");
    sb.append("  drift(sea(function=1), sea(function=2), position=5000, width=1); drifts nest.\n");
    sb.append(
        "Names are case-insensitive; MOA's option names are accepted too; a boolean option\n");
    sb.append("alone means true. Seeds default to the run's seed (derived per component).\n");
    for (Def def : DEFS.values()) {
      sb.append('\n');
      String title =
          def.numStreams() > 0 ? def.name() + "(STREAM, STREAM, OPTION=VALUE, ...)" : def.name();
      sb.append(title);
      sb.append(title.length() + def.help().length() > 96 ? "\n  " : "  ");
      sb.append(def.help()).append('\n');
      for (Opt o : def.opts()) {
        String head =
            "  "
                + o.name()
                + "="
                + (o.defaultValue() == null ? "<seed>" : String.valueOf(o.defaultValue()));
        sb.append(head);
        sb.append(" ".repeat(Math.max(1, 28 - head.length())));
        sb.append(o.help());
        if (o.type() == Type.INT || o.type() == Type.DOUBLE) {
          sb.append(" [").append(bound(o.min(), o.type())).append(", ");
          sb.append(bound(o.max(), o.type())).append(']');
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  private static String bound(double v, Type type) {
    if (v >= Integer.MAX_VALUE && type == Type.INT) {
      return "max";
    }
    if (v >= Float.MAX_VALUE) {
      return "max";
    }
    return type == Type.INT || v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  /**
   * Builds the stream a spec names.
   *
   * @param spec the spec text (see the class comment)
   * @param seed the base seed of the outer stream
   * @return a new generator, at its start
   * @throws IllegalArgumentException if the spec is malformed, names an unknown stream or option
   *     (the message lists the valid ones), or gives an invalid value
   */
  public static StreamGenerator parse(String spec, long seed) {
    if (spec == null) {
      throw new IllegalArgumentException("no stream spec given; valid streams: " + streamNames());
    }
    Parser p = new Parser(spec);
    Node node = p.spec(0);
    p.skipSpace();
    if (p.pos < spec.length()) {
      throw p.error("unexpected '" + spec.charAt(p.pos) + "'");
    }
    return build(node, seed, spec);
  }

  private static String streamNames() {
    return String.join(", ", DEFS.keySet());
  }

  static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** A parsed spec: a stream name and its arguments (an option, a bare word, or a nested spec). */
  private record Node(String name, int at, List<Arg> args) {}

  /** An argument: {@code key=value} (value non-null), a bare word, or a nested stream. */
  private record Arg(String key, String value, Node stream, int at) {}

  private static StreamGenerator build(Node node, long seed, String text) {
    Def def = DEFS.get(normalize(node.name()));
    if (def == null) {
      throw new IllegalArgumentException(
          "unknown stream '"
              + node.name()
              + "' at character "
              + (node.at() + 1)
              + " of '"
              + text
              + "'; valid streams: "
              + streamNames());
    }
    Map<String, Object> values = new HashMap<>();
    List<Node> streams = new ArrayList<>();
    for (Arg arg : node.args()) {
      if (arg.stream() == null && arg.value() == null) {
        // a bare word: a boolean option, or a stream written without parentheses
        Opt o = def.opt(normalize(arg.key()));
        if (o == null && def.numStreams() > 0) {
          if (!DEFS.containsKey(normalize(arg.key()))) {
            throw new IllegalArgumentException(
                "unknown stream or option '"
                    + arg.key()
                    + "' for "
                    + def.name()
                    + "; valid streams: "
                    + streamNames()
                    + "; valid options: "
                    + def.optionNames());
          }
          streams.add(new Node(arg.key(), arg.at(), List.of()));
          continue;
        }
        if (o != null && o.type() != Type.BOOL) {
          throw new IllegalArgumentException(
              def.name() + ": option '" + o.name() + "' needs a value, as " + o.name() + "=...");
        }
        setOption(def, values, arg.key(), "true");
      } else if (arg.stream() != null) {
        streams.add(arg.stream());
      } else {
        setOption(def, values, arg.key(), arg.value());
      }
    }
    if (streams.size() != def.numStreams()) {
      throw new IllegalArgumentException(
          def.numStreams() == 0
              ? def.name() + " takes no streams, only options: " + def.optionNames()
              : def.name()
                  + " needs exactly "
                  + def.numStreams()
                  + " streams, got "
                  + streams.size());
    }
    for (Opt o : def.opts()) {
      values.putIfAbsent(o.name(), o.defaultValue());
    }
    List<StreamGenerator> built = new ArrayList<>();
    for (int k = 0; k < streams.size(); k++) {
      built.add(build(streams.get(k), derive(seed, k + 1), text));
    }
    try {
      return def.factory().build(values, seed, built);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(def.name() + ": " + e.getMessage(), e);
    }
  }

  private static void setOption(Def def, Map<String, Object> values, String key, String text) {
    Opt o = def.opt(normalize(key));
    if (o == null) {
      throw new IllegalArgumentException(
          "unknown option '"
              + key
              + "' for "
              + def.name()
              + "; valid options: "
              + def.optionNames());
    }
    if (values.containsKey(o.name())) {
      throw new IllegalArgumentException(def.name() + ": option '" + o.name() + "' given twice");
    }
    values.put(o.name(), parseValue(def, o, text));
  }

  private static Object parseValue(Def def, Opt o, String text) {
    String where = def.name() + ": option '" + o.name() + "' ";
    try {
      switch (o.type()) {
        case BOOL:
          {
            String t = text.toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("false")) {
              return Boolean.valueOf(t);
            }
            throw new IllegalArgumentException(where + "must be true or false, got '" + text + "'");
          }
        case INT:
          {
            int v = Integer.parseInt(text);
            if (v < o.min() || v > o.max()) {
              throw new IllegalArgumentException(where + "must be in " + range(o) + ", got " + v);
            }
            return v;
          }
        case LONG:
          {
            long v = Long.parseLong(text);
            if (v < o.min() || v > o.max()) {
              throw new IllegalArgumentException(
                  where + "must be at least " + (long) o.min() + ", got " + v);
            }
            return v;
          }
        default:
          {
            double v = Double.parseDouble(text);
            if (!(v >= o.min() && v <= o.max())) {
              throw new IllegalArgumentException(where + "must be in " + range(o) + ", got " + v);
            }
            return v;
          }
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          where
              + "must be "
              + (o.type() == Type.DOUBLE ? "a number" : "an integer")
              + ", got '"
              + text
              + "'",
          e);
    }
  }

  private static String range(Opt o) {
    return "[" + bound(o.min(), o.type()) + ", " + bound(o.max(), o.type()) + "]";
  }

  /** A recursive-descent parser over the spec text; nesting is bounded by {@code MAX_NESTING}. */
  private static final class Parser {
    final String s;
    int pos;

    Parser(String s) {
      this.s = s;
    }

    IllegalArgumentException error(String what) {
      return new IllegalArgumentException(
          "bad stream spec '" + s + "' at character " + (pos + 1) + ": " + what);
    }

    void skipSpace() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    boolean peek(char c) {
      skipSpace();
      return pos < s.length() && s.charAt(pos) == c;
    }

    String word() {
      skipSpace();
      int start = pos;
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
          pos++;
        } else {
          break;
        }
      }
      if (start == pos) {
        throw error(
            pos < s.length()
                ? "expected a name, got '" + s.charAt(pos) + "'"
                : "expected a name; valid streams: " + streamNames());
      }
      return s.substring(start, pos);
    }

    Node spec(int depth) {
      if (depth > MAX_NESTING) {
        throw error("streams nested more than " + MAX_NESTING + " deep");
      }
      skipSpace();
      int at = pos;
      String name = word();
      List<Arg> args = new ArrayList<>();
      if (peek('(')) {
        pos++;
        if (peek(')')) {
          pos++;
          return new Node(name, at, args);
        }
        while (true) {
          args.add(arg(depth));
          if (peek(',')) {
            pos++;
          } else if (peek(')')) {
            pos++;
            break;
          } else {
            throw error(pos < s.length() ? "expected ',' or ')'" : "missing ')'");
          }
        }
      }
      return new Node(name, at, args);
    }

    Arg arg(int depth) {
      skipSpace();
      int at = pos;
      String key = word();
      if (peek('(')) {
        pos = at;
        return new Arg(null, null, spec(depth + 1), at);
      }
      if (peek('=')) {
        pos++;
        skipSpace();
        int start = pos;
        while (pos < s.length() && s.charAt(pos) != ',' && s.charAt(pos) != ')') {
          pos++;
        }
        String value = s.substring(start, pos).trim();
        if (value.isEmpty()) {
          throw error("option '" + key + "' has no value");
        }
        return new Arg(key, value, null, at);
      }
      return new Arg(key, null, null, at);
    }
  }
}
