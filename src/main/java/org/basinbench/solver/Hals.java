package org.basinbench.solver;

import org.basinbench.objective.MaskedFactorLoss;

/**
 * Hierarchical alternating least squares for NMF with an observation mask (Cichocki and Phan;
 * the column-wise exact coordinate updates behind scikit-learn's "cd" solver): for
 * {@code min 1/2 ||W o (U V - X)||^2, U, V >= 0}, each sweep visits the components k = 1..r
 * and sets, with {@code E = X - sum_{l != k} u_l v_l^T} the residual without component k,
 * <pre>
 *   u_ik = max(0, sum_j W_ij E_ij v_kj / sum_j W_ij v_kj^2),
 *   v_kj = max(0, sum_i W_ij E_ij u_ik / sum_i W_ij u_ik^2),
 * </pre>
 * the exact minimizers of the loss in each entry (a zero denominator, a dead component,
 * gives 0). One sweep costs O(n m r). The KKT residual is tested after every sweep (a sweep is one
 * iteration), stopping by the rules of {@link Stopping}. Reads no truth. The updates read X
 * and W themselves, so they are the same for every loss scale c of {@code f} (the exact
 * minimizer in an entry does not depend on c); the reported loss and KKT residual are f's,
 * scaled, and {@code tol} applies to the scaled residual as for every other solver.
 */
public final class Hals {
  private Hals() {}

  public static SolveResult solve(MaskedFactorLoss f, double[] x0, NmfConfig cfg) {
    return solve(f, x0, cfg, new Trace(cfg.maxIter(), false));
  }

  /** As {@link #solve(MaskedFactorLoss, double[], NmfConfig)}, recording checkpoints into {@code trace}. */
  public static SolveResult solve(MaskedFactorLoss f, double[] x0, NmfConfig cfg, Trace trace) {
    int n = f.n();
    int m = f.m();
    int r = f.r();
    double[] w = f.copyMask();
    double[] res = f.copyTarget();
    double[] x = new double[f.dim()];
    double[] g = new double[f.dim()];
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.max(0.0, x0[i]);
    }
    int off = n * r;
    // res = X - L R^T
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double s = 0;
        for (int k = 0; k < r; k++) {
          s += x[i * r + k] * x[off + j * r + k];
        }
        res[i * m + j] -= s;
      }
    }
    Monitor monitor = new Monitor(cfg.stop(), trace, 1);
    double loss = f.valueAndGradient(x, g);
    double pg = ProjectedGradient.pgNorm(x, g);
    Termination termination = monitor.start(x, loss, pg);
    int t = 0;
    while (termination == null) {
      for (int k = 0; k < r; k++) {
        // Add component k back: res = X - sum_{l != k} u_l v_l^T.
        addComponent(x, res, n, m, r, k, 1.0);
        for (int i = 0; i < n; i++) {
          double num = 0;
          double den = 0;
          for (int j = 0; j < m; j++) {
            double v = x[off + j * r + k];
            double wij = w[i * m + j];
            num += wij * res[i * m + j] * v;
            den += wij * v * v;
          }
          x[i * r + k] = den > 0 ? Math.max(0.0, num / den) : 0.0;
        }
        for (int j = 0; j < m; j++) {
          double num = 0;
          double den = 0;
          for (int i = 0; i < n; i++) {
            double u = x[i * r + k];
            double wij = w[i * m + j];
            num += wij * res[i * m + j] * u;
            den += wij * u * u;
          }
          x[off + j * r + k] = den > 0 ? Math.max(0.0, num / den) : 0.0;
        }
        addComponent(x, res, n, m, r, k, -1.0);
      }
      t++;
      loss = f.valueAndGradient(x, g);
      pg = ProjectedGradient.pgNorm(x, g);
      termination = monitor.check(t, x, loss, pg);
    }
    return monitor.finish(x, loss, pg, t, termination);
  }

  /** {@code res += sign * u_k v_k^T}. */
  private static void addComponent(double[] x, double[] res, int n, int m, int r, int k, double sign) {
    int off = n * r;
    for (int i = 0; i < n; i++) {
      double u = sign * x[i * r + k];
      if (u == 0) {
        continue;
      }
      for (int j = 0; j < m; j++) {
        res[i * m + j] += u * x[off + j * r + k];
      }
    }
  }
}
