package org.basinbench.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LaneOps} in SIMD registers through the Vector API: the same lane-wise operations (no
 * fused multiply-add; {@code MAX} and {@code MIN} with {@code Math.max} and {@code Math.min}
 * semantics), so every lane gets the scalar loop's bits; the entries past the last full vector
 * run the scalar loop itself. Loaded by name only when {@code jdk.incubator.vector} is present.
 */
final class VectorLaneOps extends LaneOps {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  @Override
  public int width() {
    return L;
  }

  @Override
  public void add(double[] out, double[] a, double[] b, int from, int to) {
    int i = from;
    for (int bound = to - L; i <= bound; i += L) {
      DoubleVector.fromArray(S, a, i).add(DoubleVector.fromArray(S, b, i)).intoArray(out, i);
    }
    super.add(out, a, b, i, to);
  }

  @Override
  public void sub(double[] out, double[] a, double[] b, int from, int to) {
    int i = from;
    for (int bound = to - L; i <= bound; i += L) {
      DoubleVector.fromArray(S, a, i).sub(DoubleVector.fromArray(S, b, i)).intoArray(out, i);
    }
    super.sub(out, a, b, i, to);
  }

  @Override
  public void mulScalar(double[] out, double[] a, double c, int from, int to) {
    int i = from;
    for (int bound = to - L; i <= bound; i += L) {
      DoubleVector.fromArray(S, a, i).mul(c).intoArray(out, i);
    }
    super.mulScalar(out, a, c, i, to);
  }

  @Override
  public void divScalar(double[] out, double[] a, double c, int from, int to) {
    int i = from;
    for (int bound = to - L; i <= bound; i += L) {
      DoubleVector.fromArray(S, a, i).div(c).intoArray(out, i);
    }
    super.divScalar(out, a, c, i, to);
  }

  @Override
  public void addMulScalar(double[] out, double[] a, double[] b, double c, int from, int to) {
    int i = from;
    for (int bound = to - L; i <= bound; i += L) {
      DoubleVector.fromArray(S, a, i).add(DoubleVector.fromArray(S, b, i).mul(c)).intoArray(out, i);
    }
    super.addMulScalar(out, a, b, c, i, to);
  }

  @Override
  public void subMulScalar(double[] out, double[] a, double[] b, double c, int from, int to) {
    int i = from;
    for (int bound = to - L; i <= bound; i += L) {
      DoubleVector.fromArray(S, a, i).sub(DoubleVector.fromArray(S, b, i).mul(c)).intoArray(out, i);
    }
    super.subMulScalar(out, a, b, c, i, to);
  }

  @Override
  public void projectedStep(double[] x, double[] g, double eta, int from, int to) {
    int i = from;
    for (int bound = to - L; i <= bound; i += L) {
      DoubleVector.fromArray(S, x, i).sub(DoubleVector.fromArray(S, g, i).mul(eta))
          .lanewise(VectorOperators.MAX, 0.0).intoArray(x, i);
    }
    super.projectedStep(x, g, eta, i, to);
  }

  @Override
  public double slack(double[] lossLimit, double[] loss, double[] gn2, double[] flag, int from, int to) {
    DoubleVector s = DoubleVector.broadcast(S, Double.POSITIVE_INFINITY);
    int i = from;
    for (int bound = to - L; i <= bound; i += L) {
      DoubleVector n2 = DoubleVector.fromArray(S, gn2, i);
      s = s.min(DoubleVector.fromArray(S, lossLimit, i).sub(DoubleVector.fromArray(S, loss, i))
          .min(n2.sub(DoubleVector.fromArray(S, flag, i)).min(n2.neg().add(Double.MAX_VALUE))));
    }
    return Math.min(s.reduceLanes(VectorOperators.MIN), super.slack(lossLimit, loss, gn2, flag, i, to));
  }

  @Override
  public void sumProducts(double[] out, double[][] a, int a0, int as, double[][] b, int b0, int bs, int k,
      int from, int to) {
    if (k <= 4) {
      // The common short sums with their arrays in registers: 0 + p0 + p1 + ..., in order.
      sumProducts4(out, a, a0, as, b, b0, bs, k, false, 0.0, from, to);
      return;
    }
    int i = from;
    for (int bound = to - L; i <= bound; i += L) {
      DoubleVector sum = DoubleVector.zero(S);
      for (int l = 0; l < k; l++) {
        sum = sum.add(DoubleVector.fromArray(S, a[a0 + l * as], i).mul(DoubleVector.fromArray(S, b[b0 + l * bs], i)));
      }
      sum.intoArray(out, i);
    }
    super.sumProducts(out, a, a0, as, b, b0, bs, k, i, to);
  }

  @Override
  public void sumProductsMinus(double[] out, double[][] a, int a0, int as, double[][] b, int b0, int bs, int k,
      double c, int from, int to) {
    if (k <= 4) {
      sumProducts4(out, a, a0, as, b, b0, bs, k, true, c, from, to);
      return;
    }
    int i = from;
    for (int bound = to - L; i <= bound; i += L) {
      DoubleVector sum = DoubleVector.zero(S);
      for (int l = 0; l < k; l++) {
        sum = sum.add(DoubleVector.fromArray(S, a[a0 + l * as], i).mul(DoubleVector.fromArray(S, b[b0 + l * bs], i)));
      }
      sum.sub(c).intoArray(out, i);
    }
    super.sumProductsMinus(out, a, a0, as, b, b0, bs, k, c, i, to);
  }

  @Override
  public void sumScaled(double[] out, double[][] a, int[] idx, double[] coef, int c0, int cs, int from, int to) {
    int i = from;
    for (int bound = to - L; i <= bound; i += L) {
      DoubleVector sum = DoubleVector.zero(S);
      for (int l = 0; l < idx.length; l++) {
        sum = sum.add(DoubleVector.fromArray(S, a[idx[l]], i).mul(coef[c0 + l * cs]));
      }
      sum.intoArray(out, i);
    }
    super.sumScaled(out, a, idx, coef, c0, cs, i, to);
  }

  @Override
  public void sumDiv(double[] out, double[][] a, int[] idx, double c, int from, int to) {
    int i = from;
    for (int bound = to - L; i <= bound; i += L) {
      DoubleVector sum = DoubleVector.zero(S);
      for (int l = 0; l < idx.length; l++) {
        sum = sum.add(DoubleVector.fromArray(S, a[idx[l]], i));
      }
      sum.div(c).intoArray(out, i);
    }
    super.sumDiv(out, a, idx, c, i, to);
  }

  @Override
  public void sumMinSquares(double[] out, double[][] x, double[][] g, int k, int from, int to) {
    int i = from;
    for (int bound = to - L; i <= bound; i += L) {
      DoubleVector sum = DoubleVector.zero(S);
      for (int c = 0; c < k; c++) {
        DoubleVector v = DoubleVector.fromArray(S, x[c], i).min(DoubleVector.fromArray(S, g[c], i));
        sum = sum.add(v.mul(v));
      }
      sum.intoArray(out, i);
    }
    super.sumMinSquares(out, x, g, k, i, to);
  }

  /** {@link #sumProducts} (or, with {@code minus}, {@link #sumProductsMinus}) for k <= 4. */
  private void sumProducts4(double[] out, double[][] a, int a0, int as, double[][] b, int b0, int bs, int k,
      boolean minus, double c, int from, int to) {
    double[] x0 = a[a0];
    double[] y0 = b[b0];
    double[] x1 = k > 1 ? a[a0 + as] : x0;
    double[] y1 = k > 1 ? b[b0 + bs] : y0;
    double[] x2 = k > 2 ? a[a0 + 2 * as] : x0;
    double[] y2 = k > 2 ? b[b0 + 2 * bs] : y0;
    double[] x3 = k > 3 ? a[a0 + 3 * as] : x0;
    double[] y3 = k > 3 ? b[b0 + 3 * bs] : y0;
    int i = from;
    for (int bound = to - L; i <= bound; i += L) {
      DoubleVector sum = DoubleVector.zero(S).add(DoubleVector.fromArray(S, x0, i).mul(DoubleVector.fromArray(S, y0, i)));
      if (k > 1) {
        sum = sum.add(DoubleVector.fromArray(S, x1, i).mul(DoubleVector.fromArray(S, y1, i)));
      }
      if (k > 2) {
        sum = sum.add(DoubleVector.fromArray(S, x2, i).mul(DoubleVector.fromArray(S, y2, i)));
      }
      if (k > 3) {
        sum = sum.add(DoubleVector.fromArray(S, x3, i).mul(DoubleVector.fromArray(S, y3, i)));
      }
      (minus ? sum.sub(c) : sum).intoArray(out, i);
    }
    if (minus) {
      super.sumProductsMinus(out, a, a0, as, b, b0, bs, k, c, i, to);
    } else {
      super.sumProducts(out, a, a0, as, b, b0, bs, k, i, to);
    }
  }
}
