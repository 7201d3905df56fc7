package org.basinbench.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.basinbench.landscape.Certificates;
import org.basinbench.objective.Objective;
import org.basinbench.rng.SplitMix64;
import org.junit.jupiter.api.Test;

/** The NeurIPS 2018 instance: the claims of the instance catalogue, checked. */
class RipHalfTest {
  static final Objective F = RipHalf.problem().objective();
  static final double TOL = 1e-13;

  /** f written out by hand from A1, A2, A3 (independent of the operator code). */
  static double closedForm(double a, double b) {
    double t1 = Math.sqrt(2) * (a * a - 1) + b * b / Math.sqrt(2);
    return t1 * t1 + 6 * a * a * b * b + 1.5 * Math.pow(b, 4);
  }

  @Test
  void lossIsTheSumOfSquaredMeasurements() {
    SplitMix64 rng = new SplitMix64(5);
    for (int k = 0; k < 50; k++) {
      double a = 2 * rng.nextGaussian();
      double b = 2 * rng.nextGaussian();
      double want = closedForm(a, b);
      assertEquals(want, F.value(new double[] {a, b}), 1e-12 * Math.max(1, want));
    }
    assertEquals(0.0, F.value(RipHalf.truth()), 0.0);
    assertEquals(1.5, F.value(RipHalf.bad()), TOL);
  }

  @Test
  void gradientVanishesAtTheTruthAndAtTheBadPoint() {
    double[] g = new double[2];
    F.valueAndGradient(RipHalf.truth(), g);
    assertEquals(0.0, Math.hypot(g[0], g[1]), 0.0);
    F.valueAndGradient(RipHalf.bad(), g);
    assertEquals(0.0, Math.hypot(g[0], g[1]), TOL);
  }

  @Test
  void hessianAtTheBadPointHasEigenvaluesZeroAndEight() {
    // Hessian from exact quartic second derivatives along e1, e2 and e1 + e2.
    double[] x = RipHalf.bad();
    double haa = Certificates.secondDerivative(F, x, new double[] {1, 0});
    double hbb = Certificates.secondDerivative(F, x, new double[] {0, 1});
    double hab = (Certificates.secondDerivative(F, x, new double[] {1, 1}) - haa - hbb) / 2;
    double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(new double[][] {{haa, hab}, {hab, hbb}}))
        .getRealEigenvalues();
    java.util.Arrays.sort(ev);
    assertEquals(0.0, ev[0], 1e-12);
    assertEquals(8.0, ev[1], 1e-12);
  }

  /**
   * Along the valley (t, 1/sqrt 2 - sqrt 2 t^2), f - f(x_bad) = -6 t^4 + O(t^6): the ratio to
   * t^4 tends to -6, with an error shrinking like t^2 (so a factor 10 in t gives 100 in error).
   */
  @Test
  void lossFallsAtFourthOrderAlongTheValley() {
    double previous = Double.NaN;
    for (double t : new double[] {1e-1, 1e-2, 1e-3}) {
      double b = 1 / Math.sqrt(2) - Math.sqrt(2) * t * t;
      double ratio = (F.value(new double[] {t, b}) - 1.5) / Math.pow(t, 4);
      double error = Math.abs(ratio + 6);
      if (!Double.isNaN(previous)) {
        assertEquals(0.0, error, Math.max(previous / 50, 1e-3), "t=" + t + " ratio=" + ratio);
      }
      previous = error;
    }
    assertEquals(-6.0, (closedForm(1e-2, 1 / Math.sqrt(2) - Math.sqrt(2) * 1e-4) - 1.5) / 1e-8, 1e-2);
  }
}
