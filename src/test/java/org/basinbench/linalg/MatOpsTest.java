package org.basinbench.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.basinbench.rng.SplitMix64;
import org.junit.jupiter.api.Test;

class MatOpsTest {

  /**
   * Kernel vs naive triple loop: both sum at most 7 O(1) products, so any correct
   * implementation agrees to a few ulps of the row/column norms; 1e-13 absolute leaves room
   * for a different summation order while catching any wrong index (errors are O(1)).
   */
  private static final double KERNEL_TOL = 1e-13;

  /** Shapes (n, k, m): 1x1, vectors, non-square in every direction. */
  private static final int[][] SHAPES = {
    {1, 1, 1}, {1, 3, 1}, {3, 1, 2}, {2, 3, 4}, {4, 2, 3}, {5, 7, 1}, {1, 4, 6}, {6, 6, 6},
  };

  private static double[] random(SplitMix64 rng, int len) {
    final double[] x = new double[len];
    for (int i = 0; i < len; i++) {
      x[i] = rng.nextGaussian();
    }
    return x;
  }

  private static double[] garbage(int len) {
    final double[] out = new double[len];
    Arrays.fill(out, Double.NaN);
    return out;
  }

  @Test
  void multABMatchesNaiveTripleLoopAndOverwritesOutput() {
    final SplitMix64 rng = new SplitMix64(11);
    for (int[] s : SHAPES) {
      final int n = s[0];
      final int k = s[1];
      final int m = s[2];
      final double[] a = random(rng, n * k);
      final double[] b = random(rng, k * m);
      final double[] out = garbage(n * m);
      MatOps.multAB(a, b, n, k, m, out);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < m; j++) {
          double expected = 0.0;
          for (int l = 0; l < k; l++) {
            expected += a[i * k + l] * b[l * m + j];
          }
          assertEquals(expected, out[i * m + j], KERNEL_TOL,
              "multAB shape " + Arrays.toString(s) + " entry " + i + "," + j);
        }
      }
    }
  }

  @Test
  void multABtMatchesNaiveTripleLoopAndOverwritesOutput() {
    final SplitMix64 rng = new SplitMix64(12);
    for (int[] s : SHAPES) {
      final int n = s[0];
      final int k = s[1];
      final int m = s[2];
      final double[] a = random(rng, n * k);
      final double[] b = random(rng, m * k);
      final double[] out = garbage(n * m);
      MatOps.multABt(a, b, n, m, k, out);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < m; j++) {
          double expected = 0.0;
          for (int l = 0; l < k; l++) {
            expected += a[i * k + l] * b[j * k + l];
          }
          assertEquals(expected, out[i * m + j], KERNEL_TOL,
              "multABt shape " + Arrays.toString(s) + " entry " + i + "," + j);
        }
      }
    }
  }

  @Test
  void multABtOfAWithItselfIsSymmetric() {
    final SplitMix64 rng = new SplitMix64(13);
    final double[] u = random(rng, 5 * 2);
    final double[] out = new double[25];
    MatOps.multABt(u, u, 5, 5, 2, out);
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 5; j++) {
        // Same products in the same order: exactly symmetric.
        assertEquals(out[i * 5 + j], out[j * 5 + i], 0.0);
      }
    }
  }

  @Test
  void wrongLengthsAreRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> MatOps.multAB(new double[6], new double[6], 2, 3, 2, new double[3]));
    assertThrows(IllegalArgumentException.class,
        () -> MatOps.multABt(new double[6], new double[5], 2, 2, 3, new double[4]));
    assertThrows(IllegalArgumentException.class,
        () -> MatOps.dot(new double[2], new double[3]));
  }

  @Test
  void dotNormAndDistance() {
    final double[] a = {1, 2, 3, 4};
    final double[] b = {-1, 0, 2, 0.5};
    assertEquals(-1 + 0 + 6 + 2, MatOps.dot(a, b), 0.0);
    assertEquals(Math.sqrt(30), MatOps.normF(a), 1e-15 * Math.sqrt(30));
    assertEquals(Math.sqrt(4 + 4 + 1 + 12.25), MatOps.distF(a, b), 1e-15 * 5);
    assertEquals(0.0, MatOps.distF(a, a), 0.0);
    assertEquals(0.0, MatOps.normF(new double[0]), 0.0);
  }

  @Test
  void normsSurviveOverflowAndUnderflowOfSquares() {
    // (1e200)^2 overflows and (1e-200)^2 underflows; the norms themselves are representable.
    final double big = 1e200;
    assertEquals(Math.sqrt(2) * big, MatOps.normF(new double[] {big, -big}), 1e-15 * 2 * big);
    final double tiny = 1e-200;
    assertEquals(5 * tiny, MatOps.normF(new double[] {3 * tiny, 4 * tiny}), 1e-15 * 5 * tiny);
    assertEquals(5 * big, MatOps.distF(new double[] {3 * big, 0}, new double[] {0, -4 * big}),
        1e-15 * 5 * big);
    assertTrue(Double.isNaN(MatOps.normF(new double[] {1, Double.NaN})));
  }

  @Test
  void allFiniteDetectsNaNAndInfinity() {
    assertTrue(MatOps.allFinite(new double[] {0, -1e308, 1e308}));
    assertTrue(MatOps.allFinite(new double[0]));
    assertFalse(MatOps.allFinite(new double[] {0, Double.NaN}));
    assertFalse(MatOps.allFinite(new double[] {Double.NEGATIVE_INFINITY, 1}));
  }

  @Test
  void addTransposeAndSubtract() {
    final double[] a = {1, 2, 3, 4};
    final double[] out = garbage(4);
    MatOps.addTranspose(a, 2, out);
    assertTrue(Arrays.equals(new double[] {2, 5, 5, 8}, out));
    MatOps.subtract(a, new double[] {1, 1, 1, 1}, a);
    assertTrue(Arrays.equals(new double[] {0, 1, 2, 3}, a));
  }

  /**
   * Above the BLAS threshold the three products go to dgemm with transposed views of the
   * row-major arrays; each must equal the defining sum (computed here by the plain triple
   * loop), to rounding: 1e-12 relative to the sum of |terms| is far above any summation-order
   * difference (k * 2^-53 ~ 1e-14 for k = 60) and far below any wrong index (an O(1) error).
   * Non-square shapes, so a swapped dimension or leading dimension cannot pass.
   */
  @Test
  void largeProductsThroughBlasEqualTheDefiningSums() {
    int n = 70;
    int m = 50;
    int k = 60;
    assertTrue((long) n * m * k >= Blas.MIN_MULTIPLY_ADDS, "the sizes reach the BLAS path");
    SplitMix64 rng = new SplitMix64(5);
    double[] a = new double[n * k];
    double[] bt = new double[m * k];
    double[] b = new double[k * m];
    double[] at = new double[k * n];
    for (double[] x : new double[][] {a, bt, b, at}) {
      for (int i = 0; i < x.length; i++) {
        x[i] = rng.nextGaussian();
      }
    }
    double[] out = new double[n * m];
    MatOps.multABt(a, bt, n, m, k, out);
    assertProduct(out, n, m, k, (i, j, l) -> a[i * k + l] * bt[j * k + l]);
    MatOps.multAB(a, b, n, k, m, out);
    assertProduct(out, n, m, k, (i, j, l) -> a[i * k + l] * b[l * m + j]);
    MatOps.multAtB(at, b, k, n, m, out);
    assertProduct(out, n, m, k, (i, j, l) -> at[l * n + i] * b[l * m + j]);
  }

  interface Term {
    double at(int i, int j, int l);
  }

  private static void assertProduct(double[] out, int n, int m, int k, Term term) {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double sum = 0;
        double abs = 0;
        for (int l = 0; l < k; l++) {
          sum += term.at(i, j, l);
          abs += Math.abs(term.at(i, j, l));
        }
        assertEquals(sum, out[i * m + j], 1e-12 * abs, "entry (" + i + ", " + j + ") via " + Blas.implementation());
      }
    }
  }
}
