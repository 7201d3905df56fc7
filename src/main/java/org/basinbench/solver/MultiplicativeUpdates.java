package org.basinbench.solver;

import org.basinbench.linalg.MatOps;
import org.basinbench.objective.IdentityOperator;
import org.basinbench.objective.MaskedFactorLoss;
import org.basinbench.objective.SymmetricSensingLoss;

/**
 * Multiplicative updates for NMF with an observation mask (Lee and Seung 2001), for
 * {@code min 1/2 ||W o (U V - X)||^2, U, V >= 0}:
 * <pre>
 *   V <- V o (U^T (W o X)) / (U^T (W o (U V)) + eps),
 *   U <- U o ((W o X) V^T) / ((W o (U V)) V^T + eps).
 * </pre>
 * With the variable stored as {@code [U; V^T]} (see {@link MaskedFactorLoss}). The Frobenius
 * loss never increases (Lee and Seung's auxiliary-function argument, weighted form). An entry
 * that reaches exactly zero stays zero. The loss and KKT residual are evaluated every
 * {@link #CHECK_EVERY} updates and at the trace's checkpoints; stopping by the rules of
 * {@link Stopping}. Reads no truth. The updates read X and W themselves and are ratios in which
 * a loss scale c of {@code f} would cancel, so the iterates are the same for every c; the
 * reported loss and KKT residual are f's, scaled, and {@code tol} applies to the scaled residual.
 */
public final class MultiplicativeUpdates {
  /** Stationarity is tested every 10 updates: MU needs tens of thousands, each test costs one. */
  public static final int CHECK_EVERY = 10;

  private MultiplicativeUpdates() {}

  public static SolveResult solve(MaskedFactorLoss f, double[] x0, NmfConfig cfg) {
    return solve(f, x0, cfg, new Trace(cfg.maxIter(), false));
  }

  /** As {@link #solve(MaskedFactorLoss, double[], NmfConfig)}, recording checkpoints into {@code trace}. */
  public static SolveResult solve(MaskedFactorLoss f, double[] x0, NmfConfig cfg, Trace trace) {
    int n = f.n();
    int m = f.m();
    int r = f.r();
    double[] mask = f.copyMask();
    double[] wx = f.copyTarget();
    for (int k = 0; k < wx.length; k++) {
      wx[k] *= mask[k];
    }
    double[] l = new double[n * r];
    double[] rr = new double[m * r];
    for (int i = 0; i < n * r; i++) {
      l[i] = Math.max(0.0, x0[i]);
    }
    for (int i = 0; i < m * r; i++) {
      rr[i] = Math.max(0.0, x0[n * r + i]);
    }
    double[] y = f.fullyObserved() ? null : new double[n * m];
    double[] numL = new double[n * r];
    double[] denL = new double[n * r];
    double[] numR = new double[m * r];
    double[] denR = new double[m * r];
    double[] x = new double[f.dim()];
    double[] g = new double[f.dim()];
    // Fully observed: the denominators U^T (U V) = (U^T U) V and (U V) V^T = U (V V^T) through
    // r x r Gram matrices, 4 (n + m) r^2 flops instead of 6 n m r (the n x m model is never formed).
    boolean gram = f.fullyObserved();
    double[] gramMatrix = gram ? new double[r * r] : null;
    Monitor monitor = new Monitor(cfg.stop(), trace, CHECK_EVERY);
    System.arraycopy(l, 0, x, 0, n * r);
    System.arraycopy(rr, 0, x, n * r, m * r);
    double loss = f.valueAndGradient(x, g);
    double pg = ProjectedGradient.pgNorm(x, g);
    Termination termination = monitor.start(x, loss, pg);
    int t = 0;
    while (termination == null) {
      // V <- V o (U^T (W o X)) / (U^T (W o (U V)) + eps); with R = V^T: R o ((WX)^T L) / ((WY)^T L + eps).
      MatOps.multAtB(wx, l, n, m, r, numR);
      if (gram) {
        MatOps.multAtB(l, l, n, r, r, gramMatrix);
        MatOps.multAB(rr, gramMatrix, m, r, r, denR);
      } else {
        maskedModel(l, rr, mask, n, m, r, y);
        MatOps.multAtB(y, l, n, m, r, denR);
      }
      for (int i = 0; i < m * r; i++) {
        rr[i] *= numR[i] / (denR[i] + cfg.eps());
      }
      // U <- U o ((W o X) V^T) / ((W o (U V)) V^T + eps); with L = U: L o (WX R) / (WY R + eps).
      MatOps.multAB(wx, rr, n, m, r, numL);
      if (gram) {
        MatOps.multAtB(rr, rr, m, r, r, gramMatrix);
        MatOps.multAB(l, gramMatrix, n, r, r, denL);
      } else {
        maskedModel(l, rr, mask, n, m, r, y);
        MatOps.multAB(y, rr, n, m, r, denL);
      }
      for (int i = 0; i < n * r; i++) {
        l[i] *= numL[i] / (denL[i] + cfg.eps());
      }
      t++;
      if (monitor.due(t)) {
        System.arraycopy(l, 0, x, 0, n * r);
        System.arraycopy(rr, 0, x, n * r, m * r);
        loss = f.valueAndGradient(x, g);
        pg = ProjectedGradient.pgNorm(x, g);
        termination = monitor.check(t, x, loss, pg);
      }
    }
    return monitor.finish(x, loss, pg, t, termination);
  }

  /**
   * Multiplicative updates with the thresholding {@link Safeguard}: on stalling or converging
   * with entries in (0, tau), those are zeroed and every zero entry, which multiplicative
   * updates could never revive, gets a seeded perturbation (see {@link Safeguarded}).
   */
  public static SolveResult solve(MaskedFactorLoss f, double[] x0, NmfConfig cfg, Safeguard guard,
      org.basinbench.rng.SplitMix64 rng, Trace trace) {
    return Safeguarded.solve((start, budget, tr) -> solve(f, start, withBudget(cfg, budget), tr),
        x0, cfg.maxIter(), guard, rng, trace);
  }

  /** As {@link #solveSymmetric(SymmetricSensingLoss, double[], NmfConfig, Trace)} with the safeguard. */
  public static SolveResult solveSymmetric(SymmetricSensingLoss f, double[] x0, NmfConfig cfg, Safeguard guard,
      org.basinbench.rng.SplitMix64 rng, Trace trace) {
    return Safeguarded.solve((start, budget, tr) -> solveSymmetric(f, start, withBudget(cfg, budget), tr),
        x0, cfg.maxIter(), guard, rng, trace);
  }

  private static NmfConfig withBudget(NmfConfig cfg, int budget) {
    return new NmfConfig(cfg.eps(), cfg.stop().withMaxIter(budget));
  }

  /** {@code y = W o (L R^T)}. */
  static void maskedModel(double[] l, double[] rr, double[] mask, int n, int m, int r, double[] y) {
    MatOps.multABt(l, rr, n, m, r, y);
    for (int k = 0; k < y.length; k++) {
      y[k] *= mask[k];
    }
  }

  /**
   * Multiplicative updates for the symmetric problem {@code min 1/2 ||A(U U^T - M*)||^2,
   * U >= 0}. With full observation (A the identity, X = M*) the damped update
   * <pre>
   *   U <- U o (1/2 + 1/2 (X U) / (U U^T U + eps));
   * </pre>
   * for a general operator the split-gradient update: the gradient {@code G U}, G = S + S^T,
   * S = A^T A (U U^T - M*), is written as {@code G+ U - G- U} with {@code G+ = max(G, 0)} and
   * {@code G- = max(-G, 0)} entrywise, both parts entrywise nonnegative for U >= 0, and, with
   * the same 1/2 damping,
   * <pre>
   *   U <- U o (1/2 + 1/2 (G- U + eps) / (G+ U + eps)).
   * </pre>
   * The damping is needed: the undamped ratio overshoots on the Theorem 2 operator (an entry
   * grew from 0.10 to 14.4 in one update, the loss to 2e4) and then crushes every entry to
   * ~1e-15, the origin, in every one of 1000 trials (n = 4, alpha = 0.5 and 0.9); damped,
   * each update at least halves and at most (1 + ratio)/2 multiplies an entry.
   * The guard sits in both parts because at a stationary point both can vanish in a row (at
   * Zhang's U0 = alpha Q2 they do in the Q2 rows): {@code 0 / (0 + eps)} would zero the point,
   * {@code (0 + eps) / (0 + eps)} keeps it. Both updates fix the points where
   * {@code U o grad f(U) = 0}. Unlike Lee and Seung's NMF
   * update, neither comes with a monotonicity guarantee for a general operator. The KKT
   * residual is tested every {@link #CHECK_EVERY} updates.
   */
  public static SolveResult solveSymmetric(SymmetricSensingLoss f, double[] x0, NmfConfig cfg) {
    return solveSymmetric(f, x0, cfg, new Trace(cfg.maxIter(), false));
  }

  /** As {@link #solveSymmetric(SymmetricSensingLoss, double[], NmfConfig)}, recording checkpoints into {@code trace}. */
  public static SolveResult solveSymmetric(SymmetricSensingLoss f, double[] x0, NmfConfig cfg, Trace trace) {
    int n = f.n();
    int r = f.rank();
    boolean damped = f.operator() instanceof IdentityOperator;
    double[] target = f.copyTarget();
    double[] u = new double[n * r];
    for (int i = 0; i < u.length; i++) {
      u[i] = Math.max(0.0, x0[i]);
    }
    double[] g = new double[n * r];
    double[] s = new double[n * n];
    double[] utu = new double[r * r];
    double[] num = new double[n * r];
    double[] den = new double[n * r];
    Monitor monitor = new Monitor(cfg.stop(), trace, CHECK_EVERY);
    double loss = f.valueAndGradient(u, g);
    double pg = ProjectedGradient.pgNorm(u, g);
    Termination termination = monitor.start(u, loss, pg);
    int t = 0;
    while (termination == null) {
      if (damped) {
        // num = X U, den = U (U^T U): U U^T U without forming the n x n product.
        MatOps.multAB(target, u, n, n, r, num);
        MatOps.multAtB(u, u, n, r, r, utu);
        MatOps.multAB(u, utu, n, r, r, den);
        for (int i = 0; i < u.length; i++) {
          u[i] *= 0.5 + 0.5 * num[i] / (den[i] + cfg.eps());
        }
      } else {
        f.sMatrix(u, s);
        // den = max(G, 0) U and num = max(-G, 0) U, with G = S + S^T.
        java.util.Arrays.fill(num, 0.0);
        java.util.Arrays.fill(den, 0.0);
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            double gij = s[i * n + j] + s[j * n + i];
            double[] part = gij > 0 ? den : num;
            double w = Math.abs(gij);
            if (w == 0) {
              continue;
            }
            for (int k = 0; k < r; k++) {
              part[i * r + k] += w * u[j * r + k];
            }
          }
        }
        for (int i = 0; i < u.length; i++) {
          u[i] *= 0.5 + 0.5 * (num[i] + cfg.eps()) / (den[i] + cfg.eps());
        }
      }
      t++;
      if (monitor.due(t)) {
        loss = f.valueAndGradient(u, g);
        pg = ProjectedGradient.pgNorm(u, g);
        termination = monitor.check(t, u, loss, pg);
      }
    }
    return monitor.finish(u, loss, pg, t, termination);
  }
}
