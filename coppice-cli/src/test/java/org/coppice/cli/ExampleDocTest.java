package org.coppice.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coppice.cli.CliTest.Run;
import org.coppice.model.CoppiceModel;
import org.coppice.model.Prediction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs docs/EXAMPLE.md: every {@code sh} block, in order, in a temporary directory (in-process
 * {@code ./coppice} commands, {@code mkdir -p}, {@code cat > FILE <<'EOF'} and {@code head -n}),
 * and compares the standard output of each block with the {@code text} block that follows it, so
 * that the page cannot drift from the code. Lines that vary from run to run (timings, dates, the
 * Java version, the size of manifest.json) are left out of the comparison, and numbers are compared
 * by value.
 */
class ExampleDocTest {
  /** Lines of the outputs that vary between runs and machines. */
  private static final List<Pattern> VARYING =
      List.of(
          Pattern.compile("^bundle {7}.*: \\d+ files, [\\d,]+ bytes.*"), // manifest.json's size
          Pattern.compile("^time {9}.* s, .* rows/s.*"),
          Pattern.compile("^\\d+ rows scored in .* s \\(.* rows/s\\) -> .*"),
          Pattern.compile("^created: .*"),
          Pattern.compile("^written by: .*"),
          Pattern.compile("^ {2}manifest\\.json: \\d+ bytes$"));

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");

  @TempDir Path dir;

  /** A fenced code block of the page. */
  record Block(String lang, List<String> lines, int line) {}

  static Path page() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path p = d.resolve("docs").resolve("EXAMPLE.md");
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new IllegalStateException(
        "docs/EXAMPLE.md not found above " + Path.of("").toAbsolutePath());
  }

  static List<Block> blocks(List<String> page) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < page.size(); i++) {
      if (page.get(i).startsWith("```")) {
        String lang = page.get(i).substring(3).strip();
        int start = i + 1;
        int end = start;
        while (!page.get(end).startsWith("```")) {
          end++;
        }
        blocks.add(new Block(lang, page.subList(start, end), start + 1));
        i = end;
      }
    }
    return blocks;
  }

  /**
   * With {@code -Dcoppice.example.update=true} the test writes every command's output into the page
   * (for a deliberate change of the output), instead of comparing.
   */
  private static final boolean UPDATE = Boolean.getBoolean("coppice.example.update");

  @Test
  void theExamplePageRunsAsShown() throws IOException {
    List<String> page = Files.readAllLines(page(), StandardCharsets.UTF_8);
    List<Block> blocks = blocks(page);
    List<String> commands = new ArrayList<>();
    String output = null;
    Block ran = null;
    int checked = 0;
    List<String> updated = new ArrayList<>(page);
    int shift = 0;
    for (Block b : blocks) {
      if (b.lang().equals("sh")) {
        ran = b;
        output = runBlock(b, commands);
      } else if (b.lang().equals("text") && output != null) {
        if (UPDATE) {
          String prefix = dir.toString() + dir.getFileSystem().getSeparator();
          List<String> lines =
              new ArrayList<>(List.of(output.replace(prefix, "").stripTrailing().split("\\R")));
          int from = b.line() - 1 + shift;
          updated.subList(from, from + b.lines().size()).clear();
          updated.addAll(from, lines);
          shift += lines.size() - b.lines().size();
        } else {
          compare(b, ran, output);
        }
        checked++;
        output = null;
      }
    }
    if (UPDATE) {
      Files.write(page(), updated, StandardCharsets.UTF_8);
    }
    // Every step of the page is there and was checked against its output.
    for (String command : List.of("generate", "train", "inspect", "predict", "evaluate", "learn")) {
      assertTrue(
          commands.stream().anyMatch(c -> c.startsWith(command + " ")),
          "no 'coppice " + command + "' on the page");
    }
    assertEquals(7, checked, "output blocks checked");

    checkJavaSnippet(blocks);
    checkResumeClaim();
  }

  /** Runs the lines of one {@code sh} block; returns what they wrote to standard output. */
  private String runBlock(Block b, List<String> commands) throws IOException {
    StringBuilder out = new StringBuilder();
    List<String> lines = b.lines();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      String where = "EXAMPLE.md:" + (b.line() + i) + ": ";
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      List<String> words = words(line);
      if (words.get(0).equals("./coppice")) {
        List<String> args = words.subList(1, words.size());
        commands.add(String.join(" ", args));
        Run r = CliTest.run(args.stream().map(this::path).toArray(String[]::new));
        assertEquals(0, r.exitCode(), where + line + "\n" + r.err());
        assertEquals("", r.err(), where + line);
        out.append(r.out());
      } else if (words.size() == 3 && words.get(0).equals("mkdir") && words.get(1).equals("-p")) {
        Files.createDirectories(Path.of(path(words.get(2))));
      } else if (words.size() == 4 && words.get(0).equals("head") && words.get(1).equals("-n")) {
        List<String> file = Files.readAllLines(Path.of(path(words.get(3))));
        for (String l : file.subList(0, Math.min(file.size(), Integer.parseInt(words.get(2))))) {
          out.append(l).append('\n');
        }
      } else if (words.size() == 4
          && words.get(0).equals("cat")
          && words.get(1).equals(">")
          && words.get(3).equals("<<EOF")) {
        StringBuilder content = new StringBuilder();
        while (!lines.get(++i).equals("EOF")) {
          content.append(lines.get(i)).append('\n');
        }
        Files.writeString(Path.of(path(words.get(2))), content);
      } else {
        fail(where + "the test cannot run this line: " + line);
      }
    }
    return out.toString();
  }

  /** Splits a shell line into words: blanks separate, quotes group (and are removed). */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          w.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
      } else {
        w.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(w.toString());
    }
    return words;
  }

  /** A path of the page ({@code example/...}) in the temporary directory; other words unchanged. */
  private String path(String word) {
    return word.equals("example") || word.startsWith("example/")
        ? dir.resolve(word).toString()
        : word;
  }

  private void compare(Block expected, Block ran, String actualOutput) {
    String prefix = dir.toString() + dir.getFileSystem().getSeparator();
    List<String> want = comparable(expected.lines());
    List<String> got = comparable(List.of(actualOutput.replace(prefix, "").split("\\R", -1)));
    String context =
        "the output of the block at EXAMPLE.md:"
            + ran.line()
            + " differs from the block at EXAMPLE.md:"
            + expected.line()
            + " (varying lines left out)\n--- page:\n"
            + String.join("\n", want)
            + "\n--- actual:\n"
            + String.join("\n", got)
            + "\n";
    assertEquals(want.size(), got.size(), context);
    for (int i = 0; i < want.size(); i++) {
      assertTrue(sameLine(want.get(i), got.get(i)), "line " + (i + 1) + ": " + context);
    }
  }

  private static List<String> comparable(List<String> lines) {
    List<String> kept = new ArrayList<>();
    for (String l : lines) {
      if (VARYING.stream().noneMatch(p -> p.matcher(l).matches())) {
        kept.add(l.stripTrailing());
      }
    }
    while (!kept.isEmpty() && kept.get(kept.size() - 1).isEmpty()) {
      kept.remove(kept.size() - 1);
    }
    return kept;
  }

  /** Equal text, with numbers compared by value (Double.toString differs between JDKs). */
  static boolean sameLine(String want, String got) {
    Matcher mw = NUMBER.matcher(want);
    Matcher mg = NUMBER.matcher(got);
    int pw = 0;
    int pg = 0;
    while (true) {
      boolean fw = mw.find();
      boolean fg = mg.find();
      if (fw != fg) {
        return false;
      }
      if (!fw) {
        return want.substring(pw).equals(got.substring(pg));
      }
      if (!want.substring(pw, mw.start()).equals(got.substring(pg, mg.start()))
          || Double.parseDouble(mw.group()) != Double.parseDouble(mg.group())) {
        return false;
      }
      pw = mw.end();
      pg = mg.end();
    }
  }

  /**
   * The Java snippet of the page: its record is the first row of score.csv, and the model's
   * prediction for it is line 1 of predictions.jsonl.
   */
  private void checkJavaSnippet(List<Block> blocks) throws IOException {
    Block java = blocks.stream().filter(b -> b.lang().equals("java")).findFirst().orElseThrow();
    String code = String.join(" ", java.lines());
    Matcher m = Pattern.compile("\"([a-z]+)\", (\"[^\"]*\"|[-\\d.]+)").matcher(code);
    Map<String, Object> record = new LinkedHashMap<>();
    while (m.find()) {
      String v = m.group(2);
      record.put(
          m.group(1),
          v.startsWith("\"")
              ? v.substring(1, v.length() - 1)
              : v.contains(".") ? (Object) Double.parseDouble(v) : (Object) Long.parseLong(v));
    }
    List<String> score = Files.readAllLines(dir.resolve("example/score.csv"));
    String[] header = score.get(0).split(",");
    String[] first = score.get(1).split(",");
    assertEquals(header.length - 1, record.size(), "features in the snippet: " + record);
    for (int c = 0; c < header.length - 1; c++) {
      Object v = record.get(header[c]);
      assertTrue(v != null, header[c] + " not in the snippet");
      if (v instanceof String s) {
        assertEquals(first[c], s, header[c]);
      } else {
        assertEquals(Double.parseDouble(first[c]), ((Number) v).doubleValue(), header[c]);
      }
    }
    Map<String, Object> line1 =
        MiniJson.object(Files.readAllLines(dir.resolve("example/predictions.jsonl")).get(0));
    CoppiceModel model = CoppiceModel.load(dir.resolve("example/model"));
    Prediction p = model.predict(record);
    assertEquals(line1.get("label"), p.label());
    @SuppressWarnings("unchecked")
    Map<String, Object> probabilities = (Map<String, Object>) line1.get("probabilities");
    for (String c : p.classes()) {
      assertEquals((Double) probabilities.get(c), p.probability(c), c);
    }
  }

  /**
   * The page says training on train.csv and learning more.csv gives the model.bin of training on
   * both in one go.
   */
  private void checkResumeClaim() throws IOException {
    Path train = dir.resolve("example/train.csv");
    // Same file name: the relation name (from it) is part of the model's schema.
    Path both = Files.createDirectories(dir.resolve("both")).resolve("train.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(train));
    List<String> more = Files.readAllLines(dir.resolve("example/more.csv"));
    assertEquals(lines.get(0), more.get(0));
    lines.addAll(more.subList(1, more.size()));
    Files.write(both, lines);
    Path model = dir.resolve("both-model");
    Run r =
        CliTest.run(
            "train",
            "--data",
            both.toString(),
            "--config",
            dir.resolve("example/arf.yaml").toString(),
            "--seed",
            "7",
            "--out",
            model.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertArrayEquals(
        Files.readAllBytes(dir.resolve("example/model2/model.bin")),
        Files.readAllBytes(model.resolve("model.bin")),
        "train on train.csv + learn more.csv != train on both");
  }
}
