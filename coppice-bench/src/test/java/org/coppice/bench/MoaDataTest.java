package org.coppice.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.yahoo.labs.samoa.instances.Instance;
import java.nio.file.Files;
import java.nio.file.Path;
import moa.streams.InstanceStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MoaDataTest {
  @TempDir Path dir;

  /** Every value MOA reads back from a written file equals the value the generator produced. */
  @Test
  void writtenFilesReadBackExactly() throws Exception {
    int n = 2000;
    for (StreamSpec spec : StreamSpec.values()) {
      if (!spec.synthetic()) {
        continue;
      }
      String cli = spec.moaCli(n, 2);
      Path file = dir.resolve(spec.key() + ".arff");
      assertTrue(MoaData.generate(cli, n, spec.key(), file));
      assertFalse(MoaData.generate(cli, n, spec.key(), file), "second call uses the cache");

      MoaData.Loaded loaded = MoaData.load(file, Long.MAX_VALUE);
      assertEquals(n, loaded.examples().size(), spec.key());
      InstanceStream fresh = MoaData.buildStream(cli);
      assertEquals(fresh.getHeader().numAttributes(), loaded.header().numAttributes());
      for (int k = 0; k < n; k++) {
        Instance expected = fresh.nextInstance().getData();
        Instance actual = loaded.examples().get(k).getData();
        for (int i = 0; i < expected.numAttributes(); i++) {
          assertEquals(
              expected.value(i), actual.value(i), 0.0, spec.key() + " #" + k + " att " + i);
        }
      }
    }
  }

  @Test
  void parametersChangeRegenerates() throws Exception {
    Path file = dir.resolve("sea.arff");
    assertTrue(MoaData.generate(StreamSpec.SEA.moaCli(400, 1), 400, "sea", file));
    assertTrue(MoaData.generate(StreamSpec.SEA.moaCli(400, 2), 400, "sea", file));
    assertTrue(Files.readString(file).contains("-i 2 "));
  }

  @Test
  void quoting() {
    assertEquals("groupA", MoaData.quote("groupA"));
    assertEquals("'a b'", MoaData.quote("a b"));
    assertEquals("'it\\'s'", MoaData.quote("it's"));
    assertEquals("'{x}'", MoaData.quote("{x}"));
  }

  @Test
  void driftChainIsNestedWithRelativePositions() {
    String cli = StreamSpec.SEA.moaCli(100_000, 1);
    assertEquals(
        "ConceptDriftStream -s (generators.SEAGenerator -f 1 -i 1 -p 10) -d (ConceptDriftStream -s"
            + " (generators.SEAGenerator -f 2 -i 101 -p 10) -d (ConceptDriftStream -s"
            + " (generators.SEAGenerator -f 3 -i 201 -p 10) -d (generators.SEAGenerator -f 4 -i 301"
            + " -p 10) -p 25000 -w 1 -r 201) -p 25000 -w 1 -r 101) -p 25000 -w 1 -r 1",
        cli);
    assertTrue(StreamSpec.AGRAWAL.moaCli(100_000, 1).contains("-w 5000"));
  }
}
