package org.coppice.bench;

import java.util.Locale;

/**
 * A fingerprint of a run's predicted classes, instance by instance: 64-bit FNV-1a over the class
 * indices in stream order. Two runs with the same fingerprint predicted the same class for every
 * instance (barring a collision, about 2<sup>-64</sup>); equal accuracy and kappa alone would not
 * show that. Both sides take the predicted class as the first index of the highest vote, as MOA's
 * {@code Utils.maxIndex} and Coppice's {@code Classifier.argmax} do.
 */
final class Predictions {
  /** The fingerprint of no prediction. */
  static final long EMPTY = 0xcbf29ce484222325L;

  private static final long PRIME = 0x100000001b3L;

  private Predictions() {}

  /** The fingerprint after one more prediction, class {@code predicted}. */
  static long add(long hash, int predicted) {
    long h = hash;
    for (int shift = 0; shift < 32; shift += 8) {
      h = (h ^ ((predicted >>> shift) & 0xff)) * PRIME;
    }
    return h;
  }

  /** 16 hexadecimal digits. */
  static String hex(long hash) {
    return String.format(Locale.ROOT, "%016x", hash);
  }
}
