package org.basinbench.objective;

/**
 * The full observation {@code A(X) = X} on n x n matrices (m = n^2): the RIP constant is 0.
 * The control of Zhang (2025), Proposition 1: with r* = 1 the nonnegative problems have no
 * spurious local minimum.
 */
public final class IdentityOperator extends SquareOperator {

  public IdentityOperator(int n) {
    super(n);
  }

  /** {@code out = X}. */
  @Override
  public void apply(double[] x, double[] out) {
    System.arraycopy(x, 0, out, 0, n * n);
  }

  /** {@code out = Y} (the identity is self-adjoint). */
  @Override
  public void adjoint(double[] y, double[] out) {
    System.arraycopy(y, 0, out, 0, n * n);
  }

  @Override
  public boolean hasLanes() {
    return true;
  }

  @Override
  public void applyLanes(org.basinbench.linalg.LaneOps ops, double[][] x, double[][] out, double[] scratch, int from, int to) {
    // Every measurement is its entry: nothing to compute.
    System.arraycopy(x, 0, out, 0, n * n);
  }

  @Override
  public void adjointLanes(org.basinbench.linalg.LaneOps ops, double[][] y, double[][] out, double[] scratch, int from, int to) {
    applyLanes(ops, y, out, scratch, from, to);
  }
}
