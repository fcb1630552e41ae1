package org.coppice.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.coppice.learn.Task;
import org.coppice.learn.registry.LearnerType;
import org.coppice.learn.registry.Learners;
import org.coppice.learn.registry.Settings;

/**
 * Which learner to build and with which settings, as given (on the command line or in a JSON or
 * YAML config file) before the data says what the task is: an optional learner name and settings as
 * text, keyed by the names of the learners' parameter tables ({@link LearnerType#parameters()}).
 * {@link #resolve(Task)} picks the learner (the one named, or the default for the task) and checks
 * every setting against its table. Immutable.
 */
public final class LearnerSpec {
  /** The key of the learner's name in a config file. */
  public static final String LEARNER = "learner";

  private final String learner; // null: the default for the task
  private final Map<String, String> settings; // name -> text, in the order given

  private LearnerSpec(String learner, Map<String, String> settings) {
    this.learner = learner;
    this.settings = settings;
  }

  /** No learner named and no settings: the default learner of the task with its defaults. */
  public static LearnerSpec defaults() {
    return new LearnerSpec(null, Map.of());
  }

  /**
   * This spec with {@code key} set to {@code value} (null: unchanged). {@code key} is {@value
   * #LEARNER} or a setting of some registered learner (of the named learner, once one is named).
   *
   * @throws IllegalArgumentException for an unknown learner or setting, or a value that no learner
   *     with that setting accepts
   */
  public LearnerSpec with(String key, Object value) {
    if (value == null) {
      return this;
    }
    String k = key.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    String text = String.valueOf(value);
    if (k.equals(LEARNER)) {
      return new LearnerSpec(Learners.byName(text).name(), settings);
    }
    List<LearnerType<?, ?>> having = learnersWith(k);
    if (having.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown learner setting '" + key + "'; valid settings: " + String.join(", ", allKeys()));
    }
    checkValue(k, text, having);
    Map<String, String> copy = new LinkedHashMap<>(settings);
    copy.put(k, text);
    return new LearnerSpec(learner, Collections.unmodifiableMap(copy));
  }

  /**
   * Checks syntax and range early, before the learner is known: the value must suit the named
   * learner if it has the setting, else at least one learner that has it (a shared name such as
   * leaf-prediction takes different choices in classification and regression trees). {@link
   * #resolve} checks it again against the learner finally chosen.
   */
  private void checkValue(String key, String text, List<LearnerType<?, ?>> having) {
    if (learner != null && Learners.byName(learner).hasParameter(key)) {
      Learners.byName(learner).parameter(key).parse(text);
      return;
    }
    IllegalArgumentException first = null;
    for (LearnerType<?, ?> t : having) {
      try {
        t.parameter(key).parse(text);
        return;
      } catch (IllegalArgumentException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    throw first;
  }

  /** Every setting (and the learner) of {@code other} laid over this one. */
  public LearnerSpec overriddenBy(LearnerSpec other) {
    Map<String, String> copy = new LinkedHashMap<>(settings);
    copy.putAll(other.settings);
    return new LearnerSpec(
        other.learner != null ? other.learner : learner, Collections.unmodifiableMap(copy));
  }

  /**
   * Reads a config file: a JSON object ({@code .json}) or a YAML mapping ({@code .yaml}, {@code
   * .yml}) of {@value #LEARNER} and settings.
   *
   * @throws IllegalArgumentException naming the file and the problem
   */
  public static LearnerSpec fromFile(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    ObjectMapper mapper;
    if (name.endsWith(".json")) {
      mapper = new ObjectMapper();
    } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      mapper = new ObjectMapper(new YAMLFactory());
    } else {
      throw new IllegalArgumentException(
          "config file " + file + ": use a .json, .yaml or .yml file");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no such config file: " + file);
    }
    JsonNode root;
    try {
      root = mapper.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "config file " + file + " is not valid: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(
          "config file " + file + " must hold one object of settings");
    }
    LearnerSpec spec = defaults();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isValueNode() || e.getValue().isNull()) {
        throw new IllegalArgumentException(
            "config file " + file + ": setting '" + e.getKey() + "' must be a plain value");
      }
      try {
        spec = spec.with(e.getKey(), e.getValue().asText());
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException("config file " + file + ": " + ex.getMessage(), ex);
      }
    }
    return spec;
  }

  /** The learner named, or null when the task's default applies. */
  public String learner() {
    return learner;
  }

  /** The task of the learner named, or null when none is named. */
  public Task task() {
    return learner == null ? null : Learners.byName(learner).task();
  }

  /** The settings given (without the learner), as text, in the order given. */
  public Map<String, String> settings() {
    return settings;
  }

  /**
   * The learner for {@code task} (the one named, or the task's default) and the settings checked
   * against its parameter table.
   *
   * @throws IllegalArgumentException if the named learner is for the other task, or a setting is
   *     not one of the learner's (naming the learners that have it)
   */
  public Settings resolve(Task task) {
    Objects.requireNonNull(task, "task");
    LearnerType<?, ?> type = learner != null ? Learners.byName(learner) : Learners.defaultFor(task);
    if (type.task() != task) {
      throw new IllegalArgumentException(
          "learner "
              + type.name()
              + " is for "
              + type.task().cliName()
              + ", but the target is "
              + (task == Task.REGRESSION ? "numeric (regression)" : "nominal (classification)")
              + "; choose one of "
              + String.join(", ", namesFor(task)));
    }
    for (String key : settings.keySet()) {
      if (!type.hasParameter(key)) {
        throw notFor(key, type);
      }
    }
    return Settings.parse(type, settings);
  }

  /** The error for a setting that {@code type} does not have. */
  public static IllegalArgumentException notFor(String key, LearnerType<?, ?> type) {
    List<String> names = new ArrayList<>();
    for (LearnerType<?, ?> t : learnersWith(key)) {
      names.add(t.name());
    }
    return new IllegalArgumentException(
        key + " applies only to learner " + String.join(", ", names) + ", not to " + type.name());
  }

  /** The registered learners whose table has {@code key}. */
  public static List<LearnerType<?, ?>> learnersWith(String key) {
    List<LearnerType<?, ?>> having = new ArrayList<>();
    for (LearnerType<?, ?> t : Learners.all()) {
      if (t.hasParameter(key)) {
        having.add(t);
      }
    }
    return having;
  }

  private static List<String> namesFor(Task task) {
    List<String> names = new ArrayList<>();
    for (LearnerType<?, ?> t : Learners.all()) {
      if (t.task() == task) {
        names.add(t.name());
      }
    }
    return names;
  }

  /** Every setting name of every learner, first appearance first. */
  public static List<String> allKeys() {
    List<String> keys = new ArrayList<>();
    keys.add(LEARNER);
    for (LearnerType<?, ?> t : Learners.all()) {
      for (var p : t.parameters()) {
        if (!keys.contains(p.name())) {
          keys.add(p.name());
        }
      }
    }
    return keys;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LearnerSpec s
        && Objects.equals(s.learner, learner)
        && s.settings.equals(settings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(learner, settings);
  }

  @Override
  public String toString() {
    return "LearnerSpec{" + (learner == null ? "default" : learner) + ", " + settings + "}";
  }
}
