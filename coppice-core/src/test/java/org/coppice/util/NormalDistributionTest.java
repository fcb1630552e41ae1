package org.coppice.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NormalDistributionTest {
  @Test
  void knownValues() {
    assertEquals(0.5, NormalDistribution.cdf(0), 0);
    assertEquals(0.9750021048517795, NormalDistribution.cdf(1.96), 1e-15);
    assertEquals(0.0249978951482205, NormalDistribution.cdf(-1.96), 1e-15);
    assertEquals(0.8413447460685429, NormalDistribution.cdf(1), 1e-15);
    assertEquals(2.866515718791939e-7, NormalDistribution.cdf(-5), 1e-20);
    assertEquals(1.0, NormalDistribution.cdf(40), 0);
    assertEquals(0.0, NormalDistribution.cdf(-40), 0);
  }

  @Test
  void erfIsOddAndComplementary() {
    for (double x = -6; x <= 6; x += 0.125) {
      assertEquals(-NormalDistribution.erf(x), NormalDistribution.erf(-x), 1e-15);
      assertEquals(1.0, NormalDistribution.erf(x) + NormalDistribution.erfc(x), 1e-15);
    }
    assertEquals(0.8427007929497149, NormalDistribution.erf(1), 1e-15);
    assertEquals(0.004677734981047266, NormalDistribution.erfc(2), 1e-17);
  }
}
