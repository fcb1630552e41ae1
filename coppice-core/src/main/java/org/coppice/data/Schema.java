package org.coppice.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The input features and the target of a stream. Feature {@code i} of an {@link Instance} is {@code
 * x[i]}; the target is held apart: for a nominal target (classification) as a class index in {@code
 * [0, numClasses())} in {@link Instance#y}, for a numeric target (regression) as a number in {@link
 * Instance#target}.
 */
public final class Schema {
  private final String relation;
  private final List<Attribute> features;
  private final Attribute target;
  private final Map<String, Integer> featureIndexByName = new HashMap<>();

  /**
   * @param relation a name for the data (the ARFF relation, or the file name)
   * @param features the input attributes, in instance order
   * @param target the target attribute: nominal with at least one value (classification), or
   *     numeric (regression)
   */
  public Schema(String relation, List<Attribute> features, Attribute target) {
    this.relation = Objects.requireNonNull(relation, "relation");
    this.features = List.copyOf(features);
    this.target = Objects.requireNonNull(target, "target");
    if (target.isNominal() && target.numValues() == 0) {
      throw new IllegalArgumentException(
          "the nominal target '" + target.name() + "' must have at least one value");
    }
    for (int i = 0; i < this.features.size(); i++) {
      featureIndexByName.put(this.features.get(i).name(), i);
    }
  }

  public String relation() {
    return relation;
  }

  public List<Attribute> features() {
    return features;
  }

  public Attribute feature(int i) {
    return features.get(i);
  }

  public int numFeatures() {
    return features.size();
  }

  public Attribute target() {
    return target;
  }

  /** Number of classes of a nominal target; 0 for a numeric target. */
  public int numClasses() {
    return target.numValues();
  }

  /** True when the target is numeric: the stream is a regression problem. */
  public boolean isRegression() {
    return target.isNumeric();
  }

  /** Index of the feature with this name, or -1. */
  public int featureIndex(String name) {
    Integer i = featureIndexByName.get(name);
    return i == null ? -1 : i;
  }

  /** A new instance sized for this schema. */
  public Instance newInstance() {
    return new Instance(features.size());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schema other
        && relation.equals(other.relation)
        && features.equals(other.features)
        && target.equals(other.target);
  }

  @Override
  public int hashCode() {
    return Objects.hash(relation, features, target);
  }

  @Override
  public String toString() {
    return "Schema{" + relation + ", " + features.size() + " features, target " + target + "}";
  }
}
