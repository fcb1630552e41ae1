package org.coppice.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A choice named on the command line by a short key and in the tables by a title. */
interface Keyed {
  /** Short name used on the command line and in file names. */
  String key();

  /** Name shown in the tables. */
  String title();

  /**
   * Parses a comma-separated list of keys of {@code choices} (case-insensitive, duplicates dropped,
   * in the order given), or {@code all} for every choice.
   *
   * @param what the kind of choice, for the error message ("dataset", "learner")
   * @throws IllegalArgumentException naming the valid keys
   */
  static <E extends Keyed> List<E> parseList(String text, List<E> choices, String what) {
    if (text.trim().equalsIgnoreCase("all")) {
      return List.copyOf(choices);
    }
    Map<String, E> byKey = new LinkedHashMap<>();
    for (E choice : choices) {
      byKey.put(choice.key(), choice);
    }
    List<E> out = new ArrayList<>();
    for (String part : text.split(",")) {
      String k = part.trim().toLowerCase(Locale.ROOT);
      if (k.isEmpty()) {
        continue;
      }
      E choice = byKey.get(k);
      if (choice == null) {
        throw new IllegalArgumentException(
            "unknown "
                + what
                + " '"
                + part.trim()
                + "'; known: "
                + String.join(",", byKey.keySet()));
      }
      if (!out.contains(choice)) {
        out.add(choice);
      }
    }
    return List.copyOf(out);
  }
}
