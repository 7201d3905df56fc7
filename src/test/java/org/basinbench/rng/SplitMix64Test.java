package org.basinbench.rng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reference constants: src/test/resources/reference/splitmix64_reference.py. */
class SplitMix64Test {

  /** Sample size for the moment checks. */
  private static final int N_DRAWS = 200_000;

  /**
   * Moment checks allow 5 standard errors: for a correct generator each check fails with
   * probability about 6e-7, while a wrong scale or a bias of 1% (about 4.5 SE at N = 200k)
   * is caught or very nearly so. The seeds are fixed, so the outcome is deterministic.
   */
  private static final double Z_MAX = 5.0;

  /**
   * Python's math.log (libm) and StrictMath.log (fdlibm) are each within 1 ulp, so the
   * reference Gaussians may differ in the last couple of bits; 1e-15 absolute on O(1) values
   * allows that and nothing more.
   */
  private static final double CROSS_LIBM_TOL = 1e-15;

  @Test
  void nextLongMatchesPublishedSplitMix64Vectors() {
    final SplitMix64 g0 = new SplitMix64(0L);
    assertEquals(0xE220A8397B1DCDAFL, g0.nextLong());
    assertEquals(0x6E789E6AA1B965F4L, g0.nextLong());
    assertEquals(0x06C45D188009454FL, g0.nextLong());
    final SplitMix64 g1 = new SplitMix64(1234567L);
    assertEquals(0x599ED017FB08FC85L, g1.nextLong());
    assertEquals(0x2C73F08458540FA5L, g1.nextLong());
    assertEquals(0x883EBCE5A3F27C77L, g1.nextLong());
  }

  @Test
  void nextGaussianMatchesIndependentPolarMethod() {
    final SplitMix64 g = new SplitMix64(2025L);
    assertEquals(-0.2081520705844219, g.nextGaussian(), CROSS_LIBM_TOL);
    assertEquals(-1.2907662310276007, g.nextGaussian(), CROSS_LIBM_TOL);
    assertEquals(1.0363661313111903, g.nextGaussian(), CROSS_LIBM_TOL);
    assertEquals(1.5895241259720012, g.nextGaussian(), CROSS_LIBM_TOL);
  }

  @Test
  void sameSeedGivesBitIdenticalStreams() {
    final SplitMix64 a = new SplitMix64(99L);
    final SplitMix64 b = new SplitMix64(99L);
    for (int i = 0; i < 1000; i++) {
      assertEquals(a.nextLong(), b.nextLong());
      assertEquals(Double.doubleToRawLongBits(a.nextDouble()),
          Double.doubleToRawLongBits(b.nextDouble()));
      assertEquals(Double.doubleToRawLongBits(a.nextGaussian()),
          Double.doubleToRawLongBits(b.nextGaussian()));
      assertEquals(Double.doubleToRawLongBits(a.nextHalfNormal()),
          Double.doubleToRawLongBits(b.nextHalfNormal()));
    }
    assertNotEquals(new SplitMix64(1L).nextLong(), new SplitMix64(2L).nextLong());
  }

  @Test
  void nextDoubleIsInUnitIntervalWithUniformMoments() {
    final SplitMix64 g = new SplitMix64(5L);
    double sum = 0.0;
    double min = 1.0;
    double max = 0.0;
    for (int i = 0; i < N_DRAWS; i++) {
      final double u = g.nextDouble();
      assertTrue(u >= 0.0 && u < 1.0, "out of [0,1): " + u);
      sum += u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    // U(0,1): mean 1/2, sd sqrt(1/12).
    final double se = Math.sqrt(1.0 / 12.0 / N_DRAWS);
    assertEquals(0.5, sum / N_DRAWS, Z_MAX * se);
    assertTrue(min < 1e-3 && max > 1 - 1e-3, "range not covered: " + min + ".." + max);
  }

  @Test
  void gaussianMeanAndVarianceWithinFiveStandardErrors() {
    final SplitMix64 g = new SplitMix64(31337L);
    double sum = 0.0;
    double sumSq = 0.0;
    for (int i = 0; i < N_DRAWS; i++) {
      final double z = g.nextGaussian();
      sum += z;
      sumSq += z * z;
    }
    final double mean = sum / N_DRAWS;
    final double var = sumSq / N_DRAWS - mean * mean;
    // N(0,1): SE(mean) = 1/sqrt(N); SE(sample variance) = sqrt(2/N) (fourth moment 3).
    assertEquals(0.0, mean, Z_MAX / Math.sqrt(N_DRAWS));
    assertEquals(1.0, var, Z_MAX * Math.sqrt(2.0 / N_DRAWS));
  }

  @Test
  void halfNormalIsNonnegativeWithCorrectMean() {
    final SplitMix64 g = new SplitMix64(4242L);
    double sum = 0.0;
    for (int i = 0; i < N_DRAWS; i++) {
      final double h = g.nextHalfNormal();
      assertTrue(h >= 0.0);
      sum += h;
    }
    // |Z|: mean sqrt(2/pi), variance 1 - 2/pi.
    final double se = Math.sqrt((1.0 - 2.0 / Math.PI) / N_DRAWS);
    assertEquals(Math.sqrt(2.0 / Math.PI), sum / N_DRAWS, Z_MAX * se);
  }

  @Test
  void halfNormalIsAbsoluteValueOfTheGaussianStream() {
    final SplitMix64 a = new SplitMix64(8L);
    final SplitMix64 b = new SplitMix64(8L);
    for (int i = 0; i < 100; i++) {
      assertEquals(Math.abs(a.nextGaussian()), b.nextHalfNormal(), 0.0);
    }
  }
}
