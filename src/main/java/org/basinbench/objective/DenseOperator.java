package org.basinbench.objective;

/**
 * A sensing operator given by m explicit n x n measurement matrices:
 * {@code A(X)_i = <A_i, X>}, {@code A^T(y) = sum_i y_i A_i}; both O(m n^2).
 */
public final class DenseOperator implements LinearOperator {
  private final int n;
  private final int m;
  private final double[] a;

  /**
   * @param n matrix order
   * @param m number of measurements
   * @param matrices the A_i, stacked row-major (m x n^2); retained, not copied
   */
  public DenseOperator(int n, int m, double[] matrices) {
    if (matrices.length != (long) m * n * n) {
      throw new IllegalArgumentException("need m n^2 = " + (long) m * n * n + " entries, got " + matrices.length);
    }
    this.n = n;
    this.m = m;
    this.a = matrices;
    this.entries = java.util.stream.IntStream.range(0, n * n).toArray();
    this.measurementsIdx = java.util.stream.IntStream.range(0, m).toArray();
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
    int nn = n * n;
    for (int i = 0; i < m; i++) {
      double s = 0;
      int base = i * nn;
      for (int k = 0; k < nn; k++) {
        s += a[base + k] * x[k];
      }
      out[i] = s;
    }
  }

  @Override
  public void adjoint(double[] y, double[] out) {
    int nn = n * n;
    java.util.Arrays.fill(out, 0, nn, 0.0);
    for (int i = 0; i < m; i++) {
      double yi = y[i];
      int base = i * nn;
      for (int k = 0; k < nn; k++) {
        out[k] += yi * a[base + k];
      }
    }
  }

  @Override
  public boolean hasLanes() {
    return true;
  }

  /** The index lists 0 .. n^2 - 1 and 0 .. m - 1 of the lane forms. */
  private final int[] entries;
  private final int[] measurementsIdx;

  /** As {@link #apply}: each measurement summed from 0 in the order of the entries. */
  @Override
  public void applyLanes(org.basinbench.linalg.LaneOps ops, double[][] x, double[][] out, double[] scratch,
      int from, int to) {
    int nn = n * n;
    for (int i = 0; i < m; i++) {
      ops.sumScaled(out[i], x, entries, a, i * nn, 1, from, to);
    }
  }

  /** As {@link #adjoint}: each entry summed from 0 in the order of the measurements. */
  @Override
  public void adjointLanes(org.basinbench.linalg.LaneOps ops, double[][] y, double[][] out, double[] scratch,
      int from, int to) {
    int nn = n * n;
    for (int k = 0; k < nn; k++) {
      ops.sumScaled(out[k], y, measurementsIdx, a, k, nn, from, to);
    }
  }
}
