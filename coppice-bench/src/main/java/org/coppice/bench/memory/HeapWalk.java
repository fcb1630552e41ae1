package org.coppice.bench.memory;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rough size of an object graph, by reflection, with HotSpot's 64-bit layout under compressed
 * oops (12-byte object headers, 16-byte array headers, 4-byte references, 8-byte alignment). It
 * follows fields of classes outside the JDK; JDK objects (strings, collections) are counted by
 * their shallow size and not entered, which the JDK's module boundaries would forbid anyway. Arrays
 * are tallied by the field that holds them ({@code HoeffdingTree.obs}), to show where the bytes
 * are. A cross-check of the retained heap, not a replacement for it.
 */
final class HeapWalk {
  private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<String, long[]> byOwner = new HashMap<>(); // key -> {objects, bytes}
  private final Map<Class<?>, List<Field>> fieldCache = new HashMap<>();
  private long total;
  private long objects;

  private record Item(Object object, String owner) {}

  /** Adds everything reachable from {@code root}. */
  void walk(Object root) {
    Deque<Item> stack = new ArrayDeque<>();
    stack.push(new Item(root, root.getClass().getSimpleName()));
    while (!stack.isEmpty()) {
      Item item = stack.pop();
      Object o = item.object();
      if (o == null || !seen.add(o)) {
        continue;
      }
      Class<?> c = o.getClass();
      objects++;
      if (c.isArray()) {
        int length = java.lang.reflect.Array.getLength(o);
        Class<?> component = c.getComponentType();
        long bytes = align(16 + (long) length * sizeOf(component));
        add(item.owner(), bytes);
        if (!component.isPrimitive()) {
          Object[] elements = (Object[]) o;
          for (Object e : elements) {
            if (e != null) {
              stack.push(new Item(e, item.owner() + "[]"));
            }
          }
        }
        continue;
      }
      List<Field> fields = fields(c);
      long shallow = 12;
      for (Field f : fields) {
        shallow += sizeOf(f.getType());
      }
      shallow = align(shallow);
      if (isJdk(c)) {
        add("JDK objects (shallow): " + c.getSimpleName(), shallow);
        continue;
      }
      add(c.getSimpleName() + " (object)", shallow);
      for (Field f : fields) {
        if (f.getType().isPrimitive()) {
          continue;
        }
        Object value;
        try {
          value = f.get(o);
        } catch (IllegalAccessException e) {
          continue;
        }
        if (value != null) {
          stack.push(new Item(value, c.getSimpleName() + "." + f.getName()));
        }
      }
    }
  }

  private void add(String owner, long bytes) {
    long[] t = byOwner.computeIfAbsent(owner, k -> new long[2]);
    t[0]++;
    t[1] += bytes;
    total += bytes;
  }

  long total() {
    return total;
  }

  long objects() {
    return objects;
  }

  /** The {@code n} largest owners as "owner: objects, bytes" entries, largest first. */
  List<String> top(int n) {
    List<Map.Entry<String, long[]>> entries = new ArrayList<>(byOwner.entrySet());
    entries.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.min(n, entries.size()); i++) {
      Map.Entry<String, long[]> e = entries.get(i);
      out.add(e.getKey() + " x" + e.getValue()[0] + " = " + e.getValue()[1]);
    }
    return out;
  }

  private List<Field> fields(Class<?> c) {
    return fieldCache.computeIfAbsent(
        c,
        k -> {
          List<Field> list = new ArrayList<>();
          boolean jdk = isJdk(k);
          for (Class<?> t = k; t != null; t = t.getSuperclass()) {
            for (Field f : t.getDeclaredFields()) {
              if (Modifier.isStatic(f.getModifiers())) {
                continue;
              }
              if (!jdk && !f.getType().isPrimitive()) {
                try {
                  f.setAccessible(true);
                } catch (RuntimeException e) {
                  continue; // a field we may not read: counted in the shallow size only
                }
              }
              list.add(f);
            }
          }
          return list;
        });
  }

  private static boolean isJdk(Class<?> c) {
    String name = c.getName();
    return name.startsWith("java.")
        || name.startsWith("javax.")
        || name.startsWith("jdk.")
        || name.startsWith("sun.");
  }

  private static int sizeOf(Class<?> type) {
    if (type == long.class || type == double.class) {
      return 8;
    }
    if (type == int.class || type == float.class) {
      return 4;
    }
    if (type == short.class || type == char.class) {
      return 2;
    }
    if (type == byte.class || type == boolean.class) {
      return 1;
    }
    return 4; // compressed reference
  }

  private static long align(long bytes) {
    return (bytes + 7) & ~7L;
  }
}
