package org.basinbench.objective;

import java.util.Objects;
import org.basinbench.linalg.MatOps;

/**
 * Symmetric low-rank matrix sensing loss (Zhang 2025, eq. (1)):
 * <pre>
 *   f(U) = 1/2 || A(U U^T - M*) ||^2,   U in R^{n x r},
 * </pre>
 * with gradient and Hessian quadratic form (Zhang 2025, eq. (9))
 * <pre>
 *   grad f(U)             = (S_U + S_U^T) U,         S_U = A^T A (U U^T - M*),
 *   &lt;grad^2 f(U)[dU], dU&gt; = &lt;S_U + S_U^T, dU dU^T&gt; + || A(U dU^T + dU U^T) ||^2.
 * </pre>
 * The variable x is U stored row-major (dim = n*r). M* need not be symmetric or low rank.
 *
 * <p>Scratch buffers (two n x n matrices and one length-m vector) are allocated once in the
 * constructor; {@link #value}, {@link #valueAndGradient} and {@link #sMatrix} allocate nothing.
 * <b>Not thread-safe</b> (shared scratch).
 */
public final class SymmetricSensingLoss implements StochasticObjective, SegmentResiduals {

  private final LinearOperator a;
  private final double[] mStar;
  private final int n;
  private final int r;

  /** n x n scratch: E = U U^T - M*, later reused for S + S^T. */
  private final double[] e;
  /** length-m scratch: the residual A(E). */
  private final double[] residual;
  /** n x n scratch: S = A^T A(E). */
  private final double[] s;
  /** The masked, rescaled residual of a minibatch (allocated on first use). */
  private double[] batchResidual;

  /**
   * @param a     the sensing operator A : R^{n x n} -> R^m; retained (not copied)
   * @param mStar the target M* (n x n, row-major); copied
   * @param r     search rank, r >= 1 (U is n x r)
   */
  public SymmetricSensingLoss(LinearOperator a, double[] mStar, int r) {
    this.a = Objects.requireNonNull(a, "a");
    Objects.requireNonNull(mStar, "mStar");
    this.n = a.n();
    if (n < 1) {
      throw new IllegalArgumentException("a.n() must be >= 1, got " + n);
    }
    if (mStar.length != n * n) {
      throw new IllegalArgumentException(
          "mStar must have length n*n = " + (n * n) + ", got " + mStar.length);
    }
    if (r < 1) {
      throw new IllegalArgumentException("r must be >= 1, got " + r);
    }
    if (a.measurements() < 1) {
      throw new IllegalArgumentException(
          "a.measurements() must be >= 1, got " + a.measurements());
    }
    this.mStar = mStar.clone();
    this.r = r;
    this.e = new double[n * n];
    this.residual = new double[a.measurements()];
    this.s = new double[n * n];
  }

  /** A copy of the target M* (n x n). */
  public double[] copyTarget() {
    return mStar.clone();
  }

  /** The sensing operator A (retained, not copied). */
  public LinearOperator operator() {
    return a;
  }

  @Override
  public int dim() {
    return n * r;
  }

  /** @return n, the number of rows of U */
  public int n() {
    return n;
  }

  /** @return r, the search rank (columns of U) */
  public int rank() {
    return r;
  }

  /**
   * {@code f(U) = 1/2 ||A(U U^T - M*)||^2}.
   *
   * @param u U (n x r, row-major); not modified
   * @return f(U)
   */
  @Override
  public double value(double[] u) {
    residualInto(u);
    return 0.5 * MatOps.dot(residual, residual);
  }

  /**
   * {@code grad = (S + S^T) U} with {@code S = A^T A(U U^T - M*)}; returns f(U).
   *
   * @param u    U (n x r, row-major); not modified
   * @param grad (n x r); modified: overwritten with grad f(U)
   * @return f(U)
   */
  @Override
  public double valueAndGradient(double[] u, double[] grad) {
    checkU(grad, "grad");
    residualInto(u);
    final double loss = 0.5 * MatOps.dot(residual, residual);
    a.adjoint(residual, s);
    // e no longer holds E; reuse it for S + S^T.
    MatOps.addTranspose(s, n, e);
    MatOps.multAB(e, u, n, n, r, grad);
    return loss;
  }

  @Override
  public int residualLength() {
    return a.measurements();
  }

  /**
   * With {@code D = b - a}: {@code U U^T = a a^T + lambda (D a^T + a D^T) + lambda^2 D D^T}, so
   * {@code R0 = A(a a^T - M*)}, {@code R1 = A(D a^T + a D^T)}, {@code R2 = A(D D^T)}.
   */
  @Override
  public void segmentResiduals(double[] ua, double[] ub, double[] r0, double[] r1, double[] r2) {
    checkU(ua, "a");
    checkU(ub, "b");
    double[] d = new double[n * r];
    for (int i = 0; i < d.length; i++) {
      d[i] = ub[i] - ua[i];
    }
    double[] mm = new double[n * n];
    MatOps.multABt(ua, ua, n, n, r, mm);
    MatOps.subtract(mm, mStar, mm);
    a.apply(mm, r0);
    MatOps.multABt(d, ua, n, n, r, s);
    MatOps.addTranspose(s, n, mm);
    a.apply(mm, r1);
    MatOps.multABt(d, d, n, n, r, mm);
    a.apply(mm, r2);
  }

  @Override
  public int terms() {
    return a.measurements();
  }

  /**
   * {@code (m / count) sum_{i in batch} grad 1/2 r_i^2 = (S_B + S_B^T) U} with
   * {@code S_B = A^T(y)}, {@code y_i = (m / count) r_i} on the batch and 0 elsewhere. The
   * residual r is computed in full (one application of A), so a step costs about as much as
   * a full gradient; the estimate is exact for the batch.
   */
  @Override
  public void batchGradient(double[] u, int[] batch, int count, double[] grad) {
    checkU(grad, "grad");
    int m = a.measurements();
    if (count < 1 || count > m) {
      throw new IllegalArgumentException("batch size must be in [1, " + m + "], got " + count);
    }
    if (batchResidual == null) {
      batchResidual = new double[m];
    }
    residualInto(u);
    java.util.Arrays.fill(batchResidual, 0.0);
    double scale = (double) m / count;
    for (int k = 0; k < count; k++) {
      int i = batch[k];
      batchResidual[i] += scale * residual[i];
    }
    a.adjoint(batchResidual, s);
    MatOps.addTranspose(s, n, e);
    MatOps.multAB(e, u, n, n, r, grad);
  }

  /**
   * {@code S_U = A^T A(U U^T - M*)} (Zhang 2025, eq. (9)); the gradient is (S_U + S_U^T) U.
   * Exposed for certificates and tests.
   *
   * @param u    U (n x r, row-major); not modified
   * @param sOut (n x n, row-major); modified: overwritten with S_U
   */
  public void sMatrix(double[] u, double[] sOut) {
    if (sOut.length != n * n) {
      throw new IllegalArgumentException(
          "sOut must have length n*n = " + (n * n) + ", got " + sOut.length);
    }
    residualInto(u);
    a.adjoint(residual, sOut);
  }

  /**
   * Hessian quadratic form (Zhang 2025, eq. (9)):
   * {@code <grad^2 f(U)[dU], dU> = <S_U + S_U^T, dU dU^T> + ||A(U dU^T + dU U^T)||^2}.
   * Allocates its temporaries (intended for tests and certificates, not inner loops).
   *
   * @param u  U (n x r, row-major); not modified
   * @param du dU (n x r, row-major); not modified
   * @return the quadratic form
   */
  public double hessianQuadraticForm(double[] u, double[] du) {
    checkU(du, "du");
    final double[] sU = new double[n * n];
    sMatrix(u, sU);
    final double[] sym = new double[n * n];
    MatOps.addTranspose(sU, n, sym);
    final double[] duDuT = new double[n * n];
    MatOps.multABt(du, du, n, n, r, duDuT);
    final double curvatureOfResidual = MatOps.dot(sym, duDuT);

    // W = U dU^T + dU U^T = T + T^T with T = U dU^T.
    final double[] t = new double[n * n];
    MatOps.multABt(u, du, n, n, r, t);
    final double[] w = new double[n * n];
    MatOps.addTranspose(t, n, w);
    final double[] aw = new double[a.measurements()];
    a.apply(w, aw);
    return curvatureOfResidual + MatOps.dot(aw, aw);
  }

  /** Fills e = U U^T - M* and residual = A(e). */
  private void residualInto(double[] u) {
    checkU(u, "u");
    MatOps.multABt(u, u, n, n, r, e);
    MatOps.subtract(e, mStar, e);
    a.apply(e, residual);
  }

  private void checkU(double[] x, String name) {
    if (x.length != n * r) {
      throw new IllegalArgumentException(
          name + " must have length n*r = " + (n * r) + ", got " + x.length);
    }
  }
}
