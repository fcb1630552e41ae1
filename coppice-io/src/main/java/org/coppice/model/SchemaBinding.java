package org.coppice.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.coppice.data.Attribute;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.io.ArffReader;
import org.coppice.io.CsvReader;
import org.coppice.io.JsonLinesReader;
import org.coppice.io.RawRecordReader;
import org.coppice.io.ReadOptions;
import org.coppice.stream.InstanceStream;

/**
 * Opens a data file with a model's schema, so that new data can continue training it: columns are
 * matched to the model's features and target by name, nominal values and class labels by name.
 */
final class SchemaBinding {
  private SchemaBinding() {}

  /**
   * Opens {@code data} as a stream with exactly {@code schema}.
   *
   * <ul>
   *   <li>CSV: the header must name every feature and the target, and nothing else (any order);
   *       read by {@link CsvReader#CsvReader(Path, Schema, ReadOptions)}. A value outside the
   *       model's categories is an error at its line.
   *   <li>JSON Lines: the keys of the first object must all be features or the target; read by
   *       {@link JsonLinesReader#JsonLinesReader(Path, Schema, ReadOptions)} (absent keys are
   *       missing values; an unknown key later is an error at its line).
   *   <li>ARFF: the header must declare every feature and the target and nothing else, each with
   *       the model's type; every nominal value and class label it declares must be one the model
   *       knows (their order may differ: values are mapped by name).
   * </ul>
   *
   * @param read the delimiter and missing-value tokens apply; the schema options do not
   * @throws IllegalArgumentException naming the column when the file does not fit the schema
   */
  static InstanceStream open(Path data, Schema schema, ReadOptions read) {
    String name = data.getFileName() == null ? "" : data.getFileName().toString();
    name = name.toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    if (name.endsWith(".csv")) {
      try (RawRecordReader header = RawRecordReader.open(data, read)) {
        checkColumns(header.file(), header.columns(), schema, true);
      }
      return new CsvReader(data, schema, read);
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      try (RawRecordReader first = RawRecordReader.open(data, read)) {
        checkColumns(first.file(), first.columns(), schema, false);
      }
      return new JsonLinesReader(data, schema, read);
    }
    if (name.endsWith(".arff")) {
      try (RawRecordReader header = RawRecordReader.open(data, read)) {
        checkColumns(header.file(), header.columns(), schema, true);
      }
      ArffReader arff =
          new ArffReader(
              data,
              read.toBuilder()
                  .target(schema.target().name())
                  .task(Training.taskOf(schema))
                  .build());
      try {
        return new Mapped(arff, schema, data.toString());
      } catch (RuntimeException e) {
        arff.close();
        throw e;
      }
    }
    // A missing file or an unknown extension: the raw reader reports which, as DataSources does.
    RawRecordReader.open(data, read).close();
    throw new IllegalArgumentException("cannot tell the format of " + data);
  }

  /**
   * Checks that {@code columns} are all features or the target of {@code schema} and, if {@code
   * complete}, that every feature and the target is among them.
   */
  static void checkColumns(String file, List<String> columns, Schema schema, boolean complete) {
    for (String c : columns) {
      if (schema.featureIndex(c) < 0 && !c.equals(schema.target().name())) {
        throw new IllegalArgumentException(
            file
                + ": column '"
                + c
                + "' is not one of the model's features or its target (features: "
                + featureNames(schema)
                + "; target: "
                + schema.target().name()
                + ")");
      }
    }
    if (!complete) {
      return;
    }
    List<String> absent = new ArrayList<>();
    for (Attribute a : schema.features()) {
      if (!columns.contains(a.name())) {
        absent.add(a.name());
      }
    }
    if (!absent.isEmpty()) {
      throw missingColumns(file, absent);
    }
    if (!columns.contains(schema.target().name())) {
      throw new IllegalArgumentException(
          file
              + ": the target column '"
              + schema.target().name()
              + "' is missing; the model needs labelled rows to learn");
    }
  }

  /** {@code data.csv: column 'price' required by the model is missing} (or several columns). */
  static IllegalArgumentException missingColumns(String file, List<String> absent) {
    if (absent.size() == 1) {
      return new IllegalArgumentException(
          file + ": column '" + absent.get(0) + "' required by the model is missing");
    }
    return new IllegalArgumentException(
        file + ": columns " + quoted(absent) + " required by the model are missing");
  }

  private static String quoted(List<String> names) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append('\'').append(names.get(i)).append('\'');
    }
    return sb.toString();
  }

  private static String featureNames(Schema schema) {
    List<String> names = new ArrayList<>();
    for (Attribute a : schema.features()) {
      names.add(a.name());
    }
    return String.join(", ", names);
  }

  /** An ARFF stream re-expressed in the model's schema: features permuted, values renumbered. */
  static final class Mapped implements InstanceStream {
    private final InstanceStream in;
    private final Schema schema;
    private final Instance buffer;
    private final int[] source; // model feature -> feature of the file
    private final int[][] values; // model feature -> (file value index -> model value index)
    private final int[] labels; // file class index -> model class index

    Mapped(InstanceStream in, Schema schema, String file) {
      this.in = in;
      this.schema = schema;
      Schema found = in.schema();
      this.buffer = found.newInstance();
      this.source = new int[schema.numFeatures()];
      this.values = new int[schema.numFeatures()][];
      for (int f = 0; f < schema.numFeatures(); f++) {
        Attribute want = schema.feature(f);
        int g = found.featureIndex(want.name());
        if (g < 0) {
          throw missingColumns(file, List.of(want.name()));
        }
        Attribute have = found.feature(g);
        if (have.kind() != want.kind()) {
          throw new IllegalArgumentException(
              file
                  + ": column '"
                  + want.name()
                  + "' is "
                  + kind(have)
                  + " in the data but "
                  + kind(want)
                  + " in the model");
        }
        source[f] = g;
        if (want.isNominal()) {
          values[f] = valueMap(file, have, want, "value", "categories");
        }
      }
      if (found.numFeatures() != schema.numFeatures()) {
        for (Attribute a : found.features()) {
          if (schema.featureIndex(a.name()) < 0) {
            throw new IllegalArgumentException(
                file + ": column '" + a.name() + "' is not one of the model's features");
          }
        }
      }
      if (found.target().kind() != schema.target().kind()) {
        throw new IllegalArgumentException(
            file
                + ": the target '"
                + schema.target().name()
                + "' is "
                + kind(found.target())
                + " in the data but "
                + kind(schema.target())
                + " in the model");
      }
      this.labels =
          schema.isRegression()
              ? null
              : valueMap(file, found.target(), schema.target(), "class label", "classes");
    }

    private static String kind(Attribute a) {
      return a.isNumeric() ? "numeric" : "nominal";
    }

    private static int[] valueMap(
        String file, Attribute have, Attribute want, String what, String plural) {
      int[] map = new int[have.numValues()];
      for (int v = 0; v < map.length; v++) {
        String value = have.values().get(v);
        map[v] = want.indexOf(value);
        if (map[v] < 0) {
          throw new IllegalArgumentException(
              file
                  + ": column '"
                  + have.name()
                  + "' declares the "
                  + what
                  + " '"
                  + value
                  + "', which is not one of the model's "
                  + plural
                  + " ("
                  + String.join(", ", want.values())
                  + ")");
        }
      }
      return map;
    }

    @Override
    public Schema schema() {
      return schema;
    }

    @Override
    public boolean next(Instance into) {
      if (!in.next(buffer)) {
        return false;
      }
      for (int f = 0; f < source.length; f++) {
        double v = buffer.x[source[f]];
        int[] map = values[f];
        into.x[f] = map == null || Double.isNaN(v) ? v : map[(int) v];
      }
      into.y = labels == null || buffer.y < 0 ? Instance.MISSING_LABEL : labels[buffer.y];
      into.target = buffer.target;
      into.weight = buffer.weight;
      return true;
    }

    @Override
    public double progress() {
      return in.progress();
    }

    @Override
    public void close() {
      in.close();
    }
  }
}
