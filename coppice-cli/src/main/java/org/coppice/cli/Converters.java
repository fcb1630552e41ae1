package org.coppice.cli;

import java.util.Locale;
import org.coppice.learn.tree.LeafPrediction;
import org.coppice.learn.tree.MaxFeatures;
import org.coppice.learn.tree.SplitCriterion;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Picocli converters for the option values that are not plain numbers. */
final class Converters {
  private Converters() {}

  static final class Learner implements ITypeConverter<LearnerKind> {
    @Override
    public LearnerKind convert(String value) {
      try {
        return LearnerKind.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class MaxFeaturesConverter implements ITypeConverter<MaxFeatures> {
    @Override
    public MaxFeatures convert(String value) {
      try {
        return MaxFeatures.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class Leaf implements ITypeConverter<LeafPrediction> {
    @Override
    public LeafPrediction convert(String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "mc" -> LeafPrediction.MAJORITY_CLASS;
        case "nb" -> LeafPrediction.NAIVE_BAYES;
        case "nba" -> LeafPrediction.NAIVE_BAYES_ADAPTIVE;
        default ->
            throw new TypeConversionException(
                "leaf prediction must be mc, nb or nba; got '" + value + "'");
      };
    }
  }

  static final class Criterion implements ITypeConverter<SplitCriterion> {
    @Override
    public SplitCriterion convert(String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "infogain" -> SplitCriterion.INFO_GAIN;
        case "gini" -> SplitCriterion.GINI;
        default ->
            throw new TypeConversionException(
                "split criterion must be infogain or gini; got '" + value + "'");
      };
    }
  }

  /** The command-line name of a leaf prediction. */
  static String name(LeafPrediction p) {
    return switch (p) {
      case MAJORITY_CLASS -> "mc";
      case NAIVE_BAYES -> "nb";
      case NAIVE_BAYES_ADAPTIVE -> "nba";
    };
  }

  /** The command-line name of a split criterion. */
  static String name(SplitCriterion c) {
    return switch (c) {
      case INFO_GAIN -> "infogain";
      case GINI -> "gini";
    };
  }
}
