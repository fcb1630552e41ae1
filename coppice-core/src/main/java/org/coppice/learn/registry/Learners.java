package org.coppice.learn.registry;

import java.util.ArrayList;
import java.util.List;
import org.coppice.learn.Learner;
import org.coppice.learn.Task;
import org.coppice.learn.baseline.MajorityClassType;
import org.coppice.learn.bayes.NaiveBayesType;
import org.coppice.learn.knn.KnnType;
import org.coppice.learn.regression.ArfRegressorType;
import org.coppice.learn.regression.RegressionTreeType;
import org.coppice.learn.tree.ArfType;
import org.coppice.learn.tree.HoeffdingTreeType;
import org.coppice.learn.tree.LeveragingBagType;
import org.coppice.learn.tree.OzaBagType;

/**
 * Every learner Coppice has, by name. Adding a learner is one package with its {@link LearnerType}
 * and one line in {@link #ALL}.
 */
public final class Learners {
  private Learners() {}

  /** The registered learners, in the order help texts list them. Model-file ids must be unique. */
  private static final List<LearnerType<?, ?>> ALL =
      List.of(
          ArfType.TYPE,
          OzaBagType.TYPE,
          LeveragingBagType.TYPE,
          HoeffdingTreeType.TYPE,
          NaiveBayesType.TYPE,
          MajorityClassType.TYPE,
          KnnType.TYPE,
          ArfRegressorType.TYPE,
          RegressionTreeType.TYPE);

  static {
    List<String> names = new ArrayList<>();
    List<Integer> ids = new ArrayList<>();
    for (LearnerType<?, ?> t : ALL) {
      if (names.contains(t.name()) || (t.codecId() != 0 && ids.contains(t.codecId()))) {
        throw new ExceptionInInitializerError("learner " + t.name() + " registered twice");
      }
      names.add(t.name());
      ids.add(t.codecId());
    }
  }

  /** Every registered learner. */
  public static List<LearnerType<?, ?>> all() {
    return ALL;
  }

  /** The default learner for a task: arf, or arf-regressor when it is registered. */
  public static LearnerType<?, ?> defaultFor(Task task) {
    for (LearnerType<?, ?> t : ALL) {
      if (t.task() == task) {
        return t;
      }
    }
    throw new IllegalStateException("no learner for " + task.cliName());
  }

  /** The names of the learners, comma-separated (for messages). */
  public static String names() {
    List<String> n = new ArrayList<>();
    for (LearnerType<?, ?> t : ALL) {
      n.add(t.name());
    }
    return String.join(", ", n);
  }

  /**
   * The learner called {@code name} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the valid learners
   */
  public static LearnerType<?, ?> byName(String name) {
    String n = name.trim().toLowerCase(java.util.Locale.ROOT);
    for (LearnerType<?, ?> t : ALL) {
      if (t.name().equals(n)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown learner '" + name + "'; valid learners: " + names());
  }

  /** The learner with model-file id {@code id}, or null. */
  public static LearnerType<?, ?> byCodecId(int id) {
    for (LearnerType<?, ?> t : ALL) {
      if (t.codecId() == id && id != 0) {
        return t;
      }
    }
    return null;
  }

  /**
   * The declaration of {@code learner}.
   *
   * @throws IllegalArgumentException for a learner that is not registered
   */
  public static LearnerType<?, ?> of(Learner learner) {
    for (LearnerType<?, ?> t : ALL) {
      if (t.learnerClass() == learner.getClass()) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        learner.getClass().getSimpleName() + " is not a registered learner");
  }
}
