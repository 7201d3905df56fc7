package org.basinbench.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.basinbench.rng.SplitMix64;
import org.junit.jupiter.api.Test;

class L1SensingLossTest {
  /**
   * At a random point no residual is zero (probability one), so the l1 loss is differentiable
   * there and the subgradient is the gradient: central differences with h = 1e-7 stay on one
   * linear piece unless a residual is within ~1e-6 of zero, which these draws avoid.
   */
  static final double FD_TOL = 1e-6;

  @Test
  void subgradientIsTheGradientAwayFromKinks() {
    SplitMix64 rng = new SplitMix64(71);
    int n = 4;
    int m = 9;
    int r = 2;
    DenseOperator a = new DenseOperator(n, m, AsymmetricSensingLossTest.gaussian(rng, m * n * n));
    L1SensingLoss f = new L1SensingLoss(a, AsymmetricSensingLossTest.gaussian(rng, m), r);
    double[] u = AsymmetricSensingLossTest.gaussian(rng, n * r);
    double[] g = new double[n * r];
    f.valueAndGradient(u, g);
    double h = 1e-7;
    for (int i = 0; i < u.length; i++) {
      double keep = u[i];
      u[i] = keep + h;
      double up = f.value(u);
      u[i] = keep - h;
      double down = f.value(u);
      u[i] = keep;
      assertEquals((up - down) / (2 * h), g[i], FD_TOL, "i=" + i);
    }
  }
}
