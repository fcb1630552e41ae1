package org.coppice.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DDM and Page-Hinkley against test vectors produced with MOA 2024.07. */
class DdmAndPageHinkleyTest {

  @Test
  void ddmOnBernoulliStream() {
    double[] xs = AdwinTest.bernoulli();
    Ddm d = new Ddm();
    List<Integer> changes = new ArrayList<>();
    List<Integer> warningEntries = new ArrayList<>();
    boolean wasWarning = false;
    for (int t = 0; t < xs.length; t++) {
      if (d.update(xs[t])) {
        changes.add(t);
      }
      if (d.inWarningZone() && !wasWarning) {
        warningEntries.add(t);
      }
      wasWarning = d.inWarningZone();
    }
    assertEquals(List.of(98, 155, 3394), changes);
    assertEquals(
        List.of(
            46, 69, 71, 145, 148, 287, 290, 544, 569, 601, 606, 637, 645, 649, 3033, 3817, 3819,
            3823, 3829),
        warningEntries);
  }

  @Test
  void ddmRestoreContinuesIdentically() {
    double[] xs = AdwinTest.bernoulli();
    Ddm a = new Ddm();
    for (int t = 0; t < 98; t++) {
      a.update(xs[t]);
    }
    a.update(xs[98]); // a change: the next input resets
    Ddm b =
        Ddm.restore(
            a.minInstances(),
            a.warningLevel(),
            a.outControlLevel(),
            a.n(),
            a.p(),
            a.s(),
            a.pMin(),
            a.sMin(),
            a.psMin(),
            a.initialized(),
            a.changeDetected(),
            a.inWarningZone());
    assertEquals(a.estimation(), b.estimation());
    for (int t = 99; t < xs.length; t++) {
      assertEquals(a.update(xs[t]), b.update(xs[t]));
      assertEquals(a.inWarningZone(), b.inWarningZone());
      assertEquals(a.estimation(), b.estimation());
    }
  }

  @Test
  void ddmStartsAtZeroEstimateAndTracksTheErrorRate() {
    Ddm d = new Ddm();
    assertEquals(0.0, d.estimation());
    d.update(1);
    d.update(0);
    d.update(0);
    d.update(1);
    assertEquals(0.5, d.estimation(), 1e-15);
    assertEquals(5, d.n());
  }

  @Test
  void pageHinkleyOnBernoulliStream() {
    double[] xs = AdwinTest.bernoulli();
    assertEquals(List.of(3117), AdwinTest.changes(new PageHinkley(), xs));
  }

  @Test
  void pageHinkleyRestoreContinuesIdentically() {
    double[] xs = AdwinTest.bernoulli();
    PageHinkley a = new PageHinkley();
    for (int t = 0; t < 3050; t++) {
      a.update(xs[t]);
    }
    PageHinkley b =
        PageHinkley.restore(
            a.minInstances(),
            a.delta(),
            a.lambda(),
            a.alpha(),
            a.n(),
            a.mean(),
            a.sum(),
            a.initialized(),
            a.changeDetected());
    for (int t = 3050; t < xs.length; t++) {
      assertEquals(a.update(xs[t]), b.update(xs[t]));
      assertEquals(a.sum(), b.sum());
    }
    assertFalse(a.inWarningZone());
  }

  @Test
  void pageHinkleyHandComputedSteps() {
    // n=1: mean = 1, sum = 0 + (1 - 1 - 0.5) = -0.5; n=2: mean = 1.5, sum = 0.5 * -0.5 + 0.0.
    PageHinkley p = new PageHinkley(0, 0.5, 10, 0.5);
    p.update(1);
    assertEquals(1.0, p.mean());
    assertEquals(-0.5, p.sum());
    p.update(2);
    assertEquals(1.5, p.mean());
    assertEquals(-0.25, p.sum());
    assertEquals(3, p.n());
  }
}
