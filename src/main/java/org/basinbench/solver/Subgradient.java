package org.basinbench.solver;

import java.util.Objects;
import org.basinbench.linalg.MatOps;
import org.basinbench.objective.Objective;

/**
 * The subgradient method with geometrically decaying steps (the method of Ma and Fattahi
 * for the robust l1 loss):
 * <pre>
 *   x_{t+1} = P(x_t - eta_0 q^t g_t),   g_t in the subdifferential at x_t,
 * </pre>
 * P the projection onto the nonnegative orthant when {@code project}, else the identity.
 * A nonsmooth loss has no reliable stationarity test (subgradients need not vanish at a
 * minimizer), so the method runs its whole budget (BUDGET) and stops early only on
 * divergence; whether it succeeded is judged on the end point, as for every solver. The
 * reported stationarity measure is that of the last subgradient (KKT residual when
 * projecting, its norm otherwise), for information.
 */
public final class Subgradient {
  private Subgradient() {}

  public static SolveResult solve(Objective f, double[] x0, SubgradientConfig cfg) {
    Objects.requireNonNull(f, "f");
    int dim = f.dim();
    if (x0.length != dim) {
      throw new IllegalArgumentException("x0 must have length f.dim() = " + dim + ", got " + x0.length);
    }
    double[] x = new double[dim];
    double[] g = new double[dim];
    for (int i = 0; i < dim; i++) {
      x[i] = cfg.project() ? Math.max(0.0, x0[i]) : x0[i];
    }
    double loss = f.valueAndGradient(x, g);
    if (!Double.isFinite(loss) || !MatOps.allFinite(g)) {
      return new SolveResult(x, loss, Double.NaN, 0, Termination.DIVERGED);
    }
    // Same guard as the fixed-step solvers: a loss this far above the start means blow-up.
    double limit = ProjectedGradient.DIVERGENCE_FACTOR * Math.max(1.0, loss);
    double eta = cfg.step();
    int t = 0;
    while (t < cfg.maxIter()) {
      for (int i = 0; i < dim; i++) {
        double v = x[i] - eta * g[i];
        x[i] = cfg.project() ? Math.max(0.0, v) : v;
      }
      t++;
      eta *= cfg.decay();
      loss = f.valueAndGradient(x, g);
      if (!Double.isFinite(loss) || !MatOps.allFinite(g) || !MatOps.allFinite(x) || loss > limit) {
        return new SolveResult(x, loss, Double.NaN, t, Termination.DIVERGED);
      }
    }
    double stationarity = cfg.project() ? ProjectedGradient.pgNorm(x, g) : MatOps.normF(g);
    return new SolveResult(x, loss, stationarity, t, Termination.BUDGET);
  }
}
