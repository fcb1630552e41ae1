package org.coppice.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coppice.learn.Task;
import org.coppice.learn.registry.LearnerType;
import org.coppice.learn.registry.Learners;
import org.coppice.learn.registry.Parameter;
import org.coppice.learn.registry.Settings;
import org.coppice.model.LearnerSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The learner options of {@code prequential} and {@code train}, made from the learners' parameter
 * tables: {@code --learner NAME}, {@code --seed S}, and one option per setting of any registered
 * learner ({@code --trees N}, {@code --grace-period G}, ...; a boolean setting is {@code --name}
 * and {@code --no-name}). The help of each option lists the learners that have it, with their
 * defaults. A value is parsed and range-checked by its {@link Parameter}; a setting the chosen
 * learner does not have is a usage error naming the learners that do.
 */
final class LearnerOptions {
  /** The seed when {@code --seed} is not given (of the learner and of a {@code --stream}). */
  static final long DEFAULT_SEED = 1;

  private static final String SEED = "seed";

  private LearnerOptions() {}

  /** Adds the learner options to {@code command}. */
  static void addTo(CommandSpec command) {
    command.addOption(
        OptionSpec.builder("--learner")
            .paramLabel("NAME")
            .type(String.class)
            .description(learnerHelp())
            .build());
    command.addOption(
        OptionSpec.builder("--seed")
            .paramLabel("S")
            .type(Long.class)
            .description(
                "Seed of the learner (if it has one) and of a --stream (default: "
                    + DEFAULT_SEED
                    + ").")
            .build());
    for (Map.Entry<String, List<LearnerType<?, ?>>> e : settings().entrySet()) {
      String key = e.getKey();
      Parameter p = e.getValue().get(0).parameter(key);
      String help = help(p, e.getValue());
      if (p.type() == Parameter.Type.BOOLEAN) {
        command.addOption(
            OptionSpec.builder("--" + key)
                .arity("0")
                .type(boolean.class)
                .description(help)
                .build());
        command.addOption(
            OptionSpec.builder("--no-" + key)
                .arity("0")
                .type(boolean.class)
                .description("The opposite of --" + key + ".")
                .build());
      } else {
        command.addOption(
            OptionSpec.builder("--" + key)
                .paramLabel(label(p))
                .type(String.class)
                .description(help)
                .build());
      }
    }
  }

  /** Every setting of every learner except the seed, with the learners that have it. */
  private static Map<String, List<LearnerType<?, ?>>> settings() {
    Map<String, List<LearnerType<?, ?>>> m = new LinkedHashMap<>();
    for (LearnerType<?, ?> t : Learners.all()) {
      for (Parameter p : t.parameters()) {
        if (!p.name().equals(SEED)) {
          m.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(t);
        }
      }
    }
    return m;
  }

  private static String learnerHelp() {
    StringBuilder sb = new StringBuilder("The learner:");
    for (LearnerType<?, ?> t : Learners.all()) {
      sb.append(' ')
          .append(t.name())
          .append(" (")
          .append(t.title())
          .append(", ")
          .append(t.task().cliName())
          .append("),");
    }
    sb.setLength(sb.length() - 1);
    sb.append(". Default:");
    for (Task task : Task.values()) {
      for (LearnerType<?, ?> t : Learners.all()) {
        if (t.task() == task) {
          sb.append(' ').append(t.name()).append(" for ").append(task.cliName()).append(',');
          break;
        }
      }
    }
    sb.setLength(sb.length() - 1);
    sb.append('.');
    return sb.toString();
  }

  private static String help(Parameter p, List<LearnerType<?, ?>> learners) {
    StringBuilder sb = new StringBuilder();
    String h = p.help();
    sb.append(Character.toUpperCase(h.charAt(0))).append(h.substring(1));
    if (p.type() != Parameter.Type.BOOLEAN && p.type() != Parameter.Type.TEXT) {
      sb.append("; ").append(p.range());
    }
    sb.append(". ");
    List<String> parts = new ArrayList<>();
    for (LearnerType<?, ?> t : learners) {
      parts.add(t.name() + " " + t.parameter(p.name()).defaultText());
    }
    sb.append("Default: ").append(String.join(", ", parts)).append('.');
    return sb.toString().replace("%", "%%");
  }

  private static String label(Parameter p) {
    return switch (p.type()) {
      case INTEGER, LONG -> "N";
      case NUMBER -> "X";
      case CHOICE -> String.join("|", p.choices());
      default -> "VALUE";
    };
  }

  /** The seed given, or {@link #DEFAULT_SEED}. */
  static long seed(CommandSpec command) {
    Long seed = command.findOption("--seed").getValue();
    return seed != null ? seed : DEFAULT_SEED;
  }

  /**
   * The options given, as a {@link LearnerSpec}; {@code --seed} is passed on only to a learner that
   * has a seed (for the others it seeds the stream alone).
   *
   * @throws CliError (usage) naming the option whose value is invalid, or both {@code --x} and
   *     {@code --no-x}
   */
  static LearnerSpec spec(CommandSpec command) {
    LearnerSpec spec = LearnerSpec.defaults();
    String learner = command.findOption("--learner").getValue();
    if (learner != null) {
      try {
        spec = spec.with(LearnerSpec.LEARNER, learner);
      } catch (IllegalArgumentException e) {
        throw CliError.usage("invalid value for --learner: " + e.getMessage(), e);
      }
    }
    for (Map.Entry<String, List<LearnerType<?, ?>>> e : settings().entrySet()) {
      String key = e.getKey();
      String value = given(command, key);
      if (value == null) {
        continue;
      }
      try {
        spec = spec.with(key, value);
      } catch (IllegalArgumentException ex) {
        throw CliError.usage(
            "invalid value for " + option(command, key) + ": " + ex.getMessage(), ex);
      }
    }
    Long seed = command.findOption("--seed").getValue();
    if (seed != null && takesSeed(spec)) {
      spec = spec.with(SEED, seed);
    }
    return spec;
  }

  private static boolean takesSeed(LearnerSpec spec) {
    if (spec.learner() != null) {
      return Learners.byName(spec.learner()).hasParameter(SEED);
    }
    return Learners.defaultFor(Task.CLASSIFICATION).hasParameter(SEED)
        || Learners.defaultFor(Task.REGRESSION).hasParameter(SEED);
  }

  /** The text of setting {@code key} as given, or null. */
  private static String given(CommandSpec command, String key) {
    OptionSpec yes = command.findOption("--" + key);
    OptionSpec no = command.findOption("--no-" + key);
    if (no == null) {
      String v = yes.getValue();
      return v;
    }
    boolean on = Boolean.TRUE.equals(yes.getValue());
    boolean off = Boolean.TRUE.equals(no.getValue());
    if (on && off) {
      throw CliError.usage("give --" + key + " or --no-" + key + ", not both");
    }
    return on ? "true" : off ? "false" : null;
  }

  /** The option that set {@code key}: {@code --no-key} for a boolean turned off. */
  private static String option(CommandSpec command, String key) {
    OptionSpec no = command.findOption("--no-" + key);
    return no != null && Boolean.TRUE.equals(no.getValue()) ? "--no-" + key : "--" + key;
  }

  /**
   * The learner and settings of {@code spec} for {@code task}, checked: a setting the learner does
   * not have is a usage error naming the option and the learners that have it.
   *
   * @throws CliError (usage)
   */
  static Settings resolve(CommandSpec command, LearnerSpec spec, Task task) {
    LearnerType<?, ?> type =
        spec.learner() != null ? Learners.byName(spec.learner()) : Learners.defaultFor(task);
    for (String key : spec.settings().keySet()) {
      if (!type.hasParameter(key) && !key.equals(SEED)) {
        List<String> names = new ArrayList<>();
        for (LearnerType<?, ?> t : LearnerSpec.learnersWith(key)) {
          names.add(t.name());
        }
        throw CliError.usage(
            option(command, key)
                + " applies only to --learner "
                + String.join(", ", names)
                + ", not to --learner "
                + type.name());
      }
    }
    try {
      return spec.resolve(task);
    } catch (IllegalArgumentException e) {
      throw CliError.usage(e.getMessage(), e);
    }
  }

  /**
   * A description of the learner and its settings, for reports: its name and title with the
   * ensemble size, seed and threads, then every other parameter of its table with its value,
   * wrapped to lines of at most 80 characters.
   */
  static List<String> describe(Settings settings) {
    LearnerType<?, ?> type = settings.type();
    StringBuilder head = new StringBuilder(type.name() + " (" + type.title() + ")");
    if (type.hasParameter("trees")) {
      head.append(", ").append(settings.intValue("trees")).append(" trees");
    }
    if (type.hasParameter(SEED)) {
      head.append(", seed ").append(settings.longValue(SEED));
    }
    if (type.capabilities().parallel()) {
      int threads = Reports.threads(settings);
      head.append(", ").append(threads).append(threads == 1 ? " thread" : " threads");
    }
    List<String> lines = new ArrayList<>();
    lines.add(head.toString());
    StringBuilder line = new StringBuilder();
    for (Parameter p : type.parameters()) {
      String name = p.name();
      if (name.equals("trees") || name.equals(SEED) || name.equals("threads")) {
        continue;
      }
      String item = name + " " + Parameter.format(settings.value(name));
      if (line.length() > 0 && line.length() + 2 + item.length() > 80) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? ", " : "").append(item);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
