package org.basinbench.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.basinbench.linalg.MatOps;
import org.basinbench.rng.SplitMix64;
import org.junit.jupiter.api.Test;

class AsymmetricSensingLossTest {
  /**
   * Central differences with h = 1e-6 on a quartic of order-one entries: truncation ~h^2,
   * rounding ~1e-16/h, so 1e-6 relative agreement is ample and a wrong term fails by far more.
   */
  static final double FD_TOL = 1e-6;

  static double[] gaussian(SplitMix64 rng, int len) {
    double[] x = new double[len];
    for (int i = 0; i < len; i++) {
      x[i] = rng.nextGaussian();
    }
    return x;
  }

  @Test
  void gradientMatchesCentralDifferences() {
    SplitMix64 rng = new SplitMix64(91);
    int n = 4;
    for (int r : new int[] {1, 3}) {
      for (double lambda : new double[] {0.0, 0.25, 2.0}) {
        // A random dense operator: A^T A does not preserve symmetry, so S and S^T differ and
        // a gradient that confused them would fail here.
        LinearOperator a = new DenseTestOperator(n, 11, 7 + r);
        double[] mStar = gaussian(rng, n * n);
        AsymmetricSensingLoss g = new AsymmetricSensingLoss(a, mStar, r, lambda);
        double[] x = gaussian(rng, g.dim());
        double[] grad = new double[g.dim()];
        double value = g.valueAndGradient(x, grad);
        assertEquals(g.value(x), value, 0.0);
        double h = 1e-6;
        for (int i = 0; i < x.length; i++) {
          double keep = x[i];
          x[i] = keep + h;
          double up = g.value(x);
          x[i] = keep - h;
          double down = g.value(x);
          x[i] = keep;
          double fd = (up - down) / (2 * h);
          assertEquals(fd, grad[i], FD_TOL * Math.max(1, Math.abs(fd)), "r=" + r + " lambda=" + lambda + " i=" + i);
        }
      }
    }
  }

  @Test
  void valueIsTheFitPlusTheBalancingTerm() {
    // L = [1; 0], R = [0; 2] (n = 2, r = 1), A = identity, M* = 0:
    // L R^T = [[0, 2], [0, 0]], fit 1/2 * 4 = 2; D = L^T L - R^T R = 1 - 4 = -3, balance lambda/2 * 9.
    AsymmetricSensingLoss g = new AsymmetricSensingLoss(new IdentityOperator(2), new double[4], 1, 0.5);
    assertEquals(2 + 0.25 * 9, g.value(new double[] {1, 0, 0, 2}), 1e-15);
    assertEquals(0.0, MatOps.normF(new double[] {g.value(new double[4])}), 0.0);
  }
}
