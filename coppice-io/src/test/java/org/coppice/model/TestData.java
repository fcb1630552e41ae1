package org.coppice.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A small synthetic stream for the model tests: {@code x1} (numeric), {@code x2} (numeric, 3%
 * missing), {@code color} (red, green, blue) and the label ({@code UP}/{@code DOWN}). The label is
 * UP when {@code x1 + 0.5 [color = red] > 0.7}, with 5% noise; from row {@code flipAt} on the
 * concept is inverted (a sudden drift). About 2% of the labels (never in the first 20 rows) are
 * missing ({@code ?}). Deterministic for a seed.
 */
final class TestData {
  static final String HEADER = "x1,x2,color,label";
  static final String[] COLORS = {"red", "green", "blue"};

  private TestData() {}

  /** One row of the stream: values x1, x2 (null if missing), color, label (null if missing). */
  record Row(double x1, Double x2, String color, String label) {
    String csv() {
      return String.format(Locale.ROOT, "%.4f", x1)
          + ","
          + (x2 == null ? "" : String.format(Locale.ROOT, "%.3f", x2))
          + ","
          + color
          + ","
          + (label == null ? "?" : label);
    }
  }

  /** Rows 0 to n-1 of the stream. */
  static List<Row> rows(long seed, int n, int flipAt) {
    Random r = new Random(seed);
    List<Row> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double x1 = r.nextDouble();
      Double x2 = r.nextInt(100) < 3 ? null : r.nextGaussian();
      String color = i < 3 ? COLORS[i] : COLORS[r.nextInt(3)];
      boolean up = x1 + (color.equals("red") ? 0.5 : 0) > 0.7;
      if (r.nextInt(100) < 5) {
        up = !up;
      }
      if (i >= flipAt) {
        up = !up;
      }
      String label = up ? "UP" : "DOWN";
      if (i >= 20 && r.nextInt(100) < 2) {
        label = null;
      }
      rows.add(new Row(x1, x2, color, label));
    }
    return rows;
  }

  /** The rows {@code [from, to)} as a CSV file with a header. */
  static String csv(List<Row> rows, int from, int to) {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (int i = from; i < to; i++) {
      sb.append(rows.get(i).csv()).append('\n');
    }
    return sb.toString();
  }

  /** Rows with a missing label among {@code [from, to)}. */
  static long unlabelled(List<Row> rows, int from, int to) {
    long n = 0;
    for (int i = from; i < to; i++) {
      if (rows.get(i).label() == null) {
        n++;
      }
    }
    return n;
  }

  /** Writes UTF-8 text to {@code dir/name}, creating {@code dir}. */
  static Path write(Path dir, String name, String content) {
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve(name);
      Files.writeString(file, content, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code file} relative to the working directory, as a user would type it, so that no absolute
   * path of the machine ends up in a manifest.
   */
  static Path relative(Path file) {
    return Path.of("").toAbsolutePath().relativize(file.toAbsolutePath());
  }

  /** The SHA-256 of a file's bytes, lower-case hex. */
  static String sha256(Path file) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
