package org.coppice.io.bundle;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.coppice.Version;
import org.coppice.state.ModelFormatException;

/**
 * The {@code manifest.json} of a bundle: format and Coppice versions, the runtime that wrote it,
 * creation time, the learner with every hyper-parameter and its seed, the feature schema and label
 * mapping, preprocessing, training provenance, final metrics, and size and SHA-256 of every other
 * file of the bundle. The generic fields are typed; the learner-specific ones (parameters, schema,
 * preprocessing, metrics) are JSON objects filled by the learner code, given and returned as plain
 * Java maps (see {@link #parameters()}).
 *
 * <p>{@link #toJson()} writes pretty-printed UTF-8 JSON with {@code \n} line ends, the top-level
 * fields in a fixed order and the keys of every nested object sorted, so the same manifest always
 * gives the same bytes. {@link #parse(byte[])} checks everything this class types (format version,
 * required fields, their JSON types and ranges, file names, hashes), rejects duplicate keys and
 * trailing data, and reports problems as {@link ModelFormatException} naming the field. Unknown
 * top-level fields are ignored: a change that alters what a model computes must raise {@link
 * #FORMAT_VERSION}. Immutable: JSON objects are copied in, and returned as unmodifiable maps.
 */
public final class Manifest {
  /** The manifest format version this code writes and the only one it reads. */
  public static final int FORMAT_VERSION = 1;

  /** File name of the manifest in a bundle. */
  public static final String FILE_NAME = "manifest.json";

  private static final String WHERE = FILE_NAME + ": ";
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern FILE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonMapper MAPPER =
      JsonMapper.builder(
              new JsonFactoryBuilder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(200)
                          .maxNumberLength(100)
                          .maxStringLength(1 << 20)
                          .build())
                  .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final int formatVersion;
  private final String coppiceVersion;
  private final Instant createdAt;
  private final Platform platform;
  private final String learner;
  private final Long seed;
  // The JSON objects as written (keys sorted), and the same as unmodifiable plain Java maps.
  private final ObjectNode parameters;
  private final ObjectNode schema;
  private final ObjectNode preprocessing;
  private final Training training;
  private final ObjectNode metrics;
  private final SortedMap<String, FileEntry> files;
  private final Map<String, Object> parametersMap;
  private final Map<String, Object> schemaMap;
  private final Map<String, Object> preprocessingMap;
  private final Map<String, Object> metricsMap;

  /**
   * The runtime that wrote the bundle.
   *
   * @param javaVersion {@code java.version}
   * @param javaVendor {@code java.vendor}
   * @param osName {@code os.name}
   * @param osVersion {@code os.version}
   * @param osArch {@code os.arch}
   */
  public record Platform(
      String javaVersion, String javaVendor, String osName, String osVersion, String osArch) {
    public Platform {
      Objects.requireNonNull(javaVersion, "javaVersion");
      Objects.requireNonNull(javaVendor, "javaVendor");
      Objects.requireNonNull(osName, "osName");
      Objects.requireNonNull(osVersion, "osVersion");
      Objects.requireNonNull(osArch, "osArch");
    }

    /** The running JVM. */
    public static Platform current() {
      return new Platform(
          System.getProperty("java.version", "unknown"),
          System.getProperty("java.vendor", "unknown"),
          System.getProperty("os.name", "unknown"),
          System.getProperty("os.version", "unknown"),
          System.getProperty("os.arch", "unknown"));
    }
  }

  /**
   * Where the model was trained from.
   *
   * @param dataFile the training data file exactly as the user gave it (never made absolute)
   * @param dataSha256 lower-case hex SHA-256 of the data as read, or null if unknown
   * @param rowsRead rows read from the data
   * @param rowsRejected rows read but rejected (malformed, missing label, ...)
   */
  public record Training(String dataFile, String dataSha256, long rowsRead, long rowsRejected) {
    public Training {
      Objects.requireNonNull(dataFile, "dataFile");
      if (dataSha256 != null && !SHA256.matcher(dataSha256).matches()) {
        throw new IllegalArgumentException("dataSha256 must be 64 lower-case hex digits");
      }
      if (rowsRead < 0 || rowsRejected < 0) {
        throw new IllegalArgumentException("row counts must be >= 0");
      }
    }
  }

  /**
   * Size and SHA-256 of one file of the bundle.
   *
   * @param size bytes
   * @param sha256 lower-case hex SHA-256
   */
  public record FileEntry(long size, String sha256) {
    public FileEntry {
      if (size < 0) {
        throw new IllegalArgumentException("size must be >= 0");
      }
      if (!SHA256.matcher(Objects.requireNonNull(sha256, "sha256")).matches()) {
        throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
      }
    }
  }

  private Manifest(Builder b) {
    this.formatVersion = FORMAT_VERSION;
    this.coppiceVersion = requireText(b.coppiceVersion, "coppiceVersion");
    this.createdAt =
        b.createdAt != null ? b.createdAt : Instant.now().truncatedTo(ChronoUnit.MILLIS);
    this.platform = b.platform != null ? b.platform : Platform.current();
    this.learner = requireText(b.learner, "learner");
    this.seed = b.seed;
    this.parameters = sorted(b.parameters);
    this.schema = sorted(Objects.requireNonNull(b.schema, "schema"));
    this.preprocessing = sorted(b.preprocessing);
    this.training = b.training;
    this.metrics = sorted(b.metrics);
    this.files = Collections.unmodifiableSortedMap(new TreeMap<>(b.files));
    this.parametersMap = toMap(parameters);
    this.schemaMap = toMap(schema);
    this.preprocessingMap = toMap(preprocessing);
    this.metricsMap = toMap(metrics);
  }

  private static String requireText(String s, String field) {
    if (s == null || s.isEmpty()) {
      throw new IllegalStateException(field + " is required");
    }
    return s;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this manifest's content. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.coppiceVersion = coppiceVersion;
    b.createdAt = createdAt;
    b.platform = platform;
    b.learner = learner;
    b.seed = seed;
    b.parameters = parameters.deepCopy();
    b.schema = schema.deepCopy();
    b.preprocessing = preprocessing.deepCopy();
    b.training = training;
    b.metrics = metrics.deepCopy();
    b.files.putAll(files);
    return b;
  }

  /** A copy with {@code files} replacing the file table. */
  public Manifest withFiles(Map<String, FileEntry> files) {
    Builder b = toBuilder();
    b.files.clear();
    b.files(files);
    return b.build();
  }

  public int formatVersion() {
    return formatVersion;
  }

  public String coppiceVersion() {
    return coppiceVersion;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Platform platform() {
    return platform;
  }

  /** Name of the learner, for example {@code "AdaptiveRandomForest"}. */
  public String learner() {
    return learner;
  }

  /** The learner's random seed, or null if it has none. */
  public Long seed() {
    return seed;
  }

  /**
   * Every hyper-parameter of the learner, as an unmodifiable map with its keys sorted. Like every
   * JSON object of the manifest, values are plain Java, as they read back from {@code
   * manifest.json}: {@code String}, {@code Boolean}, {@code Integer} (or {@code Long}, {@code
   * BigInteger} when the value does not fit) for whole numbers, {@code Double} for the others,
   * {@code null}, and unmodifiable {@code List}s and {@code Map}s (keys sorted) of the same. Read a
   * number through {@link Number}, e.g. {@code ((Number) m.parameters().get("trees")).intValue()}.
   */
  public Map<String, Object> parameters() {
    return parametersMap;
  }

  /** Feature schema and label mapping; see {@link #parameters()} for the value types. */
  public Map<String, Object> schema() {
    return schemaMap;
  }

  /**
   * Preprocessing applied before the learner (empty if none); see {@link #parameters()} for the
   * value types.
   */
  public Map<String, Object> preprocessing() {
    return preprocessingMap;
  }

  /** Training provenance, or null if not recorded. */
  public Training training() {
    return training;
  }

  /** Final metrics (empty if none); see {@link #parameters()} for the value types. */
  public Map<String, Object> metrics() {
    return metricsMap;
  }

  /** Size and SHA-256 of every other file in the bundle, by file name. */
  public SortedMap<String, FileEntry> files() {
    return files;
  }

  /** The manifest as pretty-printed UTF-8 JSON ending with a newline. */
  public byte[] toJson() {
    ObjectNode root = NODES.objectNode();
    root.put("formatVersion", formatVersion);
    root.put("coppiceVersion", coppiceVersion);
    root.put("createdAt", createdAt.toString());
    ObjectNode p = root.putObject("runtime");
    p.put("javaVersion", platform.javaVersion());
    p.put("javaVendor", platform.javaVendor());
    p.put("osName", platform.osName());
    p.put("osVersion", platform.osVersion());
    p.put("osArch", platform.osArch());
    ObjectNode l = root.putObject("learner");
    l.put("name", learner);
    if (seed != null) {
      l.put("seed", seed.longValue());
    }
    l.set("parameters", parameters.deepCopy());
    root.set("schema", schema.deepCopy());
    root.set("preprocessing", preprocessing.deepCopy());
    if (training == null) {
      root.putNull("training");
    } else {
      ObjectNode t = root.putObject("training");
      t.put("dataFile", training.dataFile());
      t.put("dataSha256", training.dataSha256());
      t.put("rowsRead", training.rowsRead());
      t.put("rowsRejected", training.rowsRejected());
    }
    root.set("metrics", metrics.deepCopy());
    ObjectNode f = root.putObject("files");
    for (Map.Entry<String, FileEntry> e : files.entrySet()) {
      ObjectNode entry = f.putObject(e.getKey());
      entry.put("size", e.getValue().size());
      entry.put("sha256", e.getValue().sha256());
    }
    DefaultPrettyPrinter pp =
        new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    try {
      String json = MAPPER.writer(pp).writeValueAsString(root);
      return (json + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialize manifest", e);
    }
  }

  @Override
  public String toString() {
    return new String(toJson(), StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Manifest m && Arrays.equals(toJson(), m.toJson());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toJson());
  }

  /**
   * Parses and validates a manifest.
   *
   * @throws ModelFormatException if it is not valid JSON, has an unsupported format version, or a
   *     required field is missing or of the wrong type or range
   */
  public static Manifest parse(byte[] json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonException e) {
      JsonLocation loc = e.getLocation();
      String at =
          loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
      throw new ModelFormatException(WHERE + "not valid JSON: " + e.getOriginalMessage() + at, e);
    } catch (IOException e) {
      throw new ModelFormatException(WHERE + "cannot be read: " + e.getMessage(), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new ModelFormatException(WHERE + "is empty");
    }
    if (!root.isObject()) {
      throw new ModelFormatException(WHERE + "must be a JSON object, found " + type(root));
    }
    JsonNode version = root.get("formatVersion");
    if (version == null) {
      throw missing("formatVersion");
    }
    if (!version.isIntegralNumber() || !version.canConvertToInt()) {
      throw wrong("formatVersion", "an integer", version);
    }
    int v = version.intValue();
    if (v != FORMAT_VERSION) {
      throw new ModelFormatException(
          WHERE
              + "formatVersion "
              + v
              + " is not supported; this version of Coppice reads format version "
              + FORMAT_VERSION
              + (v > FORMAT_VERSION ? " (the bundle was written by a newer Coppice)" : ""));
    }
    Builder b = new Builder();
    b.coppiceVersion = text(root, "coppiceVersion", "coppiceVersion", false);
    String created = text(root, "createdAt", "createdAt", false);
    try {
      b.createdAt = Instant.parse(created);
    } catch (DateTimeParseException e) {
      throw new ModelFormatException(
          WHERE + "'createdAt': \"" + created + "\" is not an ISO-8601 UTC instant", e);
    }
    ObjectNode rt = object(root, "runtime", "runtime");
    b.platform =
        new Platform(
            text(rt, "javaVersion", "runtime.javaVersion", true),
            text(rt, "javaVendor", "runtime.javaVendor", true),
            text(rt, "osName", "runtime.osName", true),
            text(rt, "osVersion", "runtime.osVersion", true),
            text(rt, "osArch", "runtime.osArch", true));
    ObjectNode l = object(root, "learner", "learner");
    b.learner = text(l, "name", "learner.name", false);
    JsonNode seed = l.get("seed");
    if (seed != null && !seed.isNull()) {
      if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
        throw wrong("learner.seed", "a 64-bit integer", seed);
      }
      b.seed = seed.longValue();
    }
    b.parameters = object(l, "parameters", "learner.parameters");
    b.schema = object(root, "schema", "schema");
    b.preprocessing = optionalObject(root, "preprocessing");
    b.metrics = optionalObject(root, "metrics");
    JsonNode t = root.get("training");
    if (t != null && !t.isNull()) {
      ObjectNode tr = object(root, "training", "training");
      String data = text(tr, "dataFile", "training.dataFile", true);
      JsonNode hash = tr.get("dataSha256");
      String sha = null;
      if (hash != null && !hash.isNull()) {
        sha = sha256(hash, "training.dataSha256");
      }
      long read = count(tr, "rowsRead", "training.rowsRead");
      long rejected = count(tr, "rowsRejected", "training.rowsRejected");
      b.training = new Training(data, sha, read, rejected);
    }
    ObjectNode f = object(root, "files", "files");
    for (Map.Entry<String, JsonNode> e : f.properties()) {
      String name = e.getKey();
      String field = "files." + name;
      if (!isValidFileName(name)) {
        throw new ModelFormatException(
            WHERE + "'files': \"" + printable(name) + "\" is not an allowed bundle file name");
      }
      ObjectNode entry = object(f, name, field);
      b.files.put(
          name,
          new FileEntry(
              count(entry, "size", field + ".size"),
              sha256(entry.get("sha256"), field + ".sha256")));
    }
    if (!b.files.containsKey(BundleWriter.MODEL_FILE)) {
      throw missing("files." + BundleWriter.MODEL_FILE);
    }
    return b.build();
  }

  /**
   * True for names a bundle may list: 1 to 128 characters from {@code [A-Za-z0-9._-]}, not starting
   * with a dot or hyphen, and not {@value #FILE_NAME}. So no name can leave the bundle directory.
   */
  public static boolean isValidFileName(String name) {
    return FILE.matcher(name).matches() && !name.equals(FILE_NAME);
  }

  private static ModelFormatException missing(String field) {
    return new ModelFormatException(WHERE + "required field '" + field + "' is missing");
  }

  private static ModelFormatException wrong(String field, String expected, JsonNode found) {
    return new ModelFormatException(
        WHERE + "'" + field + "' must be " + expected + ", found " + describe(found));
  }

  private static String describe(JsonNode n) {
    if (n.isValueNode()) {
      String s = n.toString();
      return type(n) + " " + (s.length() > 40 ? s.substring(0, 40) + "..." : s);
    }
    return type(n);
  }

  private static String type(JsonNode n) {
    return n.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private static String printable(String s) {
    String t = s.length() > 40 ? s.substring(0, 40) + "..." : s;
    return t.replaceAll("[^\\x20-\\x7e]", "?");
  }

  private static JsonNode required(JsonNode parent, String key, String field) {
    JsonNode n = parent.get(key);
    if (n == null || n.isNull()) {
      throw missing(field);
    }
    return n;
  }

  private static String text(JsonNode parent, String key, String field, boolean allowEmpty) {
    JsonNode n = required(parent, key, field);
    if (!n.isTextual()) {
      throw wrong(field, "a string", n);
    }
    if (!allowEmpty && n.textValue().isEmpty()) {
      throw wrong(field, "a non-empty string", n);
    }
    return n.textValue();
  }

  private static ObjectNode object(JsonNode parent, String key, String field) {
    JsonNode n = required(parent, key, field);
    if (!n.isObject()) {
      throw wrong(field, "an object", n);
    }
    return (ObjectNode) n;
  }

  private static ObjectNode optionalObject(JsonNode parent, String key) {
    JsonNode n = parent.get(key);
    if (n == null || n.isNull()) {
      return NODES.objectNode();
    }
    return object(parent, key, key);
  }

  private static long count(JsonNode parent, String key, String field) {
    JsonNode n = required(parent, key, field);
    if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 0) {
      throw wrong(field, "a non-negative integer", n);
    }
    return n.longValue();
  }

  private static String sha256(JsonNode n, String field) {
    if (n == null || n.isNull()) {
      throw missing(field);
    }
    if (!n.isTextual() || !SHA256.matcher(n.textValue()).matches()) {
      throw wrong(field, "64 lower-case hex digits (SHA-256)", n);
    }
    return n.textValue();
  }

  /**
   * {@code node} as an unmodifiable map of plain Java values (in the node's key order), without
   * recursion; numbers as {@link #number} gives them.
   */
  private static Map<String, Object> toMap(ObjectNode node) {
    Map<String, Object> root = new LinkedHashMap<>();
    List<Object[]> stack = new ArrayList<>();
    stack.add(new Object[] {node, root});
    while (!stack.isEmpty()) {
      Object[] pair = stack.remove(stack.size() - 1);
      JsonNode src = (JsonNode) pair[0];
      if (src.isObject()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> dst = (Map<String, Object>) pair[1];
        for (Map.Entry<String, JsonNode> e : src.properties()) {
          dst.put(e.getKey(), plainShell(e.getValue(), stack));
        }
      } else {
        @SuppressWarnings("unchecked")
        List<Object> dst = (List<Object>) pair[1];
        for (JsonNode child : src) {
          dst.add(plainShell(child, stack));
        }
      }
    }
    return Collections.unmodifiableMap(root);
  }

  /**
   * A scalar's value, or an unmodifiable view of a container that {@link #toMap} fills later (the
   * view is created now, over the collection that is filled).
   */
  private static Object plainShell(JsonNode n, List<Object[]> stack) {
    if (n.isObject()) {
      Map<String, Object> m = new LinkedHashMap<>();
      stack.add(new Object[] {n, m});
      return Collections.unmodifiableMap(m);
    }
    if (n.isArray()) {
      List<Object> l = new ArrayList<>(n.size());
      stack.add(new Object[] {n, l});
      return Collections.unmodifiableList(l);
    }
    if (n.isNumber()) {
      return number(n);
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isNull() || n.isMissingNode()) {
      return null;
    }
    throw new IllegalStateException("unexpected JSON node " + n.getNodeType());
  }

  /**
   * A number as {@link #parse} would read it back from {@link #toJson}, so that a manifest built
   * from Java values and the same manifest read from its file return equal maps: a whole number as
   * an {@code Integer}, or a {@code Long} or {@code BigInteger} if it does not fit; any other as a
   * {@code Double} parsed from its JSON text. A NaN or infinite double is written as a JSON string
   * ({@code "NaN"}), so it is returned as that string.
   */
  private static Object number(JsonNode n) {
    if (n.isIntegralNumber()) {
      if (n.canConvertToInt()) {
        return n.intValue();
      }
      return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
    }
    if ((n.isDouble() || n.isFloat()) && !Double.isFinite(n.doubleValue())) {
      return n.asText();
    }
    return Double.valueOf(n.asText());
  }

  /** A deep copy of {@code node} with the keys of every object sorted, without recursion. */
  private static ObjectNode sorted(ObjectNode node) {
    ObjectNode out = NODES.objectNode();
    if (node == null) {
      return out;
    }
    List<JsonNode[]> stack = new ArrayList<>();
    stack.add(new JsonNode[] {node, out});
    while (!stack.isEmpty()) {
      JsonNode[] pair = stack.remove(stack.size() - 1);
      JsonNode src = pair[0];
      if (src.isObject()) {
        ObjectNode dst = (ObjectNode) pair[1];
        TreeMap<String, JsonNode> keys = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : src.properties()) {
          keys.put(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, JsonNode> e : keys.entrySet()) {
          dst.set(e.getKey(), copyShell(e.getValue(), stack));
        }
      } else {
        ArrayNode dst = (ArrayNode) pair[1];
        for (JsonNode child : src) {
          dst.add(copyShell(child, stack));
        }
      }
    }
    return out;
  }

  private static JsonNode copyShell(JsonNode n, List<JsonNode[]> stack) {
    if (n.isObject()) {
      ObjectNode o = NODES.objectNode();
      stack.add(new JsonNode[] {n, o});
      return o;
    }
    if (n.isArray()) {
      JsonNode a = NODES.arrayNode();
      stack.add(new JsonNode[] {n, a});
      return a;
    }
    return n.deepCopy();
  }

  /** Builder for {@link Manifest}. {@code learner} and {@code schema} are required. */
  public static final class Builder {
    private String coppiceVersion = defaultCoppiceVersion();
    private Instant createdAt;
    private Platform platform;
    private String learner;
    private Long seed;
    private ObjectNode parameters;
    private ObjectNode schema;
    private ObjectNode preprocessing;
    private Training training;
    private ObjectNode metrics;
    private final TreeMap<String, FileEntry> files = new TreeMap<>();

    private Builder() {}

    private static String defaultCoppiceVersion() {
      return Version.get();
    }

    /** Defaults to {@link Version#get()}. */
    public Builder coppiceVersion(String v) {
      this.coppiceVersion = Objects.requireNonNull(v);
      return this;
    }

    /** Defaults to the time of {@link #build()}, in milliseconds. */
    public Builder createdAt(Instant t) {
      this.createdAt = Objects.requireNonNull(t);
      return this;
    }

    /** Defaults to {@link Platform#current()}. */
    public Builder platform(Platform p) {
      this.platform = Objects.requireNonNull(p);
      return this;
    }

    /**
     * The learner, its seed (null if it has none) and every hyper-parameter (the seed may be
     * repeated there), as a map of JSON-compatible values: strings, numbers, booleans, nulls, and
     * lists and maps of the same (the maps a {@link Manifest} returns qualify).
     */
    public Builder learner(String name, Long seed, Map<String, ?> parameters) {
      this.learner = Objects.requireNonNull(name);
      this.seed = seed;
      this.parameters = tree(parameters, "parameters");
      return this;
    }

    /** Feature schema and label mapping (JSON-compatible values, as for {@link #learner}). */
    public Builder schema(Map<String, ?> schema) {
      this.schema = tree(schema, "schema");
      return this;
    }

    /** Preprocessing applied before the learner (JSON-compatible values). */
    public Builder preprocessing(Map<String, ?> preprocessing) {
      this.preprocessing = tree(preprocessing, "preprocessing");
      return this;
    }

    /** Training provenance; null if there was no data file. */
    public Builder training(Training training) {
      this.training = training;
      return this;
    }

    /** Final metrics (JSON-compatible values). */
    public Builder metrics(Map<String, ?> metrics) {
      this.metrics = tree(metrics, "metrics");
      return this;
    }

    private static ObjectNode tree(Map<String, ?> map, String what) {
      Objects.requireNonNull(map, what);
      try {
        return (ObjectNode) MAPPER.valueToTree(map);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(what + ": not JSON-compatible: " + e.getMessage(), e);
      }
    }

    /**
     * Adds file entries; {@link BundleWriter} fills these itself, replacing whatever is set here.
     */
    public Builder files(Map<String, FileEntry> files) {
      for (Map.Entry<String, FileEntry> e : files.entrySet()) {
        if (!isValidFileName(e.getKey())) {
          throw new IllegalArgumentException("not an allowed bundle file name: " + e.getKey());
        }
        this.files.put(e.getKey(), Objects.requireNonNull(e.getValue()));
      }
      return this;
    }

    public Manifest build() {
      return new Manifest(this);
    }
  }
}
