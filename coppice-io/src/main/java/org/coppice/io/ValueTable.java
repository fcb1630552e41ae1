package org.coppice.io;

import java.util.List;

/**
 * Maps strings to their index in a list, looked up directly from a range of characters so that no
 * {@code String} is allocated per lookup. Immutable after construction.
 */
final class ValueTable {
  private final String[] keys;
  private final int[] ids;
  private final int mask;

  /** Builds the table; {@code values} must be distinct. */
  ValueTable(List<String> values) {
    int capacity = Integer.highestOneBit(Math.max(4, values.size() * 2) - 1) << 1;
    keys = new String[capacity];
    ids = new int[capacity];
    mask = capacity - 1;
    for (int id = 0; id < values.size(); id++) {
      String key = values.get(id);
      int slot = mix(key.hashCode()) & mask;
      while (keys[slot] != null) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = key;
      ids[slot] = id;
    }
  }

  /** Index of {@code b[s, e)}, or -1. */
  int indexOf(char[] b, int s, int e) {
    int h = 0;
    for (int i = s; i < e; i++) {
      h = 31 * h + b[i];
    }
    int len = e - s;
    int slot = mix(h) & mask;
    String key;
    while ((key = keys[slot]) != null) {
      if (key.length() == len && equalsRange(key, b, s)) {
        return ids[slot];
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  /** Index of {@code value}, or -1. */
  int indexOf(String value) {
    int slot = mix(value.hashCode()) & mask;
    String key;
    while ((key = keys[slot]) != null) {
      if (key.equals(value)) {
        return ids[slot];
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  private static boolean equalsRange(String key, char[] b, int s) {
    for (int i = 0, n = key.length(); i < n; i++) {
      if (key.charAt(i) != b[s + i]) {
        return false;
      }
    }
    return true;
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
