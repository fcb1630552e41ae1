package org.coppice.bench.memory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Model memory and load benchmark: for an Adaptive Random Forest of 300 trees trained on the River
 * #1512 data (1,000 rows x 1,000 features, see {@link RiverData}) and for one trained on more rows
 * of the same stream until its bundle is at least 1 GiB, it measures in fresh child JVMs (i) the
 * heap the loaded model retains, (ii) the bytes allocated while loading it, (iii) the load
 * throughput from the page cache and (iv) the smallest {@code -Xmx} that loads it, and checks the
 * requirement's four criteria. The same forest trained by MOA 2024.07 and saved with Java
 * serialization (MOA's {@code SerializeUtils}: gzip over ObjectOutputStream; and without gzip) is
 * measured the same way for comparison. Run with {@code --help} for the options; results go to the
 * work folder (JSON, CSV, Markdown) and, with {@code --docs}, into a section of BENCHMARKS.md.
 */
public final class ModelMemoryBenchmark {
  static final String USAGE =
      """
      Usage: ModelMemoryBenchmark [options]

      Trains a 300-tree Adaptive Random Forest (Coppice and MOA 2024.07) on the River #1512
      data and on enough rows of the same stream for a bundle of at least 1 GiB, saves it, and
      measures in fresh JVMs: retained heap, bytes allocated while loading, load throughput from
      the page cache, and the smallest -Xmx that loads it.

        --work DIR            work folder: models, logs, results (default bench-out/memory)
        --docs FILE           also write the section "Model memory and load" into FILE
                              (between <!-- memory:start --> and <!-- memory:end -->)
        --rows N              rows of the River case (default 1000)
        --trees T             trees (default 300)
        --seed S              generator and forest seed (default 1)
        --target-mib M        smallest model.bin of the large case, MiB (default 1024)
        --cases LIST          river,large (default both)
        --moa-large MODE      MOA on the large case: estimate (do not train it; extrapolate
                              its heap from the River case), run (train it within
                              --moa-timeout-min, then measure it, or try one load when it
                              would not fit the measuring heap) or skip (default estimate)
        --moa-timeout-min M   time limit of MOA's large training run (default 120)
        --gc NAME             collector of every child JVM: parallel (the ./coppice
                              launcher's default) or g1 (default parallel); Coppice's -Xmx
                              search is also run with G1 when it is not the main one
        --train-heap-mib M    -Xmx of Coppice's training JVMs (default 8192)
        --moa-train-heap-mib M  -Xmx of MOA's training JVMs (default 10240)
        --measure-heap-mib M  -Xmx of the measuring JVMs (default 14336)
        --max-heap-mib M      largest -Xmx tried in the search (default 16384)
        --warm W              warm loads per model (default 5)
        --moa-raw-warm W      warm loads of MOA's file without gzip (default 3)
        --cli-jar FILE        the coppice CLI jar for `inspect` (default
                              coppice-cli/target/coppice.jar); the bench loader when it has
                              no inspect command
        --reuse               reuse models already trained in the work folder
        --help                print this text
      """;

  private static final double MIB = 1024.0 * 1024.0;
  private static final Pattern HISTOGRAM_LINE =
      Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");

  private final Options options;
  private final String javaBin;
  private final String classpath;
  private final List<Double> loadSamples = new ArrayList<>();
  private final PrintWriter log;
  private final List<Process> running = new java.util.concurrent.CopyOnWriteArrayList<>();

  private ModelMemoryBenchmark(Options options, PrintWriter log) {
    this.options = options;
    this.log = log;
    this.javaBin = ProcessHandle.current().info().command().orElse("java");
    this.classpath = System.getProperty("java.class.path");
    // Stopping the benchmark stops the child JVM it is waiting for.
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> running.forEach(Process::destroyForcibly)));
  }

  static final class Options {
    Path work = Path.of("bench-out", "memory");
    Path docs;
    int rows = 1000;
    int trees = 300;
    long seed = 1;
    long targetBytes = 1L << 30;
    boolean river = true;
    boolean large = true;
    String moaLarge = "estimate";
    String gc = "parallel";
    int moaTimeoutMin = 120;
    int trainHeapMiB = 8192;
    int moaTrainHeapMiB = 10240;
    int measureHeapMiB = 14336;
    int maxHeapMiB = 16384;
    int warm = 5;
    int moaRawWarm = 3;
    Path cliJar = Path.of("coppice-cli", "target", "coppice.jar");
    boolean reuse;
    boolean help;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--reuse" -> o.reuse = true;
          case "--help", "-h" -> o.help = true;
          default -> {
            if (i + 1 >= args.length || !a.startsWith("--")) {
              throw new IllegalArgumentException("unknown option or missing value: " + a);
            }
            String v = args[++i];
            switch (a) {
              case "--work" -> o.work = Path.of(v);
              case "--docs" -> o.docs = Path.of(v);
              case "--rows" -> o.rows = Integer.parseInt(v);
              case "--trees" -> o.trees = Integer.parseInt(v);
              case "--seed" -> o.seed = Long.parseLong(v);
              case "--target-mib" -> o.targetBytes = (long) (Double.parseDouble(v) * MIB);
              case "--cases" -> {
                List<String> cases = Arrays.asList(v.toLowerCase(Locale.ROOT).split(","));
                o.river = cases.contains("river");
                o.large = cases.contains("large");
              }
              case "--moa-large" -> {
                if (!List.of("estimate", "run", "skip").contains(v)) {
                  throw new IllegalArgumentException("--moa-large: estimate, run or skip");
                }
                o.moaLarge = v;
              }
              case "--gc" -> {
                if (!List.of("parallel", "g1").contains(v)) {
                  throw new IllegalArgumentException("--gc: parallel or g1");
                }
                o.gc = v;
              }
              case "--moa-timeout-min" -> o.moaTimeoutMin = Integer.parseInt(v);
              case "--train-heap-mib" -> o.trainHeapMiB = Integer.parseInt(v);
              case "--moa-train-heap-mib" -> o.moaTrainHeapMiB = Integer.parseInt(v);
              case "--measure-heap-mib" -> o.measureHeapMiB = Integer.parseInt(v);
              case "--max-heap-mib" -> o.maxHeapMiB = Integer.parseInt(v);
              case "--warm" -> o.warm = Math.max(1, Integer.parseInt(v));
              case "--moa-raw-warm" -> o.moaRawWarm = Math.max(1, Integer.parseInt(v));
              case "--cli-jar" -> o.cliJar = Path.of(v);
              default -> throw new IllegalArgumentException("unknown option: " + a);
            }
          }
        }
      }
      return o;
    }
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    if (options.help) {
      System.out.print(USAGE);
      return;
    }
    Files.createDirectories(options.work.resolve("logs"));
    try (PrintWriter log =
        new PrintWriter(
            Files.newBufferedWriter(options.work.resolve("logs").resolve("benchmark.log")), true)) {
      new ModelMemoryBenchmark(options, log).run(args);
    }
  }

  private void say(String message) {
    String line = Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + message;
    System.out.println(line);
    log.println(line);
  }

  // ------------------------------------------------------------------------------------------------

  private void run(String[] args) throws Exception {
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("environment", environment(args));
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("trees", options.trees);
    settings.put("seed", options.seed);
    settings.put("river_rows", options.rows);
    settings.put("target_bytes", options.targetBytes);
    settings.put("train_heap_mib", options.trainHeapMiB);
    settings.put("moa_train_heap_mib", options.moaTrainHeapMiB);
    settings.put("measure_heap_mib", options.measureHeapMiB);
    settings.put("max_heap_mib", options.maxHeapMiB);
    settings.put("warm_loads", options.warm);
    settings.put("moa_raw_warm_loads", options.moaRawWarm);
    settings.put("gc", gcFlag(options.gc) + " in every child JVM");
    settings.put("moa_large", options.moaLarge);
    String inspect = inspectAvailable();
    settings.put(
        "xmx_loader",
        inspect != null
            ? "coppice inspect (org.coppice.cli.Main inspect DIR, -cp the CLI jar)"
            : "org.coppice.bench.memory.MemoryChild load --sha256 (CoppiceModel.load with the"
                + " SHA-256 check); `coppice inspect` was not available");
    results.put("settings", settings);
    List<Map<String, Object>> cases = new ArrayList<>();
    results.put("cases", cases);
    if (options.river) {
      cases.add(runCase("river-1512", options.rows, 0, "run", inspect));
      writeResults(results);
    }
    if (options.large) {
      cases.add(runCase("large", options.rows, options.targetBytes, options.moaLarge, inspect));
      writeResults(results);
    }
    castMap(results.get("environment")).put("load_average_range", loadRange());
    writeResults(results);
    say("done: " + options.work.resolve("results.json"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> castList(Object o) {
    return (List<Map<String, Object>>) o;
  }

  private Map<String, Object> runCase(
      String name, int rows, long growTo, String moaMode, String inspect) throws Exception {
    Path dir = options.work.resolve(name);
    Files.createDirectories(dir);
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("trees", options.trees);

    // Coppice: train and save.
    Path bundle = dir.resolve("coppice-model");
    List<String> trainArgs =
        new ArrayList<>(
            List.of(
                "train-coppice",
                "--out",
                bundle.toString(),
                "--rows",
                String.valueOf(rows),
                "--trees",
                String.valueOf(options.trees),
                "--seed",
                String.valueOf(options.seed)));
    if (growTo > 0) {
      trainArgs.addAll(List.of("--grow-to", String.valueOf(growTo)));
    }
    Map<String, String> coppiceTrain =
        trainOrReuse(
            dir,
            "train-coppice",
            trainArgs,
            options.trainHeapMiB,
            24 * 3600,
            Files.isDirectory(bundle));
    if (coppiceTrain == null) {
      c.put("error", "Coppice training failed; see logs/" + name + "-train-coppice.err.log");
      return c;
    }
    long trainedRows = Long.parseLong(coppiceTrain.get("rows"));
    c.put("rows", trainedRows);
    Map<String, Object> coppice = new LinkedHashMap<>();
    coppice.put("train", trainInfo(coppiceTrain, trainedRows));
    if (growTo > 0) {
      coppice.put("pilot_checkpoints", checkpoints(dir.resolve("train-coppice.properties")));
    }
    List<Map<String, Object>> coppiceArtifacts = new ArrayList<>();
    coppiceArtifacts.add(measureArtifact(name, Loaders.Kind.COPPICE, bundle, inspect, true));
    coppice.put("artifacts", coppiceArtifacts);
    c.put("coppice", coppice);

    // MOA: same rows, same trees.
    Map<String, Object> moa = new LinkedHashMap<>();
    c.put("moa", moa);
    if (moaMode.equals("skip")) {
      moa.put("status", "skipped (--moa-large skip)");
      return c;
    }
    if (moaMode.equals("estimate")) {
      moa.put("status", moaEstimate(coppiceTrain));
      return c;
    }
    Path ser = dir.resolve("moa-arf.ser");
    Path gz = dir.resolve("moa-arf.ser.gz");
    List<String> moaArgs =
        List.of(
            "train-moa",
            "--out",
            ser.toString(),
            "--rows",
            String.valueOf(trainedRows),
            "--trees",
            String.valueOf(options.trees),
            "--seed",
            String.valueOf(options.seed));
    long timeout = growTo > 0 ? options.moaTimeoutMin * 60L : 24 * 3600;
    Map<String, String> moaTrain =
        trainOrReuse(
            dir,
            "train-moa",
            moaArgs,
            options.moaTrainHeapMiB,
            timeout,
            Files.isRegularFile(ser) && Files.isRegularFile(gz));
    if (moaTrain == null) {
      String err = tail(options.work.resolve("logs").resolve(name + "-train-moa.err.log"));
      moa.put(
          "status",
          "did not finish within -Xmx"
              + options.moaTrainHeapMiB
              + "m and "
              + (timeout / 60)
              + " min: "
              + err);
      return c;
    }
    moa.put("train", trainInfo(moaTrain, trainedRows));
    // MOA needed about 3x its retained heap to load the River case; when that would not fit the
    // measuring heap, only try one load at that heap instead of the four measurements.
    long trainRetained = Long.parseLong(moaTrain.getOrDefault("retained", "0"));
    double estimateMiB = moaXmxPerRetained * trainRetained / MIB;
    if (estimateMiB > options.measureHeapMiB) {
      List<Map<String, Object>> probes = new ArrayList<>();
      say(
          "MOA's model retains "
              + fmt(trainRetained / MIB, 0)
              + " MiB; loading it would need about "
              + fmt(estimateMiB, 0)
              + " MiB: one try with -Xmx"
              + options.measureHeapMiB
              + "m");
      boolean loads =
          probe(
              name,
              Loaders.Kind.MOA_GZ,
              gz,
              options.measureHeapMiB,
              false,
              null,
              Math.max(1800, 60L * options.moaTimeoutMin / 2),
              probes);
      moa.put("load_attempt", probes);
      moa.put("estimated_min_xmx_mib", estimateMiB);
      if (!loads) {
        moa.put(
            "status",
            String.format(
                Locale.ROOT,
                "trained and saved (gzip %s, raw %s; %s retained in the training JVM), but"
                    + " loading it with -Xmx%dm fails (%s); at the River case's ratio of smallest"
                    + " -Xmx to retained heap (%.2f) it needs about %.1f GiB, more than the heaps"
                    + " of at most 16 GiB used on this shared machine, so its four measurements"
                    + " were not run",
                mibText(Long.parseLong(moaTrain.get("gz.bytes"))),
                mibText(Long.parseLong(moaTrain.get("raw.bytes"))),
                mibText(trainRetained),
                options.measureHeapMiB,
                probes.get(0).getOrDefault("reason", "failed"),
                moaXmxPerRetained,
                estimateMiB / 1024));
        return c;
      }
    }
    moa.put("status", "ok");
    List<Map<String, Object>> moaArtifacts = new ArrayList<>();
    Map<String, Object> gzResult = measureArtifact(name, Loaders.Kind.MOA_GZ, gz, null, true);
    moaArtifacts.add(gzResult);
    moaArtifacts.add(measureArtifact(name, Loaders.Kind.MOA_RAW, ser, null, false));
    moa.put("artifacts", moaArtifacts);
    Map<String, Object> k = castMap(gzResult.get("criteria"));
    if (k != null && k.get("min_xmx_over_retained") instanceof Double ratio) {
      moaXmxPerRetained = ratio;
    }
    if (growTo == 0 && gzResult.get("measure") != null) {
      moaRiverRetained = (Long) castMap(gzResult.get("measure")).get("retained_bytes");
      moaRiverSecondsPerRow = Double.parseDouble(moaTrain.get("train.seconds")) / trainedRows;
      riverLeaves = leaves(coppiceTrain.get("summary"));
    }
    return c;
  }

  /** MOA's smallest -Xmx over its retained heap, from the River case (3 until measured). */
  private double moaXmxPerRetained = 3.0;

  /** The River case's MOA figures, for the large case's estimate: retained bytes, train s/row. */
  private long moaRiverRetained;

  private double moaRiverSecondsPerRow;
  private long riverLeaves;

  /** The collector a child JVM runs with, for {@link #probe} (set by {@link #searchXmx}). */
  private String probeGc = "-XX:+UseParallelGC";

  static String gcFlag(String gc) {
    return gc.equals("g1") ? "-XX:+UseG1GC" : "-XX:+UseParallelGC";
  }

  /** Leaves of a forest, from a training summary ("..., N leaves"), or 0. */
  private static long leaves(String summary) {
    Matcher m = Pattern.compile("(\\d+) leaves").matcher(summary == null ? "" : summary);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  /**
   * MOA on the large case without training it: MOA's forest is the same forest as Coppice's (same
   * splits: both give the same prequential results), and nearly all of MOA's heap is per-leaf
   * observers, so its retained heap scales with the leaves; its heap to load scales with that.
   */
  private String moaEstimate(Map<String, String> coppiceTrain) {
    long largeLeaves = leaves(coppiceTrain.get("summary"));
    if (moaRiverRetained <= 0 || riverLeaves <= 0 || largeLeaves <= 0) {
      return "not run (--moa-large estimate), and no River-case MOA figures to extrapolate from";
    }
    double retained = moaRiverRetained * (largeLeaves / (double) riverLeaves);
    double heap = retained * moaXmxPerRetained;
    long rows = Long.parseLong(coppiceTrain.get("rows"));
    String fits =
        heap > options.maxHeapMiB * MIB
            ? "more than the largest heap allowed here (-Xmx" + options.maxHeapMiB + "m)"
            : "within -Xmx" + options.maxHeapMiB + "m (--moa-large run measures it)";
    return String.format(
        Locale.ROOT,
        "not run (--moa-large estimate). Extrapolated from the River case (%s retained for %,d"
            + " leaves; smallest -Xmx %.2f x retained; %.2f s per training row): the same forest"
            + " of %,d leaves would retain about %.1f GiB and need about %.1f GiB of heap to load,"
            + " %s, after about %.0f min of training",
        mibText(moaRiverRetained),
        riverLeaves,
        moaXmxPerRetained,
        moaRiverSecondsPerRow,
        largeLeaves,
        retained / (MIB * 1024),
        heap / (MIB * 1024),
        fits,
        moaRiverSecondsPerRow * rows / 60);
  }

  private static String mibText(long bytes) {
    return fmt(bytes / MIB, 0) + " MiB";
  }

  private Map<String, Object> trainInfo(Map<String, String> t, long rows) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rows", rows);
    m.put("seconds", Double.parseDouble(t.get("train.seconds")));
    long correct = Long.parseLong(t.get("correct"));
    m.put("correct", correct);
    m.put("prequential_accuracy", correct / (double) rows);
    m.put("summary", t.get("summary"));
    for (String k :
        List.of("generator", "threads", "learner", "gz.bytes", "raw.bytes", "retained")) {
      if (t.containsKey(k)) {
        m.put(k.replace('.', '_'), t.get(k));
      }
    }
    return m;
  }

  private static List<Map<String, Object>> checkpoints(Path properties) throws IOException {
    List<Map<String, Object>> list = new ArrayList<>();
    for (String line : Files.readAllLines(properties)) {
      if (line.startsWith("@checkpoint=")) {
        String[] p = line.substring("@checkpoint=".length()).split(",", 5);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", Long.parseLong(p[0]));
        m.put("bin_bytes", Long.parseLong(p[1]));
        m.put("train_seconds", Double.parseDouble(p[2]));
        m.put("summary", p[4].trim());
        list.add(m);
      }
    }
    return list;
  }

  /**
   * Runs a training child unless {@code --reuse} and its outputs and results are there; returns its
   * values, or null if it failed.
   */
  private Map<String, String> trainOrReuse(
      Path dir,
      String mode,
      List<String> args,
      int heapMiB,
      long timeoutSeconds,
      boolean outputsExist)
      throws Exception {
    Path props = dir.resolve(mode + ".properties");
    Path argsFile = dir.resolve(mode + ".args");
    String argsText = String.join(" ", args);
    if (options.reuse
        && outputsExist
        && Files.isRegularFile(props)
        && Files.isRegularFile(argsFile)
        && Files.readString(argsFile).equals(argsText)) {
      say("reusing " + dir.getFileName() + "/" + mode);
      return readValues(props);
    }
    say("training: " + dir.getFileName() + " " + argsText);
    ChildResult r =
        runChild(
            dir.getFileName() + "-" + mode,
            List.of("-Xmx" + heapMiB + "m"),
            args,
            null,
            timeoutSeconds);
    if (r.exit != 0 || !r.values.containsKey("rows") || r.values.containsKey("error")) {
      say("training failed: " + mode + " exit " + r.exit + (r.timedOut ? " (timed out)" : ""));
      return null;
    }
    Files.write(props, r.lines, StandardCharsets.UTF_8);
    Files.writeString(argsFile, argsText, StandardCharsets.UTF_8);
    say("trained in " + fmt(r.seconds, 0) + " s: " + r.values.get("summary"));
    return r.values;
  }

  private static Map<String, String> readValues(Path props) throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : Files.readAllLines(props)) {
      parseValue(line, m);
    }
    return m;
  }

  private static void parseValue(String line, Map<String, String> into) {
    if (line.startsWith("@")) {
      int eq = line.indexOf('=');
      if (eq > 1) {
        into.put(line.substring(1, eq), line.substring(eq + 1));
      }
    }
  }

  // ---- measuring one saved model ----

  private Map<String, Object> measureArtifact(
      String caseName, Loaders.Kind kind, Path path, String inspectJar, boolean searchXmx)
      throws Exception {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("kind", kind.id);
    a.put("format", describe(kind));
    long fileBytes = Loaders.fileBytes(kind, path);
    a.put("file_bytes", fileBytes);
    say("measuring " + caseName + " " + kind.id + " (" + fmt(fileBytes / MIB, 1) + " MiB)");
    Map<String, Map<String, long[]>> histograms = new HashMap<>();
    ChildResult r =
        runChild(
            caseName + "-measure-" + kind.id,
            List.of("-Xmx" + options.measureHeapMiB + "m"),
            List.of(
                "measure",
                "--kind",
                kind.id,
                "--path",
                path.toString(),
                "--warm",
                String.valueOf(kind == Loaders.Kind.MOA_RAW ? options.moaRawWarm : options.warm),
                "--pause"),
            (pid, stage) -> histograms.put(stage, histogram(pid)),
            6 * 3600);
    if (r.exit != 0 || !r.values.containsKey("done")) {
      a.put("error", "measuring failed (exit " + r.exit + "): " + r.errorTail);
      return a;
    }
    Map<String, String> v = r.values;
    long retained = Long.parseLong(v.get("retained"));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("summary", v.get("summary"));
    m.put("retained_bytes", retained);
    m.put("heap_before", Long.parseLong(v.get("heap.before")));
    m.put("heap_held", Long.parseLong(v.get("heap.held")));
    m.put("heap_dropped", Long.parseLong(v.get("heap.dropped")));
    m.put("cold_load_seconds", Double.parseDouble(v.get("cold.seconds")));
    m.put("cold_allocated_bytes", Long.parseLong(v.get("cold.allocated")));
    List<double[]> warm = warmLoads(v, "warm.");
    List<double[]> warmSha = warmLoads(v, "warm-sha.");
    m.put("warm_load_seconds", column(warm, 0));
    m.put("warm_allocated_bytes", column(warm, 1));
    m.put("warm_process_cpu_seconds", column(warm, 2));
    if (!warmSha.isEmpty()) {
      m.put("warm_load_seconds_with_sha256", column(warmSha, 0));
    }
    List<double[]> phases = warmLoads(v, "phase.");
    m.put("read_file_seconds", column(phases, 0));
    if (!phases.isEmpty() && phases.get(0).length == 3) {
      m.put("open_bundle_with_sha256_seconds", column(phases, 1));
      m.put("open_bundle_seconds", column(phases, 2));
    }
    if (v.containsKey("walk.total")) {
      m.put("reflective_size_bytes", Long.parseLong(v.get("walk.total")));
      m.put("reflective_size_top", Arrays.asList(v.get("walk.top").split(" \\| ")));
    }
    if (histograms.containsKey("held") && histograms.containsKey("dropped")) {
      Map<String, long[]> delta = delta(histograms.get("held"), histograms.get("dropped"));
      long total = 0;
      for (long[] e : delta.values()) {
        total += e[1];
      }
      m.put("histogram_delta_bytes", total);
      m.put("histogram_delta_top", topClasses(delta, 12));
      writeHistogram(caseName, kind, delta);
    }
    a.put("measure", m);

    if (searchXmx) {
      a.put("xmx", searchXmx(caseName, kind, path, retained, inspectJar, m, gcFlag(options.gc)));
      if (kind == Loaders.Kind.COPPICE && !options.gc.equals("g1")) {
        say("  the same search with G1:");
        a.put("xmx_g1", searchXmx(caseName, kind, path, retained, inspectJar, m, "-XX:+UseG1GC"));
      }
    }
    a.put("criteria", criteria(a));
    return a;
  }

  private static String describe(Loaders.Kind kind) {
    return switch (kind) {
      case COPPICE -> "Coppice bundle (`CoppiceModel.load`: CRC-32C of every section)";
      case MOA_GZ -> "MOA SerializeUtils (gzip + ObjectOutputStream)";
      case MOA_RAW -> "ObjectOutputStream without gzip";
    };
  }

  private static List<double[]> warmLoads(Map<String, String> v, String prefix) {
    List<double[]> list = new ArrayList<>();
    for (int i = 0; v.containsKey(prefix + i); i++) {
      String[] p = v.get(prefix + i).split(",");
      double[] row = new double[p.length];
      for (int j = 0; j < p.length; j++) {
        row[j] = Double.parseDouble(p[j]);
      }
      list.add(row);
    }
    return list;
  }

  private static List<Double> column(List<double[]> rows, int c) {
    List<Double> out = new ArrayList<>();
    for (double[] r : rows) {
      out.add(c < r.length ? r[c] : Double.NaN);
    }
    return out;
  }

  private Map<String, Object> criteria(Map<String, Object> a) {
    Map<String, Object> m = castMap(a.get("measure"));
    Map<String, Object> c = new LinkedHashMap<>();
    long file = (Long) a.get("file_bytes");
    long retained = (Long) m.get("retained_bytes");
    double retainedMiB = retained / MIB;
    c.put("file_over_retained", file / (double) retained);
    c.put("d_file_not_larger_than_retained", file <= retained);
    long cold = (Long) m.get("cold_allocated_bytes");
    c.put("allocated_over_retained", cold / (double) retained);
    c.put("b_allocated_at_most_1_2_retained", cold <= 1.2 * retained);
    @SuppressWarnings("unchecked")
    List<Double> warmAlloc = (List<Double>) m.get("warm_allocated_bytes");
    c.put("warm_allocated_over_retained", median(warmAlloc) / retained);
    @SuppressWarnings("unchecked")
    List<Double> seconds = (List<Double>) m.get("warm_load_seconds");
    double median = file / median(seconds) / 1e9;
    double best = file / min(seconds) / 1e9;
    c.put("load_gb_per_s_median", median);
    c.put("load_gb_per_s_best", best);
    c.put("c_median_at_least_1_gb_per_s", median >= 1.0);
    @SuppressWarnings("unchecked")
    List<Double> cpu = (List<Double>) m.get("warm_process_cpu_seconds");
    c.put("load_gb_per_s_median_per_process_cpu_second", file / median(cpu) / 1e9);
    @SuppressWarnings("unchecked")
    List<Double> read = (List<Double>) m.get("read_file_seconds");
    c.put("read_file_gb_per_s_median", file / median(read) / 1e9);
    if (m.containsKey("warm_load_seconds_with_sha256")) {
      @SuppressWarnings("unchecked")
      List<Double> sha = (List<Double>) m.get("warm_load_seconds_with_sha256");
      c.put("load_gb_per_s_median_with_sha256", file / median(sha) / 1e9);
      @SuppressWarnings("unchecked")
      List<Double> withSha = (List<Double>) m.get("open_bundle_with_sha256_seconds");
      @SuppressWarnings("unchecked")
      List<Double> open = (List<Double>) m.get("open_bundle_seconds");
      c.put("sha256_seconds_median", median(withSha) - median(open));
    }
    double bound = 1.1 * retainedMiB + 64;
    c.put("xmx_bound_mib", bound);
    if (a.containsKey("xmx")) {
      Map<String, Object> x = castMap(a.get("xmx"));
      Object min = x.get("min_mib");
      if (min instanceof Integer mib && mib > 0) {
        c.put("a_min_xmx_within_bound", mib <= bound);
        c.put("min_xmx_over_retained", mib / retainedMiB);
      } else {
        c.put("a_min_xmx_within_bound", false);
      }
    }
    return c;
  }

  // ---- the smallest -Xmx ----

  private Map<String, Object> searchXmx(
      String caseName,
      Loaders.Kind kind,
      Path path,
      long retained,
      String inspectJar,
      Map<String, Object> measured,
      String gc)
      throws Exception {
    Map<String, Object> x = new LinkedHashMap<>();
    probeGc = gc;
    x.put("gc", gc);
    List<Map<String, Object>> probes = new ArrayList<>();
    x.put("probes", probes);
    double cold = (Double) measured.get("cold_load_seconds");
    // A probe that takes more than 4x the unconstrained first load (plus a minute) is thrashing in
    // the collector: it counts as a failure.
    long timeout = (long) Math.max(180, 4 * cold + 60);
    x.put("probe_timeout_seconds", timeout);
    boolean useInspect = inspectJar != null && kind == Loaders.Kind.COPPICE;
    int retainedMiB = (int) Math.ceil(retained / MIB);
    int hi = Math.min(options.maxHeapMiB, Math.max(64, (int) (retainedMiB * 1.6) + 128));
    boolean hiLoads = false;
    if (useInspect) {
      hiLoads = probe(caseName, kind, path, hi, true, inspectJar, timeout, probes);
      if (!hiLoads) {
        say("  inspect failed with -Xmx" + hi + "m; using the bench loader instead");
        x.put("note", "coppice inspect failed at the generous heap; fell back to the bench loader");
        useInspect = false;
      }
    }
    x.put("loader", useInspect ? "coppice inspect" : "MemoryChild load");
    while (!hiLoads && !probe(caseName, kind, path, hi, useInspect, inspectJar, timeout, probes)) {
      if (hi >= options.maxHeapMiB) {
        x.put("min_mib", -1);
        x.put("note", "does not load with -Xmx" + options.maxHeapMiB + "m");
        return x;
      }
      hi = Math.min(options.maxHeapMiB, hi * 2);
    }
    int lo = Math.max(8, (int) (retainedMiB * 0.9));
    while (lo < hi && probe(caseName, kind, path, lo, useInspect, inspectJar, timeout, probes)) {
      hi = lo;
      lo = Math.max(8, lo / 2);
      if (hi == 8) {
        break;
      }
    }
    while (hi - lo > Math.max(1.0, hi * 0.02)) {
      int mid = (lo + hi) >>> 1;
      if (probe(caseName, kind, path, mid, useInspect, inspectJar, timeout, probes)) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    x.put("min_mib", hi);
    x.put("max_failed_mib", lo);
    say("  smallest -Xmx: " + hi + " MiB (fails at " + lo + " MiB)");
    return x;
  }

  private boolean probe(
      String caseName,
      Loaders.Kind kind,
      Path path,
      int mib,
      boolean inspect,
      String inspectJar,
      long timeoutSeconds,
      List<Map<String, Object>> probes)
      throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBin);
    cmd.add("-Xmx" + mib + "m");
    cmd.add(probeGc);
    if (inspect) {
      cmd.addAll(List.of("-cp", inspectJar, "org.coppice.cli.Main", "inspect", path.toString()));
    } else {
      cmd.addAll(
          List.of(
              "-cp",
              classpath,
              MemoryChild.class.getName(),
              "load",
              "--kind",
              kind.id,
              "--path",
              path.toString(),
              "--sha256"));
    }
    Path logFile = options.work.resolve("logs").resolve(caseName + "-xmx-" + kind.id + ".log");
    recordLoad();
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
    running.add(p);
    boolean finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    if (!finished) {
      p.destroyForcibly().waitFor();
    }
    running.remove(p);
    double seconds = (System.nanoTime() - start) / 1e9;
    boolean ok = finished && p.exitValue() == 0;
    String reason = "";
    if (!ok) {
      String text = Files.exists(logFile) ? Files.readString(logFile) : "";
      Matcher oom =
          Pattern.compile("(OutOfMemoryError|out of memory)[^\\n]*", Pattern.CASE_INSENSITIVE)
              .matcher(text);
      reason = !finished ? "timeout" : oom.find() ? oom.group() : "exit " + p.exitValue();
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("xmx_mib", mib);
    m.put("ok", ok);
    m.put("seconds", seconds);
    if (!ok) {
      m.put("reason", reason);
    }
    probes.add(m);
    say(
        "  -Xmx"
            + mib
            + "m: "
            + (ok ? "loads" : "fails (" + reason + ")")
            + " in "
            + fmt(seconds, 1)
            + " s");
    return ok;
  }

  /** The CLI jar if it has an {@code inspect} command, else null. */
  private String inspectAvailable() throws Exception {
    Path jar = options.cliJar;
    if (!Files.isRegularFile(jar)) {
      say("no " + jar + ": the -Xmx search uses the bench loader");
      return null;
    }
    Process p =
        new ProcessBuilder(
                javaBin, "-cp", jar.toString(), "org.coppice.cli.Main", "inspect", "--help")
            .redirectErrorStream(true)
            .start();
    String help = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean finished = p.waitFor(60, TimeUnit.SECONDS);
    if (!finished) {
      p.destroyForcibly().waitFor();
    }
    // The top-level usage (exit 0 too) is printed when there is no such command.
    if (finished && p.exitValue() == 0 && help.contains("Usage: coppice inspect")) {
      // A copy, so that a rebuild of the CLI during the run cannot break the probes.
      Path copy = options.work.resolve("coppice-cli-snapshot.jar");
      Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      say("the -Xmx search uses coppice inspect from " + jar + " (copied to " + copy + ")");
      return copy.toString();
    }
    say(jar + " has no inspect command: the -Xmx search uses the bench loader");
    return null;
  }

  // ---- child JVMs ----

  /** Called when a measuring child pauses; the child resumes when this returns. */
  @FunctionalInterface
  private interface PauseHandler {
    void paused(long pid, String stage) throws Exception;
  }

  private record ChildResult(
      int exit,
      Map<String, String> values,
      List<String> lines,
      double seconds,
      boolean timedOut,
      String errorTail) {}

  private ChildResult runChild(
      String name, List<String> jvm, List<String> args, PauseHandler onPause, long timeoutSeconds)
      throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBin);
    cmd.addAll(jvm);
    cmd.add(gcFlag(options.gc));
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add(MemoryChild.class.getName());
    cmd.addAll(args);
    Path err = options.work.resolve("logs").resolve(name + ".err.log");
    recordLoad();
    long start = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
    running.add(p);
    boolean[] timedOut = {false};
    Thread watchdog =
        new Thread(
            () -> {
              try {
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                  timedOut[0] = true;
                  p.destroyForcibly();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    watchdog.setDaemon(true);
    watchdog.start();
    Map<String, String> values = new LinkedHashMap<>();
    List<String> lines = new ArrayList<>();
    try (BufferedReader in =
            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        OutputStream toChild = p.getOutputStream()) {
      String line;
      while ((line = in.readLine()) != null) {
        lines.add(line);
        log.println("  [" + name + "] " + line);
        parseValue(line, values);
        if (line.startsWith("@pause=")) {
          if (onPause != null) {
            onPause.paused(p.pid(), line.substring("@pause=".length()));
          }
          toChild.write('\n');
          toChild.flush();
        }
      }
    }
    int exit = p.waitFor();
    running.remove(p);
    watchdog.interrupt();
    double seconds = (System.nanoTime() - start) / 1e9;
    return new ChildResult(exit, values, lines, seconds, timedOut[0], exit == 0 ? "" : tail(err));
  }

  private static String tail(Path file) throws IOException {
    if (!Files.exists(file)) {
      return "";
    }
    List<String> lines = Files.readAllLines(file);
    for (String l : lines) {
      if (l.contains("OutOfMemoryError")) {
        return l.trim();
      }
    }
    List<String> last = lines.subList(Math.max(0, lines.size() - 3), lines.size());
    return String.join(" / ", last).trim();
  }

  // ---- class histograms ----

  private Map<String, long[]> histogram(long pid) throws Exception {
    Path home = Path.of(javaBin).getParent();
    Path jcmd = home == null ? Path.of("jcmd") : home.resolve("jcmd");
    Process p =
        new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.class_histogram")
            .redirectErrorStream(true)
            .start();
    Map<String, long[]> h = new HashMap<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        Matcher m = HISTOGRAM_LINE.matcher(line);
        if (m.matches()) {
          h.put(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
        }
      }
    }
    p.waitFor();
    return h;
  }

  private static Map<String, long[]> delta(Map<String, long[]> held, Map<String, long[]> dropped) {
    Map<String, long[]> d = new HashMap<>();
    for (Map.Entry<String, long[]> e : held.entrySet()) {
      long[] before = dropped.getOrDefault(e.getKey(), new long[2]);
      long[] diff = {e.getValue()[0] - before[0], e.getValue()[1] - before[1]};
      if (diff[1] != 0) {
        d.put(e.getKey(), diff);
      }
    }
    return d;
  }

  private static List<String> topClasses(Map<String, long[]> delta, int n) {
    List<Map.Entry<String, long[]>> entries = new ArrayList<>(delta.entrySet());
    entries.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.min(n, entries.size()); i++) {
      Map.Entry<String, long[]> e = entries.get(i);
      out.add(e.getKey() + " x" + e.getValue()[0] + " = " + e.getValue()[1]);
    }
    return out;
  }

  private void writeHistogram(String caseName, Loaders.Kind kind, Map<String, long[]> delta)
      throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("# live objects of the loaded model: class histogram held minus dropped");
    lines.add("# instances,bytes,class");
    List<Map.Entry<String, long[]>> entries = new ArrayList<>(delta.entrySet());
    entries.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
    for (Map.Entry<String, long[]> e : entries) {
      lines.add(e.getValue()[0] + "," + e.getValue()[1] + "," + e.getKey());
    }
    Files.write(
        options.work.resolve(caseName).resolve("histogram-" + kind.id + ".csv"),
        lines,
        StandardCharsets.UTF_8);
  }

  // ---- environment ----

  private Map<String, Object> environment(String[] args) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put(
        "java",
        System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version", System.getProperty("java.version"))
            + " ("
            + System.getProperty("java.vm.vendor")
            + ")");
    e.put(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    e.put("cpus", Runtime.getRuntime().availableProcessors());
    e.put("cpu_model", procField("/proc/cpuinfo", "model name"));
    String mem = procField("/proc/meminfo", "MemTotal");
    e.put("memory", mem);
    String command = System.getenv("COPPICE_BENCH_COMMAND");
    if (command == null || command.isBlank()) {
      List<String> jvmArgs = new ArrayList<>();
      for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
        if (!a.contains("/") && !a.contains("\\")) {
          jvmArgs.add(a);
        }
      }
      command =
          "java "
              + String.join(" ", jvmArgs)
              + " -cp <classpath> "
              + ModelMemoryBenchmark.class.getName()
              + (args.length == 0 ? "" : " " + String.join(" ", args));
    }
    e.put("command", command);
    String revision = System.getenv("COPPICE_BENCH_REVISION");
    e.put("revision", revision == null || revision.isBlank() ? "unknown" : revision);
    e.put("started", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    e.put("load_average_at_start", loadAverage());
    return e;
  }

  private static String procField(String file, String field) {
    try {
      for (String line : Files.readAllLines(Path.of(file))) {
        if (line.toLowerCase(Locale.ROOT).startsWith(field.toLowerCase(Locale.ROOT))) {
          int colon = line.indexOf(':');
          return colon < 0 ? line.trim() : line.substring(colon + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // unknown on this system
    }
    return "unknown";
  }

  /** The 1-minute load average, or NaN where there is none. */
  private static double loadAverage() {
    try {
      String text = Files.readString(Path.of("/proc/loadavg")).trim();
      return Double.parseDouble(text.split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
  }

  private void recordLoad() {
    double l = loadAverage();
    if (l >= 0) {
      loadSamples.add(l);
    }
  }

  private List<Double> loadRange() {
    if (loadSamples.isEmpty()) {
      return List.of();
    }
    return List.of(
        loadSamples.stream().mapToDouble(Double::doubleValue).min().orElse(0),
        loadSamples.stream().mapToDouble(Double::doubleValue).max().orElse(0));
  }

  // ---- output ----

  private void writeResults(Map<String, Object> results) throws IOException {
    Files.writeString(
        options.work.resolve("results.json"), Json.write(results) + "\n", StandardCharsets.UTF_8);
    Files.writeString(options.work.resolve("results.csv"), csv(results), StandardCharsets.UTF_8);
    String section = MemoryReport.section(results, loadRange());
    Files.writeString(options.work.resolve("memory-section.md"), section, StandardCharsets.UTF_8);
    if (options.docs != null) {
      MemoryReport.writeInto(options.docs, section);
    }
  }

  private static String csv(Map<String, Object> results) {
    StringWriter s = new StringWriter();
    s.write(
        "case,rows,trees,system,kind,file_bytes,retained_bytes,file_over_retained,min_xmx_mib,"
            + "xmx_bound_mib,cold_allocated_bytes,allocated_over_retained,load_gb_s_median,"
            + "load_gb_s_best,a_pass,b_pass,c_pass,d_pass\n");
    for (Map<String, Object> c : castList(results.get("cases"))) {
      for (String system : List.of("coppice", "moa")) {
        Map<String, Object> sys = castMap(c.get(system));
        if (sys == null || !sys.containsKey("artifacts")) {
          continue;
        }
        for (Map<String, Object> a : castList(sys.get("artifacts"))) {
          if (!a.containsKey("criteria")) {
            continue;
          }
          Map<String, Object> m = castMap(a.get("measure"));
          Map<String, Object> k = castMap(a.get("criteria"));
          Object minXmx = a.containsKey("xmx") ? castMap(a.get("xmx")).get("min_mib") : (Object) "";
          s.write(
              String.join(
                      ",",
                      String.valueOf(c.get("name")),
                      String.valueOf(c.get("rows")),
                      String.valueOf(c.get("trees")),
                      system,
                      String.valueOf(a.get("kind")),
                      String.valueOf(a.get("file_bytes")),
                      String.valueOf(m.get("retained_bytes")),
                      num(k.get("file_over_retained")),
                      String.valueOf(minXmx),
                      num(k.get("xmx_bound_mib")),
                      String.valueOf(m.get("cold_allocated_bytes")),
                      num(k.get("allocated_over_retained")),
                      num(k.get("load_gb_per_s_median")),
                      num(k.get("load_gb_per_s_best")),
                      String.valueOf(k.getOrDefault("a_min_xmx_within_bound", "")),
                      String.valueOf(k.get("b_allocated_at_most_1_2_retained")),
                      String.valueOf(k.get("c_median_at_least_1_gb_per_s")),
                      String.valueOf(k.get("d_file_not_larger_than_retained")))
                  + "\n");
        }
      }
    }
    return s.toString();
  }

  private static String num(Object o) {
    return o instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : String.valueOf(o);
  }

  static String fmt(double v, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  static double min(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }
}
