package org.coppice.cli;

import org.coppice.learn.tree.LeafPrediction;
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

  /** A CSV delimiter: one character, or {@code tab} (also {@code \t}). */
  static final class Delimiter implements ITypeConverter<Character> {
    @Override
    public Character convert(String value) {
      if (value.equalsIgnoreCase("tab") || value.equals("\\t")) {
        return '\t';
      }
      if (value.length() != 1) {
        throw new TypeConversionException(
            "the delimiter must be one character, or tab; got '" + value + "'");
      }
      return value.charAt(0);
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
