package org.coppice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.coppice.data.Instance;
import org.coppice.io.DataSources;
import org.coppice.stream.InstanceStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs the coppice command in-process with captured standard output and error. */
class CliTest {
  @TempDir Path dir;

  record Run(int exitCode, String out, String err) {
    List<String> errLines() {
      return err.isEmpty() ? List.of() : Arrays.asList(err.split("\\R"));
    }

    String lastOutLine() {
      String[] lines = out.strip().split("\\R");
      return lines[lines.length - 1];
    }
  }

  static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static Map<String, Object> json(Run r) {
    return MiniJson.object(r.lastOutLine());
  }

  static double num(Map<String, Object> j, String key) {
    Object v = j.get(key);
    assertTrue(v instanceof Double, key + " is not a number: " + v);
    return (Double) v;
  }

  /** Writes {@code n} SEA instances to {@code file} with the generate command. */
  private Path generate(String stream, int n, String fileName) {
    Path file = dir.resolve(fileName);
    Run r =
        run(
            "generate",
            stream,
            "--n",
            Integer.toString(n),
            "--seed",
            "7",
            "--out",
            file.toString());
    assertEquals(0, r.exitCode(), r.err());
    return file;
  }

  private static long countRows(Path file) {
    long rows = 0;
    try (InstanceStream s = DataSources.open(file)) {
      Instance inst = s.schema().newInstance();
      while (s.next(inst)) {
        rows++;
      }
    }
    return rows;
  }

  /**
   * Exit code not 0, one line "coppice: error: ..." first, and nothing looking like a stack trace.
   */
  static void assertUserError(Run r, String expectedInMessage) {
    assertNotEquals(0, r.exitCode(), r.err());
    List<String> lines = r.errLines();
    assertFalse(lines.isEmpty(), "nothing on standard error");
    assertTrue(lines.get(0).startsWith("coppice: error: "), r.err());
    assertTrue(lines.get(0).contains(expectedInMessage), r.err());
    assertEquals(1, lines.stream().filter(l -> l.startsWith("coppice: error:")).count(), r.err());
    assertTrue(lines.size() <= 2, "more than the error and a hint:\n" + r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
    assertEquals("", r.out());
  }

  @Test
  void prequentialOnAnArffFileWithJson() {
    Path arff = generate("sea", 3000, "sea.arff");
    Run r = run("prequential", "--data", arff.toString(), "--trees", "5", "--json");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.err());
    Map<String, Object> j = json(r);
    assertEquals(3000, (long) num(j, "instances"));
    double accuracy = num(j, "accuracy");
    assertTrue(accuracy >= 0 && accuracy <= 1, "accuracy " + accuracy);
    assertTrue(accuracy > 0.6, "SEA is learnable: accuracy " + accuracy);
    num(j, "kappa");
    assertTrue(num(j, "seconds") > 0);
    assertTrue(num(j, "instances_per_second") > 0);
    num(j, "macro_f1");
    num(j, "log_loss");
    num(j, "window_accuracy");
    assertEquals("arf", (String) j.get("learner"));
    assertEquals(5, (int) num(j, "trees"));
    assertEquals(1, (long) num(j, "seed"));
    assertEquals(arff.toString(), (String) j.get("source"));
    List<?> m = (List<?>) j.get("confusion_matrix");
    assertEquals(2, m.size());
    double total = 0;
    for (Object row : m) {
      for (Object cell : (List<?>) row) {
        total += (Double) cell;
      }
    }
    assertEquals(3000, total);
  }

  @Test
  void prequentialOnAStreamWithALimit() {
    Run r = run("prequential", "--stream", "sea", "--limit", "5000");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().contains("instances    5,000"), r.out());
    assertTrue(r.out().matches("(?s).*accuracy +\\d+\\.\\d\\d %.*"), r.out());
    assertTrue(r.out().contains("arf (Adaptive Random Forest), 100 trees, seed 1"), r.out());
    assertTrue(r.out().contains("groupA"), "confusion matrix with class names:\n" + r.out());
    assertTrue(r.out().contains("drifts"), r.out());
  }

  @Test
  void streamDefaultsToOneHundredThousandInstances() {
    Run r = run("prequential", "--stream", "sea", "--learner", "majority", "--json");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(100_000, (long) num(json(r), "instances"));
  }

  @Test
  void resultsDoNotDependOnThreadsAndFollowTheSeed() {
    String[] base = {"prequential", "--stream", "sea", "--limit", "3000", "--trees", "4", "--json"};
    Map<String, Object> one = json(run(concat(base, "--threads", "1")));
    Map<String, Object> two = json(run(concat(base, "--threads", "3")));
    assertEquals(num(one, "accuracy"), num(two, "accuracy"));
    assertEquals(num(one, "log_loss"), num(two, "log_loss"));
    assertEquals(one.get("confusion_matrix"), two.get("confusion_matrix"));
    Map<String, Object> again = json(run(concat(base, "--threads", "1")));
    assertEquals(num(one, "log_loss"), num(again, "log_loss"));
    Map<String, Object> otherSeed = json(run(concat(base, "--threads", "1", "--seed", "2")));
    assertNotEquals(one.get("stream_spec"), otherSeed.get("stream_spec"));
  }

  @Test
  void everyLearnerRuns() {
    for (String learner : List.of("ht", "nb", "majority")) {
      Run r =
          run(
              "prequential",
              "--stream",
              "agrawal",
              "--limit",
              "2000",
              "--learner",
              learner,
              "--json");
      assertEquals(0, r.exitCode(), learner + ": " + r.err());
      Map<String, Object> j = json(r);
      assertEquals(learner, (String) j.get("learner"));
      assertTrue(j.containsKey("trees"));
      assertEquals(null, j.get("trees"));
      assertEquals(2000, (long) num(j, "instances"));
    }
    Run r =
        run(
            "prequential",
            "--stream",
            "sea",
            "--limit",
            "2000",
            "--learner",
            "ht",
            "--grace-period",
            "100",
            "--split-criterion",
            "gini",
            "--leaf-prediction",
            "mc",
            "--json");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(((String) json(r).get("learner_settings")).contains("grace-period 100, "));
  }

  @Test
  void generateWritesAFileThatReadsBack() {
    assertEquals(1234, countRows(generate("agrawal(function=3)", 1234, "agrawal.csv")));
    assertEquals(500, countRows(generate("sea", 500, "sea.arff.gz")));
    Run r = run("generate", "led", "-n", "10", "-o", dir.resolve("led.csv").toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().startsWith("wrote 10 instances of led("), r.out());
  }

  @Test
  void helpAndVersion() {
    Run help = run("generate", "--help");
    assertEquals(0, help.exitCode());
    for (String stream : List.of("sea", "agrawal", "hyperplane", "rbf", "led", "drift")) {
      assertTrue(help.out().contains("\n" + stream), stream + " not listed:\n" + help.out());
    }
    Run prequential = run("prequential", "--help");
    assertEquals(0, prequential.exitCode());
    assertTrue(prequential.out().contains("--max-features"));
    Run version = run("--version");
    assertEquals(0, version.exitCode());
    assertTrue(version.out().startsWith("coppice "), version.out());
  }

  @Test
  void missingFile() {
    Run r = run("prequential", "--data", dir.resolve("nope.arff").toString());
    assertUserError(r, "no such file");
    assertEquals(1, r.exitCode());
  }

  @Test
  void unknownTargetColumn() {
    Path arff = generate("sea", 10, "sea.arff");
    Run r = run("prequential", "--data", arff.toString(), "--target", "colour");
    assertUserError(r, "'colour'");
    assertEquals(2, r.exitCode());
    Path csv = generate("sea", 10, "sea.csv");
    assertUserError(run("prequential", "--data", csv.toString(), "--target", "colour"), "'colour'");
  }

  @Test
  void malformedRowNamesFileAndLine() throws IOException {
    Path bad = dir.resolve("bad.arff");
    Files.writeString(
        bad,
        "@relation t\n@attribute a numeric\n@attribute c {x,y}\n@data\n1,x\n2,y\nabc,x\n3,y\n",
        StandardCharsets.UTF_8);
    Run r = run("prequential", "--data", bad.toString(), "--learner", "nb");
    assertUserError(r, bad + ":7");
    assertEquals(1, r.exitCode());
    assertEquals(1, r.errLines().size(), r.err());
  }

  @Test
  void badMaxFeatures() {
    Run r = run("prequential", "--stream", "sea", "--max-features", "lots");
    assertUserError(r, "--max-features");
    assertEquals(2, r.exitCode());
  }

  @Test
  void unknownStream() {
    Run r = run("prequential", "--stream", "sae");
    assertUserError(r, "unknown stream 'sae'");
    assertEquals(2, r.exitCode());
    assertUserError(
        run("generate", "sae", "-n", "5", "-o", dir.resolve("x.csv").toString()), "sae");
    assertFalse(Files.exists(dir.resolve("x.csv")));
  }

  @Test
  void otherUsageErrors() {
    assertUserError(run("prequential"), "--data");
    assertUserError(run("prequential", "--stream", "sea", "--bogus"), "--bogus");
    assertUserError(
        run("prequential", "--stream", "sea", "--learner", "ht", "--trees", "3"), "--trees");
    assertUserError(run("prequential", "--stream", "sea", "--trees", "0"), "--trees");
    assertUserError(run("prequential", "--stream", "sea", "--limit", "0"), "--limit");
    assertUserError(run("prequential", "--stream", "sea", "--target", "x"), "--target");
    assertUserError(run("prequential", "--stream", "sea", "--drift-delta", "2"), "--drift-delta");
    assertUserError(run("prequential", "--stream", "sea", "--leaf-prediction", "x"), "leaf");
    assertUserError(
        run("generate", "sea", "-n", "5", "-o", dir.resolve("x.txt").toString()), "x.txt");
    assertUserError(run(), "missing command");
  }

  @Test
  void unwritableOutputIsADataError() {
    Run r = run("generate", "sea", "-n", "5", "-o", dir.resolve("no/such/dir/x.csv").toString());
    assertUserError(r, "x.csv");
    assertEquals(1, r.exitCode());
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
