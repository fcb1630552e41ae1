package org.coppice.cli;

import java.util.Locale;

/** The learners the command line offers, by their command-line names. */
public enum LearnerKind {
  /** Adaptive Random Forest. */
  ARF("arf"),
  /** Hoeffding tree. */
  HT("ht"),
  /** Naive Bayes. */
  NB("nb"),
  /** Majority class baseline. */
  MAJORITY("majority");

  private final String cliName;

  LearnerKind(String cliName) {
    this.cliName = cliName;
  }

  /** The name used on the command line and in reports. */
  public String cliName() {
    return cliName;
  }

  /** Parses a command-line name (case-insensitive). */
  public static LearnerKind parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (LearnerKind k : values()) {
      if (k.cliName.equals(t)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown learner '" + text + "'; valid learners: arf, ht, nb, majority");
  }
}
