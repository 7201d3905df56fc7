package org.basinbench.instance;

import java.util.List;
import org.basinbench.objective.DenseOperator;
import org.basinbench.rng.SplitMix64;

/**
 * Nonnegative symmetric sensing with Gaussian measurements: truth U* (n x r*, iid
 * half-normal with scale 1), M* = U* U*^T, observed through m measurements
 * {@code y_i = <A_i, M*>} with {@code A_i = (G_i + G_i^T)/2}, G_i iid N(0, 1/m) entries; solved
 * as {@code min 1/2 ||A(U U^T - M*)||^2, U >= 0} with search rank r. The realistic partially
 * observed case: its RIP constant over rank-(r + r*) matrices is estimated in the
 * certificates. No spurious point is catalogued.
 */
public record GaussianSensing(int n, int rStar, int r, int m) implements RandomFamily, java.io.Serializable {
  public static final String FAMILY = "gaussian-sensing";

  public GaussianSensing {
    if (n < 1 || rStar < 1 || r < rStar || m < 1) {
      throw new IllegalArgumentException("need n, rStar, m >= 1 and r >= rStar");
    }
  }

  /** Draws one instance. Order of draws: U* row-major, then G_1, ..., G_m row-major. */
  @Override
  public Problem draw(SplitMix64 rng) {
    double[] u = new double[n * rStar];
    for (int i = 0; i < u.length; i++) {
      u[i] = rng.nextHalfNormal();
    }
    int nn = n * n;
    double sd = 1 / Math.sqrt(m);
    double[] a = new double[m * nn];
    double[] g = new double[nn];
    for (int k = 0; k < m; k++) {
      for (int t = 0; t < nn; t++) {
        g[t] = sd * rng.nextGaussian();
      }
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          a[k * nn + i * n + j] = 0.5 * (g[i * n + j] + g[j * n + i]);
        }
      }
    }
    return FactorProblems.symmetric(new DenseOperator(n, m, a), u, rStar, r, true, List.of());
  }
}
