package org.basinbench.objective;

import org.basinbench.rng.SplitMix64;

/**
 * Test helper: a dense Gaussian sensing operator A(X)_i = <A_i, X> with i.i.d. N(0, 1/m)
 * entries, not symmetrized. A^T A does not preserve symmetry, so S_U is not symmetric and the
 * (S + S^T) U gradient formula is exercised in full. The arithmetic is {@link DenseOperator}'s.
 */
final class DenseTestOperator implements LinearOperator {
  /** (m x n^2), row-major. */
  final double[] matrix;
  private final DenseOperator op;

  DenseTestOperator(int n, int m, long seed) {
    this.matrix = new double[m * n * n];
    final SplitMix64 rng = new SplitMix64(seed);
    final double scale = 1.0 / Math.sqrt(m);
    for (int i = 0; i < matrix.length; i++) {
      matrix[i] = scale * rng.nextGaussian();
    }
    this.op = new DenseOperator(n, m, matrix);
  }

  @Override
  public int n() {
    return op.n();
  }

  @Override
  public int measurements() {
    return op.measurements();
  }

  @Override
  public void apply(double[] x, double[] out) {
    op.apply(x, out);
  }

  @Override
  public void adjoint(double[] y, double[] out) {
    op.adjoint(y, out);
  }
}
