package org.coppice.bench;

import com.yahoo.labs.samoa.instances.Attribute;
import com.yahoo.labs.samoa.instances.Instance;
import com.yahoo.labs.samoa.instances.InstancesHeader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import moa.core.Example;
import moa.options.ClassOption;
import moa.options.OptionHandler;
import moa.streams.ArffFileStream;
import moa.streams.InstanceStream;

/**
 * MOA-side data handling: builds MOA's generators from their command-line strings, writes their
 * output as plain ARFF (with a cache), and reads ARFF files back into memory through MOA's {@link
 * ArffFileStream}.
 */
final class MoaData {
  /** Bumped whenever the written format changes, so that cached files are regenerated. */
  private static final String FORMAT_VERSION = "coppice-bench-arff-1";

  private MoaData() {}

  /** A stream held in memory, as MOA read it. */
  record Loaded(InstancesHeader header, List<Example<Instance>> examples) {}

  /** Builds and prepares a MOA stream from its command-line string. */
  static InstanceStream buildStream(String cli) {
    Object built;
    try {
      built = ClassOption.cliStringToObject(cli, InstanceStream.class, null);
    } catch (Exception e) {
      throw new IllegalArgumentException("MOA could not build the stream '" + cli + "'", e);
    }
    InstanceStream stream = (InstanceStream) built;
    if (stream instanceof OptionHandler handler) {
      handler.prepareForUse();
    }
    return stream;
  }

  /**
   * Writes {@code n} instances of the MOA stream {@code cli} to {@code file} as ARFF, unless the
   * file already exists with a sidecar recording the same parameters.
   *
   * @return true when the file was (re)generated, false when the cached file was used
   */
  static boolean generate(String cli, long n, String relation, Path file) throws IOException {
    Path sidecar = file.resolveSibling(file.getFileName() + ".params");
    String params = FORMAT_VERSION + "\n" + "n=" + n + "\n" + "moa=" + cli + "\n";
    if (Files.isRegularFile(file)
        && Files.isRegularFile(sidecar)
        && Files.readString(sidecar, StandardCharsets.UTF_8).equals(params)) {
      return false;
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    InstanceStream stream = buildStream(cli);
    InstancesHeader header = stream.getHeader();
    if (header.classIndex() != header.numAttributes() - 1) {
      throw new IllegalStateException("expected the class last in " + cli);
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (Writer out = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8))) {
      out.write("% Generated with MOA 2024.07 (moa.streams.InstanceStream):\n");
      out.write("% " + cli + "\n");
      out.write("% " + n + " instances\n");
      out.write("@relation " + quote(relation) + "\n\n");
      for (int i = 0; i < header.numAttributes(); i++) {
        Attribute att = header.attribute(i);
        out.write("@attribute " + quote(att.name()) + " ");
        if (att.isNominal()) {
          StringBuilder values = new StringBuilder("{");
          for (int v = 0; v < att.numValues(); v++) {
            values.append(v == 0 ? "" : ",").append(quote(att.value(v)));
          }
          out.write(values.append("}\n").toString());
        } else if (att.isNumeric()) {
          out.write("numeric\n");
        } else {
          throw new IllegalStateException("unsupported attribute type: " + att.name());
        }
      }
      out.write("\n@data\n");
      StringBuilder line = new StringBuilder();
      for (long k = 0; k < n; k++) {
        if (!stream.hasMoreInstances()) {
          throw new IllegalStateException("stream ended after " + k + " instances: " + cli);
        }
        Instance inst = stream.nextInstance().getData();
        line.setLength(0);
        for (int i = 0; i < header.numAttributes(); i++) {
          if (i > 0) {
            line.append(',');
          }
          double value = inst.value(i);
          Attribute att = header.attribute(i);
          if (Double.isNaN(value)) {
            line.append('?');
          } else if (att.isNominal()) {
            line.append(quote(att.value((int) value)));
          } else {
            line.append(Double.toString(value));
          }
        }
        out.write(line.append('\n').toString());
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(sidecar, params, StandardCharsets.UTF_8);
    return true;
  }

  /**
   * Decompresses a gzip file to {@code plain} unless it is already there with the same size record.
   */
  static boolean gunzip(Path gz, Path plain) throws IOException {
    Path sidecar = plain.resolveSibling(plain.getFileName() + ".params");
    String params =
        FORMAT_VERSION + "\nsource=" + gz.getFileName() + "\nbytes=" + Files.size(gz) + "\n";
    if (Files.isRegularFile(plain)
        && Files.isRegularFile(sidecar)
        && Files.readString(sidecar, StandardCharsets.UTF_8).equals(params)) {
      return false;
    }
    Files.createDirectories(plain.toAbsolutePath().getParent());
    Path tmp = plain.resolveSibling(plain.getFileName() + ".tmp");
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz), 1 << 16);
        OutputStream out = Files.newOutputStream(tmp)) {
      in.transferTo(out);
    }
    Files.move(tmp, plain, StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(sidecar, params, StandardCharsets.UTF_8);
    return true;
  }

  /**
   * Reads at most {@code limit} instances of a plain ARFF file (class last) with ArffFileStream.
   */
  static Loaded load(Path arff, long limit) {
    ArffFileStream stream = new ArffFileStream(arff.toString(), -1);
    InstancesHeader header = stream.getHeader();
    List<Example<Instance>> examples = new ArrayList<>();
    while (examples.size() < limit && stream.hasMoreInstances()) {
      examples.add(stream.nextInstance());
    }
    return new Loaded(header, examples);
  }

  /** ARFF quoting: single quotes when the token holds a character with a meaning in ARFF. */
  static String quote(String token) {
    boolean plain = !token.isEmpty();
    for (int i = 0; i < token.length() && plain; i++) {
      char c = token.charAt(i);
      plain = c > ' ' && c != ',' && c != '\'' && c != '"' && c != '{' && c != '}' && c != '%';
      plain &= c != '\\' && c != '?';
    }
    if (plain) {
      return token;
    }
    return "'" + token.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
