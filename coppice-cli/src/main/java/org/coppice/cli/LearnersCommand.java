package org.coppice.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.coppice.learn.registry.LearnerType;
import org.coppice.learn.registry.Learners;
import org.coppice.learn.registry.Parameter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code coppice learners}: every registered learner with its task, capabilities and parameter
 * table, read from the learners' declarations (the same tables that make the options of {@code
 * prequential} and {@code train} and the keys of config files).
 */
@Command(
    name = "learners",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Lists the learners and their settings.",
    description = {
      "Lists every learner with its task, what it can do (save, freeze, train on several",
      "threads) and its settings: name (the option --NAME and the config-file key), type,",
      "default (MOA's), accepted values and meaning.",
      ""
    },
    footer = {"", "Examples:", "  coppice learners", "  coppice learners arf --json"})
final class LearnersCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "NAME",
      description = "Show only this learner.")
  String name;

  @Option(names = "--json", description = "Print the learners as JSON.")
  boolean json;

  @Override
  public Integer call() {
    List<LearnerType<?, ?>> types;
    try {
      types = name == null ? Learners.all() : List.of(Learners.byName(name));
    } catch (IllegalArgumentException e) {
      throw CliError.usage(e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      List<Object> list = new ArrayList<>();
      for (LearnerType<?, ?> t : types) {
        list.add(map(t));
      }
      out.println(Json.pretty(Map.of("learners", list)));
    } else {
      for (LearnerType<?, ?> t : types) {
        text(out, t);
      }
    }
    out.flush();
    return 0;
  }

  private static Map<String, Object> map(LearnerType<?, ?> t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", t.name());
    m.put("title", t.title());
    m.put("task", t.task().cliName());
    m.put("savable", t.capabilities().savable());
    m.put("freezable", t.capabilities().freezable());
    m.put("parallel", t.capabilities().parallel());
    List<Object> parameters = new ArrayList<>();
    for (Parameter p : t.parameters()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("name", p.name());
      e.put("type", p.type().name().toLowerCase(Locale.ROOT));
      e.put("default", p.defaultText());
      e.put("values", p.range());
      e.put("runtime", p.isRuntime());
      e.put("help", p.help());
      parameters.add(e);
    }
    m.put("parameters", parameters);
    return m;
  }

  private static void text(PrintWriter out, LearnerType<?, ?> t) {
    List<String> can = new ArrayList<>();
    if (t.capabilities().savable()) {
      can.add("savable");
    }
    if (t.capabilities().freezable()) {
      can.add("freezable");
    }
    if (t.capabilities().parallel()) {
      can.add("parallel");
    }
    out.printf(
        Locale.ROOT,
        "%s: %s, %s%s%n",
        t.name(),
        t.title(),
        t.task().cliName(),
        can.isEmpty() ? "" : " (" + String.join(", ", can) + ")");
    if (t.parameters().isEmpty()) {
      out.println("  no settings");
    }
    int width = 0;
    for (Parameter p : t.parameters()) {
      width = Math.max(width, p.name().length() + 2 + p.defaultText().length());
    }
    for (Parameter p : t.parameters()) {
      String head = p.name() + " " + p.defaultText();
      out.printf(
          Locale.ROOT,
          "  %-" + width + "s  %s%s%n",
          head,
          p.help(),
          p.type() == Parameter.Type.TEXT ? "" : " [" + p.range() + "]");
    }
    out.println();
  }
}
