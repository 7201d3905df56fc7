package org.basinbench.linalg;

/**
 * Static kernels on dense matrices stored as flat row-major {@code double[]} arrays
 * (EJML style): entry (i, j) of an (rows x cols) matrix {@code A} is {@code a[i * cols + j]}.
 *
 * <p>Every kernel writes its result into an output array passed by the caller as the last
 * argument and allocates nothing, so it may be called inside iteration loops. Output arrays
 * must not alias any input array unless a method says otherwise. Inputs are never modified.
 *
 * <p>The three products go to BLAS {@code dgemm} ({@link Blas}) from
 * {@link Blas#MIN_MULTIPLY_ADDS} multiply-adds on; below that they are the plain loops whose
 * summation order their documentation states.
 */
public final class MatOps {

  private MatOps() {
  }

  /**
   * Matrix product with the second factor transposed: {@code out = A * B^T}, i.e.
   * {@code out[i][j] = sum_l A[i][l] * B[j][l]}.
   *
   * @param a   A, (n x k), not modified
   * @param b   B, (m x k), not modified
   * @param n   rows of A and of out
   * @param m   rows of B, columns of out
   * @param k   columns of A and of B (inner dimension)
   * @param out (n x m), modified: fully overwritten; must not alias a or b
   */
  public static void multABt(double[] a, double[] b, int n, int m, int k, double[] out) {
    checkLength("a", a, (long) n * k);
    checkLength("b", b, (long) m * k);
    checkLength("out", out, (long) n * m);
    if (Blas.use((long) n * m * k)) {
      // Row-major out = A B^T is column-major out^T = B A^T.
      Blas.get().dgemm("T", "N", m, n, k, 1.0, b, k, a, k, 0.0, out, m);
      return;
    }
    for (int i = 0; i < n; i++) {
      final int rowA = i * k;
      final int rowOut = i * m;
      for (int j = 0; j < m; j++) {
        final int rowB = j * k;
        double sum = 0.0;
        for (int l = 0; l < k; l++) {
          sum += a[rowA + l] * b[rowB + l];
        }
        out[rowOut + j] = sum;
      }
    }
  }

  /**
   * Matrix product {@code out = A * B}, i.e. {@code out[i][j] = sum_l A[i][l] * B[l][j]}.
   * For each output entry the sum runs over l in increasing order (i-l-j loop order for
   * contiguous access to B and out).
   *
   * @param a   A, (n x k), not modified
   * @param b   B, (k x m), not modified
   * @param n   rows of A and of out
   * @param k   columns of A, rows of B (inner dimension)
   * @param m   columns of B and of out
   * @param out (n x m), modified: fully overwritten; must not alias a or b
   */
  public static void multAB(double[] a, double[] b, int n, int k, int m, double[] out) {
    checkLength("a", a, (long) n * k);
    checkLength("b", b, (long) k * m);
    checkLength("out", out, (long) n * m);
    if (Blas.use((long) n * m * k)) {
      // Row-major out = A B is column-major out^T = B^T A^T.
      Blas.get().dgemm("N", "N", m, n, k, 1.0, b, m, a, k, 0.0, out, m);
      return;
    }
    for (int i = 0; i < n; i++) {
      final int rowOut = i * m;
      for (int j = 0; j < m; j++) {
        out[rowOut + j] = 0.0;
      }
      final int rowA = i * k;
      for (int l = 0; l < k; l++) {
        final double ail = a[rowA + l];
        final int rowB = l * m;
        for (int j = 0; j < m; j++) {
          out[rowOut + j] += ail * b[rowB + j];
        }
      }
    }
  }

  /**
   * Matrix product with the first factor transposed: {@code out = A^T * B}, i.e.
   * {@code out[i][j] = sum_l A[l][i] * B[l][j]} (sum over l in increasing order).
   *
   * @param a   A, (k x n), not modified
   * @param b   B, (k x m), not modified
   * @param k   rows of A and of B (inner dimension)
   * @param n   columns of A, rows of out
   * @param m   columns of B and of out
   * @param out (n x m), modified: fully overwritten; must not alias a or b
   */
  public static void multAtB(double[] a, double[] b, int k, int n, int m, double[] out) {
    checkLength("a", a, (long) k * n);
    checkLength("b", b, (long) k * m);
    checkLength("out", out, (long) n * m);
    if (Blas.use((long) n * m * k)) {
      // Row-major out = A^T B is column-major out^T = B^T A, A read transposed.
      Blas.get().dgemm("N", "T", m, n, k, 1.0, b, m, a, n, 0.0, out, m);
      return;
    }
    java.util.Arrays.fill(out, 0, n * m, 0.0);
    for (int l = 0; l < k; l++) {
      final int rowA = l * n;
      final int rowB = l * m;
      for (int i = 0; i < n; i++) {
        final double ali = a[rowA + i];
        final int rowOut = i * m;
        for (int j = 0; j < m; j++) {
          out[rowOut + j] += ali * b[rowB + j];
        }
      }
    }
  }

  /**
   * Frobenius inner product over the full length: {@code <a, b> = sum_i a[i] * b[i]}.
   *
   * @param a not modified
   * @param b not modified; same length as a
   * @return the inner product
   */
  public static double dot(double[] a, double[] b) {
    checkSameLength(a, b);
    double sum = 0.0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /**
   * Frobenius norm {@code ||a||_F = sqrt(sum_i a[i]^2)}. Falls back to a max-scaled sum when
   * the plain sum of squares overflows or underflows, so finite inputs give a finite
   * (or correctly infinite) answer.
   *
   * @param a not modified
   * @return the Frobenius norm (NaN if any entry is NaN)
   */
  public static double normF(double[] a) {
    double sum = 0.0;
    for (double v : a) {
      sum += v * v;
    }
    if (sum < Double.MIN_NORMAL || sum == Double.POSITIVE_INFINITY) {
      return scaledNorm(a, null);
    }
    return Math.sqrt(sum);
  }

  /**
   * Frobenius distance {@code ||a - b||_F = sqrt(sum_i (a[i] - b[i])^2)}, with the same
   * overflow/underflow fallback as {@link #normF(double[])}.
   *
   * @param a not modified
   * @param b not modified; same length as a
   * @return the distance
   */
  public static double distF(double[] a, double[] b) {
    checkSameLength(a, b);
    double sum = 0.0;
    for (int i = 0; i < a.length; i++) {
      final double d = a[i] - b[i];
      sum += d * d;
    }
    if (sum < Double.MIN_NORMAL || sum == Double.POSITIVE_INFINITY) {
      return scaledNorm(a, b);
    }
    return Math.sqrt(sum);
  }

  /**
   * @param a not modified
   * @return true iff every entry of a is finite (neither NaN nor infinite)
   */
  public static boolean allFinite(double[] a) {
    for (double v : a) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code out = A + A^T} for a square (n x n) matrix A.
   *
   * @param a   A, (n x n), not modified
   * @param n   order of A
   * @param out (n x n), modified: fully overwritten; must not alias a
   */
  public static void addTranspose(double[] a, int n, double[] out) {
    checkLength("a", a, (long) n * n);
    checkLength("out", out, (long) n * n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        out[i * n + j] = a[i * n + j] + a[j * n + i];
      }
    }
  }

  /**
   * {@code out = a - b} elementwise. out may alias a or b.
   *
   * @param a   not modified (unless aliased by out)
   * @param b   not modified (unless aliased by out); same length as a
   * @param out modified; same length as a
   */
  public static void subtract(double[] a, double[] b, double[] out) {
    checkSameLength(a, b);
    checkSameLength(a, out);
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] - b[i];
    }
  }

  /**
   * Norm of a (or of a - b when b is non-null) computed as {@code s * sqrt(sum (v/s)^2)} with
   * s the largest magnitude, immune to overflow and underflow of the squares.
   */
  private static double scaledNorm(double[] a, double[] b) {
    double scale = 0.0;
    for (int i = 0; i < a.length; i++) {
      final double v = Math.abs(b == null ? a[i] : a[i] - b[i]);
      if (Double.isNaN(v)) {
        return Double.NaN;
      }
      scale = Math.max(scale, v);
    }
    if (scale == 0.0 || scale == Double.POSITIVE_INFINITY) {
      return scale;
    }
    double sum = 0.0;
    for (int i = 0; i < a.length; i++) {
      final double v = (b == null ? a[i] : a[i] - b[i]) / scale;
      sum += v * v;
    }
    return scale * Math.sqrt(sum);
  }

  private static void checkLength(String name, double[] x, long expected) {
    if (x.length != expected) {
      throw new IllegalArgumentException(
          name + " has length " + x.length + ", expected " + expected);
    }
  }

  private static void checkSameLength(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "length mismatch: " + a.length + " vs " + b.length);
    }
  }
}
