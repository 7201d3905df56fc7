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
 * divergence or an exactly vanishing subgradient; whether it succeeded is judged on the end
 * point, as for every solver. The reported stationarity measure is that of the last
 * subgradient (KKT residual when projecting, its norm otherwise), for information.
 */
public final class Subgradient {
  private Subgradient() {}

  public static SolveResult solve(Objective f, double[] x0, SubgradientConfig cfg) {
    return solve(f, x0, cfg, new Trace(cfg.maxIter(), false));
  }

  /** As {@link #solve(Objective, double[], SubgradientConfig)}, recording checkpoints into {@code trace}. */
  public static SolveResult solve(Objective f, double[] x0, SubgradientConfig cfg, Trace trace) {
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
    // Budget only: an exactly vanishing subgradient (tol 0) is the one stationarity test.
    Monitor monitor = new Monitor(Stopping.of(cfg.maxIter(), 0), trace, 1);
    double loss = f.valueAndGradient(x, g);
    double stationarity = cfg.project() ? ProjectedGradient.pgNorm(x, g) : MatOps.normF(g);
    Termination termination = monitor.start(x, loss, stationarity);
    double eta = cfg.step();
    int t = 0;
    while (termination == null) {
      for (int i = 0; i < dim; i++) {
        double v = x[i] - eta * g[i];
        x[i] = cfg.project() ? Math.max(0.0, v) : v;
      }
      t++;
      eta *= cfg.decay();
      loss = f.valueAndGradient(x, g);
      stationarity = cfg.project() ? ProjectedGradient.pgNorm(x, g) : MatOps.normF(g);
      termination = monitor.check(t, x, loss, stationarity);
    }
    return monitor.finish(x, loss, stationarity, t, termination);
  }
}
