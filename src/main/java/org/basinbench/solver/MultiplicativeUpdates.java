package org.basinbench.solver;

import org.basinbench.linalg.MatOps;
import org.basinbench.objective.MaskedFactorLoss;

/**
 * Multiplicative updates for NMF with an observation mask (Lee and Seung 2001), for
 * {@code min 1/2 ||W o (U V - X)||^2, U, V >= 0}:
 * <pre>
 *   V <- V o (U^T (W o X)) / (U^T (W o (U V)) + eps),
 *   U <- U o ((W o X) V^T) / ((W o (U V)) V^T + eps).
 * </pre>
 * With the variable stored as {@code [U; V^T]} (see {@link MaskedFactorLoss}). The Frobenius
 * loss never increases (Lee and Seung's auxiliary-function argument, weighted form). An entry
 * that reaches exactly zero stays zero. The KKT residual is tested every
 * {@link #CHECK_EVERY} updates. Reads no truth.
 */
public final class MultiplicativeUpdates {
  /** Stationarity is tested every 10 updates: MU needs tens of thousands, each test costs one. */
  public static final int CHECK_EVERY = 10;

  private MultiplicativeUpdates() {}

  public static SolveResult solve(MaskedFactorLoss f, double[] x0, NmfConfig cfg) {
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
    double[] y = new double[n * m];
    double[] numL = new double[n * r];
    double[] denL = new double[n * r];
    double[] numR = new double[m * r];
    double[] denR = new double[m * r];
    double[] x = new double[f.dim()];
    double[] g = new double[f.dim()];
    int t = 0;
    Termination termination = Termination.BUDGET;
    double loss;
    double pg;
    while (true) {
      if (t % CHECK_EVERY == 0 || t == cfg.maxIter()) {
        System.arraycopy(l, 0, x, 0, n * r);
        System.arraycopy(rr, 0, x, n * r, m * r);
        loss = f.valueAndGradient(x, g);
        pg = ProjectedGradient.pgNorm(x, g);
        if (!Double.isFinite(loss) || !Double.isFinite(pg)) {
          return new SolveResult(x, loss, pg, t, Termination.DIVERGED);
        }
        if (pg <= cfg.tol()) {
          termination = Termination.CONVERGED;
          break;
        }
        if (t == cfg.maxIter()) {
          break;
        }
      }
      // V <- V o (U^T (W o X)) / (U^T (W o (U V)) + eps); with R = V^T: R o ((WX)^T L) / ((WY)^T L + eps).
      maskedModel(l, rr, mask, n, m, r, y);
      MatOps.multAtB(wx, l, n, m, r, numR);
      MatOps.multAtB(y, l, n, m, r, denR);
      for (int i = 0; i < m * r; i++) {
        rr[i] *= numR[i] / (denR[i] + cfg.eps());
      }
      // U <- U o ((W o X) V^T) / ((W o (U V)) V^T + eps); with L = U: L o (WX R) / (WY R + eps).
      maskedModel(l, rr, mask, n, m, r, y);
      MatOps.multAB(wx, rr, n, m, r, numL);
      MatOps.multAB(y, rr, n, m, r, denL);
      for (int i = 0; i < n * r; i++) {
        l[i] *= numL[i] / (denL[i] + cfg.eps());
      }
      t++;
    }
    return new SolveResult(x, loss, pg, t, termination);
  }

  /** {@code y = W o (L R^T)}. */
  static void maskedModel(double[] l, double[] rr, double[] mask, int n, int m, int r, double[] y) {
    MatOps.multABt(l, rr, n, m, r, y);
    for (int k = 0; k < y.length; k++) {
      y[k] *= mask[k];
    }
  }
}
