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

  /**
   * Whether {@link #applyLanes} and {@link #adjointLanes} are implemented (small operators whose
   * one-point loops the lane passes transcribe).
   */
  default boolean hasLanes() {
    return false;
  }

  /**
   * {@link #apply} on lanes {@code [from, to)} in structure-of-arrays layout ({@code x[k][i]} is
   * entry k of lane i's matrix, {@code out[j][i]} measurement j), giving each lane the bits of
   * {@link #apply} on its own matrix. A measurement that is an input entry unchanged is not
   * copied: {@code out[j]} is set to that entry's array {@code x[k]}, so the caller reads
   * {@code out} without writing through it, and puts its own arrays back into {@code out} before
   * the next call. {@code scratch} is one lane array the operator may overwrite on the range.
   */
  default void applyLanes(org.basinbench.linalg.LaneOps ops, double[][] x, double[][] out, double[] scratch,
      int from, int to) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " has no lane form");
  }

  /** {@link #adjoint} on lanes, as {@link #applyLanes}. */
  default void adjointLanes(org.basinbench.linalg.LaneOps ops, double[][] y, double[][] out, double[] scratch,
      int from, int to) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " has no lane form");
  }
}
