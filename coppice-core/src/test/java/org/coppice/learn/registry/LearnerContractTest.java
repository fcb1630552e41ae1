package org.coppice.learn.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.coppice.data.Attribute;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.gen.StreamSpecs;
import org.coppice.learn.Classifier;
import org.coppice.learn.Learner;
import org.coppice.learn.Regressor;
import org.coppice.learn.Task;
import org.coppice.learn.tree.MemorySections;
import org.coppice.state.ModelFormatException;
import org.coppice.stream.InstanceStream;
import org.coppice.util.JavaRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every registered learner promises, checked through its declaration alone: the parameter
 * table describes the configuration (defaults, round trip), and the state codec restores learning
 * exactly, freezes without changing predictions, and rejects damaged state with {@link
 * ModelFormatException} only.
 */
class LearnerContractTest {
  static Stream<LearnerType<?, ?>> learners() {
    return Learners.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("learners")
  void theTableDescribesTheConfiguration(LearnerType<?, ?> type) {
    roundTrip(type);
    for (Parameter p : type.parameters()) {
      assertEquals(
          p.defaultValue(),
          p.type() == Parameter.Type.CHOICE ? p.defaultText() : p.parse(p.defaultText()),
          type + ": the default of " + p.name() + " reads back");
      assertFalse(p.help().isBlank(), type + ": " + p.name() + " has help");
    }
  }

  private static <C> void roundTrip(LearnerType<C, ?> type) {
    C defaults = type.defaults();
    Map<String, Object> values = type.values(defaults, true);
    assertEquals(defaults, type.configure(Settings.of(type, values)), type + ": values -> config");
    for (Parameter p : type.parameters()) {
      if (!p.isRuntime()) {
        assertEquals(p.defaultValue(), values.get(p.name()), type + ": default of " + p.name());
      }
    }
  }

  @Test
  void namesAndIdsAreUniqueAndUnknownOnesAreRefused() {
    List<String> names = new ArrayList<>();
    for (LearnerType<?, ?> t : Learners.all()) {
      assertFalse(names.contains(t.name()));
      names.add(t.name());
      assertEquals(t, Learners.byCodecId(t.codecId()));
      assertEquals(t, Learners.byName(t.name().toUpperCase(java.util.Locale.ROOT)));
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Learners.byName("forest"));
    assertTrue(e.getMessage().contains("valid learners: " + Learners.names()), e.getMessage());
    assertEquals(null, Learners.byCodecId(999));
  }

  @Test
  void aSettingIsCheckedAgainstItsRange() {
    LearnerType<?, ?> ht = Learners.byName("ht");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Settings.parse(ht, Map.of("grace-period", "0")));
    assertEquals("grace-period must be an integer >= 1, got '0'", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Settings.parse(ht, Map.of("leaf-prediction", "bayes")));
    assertEquals("leaf-prediction must be mc, nb or nba, got 'bayes'", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> Settings.parse(ht, Map.of("trees", "3")));
    assertTrue(e.getMessage().startsWith("learner ht has no setting 'trees'"), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("learners")
  void aLearnerRefusesATargetOfTheOtherTask(LearnerType<?, ?> type) {
    Schema other = schema(type.task() == Task.REGRESSION ? Task.CLASSIFICATION : Task.REGRESSION);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> type.create(other, defaults(type)));
    assertTrue(e.getMessage().contains("learner " + type.name() + " is for"), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("learners")
  void savedStateResumesExactly(LearnerType<?, ?> type) {
    Schema schema = schema(type.task());
    List<Instance> data = data(schema, 3000, 11);
    Learner whole = type.create(schema, defaults(type));
    feed(whole, data, 0, 3000);
    Learner first = type.create(schema, defaults(type));
    feed(first, data, 0, 1700);
    Learner resumed = ModelCodec.load(MemorySections.of(first, false), 2);
    assertEquals(type, Learners.of(resumed));
    assertArrayEquals(
        MemorySections.of(first, false).bytes(),
        MemorySections.of(resumed, false).bytes(),
        type + ": load then save gives the same bytes");
    feed(resumed, data, 1700, 3000);
    assertArrayEquals(
        MemorySections.of(whole, false).bytes(),
        MemorySections.of(resumed, false).bytes(),
        type + ": learn(save(A), B) = learn(A + B)");
    whole.close();
    first.close();
    resumed.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("learners")
  void frozenFormPredictsTheSame(LearnerType<?, ?> type) {
    Schema schema = schema(type.task());
    List<Instance> data = data(schema, 2000, 5);
    Learner model = type.create(schema, defaults(type));
    feed(model, data, 0, 1500);
    MemorySections frozen = MemorySections.of(model, true);
    Learner loaded = ModelCodec.load(frozen, 1);
    assertEquals(type.capabilities().freezable(), loaded.isFrozen(), type.name());
    for (Instance inst : data.subList(1500, 2000)) {
      assertArrayEquals(predict(model, inst), predict(loaded, inst), type.name());
    }
    if (loaded.isFrozen()) {
      assertTrue(frozen.bytes().length <= MemorySections.of(model, false).bytes().length);
    }
    model.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("learners")
  void damagedStateIsAModelFormatExceptionOrStillWorks(LearnerType<?, ?> type) {
    Schema schema = schema(type.task());
    List<Instance> data = data(schema, 1500, 3);
    Learner model = type.create(schema, defaults(type));
    feed(model, data, 0, 1500);
    JavaRandom r = new JavaRandom(type.codecId());
    int rejected = 0;
    for (int trial = 0; trial < 300; trial++) {
      MemorySections bad = MemorySections.of(model, false);
      int s = r.nextInt(bad.sectionCount());
      byte[] bytes = bad.section(s).clone();
      if (bytes.length == 0) {
        continue;
      }
      if (trial % 3 == 0) {
        bytes = java.util.Arrays.copyOf(bytes, r.nextInt(bytes.length));
      } else {
        bytes[r.nextInt(bytes.length)] ^= (byte) (1 << r.nextInt(8));
      }
      bad.replace(s, bytes);
      try {
        Learner loaded = ModelCodec.load(bad, 1);
        for (Instance inst : data.subList(0, 50)) {
          predict(loaded, inst);
        }
      } catch (ModelFormatException e) {
        rejected++;
      }
    }
    assertTrue(rejected > 50, type + ": rejected " + rejected);
    model.close();
  }

  @Test
  void differentSeedsGiveDifferentForests() {
    LearnerType<?, ?> arf = Learners.byName("arf");
    Schema schema = schema(Task.CLASSIFICATION);
    List<Instance> data = data(schema, 1000, 2);
    Learner a = arf.create(schema, Settings.parse(arf, Map.of("trees", "3", "seed", "1")));
    Learner b = arf.create(schema, Settings.parse(arf, Map.of("trees", "3", "seed", "2")));
    feed(a, data, 0, 1000);
    feed(b, data, 0, 1000);
    assertNotEquals(
        java.util.Arrays.toString(MemorySections.of(a, false).bytes()),
        java.util.Arrays.toString(MemorySections.of(b, false).bytes()));
    a.close();
    b.close();
  }

  // ---- helpers ----

  static Settings defaults(LearnerType<?, ?> type) {
    return Settings.of(type, Map.of());
  }

  /** Agrawal for classification; a seeded numeric and nominal function for regression. */
  static Schema schema(Task task) {
    if (task == Task.CLASSIFICATION) {
      return StreamSpecs.parse("agrawal(function=2)", 7).schema();
    }
    return new Schema(
        "regression",
        List.of(
            Attribute.numeric("x0"),
            Attribute.numeric("x1"),
            Attribute.nominal("colour", List.of("red", "green", "blue")),
            Attribute.numeric("x3")),
        Attribute.numeric("y"));
  }

  static List<Instance> data(Schema schema, int n, long seed) {
    List<Instance> out = new ArrayList<>();
    if (!schema.isRegression()) {
      InstanceStream s = StreamSpecs.parse("agrawal(function=2)", seed);
      for (int i = 0; i < n; i++) {
        Instance inst = s.schema().newInstance();
        s.next(inst);
        out.add(inst);
      }
      return out;
    }
    JavaRandom r = new JavaRandom(seed);
    for (int i = 0; i < n; i++) {
      double x0 = r.nextDouble();
      double x1 = r.nextDouble() * 10;
      int colour = r.nextInt(3);
      double x3 = r.nextGaussian();
      double y = 3 * x0 + (colour == 1 ? x1 : -x1) + 0.5 * x3 + 0.1 * r.nextGaussian();
      double[] x = {x0, i % 97 == 0 ? Double.NaN : x1, colour, x3};
      out.add(Instance.regression(x, i % 50 == 0 ? Double.NaN : y, 1.0));
    }
    return out;
  }

  static void feed(Learner learner, List<Instance> data, int from, int to) {
    for (Instance inst : data.subList(from, to)) {
      if (learner instanceof Regressor r) {
        r.predict(inst.x);
        r.learn(inst.x, inst.target, inst.weight);
      } else {
        Classifier c = (Classifier) learner;
        c.votes(inst.x, new double[learner.schema().numClasses()]);
        c.learn(inst.x, inst.y, inst.weight);
      }
    }
  }

  static double[] predict(Learner learner, Instance inst) {
    if (learner instanceof Regressor r) {
      return new double[] {r.predict(inst.x)};
    }
    double[] v = new double[learner.schema().numClasses()];
    ((Classifier) learner).votes(inst.x, v);
    return v;
  }
}
