package org.coppice.io.bundle;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.coppice.state.ModelFormatException;
import org.coppice.state.internal.ByteArrayStateReader;

/**
 * Jazzer fuzz targets: whatever the bytes, loading either succeeds or throws {@link
 * ModelFormatException}; any other exception or error (OutOfMemoryError, StackOverflowError,
 * IndexOutOfBounds, ...) fails the test, as does a timeout.
 *
 * <p>A plain {@code mvn test} runs each target in regression mode on the seeds under {@code
 * src/test/resources/org/coppice/io/bundle/ModelFileFuzzTestInputs/<method>/} (and the empty
 * input), without Jazzer's bug-detector hooks ({@code jazzer.hooks=false} in {@code
 * junit-platform.properties}). To fuzz one target for up to {@code maxDuration}: {@code
 * JAZZER_FUZZ=1 mvn test -pl coppice-io -am -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=ModelFileFuzzTest#modelFile -Djazzer.hooks=true}; findings are stored as new seeds in that
 * directory, the generated corpus in {@code coppice-io/.cifuzz-corpus}.
 */
class ModelFileFuzzTest {
  /** Limits small enough that an accepted claim cannot exhaust a test heap. */
  private static final Limits LIMITS =
      Limits.builder().maxArrayLength(1 << 20).maxFileBytes(64 << 20).build();

  private static void load(byte[] bytes) {
    try {
      ToyModel.load(bytes, LIMITS);
    } catch (ModelFormatException expected) {
      // rejected with a clear message: fine
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The raw bytes, and the same bytes with every locatable checksum recomputed. */
  @FuzzTest(maxDuration = "30s")
  void modelFile(byte[] data) {
    load(data);
    load(ModelBytes.fixCrcs(data.clone()));
  }

  /** Section content without the checksum in the way: the validated reads of a tree section. */
  @FuzzTest(maxDuration = "30s")
  void treeSection(byte[] data) {
    try {
      ToyModel.readTree(new ByteArrayStateReader(data, 0, data.length, "fuzz", 1 << 20));
    } catch (ModelFormatException expected) {
      // rejected: fine
    }
  }

  @FuzzTest(maxDuration = "30s")
  void manifest(byte[] data) {
    try {
      Manifest m = Manifest.parse(data);
      Manifest.parse(m.toJson());
    } catch (ModelFormatException expected) {
      // rejected: fine
    }
  }
}
