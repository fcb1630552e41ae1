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
import org.coppice.learn.Classifier;
import org.coppice.learn.tree.AdaptiveRandomForest;
import org.coppice.learn.tree.HoeffdingTree;
import org.coppice.learn.tree.ModelCodec;

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
      Classifier model = ModelCodec.load(CoppiceModel.sections(file), 1);
      List<SectionInfo> sections = file.sections();

      Map<Integer, Long> memberBytes = new LinkedHashMap<>();
      Map<String, Long> parts = new LinkedHashMap<>();
      long inSections = 0;
      for (SectionInfo s : sections) {
        inSections += s.length();
      }
      parts.put("container", file.fileSize() - inSections);
      for (SectionInfo s : sections) {
        String part =
            switch (s.kind()) {
              case ModelCodec.HEADER -> "header";
              case ModelCodec.TREE -> "trees";
              case ModelCodec.MEMBER -> "members";
              default -> "kind " + s.kind();
            };
        parts.merge(part, s.length(), Long::sum);
        if (s.kind() == ModelCodec.TREE || s.kind() == ModelCodec.MEMBER) {
          memberBytes.merge(s.id(), s.length(), Long::sum);
        }
      }

      List<InspectionReport.TreeInfo> trees = new ArrayList<>();
      boolean frozen;
      Long instancesSeen = null;
      boolean forest = model instanceof AdaptiveRandomForest;
      if (model instanceof AdaptiveRandomForest arf) {
        frozen = arf.isFrozen();
        instancesSeen = arf.instancesSeen();
        for (int i = 0; i < arf.ensembleSize(); i++) {
          HoeffdingTree t = arf.tree(i);
          HoeffdingTree bg = arf.backgroundTree(i);
          trees.add(
              new InspectionReport.TreeInfo(
                  i,
                  t.numNodes(),
                  t.numLeaves(),
                  t.depth(),
                  frozen ? null : arf.drifts(i),
                  frozen ? null : arf.warnings(i),
                  bg != null,
                  bg == null ? 0 : bg.numNodes(),
                  memberBytes.getOrDefault(i, 0L)));
        }
      } else {
        HoeffdingTree t = (HoeffdingTree) model;
        frozen = t.isFrozen();
        trees.add(
            new InspectionReport.TreeInfo(
                0,
                t.numNodes(),
                t.numLeaves(),
                t.depth(),
                null,
                null,
                false,
                0,
                memberBytes.getOrDefault(0, 0L)));
      }

      Map<String, Long> fileSizes = new LinkedHashMap<>();
      fileSizes.put(Manifest.FILE_NAME, Files.size(reader.directory().resolve(Manifest.FILE_NAME)));
      for (Map.Entry<String, Manifest.FileEntry> e : manifest.files().entrySet()) {
        fileSizes.put(e.getKey(), e.getValue().size());
      }

      return new InspectionReport(
          bundleDir,
          manifest,
          manifest.learner(),
          frozen,
          forest,
          instancesSeen,
          trees,
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
    m.put("classes", s.target().values());
    return m;
  }

  private static Map<String, Object> policies(Manifest manifest) {
    Map<String, Object> all = Json.toMap(manifest.preprocessing());
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
