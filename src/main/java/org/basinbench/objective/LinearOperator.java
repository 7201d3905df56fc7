package org.basinbench.objective;

/**
 * A linear measurement map {@code A : R^{n x n} -> R^m} (the sensing operator of
 * Zhang 2025, eq. (1)), with its adjoint {@code A^T : R^m -> R^{n x n}} defined by
 * {@code <A(X), y> = <X, A^T(y)>}.
 *
 * <p>Matrices are flat row-major arrays of length n*n. Implementations must not allocate per
 * call (apply/adjoint run inside solver loops); whether an implementation is thread-safe is
 * up to it, but operators without internal scratch space usually are.
 */
public interface LinearOperator {

  /** @return n, the order of the (n x n) input matrices */
  int n();

  /** @return m, the number of measurements (length of A(X)) */
  int measurements();

  /**
   * {@code out = A(X)}.
   *
   * @param x   X, length n*n, row-major; not modified
   * @param out length m; modified (fully overwritten); must not alias x
   */
  void apply(double[] x, double[] out);

  /**
   * {@code out = A^T(y)}, the adjoint: {@code <A(X), y> = <X, A^T(y)>} for all X, y.
   *
   * @param y   length m; not modified
   * @param out length n*n, row-major; modified (fully overwritten); must not alias y
   */
  void adjoint(double[] y, double[] out);
}
