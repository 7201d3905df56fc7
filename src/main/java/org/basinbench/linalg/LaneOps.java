package org.basinbench.linalg;

/**
 * Element-wise passes over lanes, the vocabulary of the structure-of-arrays kernels
 * ({@code objective.LaneObjective}): each operation reads and writes entries {@code [from, to)} of
 * its arrays, one IEEE operation per lane in the order written (never a fused multiply-add, never
 * a reassociation), so a lane's result does not depend on the other lanes, on the range, or on
 * whether the pass ran in SIMD registers. A kernel written as a sequence of these passes gives,
 * lane for lane, the bits of the one-point loop it transcribes.
 *
 * <p>{@link #get()} is the Vector API implementation when {@link Simd#available()}, else this
 * class's scalar loops (which {@link #scalar()} always returns, the reference the SIMD passes are
 * tested against). Arrays may alias where an operation reads an entry before it writes it (every
 * pass does, entry by entry). Allocation-free.
 */
public class LaneOps {
  private static final LaneOps SCALAR = new LaneOps();
  private static final LaneOps PREFERRED = load();

  protected LaneOps() {}

  private static LaneOps load() {
    if (Simd.available()) {
      try {
        // Loaded by name: the class links against jdk.incubator.vector, absent without the module.
        return (LaneOps) Class.forName("org.basinbench.linalg.VectorLaneOps").getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException | LinkageError e) {
        // fall through to the scalar loops
      }
    }
    return SCALAR;
  }

  /** @return the SIMD passes where the JVM offers them, else the scalar loops (same bits) */
  public static LaneOps get() {
    return PREFERRED;
  }

  /** @return the scalar loops, whatever the JVM offers */
  public static LaneOps scalar() {
    return SCALAR;
  }

  /**
   * The lanes one pass handles at once (1 for the scalar loops): a kernel that runs its passes
   * over a range padded to a multiple of it (on lanes whose values it then ignores) never runs
   * the scalar tail.
   */
  public int width() {
    return 1;
  }

  /** {@code out = v}. */
  public void fill(double[] out, double v, int from, int to) {
    java.util.Arrays.fill(out, from, to, v);
  }

  /** {@code out = a + b}. */
  public void add(double[] out, double[] a, double[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      out[i] = a[i] + b[i];
    }
  }

  /** {@code out = a - b}. */
  public void sub(double[] out, double[] a, double[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      out[i] = a[i] - b[i];
    }
  }

  /** {@code out = a * c}. */
  public void mulScalar(double[] out, double[] a, double c, int from, int to) {
    for (int i = from; i < to; i++) {
      out[i] = a[i] * c;
    }
  }

  /** {@code out = a / c}. */
  public void divScalar(double[] out, double[] a, double c, int from, int to) {
    for (int i = from; i < to; i++) {
      out[i] = a[i] / c;
    }
  }

  /** {@code out = a + b * c}. */
  public void addMulScalar(double[] out, double[] a, double[] b, double c, int from, int to) {
    for (int i = from; i < to; i++) {
      out[i] = a[i] + b[i] * c;
    }
  }

  /** {@code out = a - b * c}. */
  public void subMulScalar(double[] out, double[] a, double[] b, double c, int from, int to) {
    for (int i = from; i < to; i++) {
      out[i] = a[i] - b[i] * c;
    }
  }

  /** {@code x = max(0, x - eta g)} ({@code Math.max}: NaN stays NaN, -0 becomes +0). */
  public void projectedStep(double[] x, double[] g, double eta, int from, int to) {
    for (int i = from; i < to; i++) {
      x[i] = Math.max(0.0, x[i] - g[i] * eta);
    }
  }

  /**
   * The smallest over the lanes of {@code min(lossLimit - loss, min(gn2 - flag, Double.MAX_VALUE - gn2))},
   * NaN when any is NaN, +infinity for an empty range: not positive when some lane's loss is not
   * finite or not below its limit, or its squared measure is not finite or at most its flag.
   */
  public double slack(double[] lossLimit, double[] loss, double[] gn2, double[] flag, int from, int to) {
    double s = Double.POSITIVE_INFINITY;
    for (int i = from; i < to; i++) {
      s = Math.min(s, Math.min(lossLimit[i] - loss[i], Math.min(gn2[i] - flag[i], Double.MAX_VALUE - gn2[i])));
    }
    return s;
  }

  /**
   * {@code out = sum_l a[a0 + l as] * b[b0 + l bs]} over {@code l < k}, summed from 0 in order
   * (the inner loop of {@code MatOps}' products; {@code a == b} with equal offsets gives a sum of
   * squares, as {@code MatOps.dot(v, v)}).
   */
  public void sumProducts(double[] out, double[][] a, int a0, int as, double[][] b, int b0, int bs, int k,
      int from, int to) {
    for (int i = from; i < to; i++) {
      double sum = 0.0;
      for (int l = 0; l < k; l++) {
        sum += a[a0 + l * as][i] * b[b0 + l * bs][i];
      }
      out[i] = sum;
    }
  }

  /** {@code out = (sum_l a[a0 + l as] * b[b0 + l bs]) - c}: {@link #sumProducts}, then the subtraction. */
  public void sumProductsMinus(double[] out, double[][] a, int a0, int as, double[][] b, int b0, int bs, int k,
      double c, int from, int to) {
    for (int i = from; i < to; i++) {
      double sum = 0.0;
      for (int l = 0; l < k; l++) {
        sum += a[a0 + l * as][i] * b[b0 + l * bs][i];
      }
      out[i] = sum - c;
    }
  }

  /**
   * {@code out = sum_l coef[c0 + l cs] * a[idx[l]]} over {@code l < idx.length}, summed from 0
   * in order (an operator's row against its input).
   */
  public void sumScaled(double[] out, double[][] a, int[] idx, double[] coef, int c0, int cs, int from, int to) {
    for (int i = from; i < to; i++) {
      double sum = 0.0;
      for (int l = 0; l < idx.length; l++) {
        sum += coef[c0 + l * cs] * a[idx[l]][i];
      }
      out[i] = sum;
    }
  }

  /** {@code out = (0 + a[idx[0]] + a[idx[1]] + ...) / c}. */
  public void sumDiv(double[] out, double[][] a, int[] idx, double c, int from, int to) {
    for (int i = from; i < to; i++) {
      double sum = 0.0;
      for (int l = 0; l < idx.length; l++) {
        sum += a[idx[l]][i];
      }
      out[i] = sum / c;
    }
  }

  /** {@code out = sum_c v_c * v_c} with {@code v_c = min(x[c], g[c])} over {@code c < k}, from 0 in order. */
  public void sumMinSquares(double[] out, double[][] x, double[][] g, int k, int from, int to) {
    for (int i = from; i < to; i++) {
      double sum = 0.0;
      for (int c = 0; c < k; c++) {
        double v = Math.min(x[c][i], g[c][i]);
        sum += v * v;
      }
      out[i] = sum;
    }
  }
}
