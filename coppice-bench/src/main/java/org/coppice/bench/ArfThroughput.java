package org.coppice.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.gen.StreamSpecs;
import org.coppice.learn.Classifier;
import org.coppice.learn.tree.AdaptiveRandomForest;
import org.coppice.learn.tree.ArfConfig;
import org.coppice.stream.InstanceStream;

/**
 * Single-thread test-then-train throughput of a 10-tree forest, run by hand (not a test; no timing
 * is ever asserted):
 *
 * <pre>
 * mvn -B -q install -DskipTests
 * java -Xmx2g -XX:+UseParallelGC -cp "$(cat coppice-bench/target/classpath.txt):coppice-bench/target/classes" \
 *     org.coppice.bench.ArfThroughput [instances] [repeats]
 * </pre>
 *
 * The instances are generated before the clock starts, so only the forest is timed. Prints every
 * repeat, the best and the number of correct predictions (which must not change between builds).
 * Besides wall-clock time, the rate per CPU second of the training thread is printed: on a shared
 * machine it varies less with the load of other processes.
 */
public final class ArfThroughput {
  private static final String[] STREAMS = {
    "rbf(classes=5,speed=0.001,drift-centroids=50)", "led(drift-attributes=7)"
  };

  private ArfThroughput() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    for (String spec : STREAMS) {
      InstanceStream stream = StreamSpecs.parse(spec, 1);
      Schema schema = stream.schema();
      Instance[] data = new Instance[n];
      for (int i = 0; i < n; i++) {
        data[i] = schema.newInstance();
        stream.next(data[i]);
      }
      ThreadMXBean bean = ManagementFactory.getThreadMXBean();
      double best = 0;
      double bestCpu = 0;
      for (int r = 0; r < repeats; r++) {
        long cpuStart = bean.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long correct = run(schema, data);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (bean.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double rate = n / seconds;
        double cpuRate = n / cpuSeconds;
        best = Math.max(best, rate);
        bestCpu = Math.max(bestCpu, cpuRate);
        System.out.printf(
            "%-50s run %d: %8.0f instances/s (%.2f s; %8.0f per CPU s; %d correct)%n",
            spec, r + 1, rate, seconds, cpuRate, correct);
      }
      System.out.printf(
          "%-50s best: %8.0f instances/s, %8.0f per CPU second%n", spec, best, bestCpu);
    }
  }

  private static long run(Schema schema, Instance[] data) {
    int block = 1000;
    Instance[] batch = new Instance[block];
    double[][] votes = new double[block][schema.numClasses()];
    long correct = 0;
    try (AdaptiveRandomForest arf =
        new AdaptiveRandomForest(schema, ArfConfig.builder().ensembleSize(10).threads(1).build())) {
      for (int s = 0; s < data.length; s += block) {
        int m = Math.min(block, data.length - s);
        System.arraycopy(data, s, batch, 0, m);
        arf.testThenTrain(batch, m, votes);
        for (int i = 0; i < m; i++) {
          if (Classifier.argmax(votes[i]) == batch[i].y) {
            correct++;
          }
        }
      }
    }
    return correct;
  }
}
