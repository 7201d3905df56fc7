package org.basinbench.objective;

import java.util.Objects;
import org.basinbench.linalg.MatOps;

/**
 * Asymmetric low-rank sensing loss with the balancing regularizer (Zhang 2025, problem (5)):
 * <pre>
 *   g(L, R) = 1/2 || A(L R^T - M*) ||^2 + (lambda/2) || L^T L - R^T R ||^2,   L, R in R^{n x r},
 * </pre>
 * with gradient
 * <pre>
 *   grad_L = S R + 2 lambda L D,   grad_R = S^T L - 2 lambda R D,
 *   S = A^T A (L R^T - M*),        D = L^T L - R^T R.
 * </pre>
 * The fit term is eq. (10) of the paper. For the regularizer h = 1/2 ||D||^2 the gradient is
 * [2 L D; -2 R D] (scalar check: h = l^4/2, h' = 2 l^3); eq. (12) as printed, [L D; -R D],
 * omits the factor 2. The tests follow the objective as stated (checked against central
 * differences), and Lemma 9's curvature bound is tested against this exact objective.
 * The variable x is {@code [L; R]} stored row-major as a (2n x r) matrix: L is
 * {@code x[0 .. n r)}, R is {@code x[n r .. 2 n r)}. Scratch is allocated once in the
 * constructor; evaluations allocate nothing. <b>Not thread-safe</b> (shared scratch).
 */
public final class AsymmetricSensingLoss implements StochasticObjective, SegmentResiduals {
  private final LinearOperator a;
  private final double[] mStar;
  private final int n;
  private final int r;
  private final double lambda;

  private final double[] l;
  private final double[] rr;
  private final double[] e;
  private final double[] residual;
  private final double[] s;
  private final double[] d;
  private final double[] rtr;
  private final double[] tmp;
  /** The masked, rescaled residual of a minibatch (allocated on first use). */
  private double[] batchResidual;

  /**
   * @param a      the sensing operator A : R^{n x n} -> R^m; retained (not copied)
   * @param mStar  the target M* (n x n, row-major); copied
   * @param r      search rank, r >= 1
   * @param lambda balancing weight, lambda >= 0
   */
  public AsymmetricSensingLoss(LinearOperator a, double[] mStar, int r, double lambda) {
    this.a = Objects.requireNonNull(a, "a");
    this.n = a.n();
    if (mStar.length != n * n) {
      throw new IllegalArgumentException("mStar must have length n*n = " + (n * n) + ", got " + mStar.length);
    }
    if (r < 1) {
      throw new IllegalArgumentException("r must be >= 1, got " + r);
    }
    if (!(lambda >= 0) || !Double.isFinite(lambda)) {
      throw new IllegalArgumentException("lambda must be a finite number >= 0, got " + lambda);
    }
    this.mStar = mStar.clone();
    this.r = r;
    this.lambda = lambda;
    this.l = new double[n * r];
    this.rr = new double[n * r];
    this.e = new double[n * n];
    this.residual = new double[a.measurements()];
    this.s = new double[n * n];
    this.d = new double[r * r];
    this.rtr = new double[r * r];
    this.tmp = new double[n * r];
  }

  /** Two blocks: L then R. */
  /** The sensing operator A (retained, not copied). */
  public LinearOperator operator() {
    return a;
  }

  /** A copy of the target M* (n x n). */
  public double[] copyTarget() {
    return mStar.clone();
  }

  /** @return r, the search rank (columns of L and R) */
  public int rank() {
    return r;
  }

  /** @return lambda, the weight of the balancing term */
  public double lambda() {
    return lambda;
  }

  @Override
  public int[] blockStarts() {
    return new int[] {0, n * r};
  }

  @Override
  public int dim() {
    return 2 * n * r;
  }

  /** g(L, R); x = [L; R] (2n x r, row-major), not modified. */
  @Override
  public double value(double[] x) {
    return evaluate(x);
  }

  /**
   * Writes {@code grad = [S R + 2 lambda L D; S^T L - 2 lambda R D]} and returns g(L, R).
   *
   * @param x    [L; R] (2n x r, row-major); not modified
   * @param grad (2n x r); modified: overwritten with the gradient
   */
  @Override
  public double valueAndGradient(double[] x, double[] grad) {
    if (grad.length != dim()) {
      throw new IllegalArgumentException("grad must have length 2nr = " + dim() + ", got " + grad.length);
    }
    double loss = evaluate(x);
    gradientFrom(residual, grad);
    return loss;
  }

  /** Splits x into L and R, fills the residual A(L R^T - M*) and D; returns g. */
  /** The measurements, then the r x r balancing block {@code sqrt(lambda) (L^T L - R^T R)}. */
  @Override
  public int residualLength() {
    return a.measurements() + r * r;
  }

  /**
   * With {@code P = Lb - La}, {@code Q = Rb - Ra}: {@code L R^T = La Ra^T + lambda (P Ra^T + La Q^T)
   * + lambda^2 P Q^T} under A, and {@code L^T L - R^T R} likewise quadratic, scaled by sqrt(lambda).
   */
  @Override
  public void segmentResiduals(double[] xa, double[] xb, double[] r0, double[] r1, double[] r2) {
    if (xa.length != dim() || xb.length != dim()) {
      throw new IllegalArgumentException("a and b must have length 2nr = " + dim());
    }
    int nr = n * r;
    int m = a.measurements();
    double[] la = java.util.Arrays.copyOfRange(xa, 0, nr);
    double[] ra = java.util.Arrays.copyOfRange(xa, nr, 2 * nr);
    double[] p = new double[nr];
    double[] q = new double[nr];
    for (int i = 0; i < nr; i++) {
      p[i] = xb[i] - la[i];
      q[i] = xb[nr + i] - ra[i];
    }
    double[] mm = new double[n * n];
    double[] t = new double[n * n];
    double[] y = new double[m];
    MatOps.multABt(la, ra, n, n, r, mm);
    MatOps.subtract(mm, mStar, mm);
    a.apply(mm, y);
    System.arraycopy(y, 0, r0, 0, m);
    MatOps.multABt(p, ra, n, n, r, mm);
    MatOps.multABt(la, q, n, n, r, t);
    for (int i = 0; i < mm.length; i++) {
      mm[i] += t[i];
    }
    a.apply(mm, y);
    System.arraycopy(y, 0, r1, 0, m);
    MatOps.multABt(p, q, n, n, r, mm);
    a.apply(mm, y);
    System.arraycopy(y, 0, r2, 0, m);
    // Balancing block: L^T L - R^T R = (La^T La - Ra^T Ra) + lambda (...) + lambda^2 (P^T P - Q^T Q).
    double w = Math.sqrt(lambda);
    double[] k1 = new double[r * r];
    double[] k2 = new double[r * r];
    MatOps.multAtB(la, la, n, r, r, k1);
    MatOps.multAtB(ra, ra, n, r, r, k2);
    for (int i = 0; i < r * r; i++) {
      r0[m + i] = w * (k1[i] - k2[i]);
    }
    double[] k3 = new double[r * r];
    double[] k4 = new double[r * r];
    MatOps.multAtB(p, la, n, r, r, k1);
    MatOps.multAtB(la, p, n, r, r, k2);
    MatOps.multAtB(q, ra, n, r, r, k3);
    MatOps.multAtB(ra, q, n, r, r, k4);
    for (int i = 0; i < r * r; i++) {
      r1[m + i] = w * (k1[i] + k2[i] - k3[i] - k4[i]);
    }
    MatOps.multAtB(p, p, n, r, r, k1);
    MatOps.multAtB(q, q, n, r, r, k2);
    for (int i = 0; i < r * r; i++) {
      r2[m + i] = w * (k1[i] - k2[i]);
    }
  }

  @Override
  public int terms() {
    return a.measurements();
  }

  /**
   * The measurement term minibatched as in {@link SymmetricSensingLoss#batchGradient}, the
   * balancing regularizer in full.
   */
  @Override
  public void batchGradient(double[] x, int[] batch, int count, double[] grad) {
    if (grad.length != dim()) {
      throw new IllegalArgumentException("grad must have length 2nr = " + dim() + ", got " + grad.length);
    }
    int m = a.measurements();
    if (count < 1 || count > m) {
      throw new IllegalArgumentException("batch size must be in [1, " + m + "], got " + count);
    }
    if (batchResidual == null) {
      batchResidual = new double[m];
    }
    evaluate(x);
    java.util.Arrays.fill(batchResidual, 0.0);
    double scale = (double) m / count;
    for (int k = 0; k < count; k++) {
      batchResidual[batch[k]] += scale * residual[batch[k]];
    }
    gradientFrom(batchResidual, grad);
  }

  /** grad from a measurement residual {@code res} (after {@link #evaluate} set L, R and D). */
  private void gradientFrom(double[] res, double[] grad) {
    a.adjoint(res, s);
    int nr = n * r;
    // grad_L = S R + 2 lambda L D
    MatOps.multAB(s, rr, n, n, r, tmp);
    System.arraycopy(tmp, 0, grad, 0, nr);
    // grad_R = S^T L - 2 lambda R D
    MatOps.multAtB(s, l, n, n, r, tmp);
    System.arraycopy(tmp, 0, grad, nr, nr);
    if (lambda != 0) {
      MatOps.multAB(l, d, n, r, r, tmp);
      for (int i = 0; i < nr; i++) {
        grad[i] += 2 * lambda * tmp[i];
      }
      MatOps.multAB(rr, d, n, r, r, tmp);
      for (int i = 0; i < nr; i++) {
        grad[nr + i] -= 2 * lambda * tmp[i];
      }
    }
  }

  private double evaluate(double[] x) {
    if (x.length != dim()) {
      throw new IllegalArgumentException("x must have length 2nr = " + dim() + ", got " + x.length);
    }
    int nr = n * r;
    System.arraycopy(x, 0, l, 0, nr);
    System.arraycopy(x, nr, rr, 0, nr);
    MatOps.multABt(l, rr, n, n, r, e);
    MatOps.subtract(e, mStar, e);
    a.apply(e, residual);
    double fit = 0.5 * MatOps.dot(residual, residual);
    MatOps.multAtB(l, l, n, r, r, d);
    MatOps.multAtB(rr, rr, n, r, r, rtr);
    MatOps.subtract(d, rtr, d);
    return fit + 0.5 * lambda * MatOps.dot(d, d);
  }
}
