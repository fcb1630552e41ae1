package org.coppice.io;

import static org.coppice.io.TestFiles.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.coppice.data.Attribute;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WritersTest {
  private static final double NAN = Double.NaN;
  private static final int MISSING = Instance.MISSING_LABEL;

  /** Nominal values that need quoting or escaping in ARFF or CSV. */
  private static final List<String> AWKWARD =
      List.of(
          "plain",
          "a b",
          "it's",
          "say \"hi\"",
          "x,y",
          "{z}",
          "100%",
          "back\\slash",
          "tab\there",
          "line\nbreak",
          "?",
          "NA",
          "NaN",
          "",
          " padded ",
          "caf\u00e9 \u732b",
          "1");

  @TempDir Path dir;

  private static Schema awkwardSchema() {
    return new Schema(
        "round trip",
        List.of(
            Attribute.numeric("num"),
            Attribute.nominal("odd values", AWKWARD),
            Attribute.numeric("we'ird, \"name\""),
            Attribute.nominal("day", List.of("1", "2", "3"))),
        Attribute.nominal("class label", List.of("yes", "no", "?")));
  }

  private static List<Instance> awkwardInstances() {
    double[] numbers = {
      0.1,
      -0.0,
      0.0,
      3.0,
      -17.0,
      1e22,
      1.0e-5,
      Math.PI,
      Double.MIN_VALUE,
      Double.MAX_VALUE,
      123456789012345678.0,
      9007199254740993.0,
      -2.5e-300,
      NAN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      0.30000000000000004
    };
    List<Instance> list = new ArrayList<>();
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      double[] x = {
        i < numbers.length
            ? numbers[i]
            : random.nextGaussian() * Math.pow(10, random.nextInt(20) - 10),
        i % 9 == 8 ? NAN : i % AWKWARD.size(),
        i % 5 == 4 ? NAN : random.nextInt(1000) / 8.0,
        i % 3
      };
      int y = i % 11 == 10 ? MISSING : i % 3;
      double weight = i % 4 == 0 ? 1.0 : (i % 4) * 0.25;
      list.add(new Instance(x, y, weight));
    }
    return list;
  }

  private static void writeAll(InstanceWriter w, List<Instance> instances) {
    for (Instance inst : instances) {
      w.write(inst);
    }
    w.commit();
  }

  private static void assertSameInstances(
      List<Instance> expected, List<Instance> actual, boolean weights) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      Instance e = expected.get(i);
      Instance a = actual.get(i);
      assertEquals(Arrays.toString(e.x), Arrays.toString(a.x), "row " + i);
      for (int k = 0; k < e.x.length; k++) {
        assertEquals(Double.doubleToLongBits(e.x[k]), Double.doubleToLongBits(a.x[k]), "row " + i);
      }
      assertEquals(e.y, a.y, "label of row " + i);
      assertEquals(weights ? e.weight : 1.0, a.weight, "weight of row " + i);
    }
  }

  @Test
  void arffRoundTripGivesIdenticalSchemaAndInstances() {
    Schema schema = awkwardSchema();
    List<Instance> instances = awkwardInstances();
    for (String name : List.of("rt.arff", "rt.arff.gz")) {
      Path file = dir.resolve(name);
      try (InstanceWriter w = DataWriters.open(file, schema)) {
        assertInstanceOf(ArffWriter.class, w);
        writeAll(w, instances);
      }
      try (ArffReader reader = new ArffReader(file)) {
        assertEquals(schema, reader.schema());
        assertSameInstances(instances, readAll(reader), true);
      }
    }
  }

  @Test
  void csvRoundTripWithTheSchemaGivesIdenticalInstances() {
    Schema schema = awkwardSchema();
    List<Instance> instances = awkwardInstances();
    for (String name : List.of("rt.csv", "rt.csv.gz")) {
      Path file = dir.resolve(name);
      try (InstanceWriter w = DataWriters.open(file, schema)) {
        assertInstanceOf(CsvWriter.class, w);
        writeAll(w, instances);
      }
      try (CsvReader reader = new CsvReader(file, schema, ReadOptions.defaults())) {
        assertSameInstances(instances, readAll(reader), false);
      }
    }
  }

  @Test
  void csvRoundTripWithInferenceGivesTheSameSchemaAndInstances() {
    Schema schema =
        new Schema(
            "rt",
            List.of(
                Attribute.numeric("x"),
                Attribute.nominal("color", List.of("red", "dark blue", "", "NA")),
                Attribute.nominal("day", List.of("1", "2", "3"))),
            Attribute.nominal("label", List.of("up", "down")));
    List<Instance> instances = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      instances.add(
          new Instance(
              new double[] {i == 7 ? NAN : i * 0.1, i % 4, i % 3}, i == 9 ? MISSING : i % 2, 1));
    }
    Path file = dir.resolve("rt.csv");
    try (InstanceWriter w = CsvWriter.open(file, schema)) {
      writeAll(w, instances);
    }
    ReadOptions options = ReadOptions.builder().nominal(List.of("day")).build();
    try (CsvReader reader = new CsvReader(file, options)) {
      assertEquals(schema, reader.schema());
      assertSameInstances(instances, readAll(reader), false);
    }
  }

  @Test
  void writesReadableText() throws IOException {
    Schema schema =
        new Schema(
            "tiny",
            List.of(Attribute.numeric("x"), Attribute.nominal("c", List.of("a b", "NA"))),
            Attribute.nominal("y", List.of("n", "p")));
    Path arff = dir.resolve("t.arff");
    Path csv = dir.resolve("t.csv");
    List<Instance> rows =
        List.of(
            new Instance(new double[] {3, 0}, 1, 1), new Instance(new double[] {NAN, 1}, -1, 2));
    try (InstanceWriter w = DataWriters.open(arff, schema)) {
      writeAll(w, rows);
    }
    try (InstanceWriter w = DataWriters.open(csv, schema)) {
      writeAll(w, rows);
    }
    assertEquals(
        "@relation tiny\n\n@attribute x numeric\n@attribute c {'a b',NA}\n@attribute y {n,p}\n"
            + "\n@data\n3,'a b',p\n?,NA,?,{2}\n",
        Files.readString(arff));
    assertEquals("x,c,y\n3,a b,p\n,\"NA\",\n", Files.readString(csv));
  }

  @Test
  void numbersAreShortestRoundTripWithIntegersWithoutFraction() {
    StringBuilder sb = new StringBuilder();
    for (double v :
        new double[] {3, -0.0, 0.0, 0.1, 1e20, 9007199254740991.0, 1.0e-5, -17, 2.5, 1e300}) {
      Formats.appendNumber(sb, v);
      sb.append(' ');
    }
    assertEquals("3 -0.0 0 0.1 1.0E20 9007199254740991 1.0E-5 -17 2.5 1.0E300 ", sb.toString());
  }

  @Test
  void invalidInstanceFailsAndLeavesNoFileBehind() throws IOException {
    Schema schema = awkwardSchema();
    Path file = dir.resolve("x.csv");
    Files.writeString(file, "previous");
    try (InstanceWriter w = DataWriters.open(file, schema)) {
      w.write(new Instance(new double[] {1, 0, 2, 1}, 0, 1));
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> w.write(new Instance(new double[] {1, 0.5, 2, 1}, 0, 1)));
      assertEquals(
          "feature 'odd values': 0.5 is not an index of its 17 nominal values", e.getMessage());
      assertThrows(
          IllegalArgumentException.class,
          () -> w.write(new Instance(new double[] {1, 0, 2, 1}, 3, 1)));
      assertThrows(
          IllegalArgumentException.class, () -> w.write(new Instance(new double[] {1}, 0, 1)));
    }
    assertEquals("previous", Files.readString(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void unknownOutputExtensionIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DataWriters.open(dir.resolve("out.json"), awkwardSchema()));
    assertEquals(
        "cannot tell the output format of "
            + dir.resolve("out.json")
            + " from its extension; use .arff or .csv (optionally followed by .gz)",
        e.getMessage());
  }

  @Test
  void writingIntoAMissingDirectoryIsAOneLineError() {
    Path file = dir.resolve("nope").resolve("out.csv");
    DataSourceException e =
        assertThrows(DataSourceException.class, () -> DataWriters.open(file, awkwardSchema()));
    assertEquals(
        "cannot write " + file + ": no such directory: " + dir.resolve("nope"), e.getMessage());
  }
}
