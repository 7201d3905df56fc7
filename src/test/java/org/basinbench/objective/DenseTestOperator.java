package org.basinbench.objective;

import org.basinbench.rng.SplitMix64;

/**
 * Test helper: a dense Gaussian sensing operator A(X)_i = <A_i, X> / sqrt(m) with i.i.d.
 * N(0,1) entries. A^T A does not preserve symmetry, so S_U is not symmetric and the
 * (S + S^T) U gradient formula is exercised in full.
 */
final class DenseTestOperator implements LinearOperator {

  private final int n;
  private final int m;
  /** (m x n^2), row-major. */
  final double[] matrix;

  DenseTestOperator(int n, int m, long seed) {
    this.n = n;
    this.m = m;
    this.matrix = new double[m * n * n];
    final SplitMix64 rng = new SplitMix64(seed);
    final double scale = 1.0 / Math.sqrt(m);
    for (int i = 0; i < matrix.length; i++) {
      matrix[i] = scale * rng.nextGaussian();
    }
  }

  @Override
  public int n() {
    return n;
  }

  @Override
  public int measurements() {
    return m;
  }

  @Override
  public void apply(double[] x, double[] out) {
    final int nn = n * n;
    for (int i = 0; i < m; i++) {
      double sum = 0.0;
      for (int j = 0; j < nn; j++) {
        sum += matrix[i * nn + j] * x[j];
      }
      out[i] = sum;
    }
  }

  @Override
  public void adjoint(double[] y, double[] out) {
    final int nn = n * n;
    for (int j = 0; j < nn; j++) {
      double sum = 0.0;
      for (int i = 0; i < m; i++) {
        sum += matrix[i * nn + j] * y[i];
      }
      out[j] = sum;
    }
  }
}
