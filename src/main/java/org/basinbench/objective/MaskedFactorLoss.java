package org.basinbench.objective;

import org.basinbench.linalg.MatOps;

/**
 * Entrywise factorization loss over the observed entries (the NMF loss of the star-convexity
 * paper, with partial observation):
 * <pre>
 *   f(L, R) = c/2 sum_ij W_ij ((L R^T)_ij - X_ij)^2,    L in R^{n x r}, R in R^{m x r},
 *   grad_L = c E R,   grad_R = c E^T L,   E = W o (L R^T - X),
 * </pre>
 * with W the 0/1 observation mask (all ones when null) and c > 0 the loss scale (1 by
 * default; the star-convexity paper's real-data runs divide the loss by the number of
 * observed entries, c = 1/N). In NMF notation U = L and V = R^T, so the model L R^T is U V.
 * The variable x is {@code [L; R]} row-major ((n + m) x r). The scale changes the loss and
 * its gradient, not its minimizers: solvers that read the data X and W directly
 * ({@link #copyTarget()}, {@link #copyMask()}: MU, HALS) compute the same iterates for every
 * c, and only the losses and stationarity residuals they report carry the factor.
 * Scratch is allocated once; evaluations allocate nothing. <b>Not thread-safe.</b>
 */
public final class MaskedFactorLoss implements StochasticObjective, SegmentResiduals {
  private final int n;
  private final int m;
  private final int r;
  private final double[] target;
  private final double[] mask;
  /** The loss scale c. */
  private final double scale;
  /** sqrt(c), the factor of the segment residuals (so that 1/2 ||R||^2 is the loss). */
  private final double residualScale;
  private final double[] l;
  private final double[] rr;
  private final double[] e;
  private final double[] gl;
  private final double[] gr;
  /** Row-major indices i*m + j of the observed entries (mask != 0), the terms of the loss. */
  private final int[] observed;

  /**
   * @param n rows of the data
   * @param m columns of the data
   * @param r factor rank
   * @param target X (n x m, row-major); copied
   * @param mask W (n x m, entries 0 or 1), or null for full observation; copied
   */
  public MaskedFactorLoss(int n, int m, int r, double[] target, double[] mask) {
    this(n, m, r, target, mask, 1.0);
  }

  /**
   * @param n rows of the data
   * @param m columns of the data
   * @param r factor rank
   * @param target X (n x m, row-major); copied
   * @param mask W (n x m, entries 0 or 1), or null for full observation; copied
   * @param scale the loss scale c, finite and > 0 (1: the plain loss; 1/N: the mean over the
   *     N observed entries, halved)
   */
  public MaskedFactorLoss(int n, int m, int r, double[] target, double[] mask, double scale) {
    if (!(scale > 0) || !Double.isFinite(scale)) {
      throw new IllegalArgumentException("the loss scale must be a finite number > 0, got " + scale);
    }
    if (n < 1 || m < 1 || r < 1) {
      throw new IllegalArgumentException("need n, m, r >= 1, got " + n + ", " + m + ", " + r);
    }
    if (target.length != n * m || (mask != null && mask.length != n * m)) {
      throw new IllegalArgumentException("target and mask must have length n*m = " + n * m);
    }
    if (mask != null) {
      // The gradient, the minibatch gradient, MU and HALS all assume an observation mask, not
      // weights: W o W = W.
      for (int k = 0; k < mask.length; k++) {
        if (mask[k] != 0 && mask[k] != 1) {
          throw new IllegalArgumentException("mask entries must be 0 or 1, got " + mask[k] + " at " + k);
        }
      }
    }
    this.n = n;
    this.m = m;
    this.r = r;
    this.target = target.clone();
    this.mask = mask == null ? null : mask.clone();
    this.scale = scale;
    this.residualScale = Math.sqrt(scale);
    this.l = new double[n * r];
    this.rr = new double[m * r];
    this.e = new double[n * m];
    this.gl = new double[n * r];
    this.gr = new double[m * r];
    int count = 0;
    for (int k = 0; k < n * m; k++) {
      if (mask == null || mask[k] != 0) {
        count++;
      }
    }
    this.observed = new int[count];
    for (int k = 0, c = 0; k < n * m; k++) {
      if (mask == null || mask[k] != 0) {
        observed[c++] = k;
      }
    }
  }

  /** Two blocks: L then R. */
  @Override
  public int[] blockStarts() {
    return new int[] {0, n * r};
  }

  @Override
  public int dim() {
    return (n + m) * r;
  }

  /** Rows of the data. */
  public int n() {
    return n;
  }

  /** Columns of the data. */
  public int m() {
    return m;
  }

  /** Factor rank. */
  public int r() {
    return r;
  }

  /** The loss scale c (1 unless the loss is a mean over the entries). */
  public double scale() {
    return scale;
  }

  /** A copy of the data X (n x m), unscaled by c. */
  public double[] copyTarget() {
    return target.clone();
  }

  /** A copy of the mask W (n x m, 0 or 1); all ones under full observation. */
  /** Whether every entry is observed (no mask): then W o (L R^T) V products have Gram forms. */
  public boolean fullyObserved() {
    return mask == null;
  }

  public double[] copyMask() {
    if (mask != null) {
      return mask.clone();
    }
    double[] ones = new double[n * m];
    java.util.Arrays.fill(ones, 1.0);
    return ones;
  }

  @Override
  public double value(double[] x) {
    return residual(x);
  }

  @Override
  public double valueAndGradient(double[] x, double[] grad) {
    if (grad.length != dim()) {
      throw new IllegalArgumentException("grad must have length (n+m) r = " + dim() + ", got " + grad.length);
    }
    double loss = residual(x);
    MatOps.multAB(e, rr, n, m, r, gl);
    MatOps.multAtB(e, l, n, m, r, gr);
    System.arraycopy(gl, 0, grad, 0, n * r);
    System.arraycopy(gr, 0, grad, n * r, m * r);
    if (scale != 1.0) {
      for (int i = 0; i < grad.length; i++) {
        grad[i] *= scale;
      }
    }
    return loss;
  }

  /** Fills E = W o (L R^T - X) and returns 1/2 ||E||^2. */
  @Override
  public int residualLength() {
    return n * m;
  }

  /**
   * With {@code P = Ub - Ua}, {@code Q = Vb - Va} (V stored transposed):
   * {@code R0 = s W o (Ua Va - X)}, {@code R1 = s W o (P Va + Ua Q)}, {@code R2 = s W o (P Q)},
   * {@code s = sqrt(c)}, so that {@code 1/2 ||R(lambda)||^2} is the scaled loss.
   */
  @Override
  public void segmentResiduals(double[] xa, double[] xb, double[] r0, double[] r1, double[] r2) {
    if (xa.length != dim() || xb.length != dim()) {
      throw new IllegalArgumentException("a and b must have length (n+m) r = " + dim());
    }
    int off = n * r;
    double[] ua = java.util.Arrays.copyOfRange(xa, 0, off);
    double[] va = java.util.Arrays.copyOfRange(xa, off, dim());
    double[] p = new double[off];
    double[] q = new double[m * r];
    for (int i = 0; i < off; i++) {
      p[i] = xb[i] - ua[i];
    }
    for (int i = 0; i < m * r; i++) {
      q[i] = xb[off + i] - va[i];
    }
    double[] t = new double[n * m];
    MatOps.multABt(ua, va, n, m, r, r0);
    MatOps.multABt(p, va, n, m, r, r1);
    MatOps.multABt(ua, q, n, m, r, t);
    MatOps.multABt(p, q, n, m, r, r2);
    for (int k = 0; k < n * m; k++) {
      double w = (mask == null ? 1.0 : mask[k]) * residualScale;
      r0[k] = w * (r0[k] - target[k]);
      r1[k] = w * (r1[k] + t[k]);
      r2[k] = w * r2[k];
    }
  }

  /** The observed entries are the terms. */
  @Override
  public int terms() {
    return observed.length;
  }

  /**
   * Entrywise minibatch: for each sampled observed entry (i, j), with
   * {@code e = w_ij ((L R^T)_ij - X_ij)}, adds {@code c (N / count) w_ij e} times R_j to the
   * gradient's row i of L and times L_i to its row j of R. O(count r).
   */
  @Override
  public void batchGradient(double[] x, int[] batch, int count, double[] grad) {
    if (x.length != dim() || grad.length != dim()) {
      throw new IllegalArgumentException("x and grad must have length (n+m) r = " + dim());
    }
    if (count < 1 || count > observed.length) {
      throw new IllegalArgumentException("batch size must be in [1, " + observed.length + "], got " + count);
    }
    java.util.Arrays.fill(grad, 0.0);
    double coefScale = (double) observed.length / count * scale;
    int off = n * r;
    for (int b = 0; b < count; b++) {
      int k = observed[batch[b]];
      int i = k / m;
      int j = k - i * m;
      double model = 0;
      for (int c = 0; c < r; c++) {
        model += x[i * r + c] * x[off + j * r + c];
      }
      double coef = coefScale * (model - target[k]);
      for (int c = 0; c < r; c++) {
        double li = x[i * r + c];
        grad[i * r + c] += coef * x[off + j * r + c];
        grad[off + j * r + c] += coef * li;
      }
    }
  }

  private double residual(double[] x) {
    if (x.length != dim()) {
      throw new IllegalArgumentException("x must have length (n+m) r = " + dim() + ", got " + x.length);
    }
    System.arraycopy(x, 0, l, 0, n * r);
    System.arraycopy(x, n * r, rr, 0, m * r);
    MatOps.multABt(l, rr, n, m, r, e);
    double sum = 0;
    for (int i = 0; i < e.length; i++) {
      double v = e[i] - target[i];
      if (mask != null) {
        v *= mask[i];
      }
      e[i] = v;
      sum += v * v;
    }
    return 0.5 * sum * scale;
  }
}
