package org.coppice.model;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.coppice.io.bundle.ModelFileReader;
import org.coppice.io.bundle.SectionInfo;
import org.coppice.learn.Classifier;
import org.coppice.learn.Learner;
import org.coppice.learn.Regressor;
import org.coppice.learn.registry.ModelCodec;
import org.coppice.state.ModelFormatException;
import org.coppice.state.SectionSource;
import org.coppice.state.StateReader;
import org.coppice.state.internal.ByteArrayStateReader;

/**
 * Fuzzes the decoding of real learner state (the golden version-1 forest and tree): the input
 * replaces one section's content (its first byte picks the section), with the checksums out of the
 * way, so every mutation reaches the structural checks of the decoder. Whatever the bytes, loading
 * either succeeds, and the loaded model then predicts without failing, or throws {@link
 * ModelFormatException}; any other exception, an error, a hang or running out of memory fails.
 *
 * <p>The normal {@code mvn test} runs it twice: in regression mode on the seeds under {@code
 * src/test/resources/org/coppice/model/LearnerStateFuzzTestInputs/learnerState/} (the unmodified
 * sections), and, in the separate surefire execution {@code fuzz-learner-state} of coppice-io's
 * pom, as a real Jazzer fuzzing run bounded by {@code maxDuration}.
 */
class LearnerStateFuzzTest {
  private static List<List<byte[]>> models;
  private static List<List<int[]>> ids;

  /**
   * Read lazily, so that the decoder's classes load after Jazzer has installed its instrumentation.
   */
  private static synchronized void loadGolden() {
    if (models != null) {
      return;
    }
    List<List<byte[]>> allSections = new ArrayList<>();
    List<List<int[]>> allIds = new ArrayList<>();
    for (String name : new String[] {"arf", "ht"}) {
      try {
        Path bin =
            Path.of(LearnerStateFuzzTest.class.getResource("/golden/v1/" + name).toURI())
                .resolve("model.bin");
        List<byte[]> sections = new ArrayList<>();
        List<int[]> sectionIds = new ArrayList<>();
        try (ModelFileReader r = ModelFileReader.open(bin);
            FileChannel ch = FileChannel.open(bin, StandardOpenOption.READ)) {
          for (SectionInfo s : r.sections()) {
            ByteBuffer b = ByteBuffer.allocate((int) s.length());
            ch.read(b, s.offset());
            sections.add(b.array());
            sectionIds.add(new int[] {s.kind(), s.id()});
          }
        }
        allSections.add(sections);
        allIds.add(sectionIds);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    models = allSections;
    ids = allIds;
  }

  private static final double[][] PROBES = {
    {115321.1, 0.0, 68.0, 3.0, 19.0, 2.0, 135000.0, 25.0, 162494.0},
    {Double.NaN, 1e9, -5, 0, 0, 0, Double.NaN, 1, 2},
  };

  @FuzzTest(maxDuration = "20s")
  void learnerState(byte[] input) {
    if (input.length < 2) {
      return;
    }
    loadGolden();
    int model = (input[0] & 0xff) % models.size();
    List<byte[]> sections = new ArrayList<>(models.get(model));
    int index = (input[1] & 0xff) % sections.size();
    sections.set(index, Arrays.copyOfRange(input, 2, input.length));
    Learner loaded;
    try {
      loaded = ModelCodec.load(source(sections, ids.get(model)), 1);
    } catch (ModelFormatException rejected) {
      return;
    }
    double[] votes = new double[loaded.schema().numClasses()];
    for (double[] probe : PROBES) {
      if (loaded instanceof Regressor r) {
        r.predict(probe);
      } else {
        ((Classifier) loaded).votes(probe, votes);
      }
    }
  }

  private static SectionSource source(List<byte[]> sections, List<int[]> ids) {
    return new SectionSource() {
      @Override
      public int sectionCount() {
        return sections.size();
      }

      @Override
      public int kind(int i) {
        return ids.get(i)[0];
      }

      @Override
      public int id(int i) {
        return ids.get(i)[1];
      }

      @Override
      public StateReader open(int i) {
        byte[] b = sections.get(i);
        return new ByteArrayStateReader(b, 0, b.length, "fuzz section " + i, 1 << 22);
      }
    };
  }
}
