package org.coppice.bench;

import com.yahoo.labs.samoa.instances.Attribute;
import com.yahoo.labs.samoa.instances.Instance;
import com.yahoo.labs.samoa.instances.InstancesHeader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import moa.streams.ArffFileStream;

/** The regression file made from Electricity (see {@link RegressionStream#ELECTRICITY_TARGET}). */
final class RegressionData {
  private static final String FORMAT_VERSION = "coppice-bench-regression-arff-1";

  private RegressionData() {}

  /**
   * Writes {@code elecArff} (the plain {@code elecNormNew.arff}) to {@code out} with the column
   * {@code target} moved last and the {@code class} column dropped, every other value as read by
   * MOA's {@link ArffFileStream}; unless {@code out} exists with a sidecar recording the same
   * source.
   *
   * @return true when the file was (re)written, false when the cached file was used
   */
  static boolean electricityRegression(Path elecArff, String target, Path out) throws IOException {
    Path sidecar = out.resolveSibling(out.getFileName() + ".params");
    String params =
        FORMAT_VERSION
            + "\nsource="
            + elecArff.getFileName()
            + "\nbytes="
            + Files.size(elecArff)
            + "\ntarget="
            + target
            + "\n";
    if (Files.isRegularFile(out)
        && Files.isRegularFile(sidecar)
        && Files.readString(sidecar, StandardCharsets.UTF_8).equals(params)) {
      return false;
    }
    ArffFileStream stream = new ArffFileStream(elecArff.toString(), -1);
    InstancesHeader header = stream.getHeader();
    int targetIndex = -1;
    List<Integer> columns = new ArrayList<>();
    for (int i = 0; i < header.numAttributes(); i++) {
      String name = header.attribute(i).name();
      if (name.equals(target)) {
        targetIndex = i;
      } else if (i != header.classIndex()) {
        columns.add(i);
      }
    }
    if (targetIndex < 0 || !header.attribute(targetIndex).isNumeric()) {
      throw new IllegalArgumentException("no numeric column '" + target + "' in " + elecArff);
    }
    columns.add(targetIndex);
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8))) {
      w.write(
          "% " + elecArff.getFileName() + " with " + target + " as the target, class dropped\n");
      w.write("@relation " + MoaData.quote("electricity-" + target) + "\n\n");
      for (int i : columns) {
        Attribute att = header.attribute(i);
        w.write("@attribute " + MoaData.quote(att.name()) + " ");
        if (att.isNominal()) {
          StringBuilder values = new StringBuilder("{");
          for (int v = 0; v < att.numValues(); v++) {
            values.append(v == 0 ? "" : ",").append(MoaData.quote(att.value(v)));
          }
          w.write(values.append("}\n").toString());
        } else {
          w.write("numeric\n");
        }
      }
      w.write("\n@data\n");
      StringBuilder line = new StringBuilder();
      while (stream.hasMoreInstances()) {
        Instance inst = stream.nextInstance().getData();
        line.setLength(0);
        for (int k = 0; k < columns.size(); k++) {
          int i = columns.get(k);
          if (k > 0) {
            line.append(',');
          }
          double value = inst.value(i);
          Attribute att = header.attribute(i);
          if (Double.isNaN(value)) {
            line.append('?');
          } else if (att.isNominal()) {
            line.append(MoaData.quote(att.value((int) value)));
          } else {
            line.append(Double.toString(value));
          }
        }
        w.write(line.append('\n').toString());
      }
    }
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(sidecar, params, StandardCharsets.UTF_8);
    return true;
  }
}
