package org.basinbench.solver;

/** What the lane solvers ({@link BatchGradientDescent}, {@link BatchStochasticGradient}) share. */
final class Lanes {
  private Lanes() {}

  /** Lane {@code i} of the structure-of-arrays {@code soa}, copied into {@code out}. */
  static double[] gather(double[][] soa, int i, double[] out) {
    for (int c = 0; c < out.length; c++) {
      out[c] = soa[c][i];
    }
    return out;
  }

  /** The smallest of {@code v[0 .. n)} (Long.MAX_VALUE when n = 0): the earliest next event of the active lanes. */
  static long min(long[] v, int n) {
    long m = Long.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      m = Math.min(m, v[i]);
    }
    return m;
  }
}
