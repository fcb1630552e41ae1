package org.coppice.model;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.coppice.io.bundle.Manifest;

/**
 * What {@link Inspection#inspect(Path)} found in a verified bundle: the learner, its task and
 * settings (read from the model state), its structure (for tree learners the shape of every tree,
 * drift and warning events), where the bytes go, the schema, the preprocessing and the training
 * provenance and metrics. The structure comes from the learner's declaration, so every learner is
 * reported the same way. {@link #toText()} renders it for a terminal, {@link #toJson()} for
 * programs. Immutable.
 */
public final class InspectionReport {
  private final Path bundle;
  private final Manifest manifest;
  private final String learner;
  private final String title;
  private final String task;
  private final boolean frozen;
  private final Map<String, Object> parameters;
  private final Map<String, Object> structure;
  private final Map<String, Long> bytesByPart;
  private final Map<String, Long> fileSizes;
  private final Map<String, Object> schema;
  private final Map<String, Object> preprocessing;

  InspectionReport(
      Path bundle,
      Manifest manifest,
      String learner,
      String title,
      String task,
      boolean frozen,
      Map<String, Object> parameters,
      Map<String, Object> structure,
      Map<String, Long> bytesByPart,
      Map<String, Long> fileSizes,
      Map<String, Object> schema,
      Map<String, Object> preprocessing) {
    this.bundle = Objects.requireNonNull(bundle, "bundle");
    this.manifest = Objects.requireNonNull(manifest, "manifest");
    this.learner = learner;
    this.title = title;
    this.task = task;
    this.frozen = frozen;
    this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    this.structure = Collections.unmodifiableMap(new LinkedHashMap<>(structure));
    this.bytesByPart = Collections.unmodifiableMap(new LinkedHashMap<>(bytesByPart));
    this.fileSizes = Collections.unmodifiableMap(new LinkedHashMap<>(fileSizes));
    this.schema = Collections.unmodifiableMap(new LinkedHashMap<>(schema));
    this.preprocessing = Collections.unmodifiableMap(new LinkedHashMap<>(preprocessing));
  }

  /** The bundle directory inspected. */
  public Path bundle() {
    return bundle;
  }

  /** The bundle's manifest. */
  public Manifest manifest() {
    return manifest;
  }

  /** The learner's registered name ({@code arf}, {@code ht}, ...). */
  public String learner() {
    return learner;
  }

  /** {@code classification} or {@code regression}. */
  public String task() {
    return task;
  }

  /** True if the model was saved in inference-only form. */
  public boolean frozen() {
    return frozen;
  }

  /** The hyper-parameters, read from the model state, by name. */
  public Map<String, Object> parameters() {
    return parameters;
  }

  /**
   * The learner's structure as its declaration reports it: for a forest {@code trees}, {@code
   * instances_seen}, {@code nodes}, {@code leaves}, {@code max_depth}, {@code drifts}, {@code
   * warnings}, {@code background_trees} and {@code per_tree} (one map per member, with the bytes of
   * its section); for a lone tree {@code trees}, {@code nodes}, {@code leaves}, {@code depth}.
   */
  public Map<String, Object> structure() {
    return structure;
  }

  /**
   * Bytes of {@code model.bin} by part: {@code container} (preamble and section table), {@code
   * header} (learner kind, schema, settings, counters), then the learner's sections by the names
   * its codec gives them (e.g. {@code members} of a forest). The values add up to the file size.
   */
  public Map<String, Long> bytesByPart() {
    return bytesByPart;
  }

  /** Size of every file of the bundle, {@code manifest.json} included, by name. */
  public Map<String, Long> fileSizes() {
    return fileSizes;
  }

  /** The report as ordered maps and lists of plain values (see {@link #toJson()}). */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("bundle", bundle.toString());
    m.put("verified", true);
    m.put("learner", learner);
    m.put("learner_title", title);
    m.put("task", task);
    m.put("seed", manifest.seed());
    m.put("frozen", frozen);
    m.put("parameters", parameters);
    m.put("coppice_version", manifest.coppiceVersion());
    m.put("java_version", manifest.platform().javaVersion());
    m.put("java_vendor", manifest.platform().javaVendor());
    m.put("os", manifest.platform().osName() + " " + manifest.platform().osArch());
    m.put("created_at", manifest.createdAt().toString());
    m.put("model", structure);
    m.put("bytes_by_part", bytesByPart);
    m.put("file_sizes", fileSizes);
    m.put("schema", schema);
    m.put("preprocessing", preprocessing);
    m.put("training", training());
    m.put("metrics", manifest.metrics());
    return m;
  }

  private Map<String, Object> training() {
    Manifest.Training t = manifest.training();
    if (t == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("data_file", t.dataFile());
    m.put("data_sha256", t.dataSha256());
    m.put("rows_read", t.rowsRead());
    m.put("rows_rejected", t.rowsRejected());
    return m;
  }

  /** Pretty JSON of {@link #toMap()}, ending with a newline. */
  public String toJson() {
    return Json.pretty(toMap()) + "\n";
  }

  /** A human-readable rendering, one section per aspect. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    line(sb, "bundle", bundle + " (verified: sizes, SHA-256, section checksums)");
    line(
        sb,
        "learner",
        learner + " - " + title + ", " + task + (frozen ? " (frozen: inference only)" : ""));
    line(sb, "seed", manifest.seed() == null ? "none" : manifest.seed().toString());
    line(sb, "created", instant(manifest.createdAt()));
    line(
        sb,
        "written by",
        "Coppice "
            + manifest.coppiceVersion()
            + " on Java "
            + manifest.platform().javaVersion()
            + " ("
            + manifest.platform().javaVendor()
            + ")");
    sb.append("\nhyper-parameters\n");
    for (Map.Entry<String, Object> e : parameters.entrySet()) {
      sb.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
    }
    sb.append("\nmodel\n");
    List<Map<String, Object>> table = null;
    for (Map.Entry<String, Object> e : structure.entrySet()) {
      if (e.getValue() instanceof List<?> rows) {
        table = new ArrayList<>();
        for (Object row : rows) {
          Map<String, Object> r = new LinkedHashMap<>();
          ((Map<?, ?>) row).forEach((k, v) -> r.put(String.valueOf(k), v));
          table.add(r);
        }
        continue;
      }
      Object v = e.getValue();
      String text =
          v == null
              ? "not recorded" + (frozen ? " (frozen)" : "")
              : v instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : v.toString();
      sb.append("  ").append(e.getKey().replace('_', ' ')).append(": ").append(text).append('\n');
    }
    if (table != null && !table.isEmpty()) {
      appendTable(sb, table);
    }
    sb.append("\nbytes by part (model.bin)\n");
    for (Map.Entry<String, Long> e : bytesByPart.entrySet()) {
      sb.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
    }
    sb.append("\nfiles\n");
    for (Map.Entry<String, Long> e : fileSizes.entrySet()) {
      sb.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append(" bytes\n");
    }
    sb.append("\nschema\n");
    for (Map.Entry<String, Object> e : schema.entrySet()) {
      sb.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
    }
    sb.append("\npreprocessing\n");
    for (Map.Entry<String, Object> e : preprocessing.entrySet()) {
      sb.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
    }
    sb.append("\ntraining\n");
    Map<String, Object> t = training();
    if (t == null) {
      sb.append("  not recorded\n");
    } else {
      for (Map.Entry<String, Object> e : t.entrySet()) {
        sb.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
      }
    }
    Map<String, Object> metrics = manifest.metrics();
    if (!metrics.isEmpty()) {
      sb.append("\nmetrics at the end of training\n");
      for (Map.Entry<String, Object> e : metrics.entrySet()) {
        sb.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
      }
    }
    return sb.toString();
  }

  /** Rows of maps with the same keys as a fixed-width table, absent values as "-". */
  private static void appendTable(StringBuilder sb, List<Map<String, Object>> rows) {
    List<String> columns = new ArrayList<>(rows.get(0).keySet());
    int[] width = new int[columns.size()];
    List<List<String>> cells = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      List<String> line = new ArrayList<>();
      for (String c : columns) {
        Object v = row.get(c);
        line.add(v == null || Boolean.FALSE.equals(v) ? "-" : v.toString());
      }
      cells.add(line);
    }
    for (int c = 0; c < columns.size(); c++) {
      width[c] = columns.get(c).length();
      for (List<String> line : cells) {
        width[c] = Math.max(width[c], line.get(c).length());
      }
    }
    StringBuilder header = new StringBuilder(" ");
    for (int c = 0; c < columns.size(); c++) {
      header.append(' ').append(pad(columns.get(c).replace('_', ' '), width[c]));
    }
    sb.append(header.toString().stripTrailing()).append('\n');
    for (List<String> line : cells) {
      StringBuilder l = new StringBuilder(" ");
      for (int c = 0; c < columns.size(); c++) {
        l.append(' ').append(pad(line.get(c), width[c]));
      }
      sb.append(l.toString().stripTrailing()).append('\n');
    }
  }

  private static String pad(String s, int width) {
    return " ".repeat(Math.max(0, width - s.length())) + s;
  }

  private static void line(StringBuilder sb, String key, String value) {
    sb.append(String.format(Locale.ROOT, "%-12s %s\n", key + ":", value));
  }

  private static String instant(Instant t) {
    return t.toString();
  }

  @Override
  public String toString() {
    return "InspectionReport" + toMap();
  }
}
