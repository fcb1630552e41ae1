package org.coppice.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StreamSpecsTest {

  static IllegalArgumentException bad(String spec) {
    return assertThrows(IllegalArgumentException.class, () -> StreamSpecs.parse(spec, 1));
  }

  @Test
  void names() {
    assertEquals(
        List.of(
            "sea",
            "agrawal",
            "hyperplane",
            "hyperplane-regression",
            "rbf",
            "led",
            "stagger",
            "randomtree",
            "drift",
            "classification"),
        StreamSpecs.names());
  }

  @Test
  void everyNameParsesWithMoasDefaults() {
    assertEquals(
        "sea(function=1,noise=10,balance=false,seed=1)", StreamSpecs.parse("sea", 1).spec());
    assertEquals(
        "agrawal(function=1,perturb=0.05,balance=false,seed=1)",
        StreamSpecs.parse("agrawal", 1).spec());
    assertEquals(
        "hyperplane(classes=2,attributes=10,drift-attributes=2,mag=0.0,noise=5,sigma=10,seed=1)",
        StreamSpecs.parse("hyperplane", 1).spec());
    RandomRbfGenerator rbf = (RandomRbfGenerator) StreamSpecs.parse("rbf", 1);
    assertEquals(2, rbf.numClasses());
    assertEquals(10, rbf.numAtts());
    assertEquals(50, rbf.numCentroids());
    assertEquals(0.0, rbf.speedChange());
    assertEquals(50, rbf.numDriftCentroids());
    assertEquals(1, rbf.modelSeed());
    assertEquals(StreamSpecs.derive(1, 1), rbf.instanceSeed());
    assertEquals(
        "led(noise=10,suppress-irrelevant=false,drift-attributes=0,seed=1)",
        StreamSpecs.parse("led", 1).spec());
    assertEquals(
        "stagger(function=1,balance=false,seed=1)", StreamSpecs.parse("stagger", 1).spec());
    RandomTreeGenerator tree = (RandomTreeGenerator) StreamSpecs.parse("randomtree", 1);
    assertEquals(5, tree.numNominals());
    assertEquals(5, tree.numNumerics());
    assertEquals(5, tree.numValsPerNominal());
    assertEquals(5, tree.maxTreeDepth());
    assertEquals(3, tree.firstLeafLevel());
    assertEquals(0.15, tree.leafFraction());
    ConceptDriftStream drift = (ConceptDriftStream) StreamSpecs.parse("drift(sea,sea)", 1);
    assertEquals(0, drift.position());
    assertEquals(1000, drift.width());
    for (String name : StreamSpecs.names()) {
      String spec = name.equals("drift") ? "drift(stagger, stagger)" : name;
      assertEquals(10, GeneratorsTest.take(StreamSpecs.parse(spec, 3), 10).length);
    }
  }

  @Test
  void theBriefsExamples() {
    SeaGenerator sea = (SeaGenerator) StreamSpecs.parse("sea(function=2,noise=10)", 1);
    assertEquals(2, sea.function());
    assertEquals(10, sea.noisePercentage());
    AgrawalGenerator agrawal =
        (AgrawalGenerator) StreamSpecs.parse("agrawal(function=3,perturb=0.05)", 1);
    assertEquals(3, agrawal.function());
    assertEquals(0.05, agrawal.perturbFraction());
    HyperplaneGenerator hyper =
        (HyperplaneGenerator)
            StreamSpecs.parse("hyperplane(attributes=10,drift-attributes=2,mag=0.001,noise=5)", 1);
    assertEquals(10, hyper.numAtts());
    assertEquals(2, hyper.numDriftAtts());
    assertEquals(0.001, hyper.magChange());
    assertEquals(5, hyper.noisePercentage());
    RandomRbfGenerator rbf =
        (RandomRbfGenerator)
            StreamSpecs.parse(
                "rbf(classes=5,attributes=10,centroids=50,speed=0.001,drift-centroids=50)", 1);
    assertEquals(5, rbf.numClasses());
    assertEquals(0.001, rbf.speedChange());
    LedGenerator led = (LedGenerator) StreamSpecs.parse("led(noise=10,drift-attributes=7)", 1);
    assertEquals(7, led.numberAttributesDrift());
    StaggerGenerator stagger = (StaggerGenerator) StreamSpecs.parse("stagger(function=2)", 1);
    assertEquals(2, stagger.function());
    assertInstanceOf(RandomTreeGenerator.class, StreamSpecs.parse("randomtree", 1));
    ConceptDriftStream drift =
        (ConceptDriftStream)
            StreamSpecs.parse("drift(sea(function=1), sea(function=2), position=5000, width=1)", 1);
    assertEquals(5000, drift.position());
    assertEquals(1, drift.width());
    assertEquals(1, ((SeaGenerator) drift.stream()).function());
    assertEquals(2, ((SeaGenerator) drift.driftStream()).function());
    ConceptDriftStream nested =
        (ConceptDriftStream)
            StreamSpecs.parse(
                "drift(drift(sea(function=1), sea(function=2), position=5000, width=1),"
                    + " sea(function=3), position=10000, width=1)",
                1);
    assertInstanceOf(ConceptDriftStream.class, nested.stream());
  }

  @Test
  void specRoundTripsToTheSameInstances() {
    String[] specs = {
      "sea(function=3,noise=0,balance)",
      "agrawal(function=10,perturb=0.1)",
      "hyperplane(classes=3,attributes=4,drift-attributes=4,mag=0.01,sigma=50)",
      "rbf(classes=3,attributes=5,centroids=7,speed=0.02,drift-centroids=3)",
      "led(noise=5,drift-attributes=2)",
      "led(suppress-irrelevant)",
      "stagger(function=3,balance=true)",
      "randomtree(classes=3,nominals=2,numerics=2,values=3,depth=4,first-leaf-level=1,"
          + "leaf-fraction=0.3)",
      "drift(drift(sea,sea(function=2),position=100,width=10),sea(function=4),position=300,"
          + "alpha=5)"
    };
    for (String spec : specs) {
      StreamGenerator g = StreamSpecs.parse(spec, 42);
      String canonical = g.spec();
      StreamGenerator again = StreamSpecs.parse(canonical, 12345);
      assertEquals(canonical, again.spec(), spec);
      GeneratorsTest.assertSame(GeneratorsTest.take(g, 300), GeneratorsTest.take(again, 300));
      assertEquals(canonical, g.schema().relation());
    }
  }

  @Test
  void seedsAreAppliedAndDerived() {
    // the seed of a one-random generator is the given seed: MOA's default stream for seed 1
    GeneratorsTest.assertSame(
        GeneratorsTest.take(new SeaGenerator(), 200),
        GeneratorsTest.take(StreamSpecs.parse("sea", 1), 200));
    assertEquals(99, ((StaggerGenerator) StreamSpecs.parse("stagger", 99)).seed());
    // another seed, another stream
    assertTrue(
        GeneratorsTest.differ(
            GeneratorsTest.take(StreamSpecs.parse("hyperplane", 1), 200),
            GeneratorsTest.take(StreamSpecs.parse("hyperplane", 2), 200)));
    // explicit seeds win over derived ones
    RandomTreeGenerator tree =
        (RandomTreeGenerator) StreamSpecs.parse("randomtree(tree-seed=4,instance-seed=5)", 1);
    assertEquals(4, tree.treeSeed());
    assertEquals(5, tree.instanceSeed());
    // a drift's two streams get distinct derived seeds, and its own random keeps the base seed
    ConceptDriftStream d = (ConceptDriftStream) StreamSpecs.parse("drift(sea, sea)", 7);
    long a = ((SeaGenerator) d.stream()).seed();
    long b = ((SeaGenerator) d.driftStream()).seed();
    assertEquals(7, d.seed());
    assertEquals(StreamSpecs.derive(7, 1), a);
    assertEquals(StreamSpecs.derive(7, 2), b);
    assertNotEquals(a, b);
    assertNotEquals(7, a);
    for (long s = -3; s < 100; s++) {
      long derived = StreamSpecs.derive(s, 1);
      assertTrue(derived >= 0 && derived <= Integer.MAX_VALUE);
      assertNotEquals(derived, StreamSpecs.derive(s, 2));
    }
  }

  @Test
  void namesAreCaseInsensitiveAndMoaNamesWork() {
    SeaGenerator sea =
        (SeaGenerator) StreamSpecs.parse("  SEA ( Function = 4 , noisePercentage=0, BALANCE ) ", 1);
    assertEquals(4, sea.function());
    assertEquals(0, sea.noisePercentage());
    assertTrue(sea.balance());
    LedGenerator led = (LedGenerator) StreamSpecs.parse("LED(Drift_Attributes=3)", 1);
    assertEquals(3, led.numberAttributesDrift());
    assertEquals(
        0.2,
        ((AgrawalGenerator) StreamSpecs.parse("agrawal(peturbFraction=0.2)", 1)).perturbFraction());
    assertEquals(5, ((SeaGenerator) StreamSpecs.parse("sea()", 5)).seed());
  }

  @Test
  void unknownNamesListTheValidOnes() {
    IllegalArgumentException stream = bad("waveform");
    assertTrue(stream.getMessage().contains("unknown stream 'waveform'"), stream.getMessage());
    assertTrue(
        stream
            .getMessage()
            .contains(
                "sea, agrawal, hyperplane, hyperplane-regression, rbf, led, stagger, randomtree,"
                    + " drift"),
        stream.getMessage());
    IllegalArgumentException nestedStream = bad("drift(sea, foo(x=1))");
    assertTrue(
        nestedStream.getMessage().contains("unknown stream 'foo'"), nestedStream.getMessage());
    IllegalArgumentException option = bad("sea(fuction=2)");
    assertTrue(option.getMessage().contains("unknown option 'fuction'"), option.getMessage());
    assertTrue(option.getMessage().contains("function, noise, balance, seed"), option.getMessage());
    IllegalArgumentException bareWord = bad("drift(sae, sea)");
    assertTrue(bareWord.getMessage().contains("valid streams: sea"), bareWord.getMessage());
    assertTrue(bareWord.getMessage().contains("valid options: position"), bareWord.getMessage());
  }

  @Test
  void badValuesAndSyntaxAreReported() {
    assertTrue(bad("sea(function=5)").getMessage().contains("must be in [1, 4]"));
    assertTrue(bad("sea(function=two)").getMessage().contains("must be an integer"));
    assertTrue(bad("agrawal(perturb=x)").getMessage().contains("must be a number"));
    assertTrue(bad("sea(balance=maybe)").getMessage().contains("true or false"));
    assertTrue(bad("sea(noise)").getMessage().contains("needs a value"));
    assertTrue(bad("sea(noise=1,noise=2)").getMessage().contains("given twice"));
    assertTrue(bad("sea(seed=1,instanceRandomSeed=2)").getMessage().contains("given twice"));
    assertTrue(bad("sea(function=)").getMessage().contains("has no value"));
    assertTrue(bad("sea(function=2").getMessage().contains("missing ')'"));
    assertTrue(bad("sea(function=2))").getMessage().contains("unexpected ')'"));
    assertTrue(bad("sea stagger").getMessage().contains("unexpected 's'"));
    assertTrue(bad("").getMessage().contains("valid streams"));
    assertTrue(bad("sea(stagger(function=1))").getMessage().contains("takes no streams"));
    assertTrue(bad("drift(sea)").getMessage().contains("exactly 2 streams, got 1"));
    assertTrue(bad("drift(sea,sea,sea)").getMessage().contains("exactly 2 streams, got 3"));
    assertTrue(bad("drift(sea,sea,width=0)").getMessage().contains("at least 1"));
    assertTrue(bad("drift(sea,agrawal)").getMessage().contains("incompatible"));
    assertTrue(
        bad("hyperplane(attributes=1)").getMessage().contains("must not exceed 'attributes'"));
    assertTrue(bad("drift(sea,sea,alpha=90)").getMessage().contains("width below 1"));
    assertThrows(IllegalArgumentException.class, () -> StreamSpecs.parse(null, 1));
    assertTrue(bad("drift(".repeat(70) + "sea").getMessage().contains("nested more than"));
  }

  @Test
  void describeListsEveryStreamAndOption() {
    String help = StreamSpecs.describe();
    for (String name : StreamSpecs.names()) {
      assertTrue(help.contains("\n" + name), name);
    }
    for (String option :
        List.of(
            "function=1",
            "noise=10",
            "balance=false",
            "perturb=0.05",
            "attributes=10",
            "drift-attributes=2",
            "mag=0.0",
            "sigma=10",
            "centroids=50",
            "speed=0.0",
            "drift-centroids=50",
            "suppress-irrelevant=false",
            "drift-attributes=0",
            "nominals=5",
            "numerics=5",
            "values=5",
            "depth=5",
            "first-leaf-level=3",
            "leaf-fraction=0.15",
            "tree-seed=<seed>",
            "instance-seed=<seed>",
            "model-seed=<seed>",
            "position=0",
            "width=1000",
            "alpha=0.0")) {
      assertTrue(help.contains(option), option);
    }
  }
}
