package org.basinbench.instance;

import org.basinbench.objective.SquareOperator;

/**
 * The sensing operator of Zhang 2025, Theorem 2, with Q = [Q1 Q2] the first r* + r columns
 * of I_n (Q1: first r*, Q2: next r):
 * <pre>
 *   A(X) = X + (tr(Q1^T X Q1) / r*) P,     P = Q M Q^T,
 *   M = [ (-1 + sqrt(1 - delta^2)) I_{r*}     -eps alpha^2 1_{r*} 1_r^T ]
 *       [ -eps alpha^2 1_r 1_{r*}^T            alpha^2 I_r              ],
 *   delta = alpha^2 sqrt(r/r* + 2 eps^2 r).
 * </pre>
 * In vec form {@code A = I + p c^T} with {@code p = vec(P)} and {@code c = vec(Q1 Q1^T) / r*}:
 * identity plus rank one, so m = n^2 and apply / adjoint cost O(n^2) without ever forming
 * the n^2 x n^2 matrix. The adjoint is {@code A^T(Y) = Y + (<P, Y> / r*) Q1 Q1^T}.
 *
 * <p>Immutable and allocation-free per call, hence thread-safe. Obtain it from
 * {@link NonnegCounterexample#operator()}.
 */
public final class Theorem2Operator extends SquareOperator {

  private final int rStar;
  /** k = r* + r, the order of the nonzero top-left block of P. */
  private final int k;
  /** M, the (k x k) top-left block of P = Q M Q^T (row-major). */
  private final double[] blockM;
  /** Row-major indices of Q1's diagonal entries and of the k x k block (for the lane forms). */
  private final int[] diagonalQ1;
  private final int[] block;

  Theorem2Operator(NonnegCounterexample inst) {
    super(inst.n());
    this.rStar = inst.rStar();
    this.k = inst.rStar() + inst.r();
    final double alpha2 = inst.alpha() * inst.alpha();
    final double delta = inst.delta();
    // -1 + sqrt(1 - delta^2) written as -delta^2 / (1 + sqrt(1 - delta^2)): the same number
    // without the cancellation that loses all relative accuracy when delta is small.
    final double topLeft = -(delta * delta) / (1.0 + Math.sqrt(1.0 - delta * delta));
    final double offDiagonal = -inst.epsilon() * alpha2;
    this.blockM = new double[k * k];
    this.diagonalQ1 = new int[rStar];
    for (int i = 0; i < rStar; i++) {
      diagonalQ1[i] = i * n + i;
    }
    this.block = new int[k * k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        block[i * k + j] = i * n + j;
      }
    }
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        final boolean iInQ1 = i < rStar;
        final boolean jInQ1 = j < rStar;
        final double v;
        if (iInQ1 && jInQ1) {
          v = (i == j) ? topLeft : 0.0;
        } else if (iInQ1 != jInQ1) {
          v = offDiagonal;
        } else {
          v = (i == j) ? alpha2 : 0.0;
        }
        blockM[i * k + j] = v;
      }
    }
  }

  /**
   * {@code out = A(X) = X + (tr(Q1^T X Q1) / r*) P}; O(n^2).
   *
   * @param x   X (n x n, row-major); not modified
   * @param out (n x n, row-major); modified (fully overwritten); must not alias x
   */
  @Override
  public void apply(double[] x, double[] out) {
    copyChecked("x", x, out);
    // tr(Q1^T X Q1) = sum of the first r* diagonal entries of X.
    double trace = 0.0;
    for (int i = 0; i < rStar; i++) {
      trace += x[i * n + i];
    }
    final double coef = trace / rStar;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        out[i * n + j] += coef * blockM[i * k + j];
      }
    }
  }

  /**
   * {@code out = A^T(Y) = Y + (<P, Y> / r*) Q1 Q1^T}; O(n^2).
   *
   * @param y   Y (n x n, row-major); not modified
   * @param out (n x n, row-major); modified (fully overwritten); must not alias y
   */
  @Override
  public void adjoint(double[] y, double[] out) {
    copyChecked("y", y, out);
    // <P, Y> with P = Q M Q^T supported on the top-left k x k block.
    double inner = 0.0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        inner += blockM[i * k + j] * y[i * n + j];
      }
    }
    final double coef = inner / rStar;
    for (int i = 0; i < rStar; i++) {
      out[i * n + i] += coef;
    }
  }

  @Override
  public boolean hasLanes() {
    return true;
  }

  /**
   * {@link #apply} on lanes, operation for operation (the zero entries of M included, so that
   * every lane gets apply's bits, signed zeros and non-finite values alike); the entries
   * outside the k x k block are the input's own arrays. The coefficient goes through
   * {@code scratch}.
   */
  @Override
  public void applyLanes(org.basinbench.linalg.LaneOps ops, double[][] x, double[][] out, double[] scratch,
      int from, int to) {
    ops.sumDiv(scratch, x, diagonalQ1, rStar, from, to);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i < k && j < k) {
          ops.addMulScalar(out[i * n + j], x[i * n + j], scratch, blockM[i * k + j], from, to);
        } else {
          out[i * n + j] = x[i * n + j];
        }
      }
    }
  }

  /** {@link #adjoint} on lanes, operation for operation, as {@link #applyLanes}. */
  @Override
  public void adjointLanes(org.basinbench.linalg.LaneOps ops, double[][] y, double[][] out, double[] scratch,
      int from, int to) {
    ops.sumScaled(scratch, y, block, blockM, 0, 1, from, to);
    ops.divScalar(scratch, scratch, rStar, from, to);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i == j && i < rStar) {
          ops.add(out[i * n + j], y[i * n + j], scratch, from, to);
        } else {
          out[i * n + j] = y[i * n + j];
        }
      }
    }
  }

  /**
   * FOR TESTS ONLY (O(n^4) memory): the n^2 x n^2 matrix of A in the row-major vec basis,
   * built from the closed form {@code I + p c^T} (not by calling {@link #apply}), so column j
   * equals vec(A(E_j)) where E_j is the j-th row-major unit matrix. Returned row-major.
   *
   * @return a new (n^2 x n^2) array
   */
  public double[] denseMatrix() {
    final int nn = n * n;
    final double[] p = new double[nn];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        p[i * n + j] = blockM[i * k + j];
      }
    }
    final double[] c = new double[nn];
    for (int i = 0; i < rStar; i++) {
      c[i * n + i] = 1.0 / rStar;
    }
    final double[] dense = new double[nn * nn];
    for (int row = 0; row < nn; row++) {
      for (int col = 0; col < nn; col++) {
        dense[row * nn + col] = (row == col ? 1.0 : 0.0) + p[row] * c[col];
      }
    }
    return dense;
  }

  /** Checks that {@code in} and {@code out} are n x n, then copies in to out (the identity part). */
  private void copyChecked(String name, double[] in, double[] out) {
    checkLength(name, in);
    checkLength("out", out);
    System.arraycopy(in, 0, out, 0, n * n);
  }

  private void checkLength(String name, double[] v) {
    if (v.length != n * n) {
      throw new IllegalArgumentException(
          name + " must have length n*n = " + (n * n) + ", got " + v.length);
    }
  }
}
