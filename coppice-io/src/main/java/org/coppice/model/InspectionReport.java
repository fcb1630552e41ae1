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
 * What {@link Inspection#inspect(Path)} found in a verified bundle: the learner and its settings,
 * the shape of every tree, drift and warning events, where the bytes go, the schema, the
 * preprocessing and the training provenance and metrics. {@link #toText()} renders it for a
 * terminal, {@link #toJson()} for programs. Immutable.
 */
public final class InspectionReport {
  /**
   * One tree: for a Hoeffding tree the tree itself; for a forest a member's foreground tree.
   *
   * @param index member number (0 for a lone Hoeffding tree)
   * @param nodes split nodes and leaves
   * @param leaves leaves
   * @param depth depth of the deepest node (a lone root has depth 0; an empty tree -1)
   * @param drifts drifts detected by this member, or null when not recorded (a lone tree, or a
   *     frozen forest)
   * @param warnings warnings detected by this member, or null when not recorded
   * @param background whether the member has a background tree (grown since a warning)
   * @param backgroundNodes nodes of the background tree, 0 without one
   * @param bytes bytes of the member's (or tree's) section in {@code model.bin}
   */
  public record TreeInfo(
      int index,
      int nodes,
      int leaves,
      int depth,
      Long drifts,
      Long warnings,
      boolean background,
      int backgroundNodes,
      long bytes) {}

  private final Path bundle;
  private final Manifest manifest;
  private final String learner;
  private final boolean frozen;
  private final Long instancesSeen;
  private final boolean forest;
  private final List<TreeInfo> trees;
  private final Map<String, Long> bytesByPart;
  private final Map<String, Long> fileSizes;
  private final Map<String, Object> schema;
  private final Map<String, Object> preprocessing;

  InspectionReport(
      Path bundle,
      Manifest manifest,
      String learner,
      boolean frozen,
      boolean forest,
      Long instancesSeen,
      List<TreeInfo> trees,
      Map<String, Long> bytesByPart,
      Map<String, Long> fileSizes,
      Map<String, Object> schema,
      Map<String, Object> preprocessing) {
    this.bundle = Objects.requireNonNull(bundle, "bundle");
    this.manifest = Objects.requireNonNull(manifest, "manifest");
    this.learner = learner;
    this.frozen = frozen;
    this.forest = forest;
    this.instancesSeen = instancesSeen;
    this.trees = List.copyOf(trees);
    this.bytesByPart = Collections.unmodifiableMap(new LinkedHashMap<>(bytesByPart));
    this.fileSizes = Collections.unmodifiableMap(new LinkedHashMap<>(fileSizes));
    this.schema = Collections.unmodifiableMap(new LinkedHashMap<>(schema));
    this.preprocessing = Collections.unmodifiableMap(new LinkedHashMap<>(preprocessing));
  }

  /** The bundle directory inspected. */
  public Path bundle() {
    return bundle;
  }

  /** The verified manifest. */
  public Manifest manifest() {
    return manifest;
  }

  /**
   * The learner, as the manifest names it ({@code adaptive-random-forest}, {@code hoeffding-tree}).
   */
  public String learner() {
    return learner;
  }

  /** True if the model was saved in inference-only form. */
  public boolean frozen() {
    return frozen;
  }

  /** True for an Adaptive Random Forest. */
  public boolean forest() {
    return forest;
  }

  /** Instances the forest has learned, or null for a lone tree. */
  public Long instancesSeen() {
    return instancesSeen;
  }

  /** The trees: one per forest member, or the lone Hoeffding tree. */
  public List<TreeInfo> trees() {
    return trees;
  }

  /** Nodes of every (foreground) tree together. */
  public long totalNodes() {
    long s = 0;
    for (TreeInfo t : trees) {
      s += t.nodes();
    }
    return s;
  }

  /** Leaves of every (foreground) tree together. */
  public long totalLeaves() {
    long s = 0;
    for (TreeInfo t : trees) {
      s += t.leaves();
    }
    return s;
  }

  /** The largest tree depth (-1 if every tree is empty). */
  public int maxDepth() {
    int d = -1;
    for (TreeInfo t : trees) {
      d = Math.max(d, t.depth());
    }
    return d;
  }

  /** The mean tree depth (an empty tree counts as 0); NaN without trees. */
  public double meanDepth() {
    if (trees.isEmpty()) {
      return Double.NaN;
    }
    double s = 0;
    for (TreeInfo t : trees) {
      s += Math.max(0, t.depth());
    }
    return s / trees.size();
  }

  /** Drifts over every member, or null when not recorded (lone tree, frozen forest). */
  public Long totalDrifts() {
    return sum(true);
  }

  /** Warnings over every member, or null when not recorded. */
  public Long totalWarnings() {
    return sum(false);
  }

  private Long sum(boolean drifts) {
    long s = 0;
    for (TreeInfo t : trees) {
      Long v = drifts ? t.drifts() : t.warnings();
      if (v == null) {
        return null;
      }
      s += v;
    }
    return trees.isEmpty() ? null : s;
  }

  /** Members with a background tree. */
  public int backgroundTrees() {
    int n = 0;
    for (TreeInfo t : trees) {
      if (t.background()) {
        n++;
      }
    }
    return n;
  }

  /**
   * Bytes of {@code model.bin} by part: {@code container} (preamble and section table), {@code
   * header} (learner kind, schema, settings, the forest's counters), then {@code trees} (a lone
   * tree) or {@code members} (every forest member: trees, detectors, background trees). The values
   * add up to the file size.
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
    m.put("seed", manifest.seed());
    m.put("frozen", frozen);
    m.put("parameters", Json.toMap(manifest.parameters()));
    m.put("coppice_version", manifest.coppiceVersion());
    m.put("java_version", manifest.platform().javaVersion());
    m.put("java_vendor", manifest.platform().javaVendor());
    m.put("os", manifest.platform().osName() + " " + manifest.platform().osArch());
    m.put("created_at", manifest.createdAt().toString());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("trees", trees.size());
    if (instancesSeen != null) {
      model.put("instances_seen", instancesSeen);
    }
    model.put("nodes", totalNodes());
    model.put("leaves", totalLeaves());
    model.put("max_depth", maxDepth());
    model.put("mean_depth", Json.number(meanDepth()));
    if (forest) {
      model.put("drifts", totalDrifts());
      model.put("warnings", totalWarnings());
      model.put("background_trees", backgroundTrees());
    }
    List<Object> perTree = new ArrayList<>();
    for (TreeInfo t : trees) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("index", t.index());
      e.put("nodes", t.nodes());
      e.put("leaves", t.leaves());
      e.put("depth", t.depth());
      if (forest) {
        e.put("drifts", t.drifts());
        e.put("warnings", t.warnings());
        e.put("background", t.background());
        e.put("background_nodes", t.backgroundNodes());
      }
      e.put("bytes", t.bytes());
      perTree.add(e);
    }
    model.put("per_tree", perTree);
    m.put("model", model);
    m.put("bytes_by_part", bytesByPart);
    m.put("file_sizes", fileSizes);
    m.put("schema", schema);
    m.put("preprocessing", preprocessing);
    m.put("training", training());
    m.put("metrics", Json.toMap(manifest.metrics()));
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
    line(sb, "learner", learner + (frozen ? " (frozen: inference only)" : ""));
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
    for (Map.Entry<String, Object> e : Json.toMap(manifest.parameters()).entrySet()) {
      sb.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
    }
    sb.append("\nmodel\n");
    if (forest) {
      sb.append("  trees: ").append(trees.size()).append('\n');
      sb.append("  instances learned: ").append(instancesSeen).append('\n');
    }
    sb.append("  nodes: ").append(totalNodes()).append(", leaves: ").append(totalLeaves());
    sb.append(String.format(Locale.ROOT, ", depth: max %d, mean %.2f\n", maxDepth(), meanDepth()));
    if (forest) {
      sb.append("  drifts: ")
          .append(totalDrifts() == null ? "not recorded (frozen)" : totalDrifts())
          .append(", warnings: ")
          .append(totalWarnings() == null ? "not recorded (frozen)" : totalWarnings())
          .append(", background trees: ")
          .append(backgroundTrees())
          .append('\n');
      sb.append(
          String.format(
              Locale.ROOT,
              "  %5s %8s %8s %6s %7s %9s %11s %10s\n",
              "tree",
              "nodes",
              "leaves",
              "depth",
              "drifts",
              "warnings",
              "background",
              "bytes"));
      for (TreeInfo t : trees) {
        sb.append(
            String.format(
                Locale.ROOT,
                "  %5d %8d %8d %6d %7s %9s %11s %10d\n",
                t.index(),
                t.nodes(),
                t.leaves(),
                t.depth(),
                t.drifts() == null ? "-" : t.drifts().toString(),
                t.warnings() == null ? "-" : t.warnings().toString(),
                t.background() ? t.backgroundNodes() + " nodes" : "-",
                t.bytes()));
      }
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
    Map<String, Object> metrics = Json.toMap(manifest.metrics());
    if (!metrics.isEmpty()) {
      sb.append("\nmetrics at the end of training\n");
      for (Map.Entry<String, Object> e : metrics.entrySet()) {
        sb.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
      }
    }
    return sb.toString();
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
