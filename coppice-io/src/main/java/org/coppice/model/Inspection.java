package org.coppice.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coppice.data.Attribute;
import org.coppice.data.Schema;
import org.coppice.io.bundle.BundleReader;
import org.coppice.io.bundle.Limits;
import org.coppice.io.bundle.Manifest;
import org.coppice.io.bundle.ModelFileReader;
import org.coppice.io.bundle.SectionInfo;
import org.coppice.learn.Learner;
import org.coppice.learn.registry.LearnerType;
import org.coppice.learn.registry.Learners;
import org.coppice.learn.registry.ModelCodec;
import org.coppice.learn.registry.StateCodec;

/**
 * Loads and verifies a whole bundle and reports what is in it: what {@code coppice inspect} runs.
 */
public final class Inspection {
  private Inspection() {}

  /**
   * Opens {@code bundleDir}, verifies all of it (the manifest; the size and SHA-256 of every file
   * it lists; the header and section table of {@code model.bin}; the CRC-32C of every section) and
   * decodes the whole model, then reports on it. See {@link InspectionReport}.
   *
   * @throws org.coppice.state.ModelFormatException if anything in the bundle is invalid or corrupt
   * @throws java.nio.file.NoSuchFileException if there is no such bundle directory
   * @throws IOException if the bundle cannot be read
   */
  public static InspectionReport inspect(Path bundleDir) throws IOException {
    try (BundleReader reader = BundleReader.open(bundleDir, Limits.DEFAULT, true)) {
      Manifest manifest = reader.manifest();
      ModelFileReader file = reader.model();
      Learner model = ModelCodec.load(CoppiceModel.sections(file), 1);
      LearnerType<?, ?> type = Learners.of(model);
      StateCodec<?> codec = type.codec();
      List<SectionInfo> sections = file.sections();

      Map<Integer, Long> memberBytes = new LinkedHashMap<>();
      Map<String, Long> parts = new LinkedHashMap<>();
      long inSections = 0;
      for (SectionInfo s : sections) {
        inSections += s.length();
      }
      parts.put("container", file.fileSize() - inSections);
      for (SectionInfo s : sections) {
        String part = s.kind() == ModelCodec.HEADER ? "header" : codec.sectionName(s.kind());
        parts.merge(part, s.length(), Long::sum);
        if (s.kind() != ModelCodec.HEADER) {
          memberBytes.merge(s.id(), s.length(), Long::sum);
        }
      }
      Map<String, Object> structure = new LinkedHashMap<>(type.structureOf(model));
      if (structure.get("per_tree") instanceof List<?> trees) {
        List<Map<String, Object>> withBytes = new ArrayList<>();
        for (Object t : trees) {
          Map<String, Object> row = new LinkedHashMap<>();
          ((Map<?, ?>) t).forEach((k, v) -> row.put(String.valueOf(k), v));
          row.put("bytes", memberBytes.getOrDefault(((Number) row.get("index")).intValue(), 0L));
          withBytes.add(row);
        }
        structure.put("per_tree", withBytes);
      }

      Map<String, Long> fileSizes = new LinkedHashMap<>();
      fileSizes.put(Manifest.FILE_NAME, Files.size(reader.directory().resolve(Manifest.FILE_NAME)));
      for (Map.Entry<String, Manifest.FileEntry> e : manifest.files().entrySet()) {
        fileSizes.put(e.getKey(), e.getValue().size());
      }

      return new InspectionReport(
          bundleDir,
          manifest,
          type.name(),
          type.title(),
          type.task().cliName(),
          model.isFrozen(),
          CoppiceModel.parametersOf(type, model),
          structure,
          parts,
          fileSizes,
          schemaSummary(model.schema()),
          policies(manifest));
    }
  }

  private static Map<String, Object> schemaSummary(Schema s) {
    Map<String, Object> m = new LinkedHashMap<>();
    int numeric = 0;
    List<String> numericNames = new ArrayList<>();
    List<String> nominalNames = new ArrayList<>();
    for (Attribute a : s.features()) {
      if (a.isNumeric()) {
        numeric++;
        numericNames.add(a.name());
      } else {
        nominalNames.add(a.name() + " (" + a.numValues() + " values)");
      }
    }
    m.put("relation", s.relation());
    m.put("features", s.numFeatures());
    m.put("numeric", numeric);
    m.put("nominal", s.numFeatures() - numeric);
    m.put("numeric_features", numericNames);
    m.put("nominal_features", nominalNames);
    m.put("target", s.target().name());
    if (s.isRegression()) {
      m.put("target_type", "numeric");
    } else {
      m.put("classes", s.target().values());
    }
    return m;
  }

  private static Map<String, Object> policies(Manifest manifest) {
    Map<String, Object> all = manifest.preprocessing();
    Map<String, Object> m = new LinkedHashMap<>();
    for (String key :
        new String[] {"missing_tokens", "missing_values", "unseen_categories", "absent_columns"}) {
      if (all.containsKey(key)) {
        m.put(key, all.get(key));
      }
    }
    return m;
  }
}
