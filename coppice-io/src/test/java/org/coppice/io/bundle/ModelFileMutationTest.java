package org.coppice.io.bundle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.coppice.state.ModelFormatException;
import org.coppice.state.internal.ByteArrayStateReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Deterministic random-mutation fuzzing in plain JUnit, complementing {@link ModelFileFuzzTest}
 * (which in a normal run only replays its seeds): thousands of structured mutations of valid files,
 * each loaded both as is and with its checksums recomputed so that the mutation reaches the
 * structural checks and the decoder. Every load must succeed or throw {@link ModelFormatException}.
 */
class ModelFileMutationTest {
  private static final Limits LIMITS =
      Limits.builder().maxArrayLength(1 << 20).maxFileBytes(64 << 20).build();
  private static final int[] INTERESTING = {
    0,
    1,
    -1,
    2,
    3,
    4,
    7,
    8,
    12,
    16,
    20,
    32,
    255,
    256,
    0x7fff,
    0xffff,
    1 << 20,
    Integer.MAX_VALUE,
    Integer.MIN_VALUE,
    Integer.MAX_VALUE - 8,
    0x7ffffff7
  };

  private static byte[] seed(String name) throws IOException {
    try (InputStream in =
        ModelFileMutationTest.class.getResourceAsStream("ModelFileFuzzTestInputs/" + name)) {
      if (in == null) {
        throw new AssertionError("missing seed " + name);
      }
      return in.readAllBytes();
    }
  }

  static byte[] mutate(byte[] src, SplittableRandom rnd) {
    byte[] b = src.clone();
    int ops = 1 + rnd.nextInt(3);
    for (int k = 0; k < ops; k++) {
      int op = rnd.nextInt(9);
      if (b.length == 0) {
        op = 6;
      }
      switch (op) {
        case 0 -> b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
        case 1 -> b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
        case 2, 3 -> {
          if (b.length >= 4) {
            int at = rnd.nextInt(b.length - 3);
            ModelBytes.le(b).putInt(at, INTERESTING[rnd.nextInt(INTERESTING.length)]);
          }
        }
        case 4 -> {
          if (b.length >= 8) {
            int at = rnd.nextInt(b.length - 7);
            long v =
                rnd.nextBoolean() ? rnd.nextLong() : INTERESTING[rnd.nextInt(INTERESTING.length)];
            ModelBytes.le(b).putLong(at, v);
          }
        }
        case 5 -> b = Arrays.copyOf(b, rnd.nextInt(b.length + 1));
        case 6 -> {
          int extra = 1 + rnd.nextInt(16);
          int old = b.length;
          b = Arrays.copyOf(b, old + extra);
          for (int i = old; i < b.length; i++) {
            b[i] = (byte) rnd.nextInt(256);
          }
        }
        case 7 -> {
          int from = rnd.nextInt(b.length);
          int len = rnd.nextInt(b.length - from + 1);
          byte[] cut = new byte[b.length - len];
          System.arraycopy(b, 0, cut, 0, from);
          System.arraycopy(b, from + len, cut, from, b.length - from - len);
          b = cut;
        }
        default -> {
          int from = rnd.nextInt(b.length);
          int len = rnd.nextInt(Math.min(64, b.length - from) + 1);
          int at = rnd.nextInt(b.length + 1);
          byte[] ins = new byte[b.length + len];
          System.arraycopy(b, 0, ins, 0, at);
          System.arraycopy(b, from, ins, at, len);
          System.arraycopy(b, at, ins, at + len, b.length - at);
          b = ins;
        }
      }
    }
    return b;
  }

  private static boolean loads(byte[] bytes) {
    try {
      ToyModel.load(bytes, LIMITS);
      return true;
    } catch (ModelFormatException expected) {
      assertTrue(expected.getMessage().startsWith("model.bin"), expected.getMessage());
      return false;
    } catch (Throwable t) {
      throw new AssertionError(
          "unexpected " + t + " for input " + HexFormat.of().formatHex(bytes), t);
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void mutatedModelFilesLoadOrFailCleanly() throws IOException {
    List<byte[]> seeds = new ArrayList<>();
    for (String s :
        new String[] {"golden-v1", "empty-model", "padded-header", "huge-claim", "hostile-count"}) {
      seeds.add(seed("modelFile/" + s));
    }
    SplittableRandom rnd = new SplittableRandom(20240601);
    int accepted = 0;
    for (int i = 0; i < 10_000; i++) {
      byte[] m = mutate(seeds.get(i % seeds.size()), rnd);
      if (loads(m)) {
        accepted++;
      }
      if (loads(ModelBytes.fixCrcs(m))) {
        accepted++;
      }
    }
    // Some mutations are harmless once checksums are fixed (e.g. in a double), most are not.
    assertTrue(accepted > 0 && accepted < 10_000, "accepted " + accepted);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void mutatedTreeSectionsDecodeOrFailCleanly() throws IOException {
    byte[] tree = seed("treeSection/tree-0");
    ToyModel.readTree(new ByteArrayStateReader(tree));
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      byte[] m = mutate(tree, rnd);
      try {
        ToyModel.readTree(new ByteArrayStateReader(m, 0, m.length, "tree", 1 << 20));
      } catch (ModelFormatException expected) {
        // fine
      }
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void mutatedManifestsParseOrFailCleanly() throws IOException {
    byte[] json = seed("manifest/sample.json");
    SplittableRandom rnd = new SplittableRandom(11);
    for (int i = 0; i < 3_000; i++) {
      try {
        Manifest.parse(mutate(json, rnd));
      } catch (ModelFormatException expected) {
        // fine
      }
    }
  }
}
