package org.basinbench.instance;

import java.util.List;
import org.basinbench.objective.LinearOperator;

/**
 * The rank-1 instance of Zhang, Josz, Sojoudi and Lavaei ("How much restricted isometry is
 * needed in nonconvex matrix recovery?", NeurIPS 2018): n = 2, three measurements
 * <pre>
 *   A1 = [[sqrt 2, 0], [0, 1/sqrt 2]],  A2 = [[0, sqrt(3/2)], [sqrt(3/2), 0]],  A3 = [[0, 0], [0, sqrt(3/2)]],
 *   f(x) = sum_i <A_i, x x^T - z z^T>^2,   z = (1, 0),   solved without constraints.
 * </pre>
 * Its operator satisfies RIP with delta = 1/2 after scaling. Catalogued: the truth z and
 * x_bad = (0, 1/sqrt 2), where the gradient vanishes and the Hessian is positive semidefinite
 * but singular (eigenvalues {0, 8}): a degenerate critical point, the loss falling only at
 * fourth order along the curved valley {@code (t, 1/sqrt 2 - sqrt 2 t^2)}.
 *
 * <p>The shared loss is {@code 1/2 ||A(E)||^2}; the operator here carries a factor sqrt 2 so
 * that it equals f exactly: {@code A(X)_i = sqrt 2 <A_i, X>}.
 */
public final class RipHalf {
  public static final String FAMILY = "rip-half";
  public static final int N = 2;
  /** The RIP constant after the optimal scaling: Gram eigenvalues {1, 3, 3} on symmetric 2 x 2. */
  public static final double DELTA = 0.5;
  public static final String BAD_NAME = "x_bad = (0, 1/sqrt 2)";

  private static final double S2 = Math.sqrt(2.0);
  private static final double S32 = Math.sqrt(1.5);
  /** A1, A2, A3 row-major (2 x 2 each). */
  static final double[][] A = {
    {S2, 0, 0, 1 / S2},
    {0, S32, S32, 0},
    {0, 0, 0, S32},
  };

  private RipHalf() {}

  /** The truth z = (1, 0). */
  public static double[] truth() {
    return new double[] {1.0, 0.0};
  }

  /** The degenerate critical point x_bad = (0, 1/sqrt 2). */
  public static double[] bad() {
    return new double[] {0.0, 1 / S2};
  }

  /** The operator of {@link #problem()}: {@code A(X)_i = sqrt 2 <A_i, X>}. */
  public static LinearOperator problemOperator() {
    return new Operator();
  }

  /** The unconstrained problem {@code min f(x)}, x in R^2. */
  public static Problem problem() {
    return FactorProblems.symmetric(new Operator(), truth(), 1, 1, false,
        // PSD but singular Hessian at x_bad: the curvature bound is 0 (eigenvalues {0, 8}).
        List.of(new FactorProblems.Named(BAD_NAME, bad(), 0.0, "Zhang, Josz, Sojoudi and Lavaei, NeurIPS 2018")));
  }

  /** {@code A(X)_i = sqrt 2 <A_i, X>}, i = 1..3, so that 1/2 ||A(E)||^2 = sum_i <A_i, E>^2. */
  static final class Operator implements LinearOperator {
    @Override
    public int n() {
      return N;
    }

    @Override
    public int measurements() {
      return A.length;
    }

    @Override
    public void apply(double[] x, double[] out) {
      for (int i = 0; i < A.length; i++) {
        double s = 0;
        for (int k = 0; k < 4; k++) {
          s += A[i][k] * x[k];
        }
        out[i] = S2 * s;
      }
    }

    @Override
    public void adjoint(double[] y, double[] out) {
      for (int k = 0; k < 4; k++) {
        double s = 0;
        for (int i = 0; i < A.length; i++) {
          s += A[i][k] * y[i];
        }
        out[k] = S2 * s;
      }
    }
  }
}
