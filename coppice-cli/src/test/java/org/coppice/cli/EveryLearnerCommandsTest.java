package org.coppice.cli;

import static org.coppice.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.coppice.cli.CliTest.Run;
import org.coppice.learn.Task;
import org.coppice.learn.registry.LearnerType;
import org.coppice.learn.registry.Learners;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered learner, by its name alone, through every command that takes or reads a model:
 * {@code prequential}, {@code train}, {@code learn}, {@code predict}, {@code inspect}, and, where
 * the learner can be frozen, {@code train --frozen}. Resuming is exact from the command line too:
 * {@code learn(train(A), B)} writes the same {@code model.bin} as {@code train(A + B)}. A learner
 * added to the registry is covered here without a line of this test changing.
 */
class EveryLearnerCommandsTest {
  private static final int HALF = 400;

  @TempDir static Path data;

  /** Per task: the first half, the second half and the whole, each as {@code data.csv}. */
  private static final Map<Task, Path[]> FILES = new java.util.EnumMap<>(Task.class);

  @TempDir Path dir;

  @BeforeAll
  static void writeData() throws IOException {
    write(Task.CLASSIFICATION, "agrawal(function=2)");
    write(Task.REGRESSION, "hyperplane-regression(attributes=5,drift-attributes=5,mag=0.001)");
  }

  private static void write(Task task, String stream) throws IOException {
    Path whole = data.resolve(task.cliName()).resolve("whole").resolve("data.csv");
    Files.createDirectories(whole.getParent());
    Run g =
        run(
            "generate",
            stream,
            "--n",
            String.valueOf(2 * HALF),
            "--seed",
            "5",
            "--out",
            whole.toString());
    assertEquals(0, g.exitCode(), g.err());
    List<String> lines = Files.readAllLines(whole);
    // The same file name in every folder: the data set's name is part of a model's schema.
    Path first = data.resolve(task.cliName()).resolve("first").resolve("data.csv");
    Path second = data.resolve(task.cliName()).resolve("second").resolve("data.csv");
    Files.createDirectories(first.getParent());
    Files.createDirectories(second.getParent());
    Files.write(first, lines.subList(0, 1 + HALF));
    List<String> rest = new ArrayList<>();
    rest.add(lines.get(0));
    rest.addAll(lines.subList(1 + HALF, lines.size()));
    Files.write(second, rest);
    FILES.put(task, new Path[] {first, second, whole});
  }

  static Stream<String> learners() {
    return Learners.all().stream().map(LearnerType::name);
  }

  /** The learner's options kept small for a fast test: three members for an ensemble. */
  private static List<String> options(LearnerType<?, ?> type) {
    List<String> o = new ArrayList<>(List.of("--learner", type.name(), "--seed", "3"));
    if (type.hasParameter("trees")) {
      o.addAll(List.of("--trees", "3"));
    }
    return o;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("learners")
  void everyCommandTakesTheLearner(String name) throws IOException {
    LearnerType<?, ?> type = Learners.byName(name);
    Path[] files = FILES.get(type.task());

    List<String> pq = new ArrayList<>(List.of("prequential", "--data", files[2].toString()));
    pq.addAll(options(type));
    pq.add("--json");
    Run p = run(pq.toArray(new String[0]));
    assertEquals(0, p.exitCode(), name + " prequential: " + p.err());
    Map<String, Object> pj = CliTest.json(p);
    String metric = type.task() == Task.REGRESSION ? "rmse" : "accuracy";
    assertTrue(pj.containsKey(metric), name + " prequential reports " + metric + ": " + p.out());
    assertEquals(name, pj.get("learner"), "prequential names the learner");

    Path first = train(type, files[0], dir.resolve("first"), false);
    Path resumed = dir.resolve("resumed");
    Run l =
        run(
            "learn",
            "--model",
            first.toString(),
            "--data",
            files[1].toString(),
            "--out",
            resumed.toString());
    assertEquals(0, l.exitCode(), name + " learn: " + l.err());
    Path whole = train(type, files[2], dir.resolve("whole"), false);
    assertArrayEquals(
        Files.readAllBytes(whole.resolve("model.bin")),
        Files.readAllBytes(resumed.resolve("model.bin")),
        name + ": learn(train(A), B) = train(A + B), byte for byte");

    Path predictions = dir.resolve("predictions.csv");
    Run pr =
        run(
            "predict",
            "--model",
            resumed.toString(),
            "--data",
            files[1].toString(),
            "--out",
            predictions.toString());
    assertEquals(0, pr.exitCode(), name + " predict: " + pr.err());
    assertEquals(1 + HALF, Files.readAllLines(predictions).size(), "a header and a row per record");

    Run in = run("inspect", resumed.toString(), "--json");
    assertEquals(0, in.exitCode(), name + " inspect: " + in.err());
    Map<String, Object> ij = MiniJson.object(in.out());
    assertEquals(name, ij.get("learner"), "inspect names the learner");
    assertTrue(
        ij.get("model") instanceof Map<?, ?> s && !s.isEmpty(),
        name + ": inspect shows the structure: " + in.out());

    if (type.capabilities().freezable()) {
      Path frozen = train(type, files[2], dir.resolve("frozen"), true);
      Path frozenPredictions = dir.resolve("frozen.csv");
      Run fp =
          run(
              "predict",
              "--model",
              frozen.toString(),
              "--data",
              files[1].toString(),
              "--out",
              frozenPredictions.toString());
      assertEquals(0, fp.exitCode(), name + " predict (frozen): " + fp.err());
      Path wholePredictions = dir.resolve("whole.csv");
      assertEquals(
          0,
          run(
                  "predict",
                  "--model",
                  whole.toString(),
                  "--data",
                  files[1].toString(),
                  "--out",
                  wholePredictions.toString())
              .exitCode());
      assertEquals(
          Files.readAllLines(wholePredictions),
          Files.readAllLines(frozenPredictions),
          name + ": a frozen model predicts as the one it was frozen from");
    }
  }

  private static Path train(LearnerType<?, ?> type, Path file, Path out, boolean frozen) {
    List<String> args = new ArrayList<>(List.of("train", "--data", file.toString()));
    args.addAll(options(type));
    args.addAll(List.of("--out", out.toString()));
    if (frozen) {
      args.add("--frozen");
    }
    Run t = run(args.toArray(new String[0]));
    assertEquals(0, t.exitCode(), type.name() + " train: " + t.err());
    return out;
  }
}
