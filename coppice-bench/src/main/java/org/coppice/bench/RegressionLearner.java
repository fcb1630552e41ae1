package org.coppice.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A pair of learners compared in {@link RegressionComparison}: MOA's, given by its command-line
 * string, and Coppice's, given by its registry name and settings; or a Coppice variant without a
 * MOA counterpart, compared with the MOA learner of another pair.
 */
enum RegressionLearner implements Keyed {
  /** The FIMT-DD model tree with every default. */
  FIMTDD("fimtdd", "FIMT-DD", "trees.FIMTDD", "ht-regressor"),
  /** The adaptive random forest regressor; the number of trees is set per run. */
  ARF("arf", "ARF regressor", "meta.AdaptiveRandomForestRegressor", "arf-regressor"),
  /** Coppice's forest with its detectors fed the error instead of the prediction (not in MOA). */
  ARF_ERROR("arf-error", "ARF regressor, detectors fed the error", null, "arf-regressor");

  private final String key;
  private final String title;
  private final String moaClass;
  private final String coppiceName;

  RegressionLearner(String key, String title, String moaClass, String coppiceName) {
    this.key = key;
    this.title = title;
    this.moaClass = moaClass;
    this.coppiceName = coppiceName;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public String title() {
    return title;
  }

  /** Whether MOA has this learner. */
  boolean inMoa() {
    return moaClass != null;
  }

  /** The learner whose MOA results this one is compared with. */
  RegressionLearner moaCounterpart() {
    return this == ARF_ERROR ? ARF : this;
  }

  /** Whether the learner is an ensemble (its size and threads apply). */
  boolean ensemble() {
    return this != FIMTDD;
  }

  /** MOA's command-line string (every other option at its default); the seed is set apart. */
  String moaCli(int trees) {
    if (moaClass == null) {
      throw new IllegalStateException(key + " has no MOA counterpart");
    }
    return ensemble() ? moaClass + " -s " + trees : moaClass;
  }

  /** Coppice's learner name. */
  String coppiceName() {
    return coppiceName;
  }

  /** Coppice's settings (by parameter name) for this seed, ensemble size and thread count. */
  Map<String, String> coppiceSettings(int seed, int trees, int threads) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("seed", Integer.toString(seed));
    if (ensemble()) {
      s.put("trees", Integer.toString(trees));
      s.put("threads", Integer.toString(threads));
    }
    if (this == ARF_ERROR) {
      s.put("detector-input", "error");
    }
    return s;
  }

  /** The Coppice command-line options equivalent to {@link #coppiceSettings} (for the tables). */
  String coppiceOptions(int trees) {
    StringBuilder b = new StringBuilder("--learner ").append(coppiceName);
    if (ensemble()) {
      b.append(" --trees ").append(trees);
    }
    if (this == ARF_ERROR) {
      b.append(" --detector-input error");
    }
    return b.toString();
  }
}
