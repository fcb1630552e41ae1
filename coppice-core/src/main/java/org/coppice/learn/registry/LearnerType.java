package org.coppice.learn.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.coppice.data.Schema;
import org.coppice.learn.Learner;
import org.coppice.learn.Task;

/**
 * The one declaration of a learner: its name, task, parameter table, typed configuration, factory,
 * state codec and capabilities. The command-line options, config-file keys, manifest parameters,
 * {@code inspect} and the reports are all derived from it; nothing outside the learner's own
 * package and the {@link Learners registry} knows a learner by its class.
 *
 * <p>Declared with {@link #builder}; see {@code org.coppice.learn.baseline.MajorityClass} for the
 * smallest complete example.
 *
 * @param <C> the typed configuration (immutable)
 * @param <L> the learner class
 */
public final class LearnerType<C, L extends Learner> {
  /** Builds a learner from its schema, configuration and number of threads. */
  @FunctionalInterface
  public interface Factory<C, L> {
    L create(Schema schema, C config, int threads);
  }

  private final String name;
  private final String title;
  private final Task task;
  private final Class<L> learnerClass;
  private final int codecId;
  private final List<Parameter> parameters;
  private final Map<String, Parameter> byName;
  private final Map<String, Function<C, Object>> getters;
  private final Function<Settings, C> configure;
  private final Function<L, C> configOf;
  private final Factory<C, L> factory;
  private final StateCodec<L> codec;
  private final Capabilities capabilities;
  private final Function<L, Map<String, Object>> structure;

  private LearnerType(Builder<C, L> b) {
    this.name = b.name;
    this.title = Objects.requireNonNull(b.title, "title");
    this.task = b.task;
    this.learnerClass = b.learnerClass;
    this.codecId = b.codecId;
    this.parameters = List.copyOf(b.parameters);
    Map<String, Parameter> m = new LinkedHashMap<>();
    for (Parameter p : parameters) {
      if (m.put(p.name(), p) != null) {
        throw new IllegalArgumentException(name + ": parameter " + p.name() + " declared twice");
      }
    }
    this.byName = Collections.unmodifiableMap(m);
    this.getters = Map.copyOf(b.getters);
    this.configure = Objects.requireNonNull(b.configure, "configure");
    this.configOf = Objects.requireNonNull(b.configOf, "configOf");
    this.factory = Objects.requireNonNull(b.factory, "factory");
    this.codec = b.codec;
    this.capabilities =
        new Capabilities(b.codec != null, b.codec != null && b.freezable, b.parallel);
    this.structure = b.structure;
  }

  /**
   * Starts a declaration.
   *
   * @param name the command-line and manifest name, e.g. {@code arf}
   * @param codecId the learner id in model files (unique, never reused); 0 for a learner that
   *     cannot be saved
   */
  public static <C, L extends Learner> Builder<C, L> builder(
      String name, Task task, Class<L> learnerClass, int codecId) {
    return new Builder<>(name, task, learnerClass, codecId);
  }

  /** The name on the command line, in config files and in the manifest. */
  public String name() {
    return name;
  }

  /** A short description, e.g. "Adaptive Random Forest". */
  public String title() {
    return title;
  }

  public Task task() {
    return task;
  }

  public Capabilities capabilities() {
    return capabilities;
  }

  /** The parameter table, in declaration order. */
  public List<Parameter> parameters() {
    return parameters;
  }

  /** True if the learner has a parameter {@code name}. */
  public boolean hasParameter(String name) {
    return byName.containsKey(name);
  }

  /**
   * The parameter {@code name}.
   *
   * @throws IllegalArgumentException naming the learner's parameters if there is none
   */
  public Parameter parameter(String name) {
    Parameter p = byName.get(name);
    if (p == null) {
      throw new IllegalArgumentException(
          "learner "
              + this.name
              + " has no setting '"
              + name
              + "'"
              + (parameters.isEmpty()
                  ? ""
                  : "; its settings: " + String.join(", ", byName.keySet())));
    }
    return p;
  }

  /** The learner id in model files (0: not savable). */
  public int codecId() {
    return codecId;
  }

  /** The learner class this type builds. */
  public Class<L> learnerClass() {
    return learnerClass;
  }

  /** The typed configuration of {@code settings}. */
  public C configure(Settings settings) {
    if (settings.type() != this) {
      throw new IllegalArgumentException("settings of " + settings.type().name() + ", not " + name);
    }
    return configure.apply(settings);
  }

  /** The default configuration (MOA's defaults). */
  public C defaults() {
    return configure(Settings.of(this, Map.of()));
  }

  /**
   * Every parameter's value in {@code config}, by name in table order, typed as the table says;
   * runtime settings are left out unless {@code withRuntime}.
   */
  public Map<String, Object> values(C config, boolean withRuntime) {
    Map<String, Object> v = new LinkedHashMap<>();
    for (Parameter p : parameters) {
      if (withRuntime || !p.isRuntime()) {
        v.put(p.name(), getters.get(p.name()).apply(config));
      }
    }
    return v;
  }

  /** A new, untrained learner. */
  public L create(Schema schema, C config, int threads) {
    checkTask(schema);
    return factory.create(schema, config, threads);
  }

  /** A new, untrained learner from checked settings ({@code threads} if it has the setting). */
  public L create(Schema schema, Settings settings) {
    C config = configure(settings);
    int threads = hasParameter("threads") ? settings.intValue("threads") : 1;
    return create(schema, config, threads);
  }

  /**
   * Checks that {@code schema}'s target suits this learner's task.
   *
   * @throws IllegalArgumentException naming the target, its type and the learner
   */
  public void checkTask(Schema schema) {
    if (schema.isRegression() != (task == Task.REGRESSION)) {
      throw new IllegalArgumentException(
          "learner "
              + name
              + " is for "
              + task.cliName()
              + " but the target '"
              + schema.target().name()
              + "' is "
              + (schema.isRegression() ? "numeric" : "nominal")
              + (schema.isRegression()
                  ? "; choose a regression learner or read the target as nominal"
                  : "; choose a classification learner"));
    }
  }

  /** True if {@code learner} is of this type. */
  public boolean isTypeOf(Learner learner) {
    return learnerClass.isInstance(learner);
  }

  /** The configuration of a learner of this type. */
  public C configOf(Learner learner) {
    return configOf.apply(learnerClass.cast(learner));
  }

  /** The parameter values of a learner of this type (model parameters only). */
  public Map<String, Object> parametersOf(Learner learner) {
    return values(configOf(learner), false);
  }

  /**
   * The learner's structure for reports and {@code inspect}: counts such as trees, nodes, leaves,
   * depth, drifts, by name (values are numbers, text, or lists of maps for members).
   */
  public Map<String, Object> structureOf(Learner learner) {
    return structure == null ? Map.of() : structure.apply(learnerClass.cast(learner));
  }

  /**
   * The state codec.
   *
   * @throws IllegalStateException if the learner cannot be saved
   */
  public StateCodec<L> codec() {
    if (codec == null) {
      throw new IllegalStateException("a " + name + " model cannot be saved");
    }
    return codec;
  }

  @Override
  public String toString() {
    return name;
  }

  /** Collects a declaration. */
  public static final class Builder<C, L extends Learner> {
    private final String name;
    private final Task task;
    private final Class<L> learnerClass;
    private final int codecId;
    private String title;
    private final List<Parameter> parameters = new ArrayList<>();
    private final Map<String, Function<C, Object>> getters = new LinkedHashMap<>();
    private Function<Settings, C> configure;
    private Function<L, C> configOf;
    private Factory<C, L> factory;
    private StateCodec<L> codec;
    private boolean freezable;
    private boolean parallel;
    private Function<L, Map<String, Object>> structure;

    private Builder(String name, Task task, Class<L> learnerClass, int codecId) {
      this.name = Objects.requireNonNull(name, "name");
      this.task = Objects.requireNonNull(task, "task");
      this.learnerClass = Objects.requireNonNull(learnerClass, "learnerClass");
      this.codecId = codecId;
    }

    public Builder<C, L> title(String title) {
      this.title = title;
      return this;
    }

    /**
     * A row of the parameter table, and how to read its value from a configuration (typed as the
     * parameter: Integer, Long, Double, Boolean, the choice's word, or the text parser's type).
     */
    public Builder<C, L> parameter(Parameter p, Function<C, ?> getter) {
      parameters.add(p);
      getters.put(p.name(), getter::apply);
      return this;
    }

    /** How checked settings become a configuration. */
    public Builder<C, L> configure(Function<Settings, C> configure) {
      this.configure = configure;
      return this;
    }

    /** How to get a learner's configuration. */
    public Builder<C, L> configOf(Function<L, C> configOf) {
      this.configOf = configOf;
      return this;
    }

    public Builder<C, L> factory(Factory<C, L> factory) {
      this.factory = factory;
      return this;
    }

    /** The state codec: the learner can be saved. */
    public Builder<C, L> codec(StateCodec<L> codec) {
      this.codec = codec;
      return this;
    }

    /** The learner has an inference-only form (the codec's {@code frozen} flag). */
    public Builder<C, L> freezable() {
      this.freezable = true;
      return this;
    }

    /** The learner trains on several threads with thread-count-independent results. */
    public Builder<C, L> parallel() {
      this.parallel = true;
      return this;
    }

    /** The learner's structure for reports. */
    public Builder<C, L> structure(Function<L, Map<String, Object>> structure) {
      this.structure = structure;
      return this;
    }

    public LearnerType<C, L> build() {
      return new LearnerType<>(this);
    }
  }
}
