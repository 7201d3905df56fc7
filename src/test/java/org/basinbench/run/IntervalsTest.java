package org.basinbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IntervalsTest {
  /** Agreement with the closed form up to rounding of a few operations. */
  static final double TOL = 1e-12;

  /** Wilson's closed form, written out independently of commons-math3. */
  static double[] wilsonClosedForm(long n, long k) {
    double z = 1.959963984540054; // standard normal 97.5% quantile
    double p = (double) k / n;
    double denom = 1 + z * z / n;
    double centre = (p + z * z / (2.0 * n)) / denom;
    double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denom;
    return new double[] {centre - half, centre + half};
  }

  @Test
  void matchesTheClosedForm() {
    long[][] cases = {{1000, 392}, {1000, 13}, {100, 50}, {7, 3}, {1, 1}, {20, 0}, {20, 20}};
    for (long[] c : cases) {
      double[] got = Intervals.wilson(c[0], c[1]);
      double[] want = wilsonClosedForm(c[0], c[1]);
      assertEquals(Math.max(0, want[0]), got[0], TOL, "low n=" + c[0] + " k=" + c[1]);
      assertEquals(Math.min(1, want[1]), got[1], TOL, "high n=" + c[0] + " k=" + c[1]);
    }
  }

  @Test
  void containsTheRateAndStaysInTheUnitInterval() {
    for (long n = 1; n <= 60; n++) {
      for (long k = 0; k <= n; k++) {
        double[] ci = Intervals.wilson(n, k);
        double rate = (double) k / n;
        assertTrue(0 <= ci[0] && ci[0] <= rate && rate <= ci[1] && ci[1] <= 1, n + " " + k);
      }
    }
  }

  @Test
  void rejectsImpossibleCounts() {
    assertThrows(IllegalArgumentException.class, () -> Intervals.wilson(0, 0));
    assertThrows(IllegalArgumentException.class, () -> Intervals.wilson(5, 6));
  }
}
