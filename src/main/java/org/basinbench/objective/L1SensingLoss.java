package org.basinbench.objective;

import java.util.Objects;
import org.basinbench.linalg.MatOps;

/**
 * The robust l1 sensing loss of Ma and Fattahi:
 * <pre>
 *   f(U) = (1/m) sum_i | <A_i, U U^T> - y_i |,
 *   a subgradient:  (G + G^T) U,   G = (1/m) A^T(sign(A(U U^T) - y)),   sign(0) = 0.
 * </pre>
 * Nonsmooth: {@link #valueAndGradient} writes one element of the (Clarke) subdifferential.
 * Scratch is allocated once; evaluations allocate nothing. <b>Not thread-safe.</b>
 */
public final class L1SensingLoss implements Objective {
  private final LinearOperator a;
  private final double[] y;
  private final int n;
  private final int r;
  private final double[] uut;
  private final double[] residual;
  private final double[] g;

  /**
   * @param a the sensing operator; retained
   * @param y the measurements (length m); copied
   * @param r search rank
   */
  public L1SensingLoss(LinearOperator a, double[] y, int r) {
    this.a = Objects.requireNonNull(a, "a");
    if (y.length != a.measurements()) {
      throw new IllegalArgumentException("y must have length m = " + a.measurements());
    }
    this.y = y.clone();
    this.n = a.n();
    this.r = r;
    this.uut = new double[n * n];
    this.residual = new double[y.length];
    this.g = new double[n * n];
  }

  @Override
  public int dim() {
    return n * r;
  }

  @Override
  public double value(double[] u) {
    return residual(u);
  }

  @Override
  public double valueAndGradient(double[] u, double[] grad) {
    double loss = residual(u);
    int m = y.length;
    for (int i = 0; i < m; i++) {
      residual[i] = Math.signum(residual[i]) / m;
    }
    a.adjoint(residual, g);
    MatOps.addTranspose(g, n, uut);
    MatOps.multAB(uut, u, n, n, r, grad);
    return loss;
  }

  /** Fills residual = A(U U^T) - y and returns (1/m) ||residual||_1. */
  private double residual(double[] u) {
    MatOps.multABt(u, u, n, n, r, uut);
    a.apply(uut, residual);
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      residual[i] -= y[i];
      sum += Math.abs(residual[i]);
    }
    return sum / y.length;
  }
}
