package org.basinbench.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.basinbench.rng.SplitMix64;
import org.junit.jupiter.api.Test;

class MaskedFactorLossTest {
  /** Central differences, h = 1e-6, on a quartic with order-one entries (see the asymmetric test). */
  static final double FD_TOL = 1e-6;

  @Test
  void gradientMatchesCentralDifferencesWithAndWithoutMask() {
    SplitMix64 rng = new SplitMix64(33);
    int n = 5;
    int m = 4;
    int r = 2;
    double[] x = new double[n * m];
    double[] mask = new double[n * m];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextGaussian();
      mask[i] = rng.nextDouble() < 0.6 ? 1 : 0;
    }
    for (double[] w : new double[][] {null, mask}) {
      MaskedFactorLoss f = new MaskedFactorLoss(n, m, r, x, w);
      double[] v = AsymmetricSensingLossTest.gaussian(rng, f.dim());
      double[] grad = new double[f.dim()];
      f.valueAndGradient(v, grad);
      double h = 1e-6;
      for (int i = 0; i < v.length; i++) {
        double keep = v[i];
        v[i] = keep + h;
        double up = f.value(v);
        v[i] = keep - h;
        double down = f.value(v);
        v[i] = keep;
        double fd = (up - down) / (2 * h);
        assertEquals(fd, grad[i], FD_TOL * Math.max(1, Math.abs(fd)), "mask=" + (w != null) + " i=" + i);
      }
    }
  }

  @Test
  void aMaskIsZerosAndOnes() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new MaskedFactorLoss(1, 2, 1, new double[] {1, 2}, new double[] {1, 0.5}));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("mask entries must be 0 or 1"), e.getMessage());
  }

  @Test
  void lossCountsObservedEntriesOnly() {
    // L = [1; 2], R = [3] (n = 2, m = 1, r = 1): model [3; 6] against X = [0; 0].
    double[] x = {0, 0};
    assertEquals(0.5 * (9 + 36), new MaskedFactorLoss(2, 1, 1, x, null).value(new double[] {1, 2, 3}), 0.0);
    assertEquals(0.5 * 36, new MaskedFactorLoss(2, 1, 1, x, new double[] {0, 1}).value(new double[] {1, 2, 3}), 0.0);
  }

  @Test
  void denseOperatorAdjointIsTheTranspose() {
    SplitMix64 rng = new SplitMix64(44);
    int n = 3;
    int m = 5;
    double[] a = AsymmetricSensingLossTest.gaussian(rng, m * n * n);
    DenseOperator op = new DenseOperator(n, m, a);
    double[] x = AsymmetricSensingLossTest.gaussian(rng, n * n);
    double[] y = AsymmetricSensingLossTest.gaussian(rng, m);
    double[] ax = new double[m];
    double[] aty = new double[n * n];
    op.apply(x, ax);
    op.adjoint(y, aty);
    double lhs = 0;
    for (int i = 0; i < m; i++) {
      lhs += ax[i] * y[i];
    }
    double rhs = 0;
    for (int k = 0; k < n * n; k++) {
      rhs += x[k] * aty[k];
    }
    assertEquals(lhs, rhs, 1e-12 * Math.max(1, Math.abs(lhs)));
  }
}
