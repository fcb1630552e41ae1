package org.coppice.bench.memory;

import com.yahoo.labs.samoa.instances.InstancesHeader;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ObjectOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import moa.core.SerializeUtils;
import moa.core.Utils;
import moa.options.ClassOption;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.eval.PrequentialEvaluator;
import org.coppice.eval.PrequentialResult;
import org.coppice.gen.MakeClassificationGenerator;
import org.coppice.io.bundle.BundleReader;
import org.coppice.io.bundle.Limits;
import org.coppice.learn.registry.Settings;
import org.coppice.learn.tree.AdaptiveRandomForest;
import org.coppice.learn.tree.ArfType;
import org.coppice.model.CoppiceModel;
import org.coppice.model.Preprocessor;

/**
 * The work done in child JVMs, one mode per run, so that every figure comes from a fresh JVM and
 * the parent stays small. Results go to standard output as {@code @key=value} lines; progress to
 * standard error.
 *
 * <ul>
 *   <li>{@code train-coppice --out DIR --rows N --trees T --seed S [--grow-to BYTES]}: trains
 *       Coppice's ARF test-then-train on the first N rows of {@link RiverData} and saves the bundle
 *       {@code DIR}; with {@code --grow-to}, keeps training on more rows of the same stream, saving
 *       at checkpoints, until {@code model.bin} reaches BYTES.
 *   <li>{@code train-moa --out FILE --rows N --trees T --seed S}: the same with MOA's {@code
 *       meta.AdaptiveRandomForest -s T}, saved with {@code SerializeUtils.writeToFile} (FILE.gz)
 *       and with a plain ObjectOutputStream (FILE).
 *   <li>{@code measure --kind K --path P --warm W [--pause]}: retained heap, allocation and time of
 *       the first load, then W warm loads; with {@code --pause} it stops twice (model held, model
 *       dropped) until a line arrives on standard input, for a class histogram.
 *   <li>{@code load --kind K --path P [--sha256]}: loads once and prints a summary (the loader for
 *       the -Xmx search when {@code coppice inspect} is not available).
 * </ul>
 */
public final class MemoryChild {
  private MemoryChild() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: MemoryChild MODE [options]");
    }
    Map<String, String> o = options(args);
    switch (args[0]) {
      case "train-coppice" -> trainCoppice(o);
      case "train-moa" -> trainMoa(o);
      case "measure" -> measure(o);
      case "load" -> load(o);
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected an option, got " + args[i]);
      }
      String key = args[i].substring(2);
      if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        o.put(key, args[++i]);
      } else {
        o.put(key, "true");
      }
    }
    return o;
  }

  static void out(String key, Object value) {
    System.out.println("@" + key + "=" + value);
    System.out.flush();
  }

  private static void progress(String message) {
    System.err.println(message);
    System.err.flush();
  }

  // ---- training ----

  private static void trainCoppice(Map<String, String> o) throws IOException {
    Path dir = Path.of(o.get("out"));
    long rows = Long.parseLong(o.get("rows"));
    int trees = Integer.parseInt(o.get("trees"));
    long seed = Long.parseLong(o.get("seed"));
    long growTo = Long.parseLong(o.getOrDefault("grow-to", "0"));
    MakeClassificationGenerator gen = RiverData.generator(seed);
    Schema schema = gen.schema();
    AdaptiveRandomForest learner =
        ArfType.TYPE.create(
            schema, Settings.of(ArfType.TYPE, Map.of("trees", trees, "seed", seed)));
    out("generator", gen.spec());
    out("threads", learner.config().threads());
    long done = 0;
    long correct = 0;
    double trainSeconds = 0;
    long target = rows;
    long previousRows = 0;
    long previousBytes = 0;
    while (true) {
      PrequentialResult r = new PrequentialEvaluator().limit(target - done).run(learner, gen);
      done += r.instances();
      correct += Math.round(r.accuracy() * r.scored());
      trainSeconds += r.seconds();
      long start = System.nanoTime();
      CoppiceModel.of(learner, new Preprocessor(schema))
          .save(dir, CoppiceModel.SaveOptions.defaults());
      double saveSeconds = (System.nanoTime() - start) / 1e9;
      long bytes = Files.size(dir.resolve("model.bin"));
      String summary = Loaders.forestSummary(learner);
      out(
          "checkpoint",
          done + "," + bytes + "," + fmt(trainSeconds) + "," + fmt(saveSeconds) + "," + summary);
      progress(
          String.format(
              Locale.ROOT,
              "coppice: %d rows, model.bin %.1f MiB, %.0f s training; %s",
              done,
              bytes / 1048576.0,
              trainSeconds,
              summary));
      if (growTo <= 0 || bytes >= growTo) {
        out("rows", done);
        out("correct", correct);
        out("train.seconds", fmt(trainSeconds));
        out("save.seconds", fmt(saveSeconds));
        out("bin.bytes", bytes);
        out("summary", summary);
        break;
      }
      target = nextCheckpoint(done, bytes, previousRows, previousBytes, growTo);
      previousRows = done;
      previousBytes = bytes;
    }
    learner.close();
  }

  /**
   * The pilot: the next row count to train to, aiming 3% past the target with the growth of the
   * last two checkpoints (linear), rounded up to 500 rows, at least 1.25x and at most 2x the rows
   * done.
   */
  static long nextCheckpoint(
      long rows, long bytes, long previousRows, long previousBytes, long targetBytes) {
    double perRow =
        previousRows > 0 && bytes > previousBytes
            ? (bytes - previousBytes) / (double) (rows - previousRows)
            : bytes / (double) rows;
    double wanted = rows + (targetBytes * 1.03 - bytes) / perRow;
    long next = (long) Math.ceil(wanted / 500.0) * 500;
    return Math.max((long) Math.ceil(rows * 1.25), Math.min(next, rows * 2));
  }

  private static void trainMoa(Map<String, String> o) throws Exception {
    Path file = Path.of(o.get("out"));
    long rows = Long.parseLong(o.get("rows"));
    int trees = Integer.parseInt(o.get("trees"));
    long seed = Long.parseLong(o.get("seed"));
    MakeClassificationGenerator gen = RiverData.generator(seed);
    InstancesHeader header = RiverData.moaHeader(gen.schema());
    String cli = "meta.AdaptiveRandomForest -s " + trees;
    moa.classifiers.Classifier learner =
        (moa.classifiers.Classifier)
            ClassOption.cliStringToObject(cli, moa.classifiers.Classifier.class, null);
    learner.setRandomSeed((int) seed);
    learner.setModelContext(header);
    learner.prepareForUse();
    learner.resetLearning();
    out("learner", cli + " (seed " + seed + " via setRandomSeed)");
    Instance inst = gen.schema().newInstance();
    collect();
    long base = used();
    long correct = 0;
    long start = System.nanoTime();
    long lastReport = start;
    for (long t = 0; t < rows; t++) {
      gen.next(inst);
      com.yahoo.labs.samoa.instances.Instance moa = RiverData.toMoa(inst, header);
      double[] votes = learner.getVotesForInstance(moa);
      if (Utils.maxIndex(votes) == inst.y) {
        correct++;
      }
      learner.trainOnInstance(moa);
      long now = System.nanoTime();
      if (now - lastReport > 30_000_000_000L) {
        progress(String.format(Locale.ROOT, "moa: %d rows, %.0f s", t + 1, (now - start) / 1e9));
        lastReport = now;
      }
    }
    double trainSeconds = (System.nanoTime() - start) / 1e9;
    out("rows", rows);
    out("correct", correct);
    out("train.seconds", fmt(trainSeconds));
    collect();
    out("retained", used() - base); // the learner, measured in the training JVM
    Path gz = file.resolveSibling(file.getFileName() + ".gz");
    long t0 = System.nanoTime();
    SerializeUtils.writeToFile(gz.toFile(), learner);
    out("gz.write.seconds", fmt((System.nanoTime() - t0) / 1e9));
    t0 = System.nanoTime();
    try (ObjectOutputStream os =
        new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      os.writeObject(learner);
    }
    out("raw.write.seconds", fmt((System.nanoTime() - t0) / 1e9));
    out("gz.bytes", Files.size(gz));
    out("raw.bytes", Files.size(file));
    out("summary", Loaders.summary(learner));
  }

  // ---- loading ----

  private static void load(Map<String, String> o) throws IOException {
    Loaders.Kind kind = Loaders.Kind.of(o.get("kind"));
    Object model = Loaders.load(kind, Path.of(o.get("path")), o.containsKey("sha256"));
    System.out.println("loaded: " + Loaders.summary(model));
  }

  private static void measure(Map<String, String> o) throws IOException {
    Loaders.Kind kind = Loaders.Kind.of(o.get("kind"));
    Path path = Path.of(o.get("path"));
    int warm = Integer.parseInt(o.getOrDefault("warm", "5"));
    boolean pause = o.containsKey("pause");
    BufferedReader stdin =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    out("pid", ProcessHandle.current().pid());
    out("file.bytes", Loaders.fileBytes(kind, path));

    collect();
    long before = used();
    long a0 = allocated();
    long t0 = System.nanoTime();
    Object model = Loaders.load(kind, path, false);
    long t1 = System.nanoTime();
    long a1 = allocated();
    collect();
    long held = used();
    out("cold.seconds", fmt((t1 - t0) / 1e9));
    out("cold.allocated", a1 - a0);
    out("heap.before", before);
    out("heap.held", held);
    out("summary", Loaders.summary(model));
    if (kind == Loaders.Kind.COPPICE) {
      HeapWalk walk = new HeapWalk();
      walk.walk(model);
      out("walk.total", walk.total());
      out("walk.objects", walk.objects());
      out("walk.top", String.join(" | ", walk.top(14)));
    }
    if (pause) {
      out("pause", "held");
      stdin.readLine();
    }
    Reference.reachabilityFence(model);
    model = null;
    collect();
    long dropped = used();
    out("heap.dropped", dropped);
    out("retained", held - dropped);
    if (pause) {
      out("pause", "dropped");
      stdin.readLine();
    }
    boolean coppice = kind == Loaders.Kind.COPPICE;
    // Coppice: the default load (CRC-32C of every section), then with the SHA-256 check as well.
    boolean[] modes = coppice ? new boolean[] {false, true} : new boolean[] {false};
    for (boolean sha256 : modes) {
      for (int i = 0; i < warm; i++) {
        collect();
        long b0 = allocated();
        long c0 = processCpu();
        long s0 = System.nanoTime();
        Object m = Loaders.load(kind, path, sha256);
        long s1 = System.nanoTime();
        long c1 = processCpu();
        long b1 = allocated();
        Reference.reachabilityFence(m);
        out(
            (sha256 ? "warm-sha." : "warm.") + i,
            fmt((s1 - s0) / 1e9) + "," + (b1 - b0) + "," + fmt((c1 - c0) / 1e9));
      }
    }
    // Where a load's time goes: reading the file at all, opening the bundle with and without the
    // SHA-256 check (the rest of a load is decoding and validating the sections).
    Path file = coppice ? path.resolve("model.bin") : path;
    for (int i = 0; i < warm; i++) {
      long s0 = System.nanoTime();
      readThrough(file);
      long s1 = System.nanoTime();
      String phases = fmt((s1 - s0) / 1e9);
      if (coppice) {
        long o0 = System.nanoTime();
        BundleReader.open(path, Limits.DEFAULT, true).close();
        long o1 = System.nanoTime();
        BundleReader.open(path, Limits.DEFAULT, false).close();
        long o2 = System.nanoTime();
        phases += "," + fmt((o1 - o0) / 1e9) + "," + fmt((o2 - o1) / 1e9);
      }
      out("phase." + i, phases);
    }
    out("done", "true");
  }

  /** Reads a file through a 1 MiB direct buffer and discards it: the page cache's own speed. */
  private static void readThrough(Path file) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long pos = 0;
      while (true) {
        buffer.clear();
        int n = ch.read(buffer, pos);
        if (n < 0) {
          break;
        }
        pos += n;
      }
    }
  }

  /** CPU time of the whole process (all threads, the garbage collector's included), in ns. */
  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void collect() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
  }

  private static long used() {
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    return mem.getHeapMemoryUsage().getUsed();
  }

  /** Bytes allocated by this thread so far (loading is single-threaded). */
  private static long allocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
