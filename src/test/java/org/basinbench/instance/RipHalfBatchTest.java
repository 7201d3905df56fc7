package org.basinbench.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.basinbench.linalg.MatOps;
import org.basinbench.linalg.Simd;
import org.basinbench.objective.BatchObjective;
import org.basinbench.objective.Objective;
import org.basinbench.rng.SplitMix64;
import org.junit.jupiter.api.Test;

/** The closed-form batch kernels of rip-half against the operator path, finite differences and each other. */
class RipHalfBatchTest {
  static final Objective F = RipHalf.problem().objective();

  @Test
  void batchEqualsTheOperatorPathUpToRounding() {
    SplitMix64 rng = new SplitMix64(8);
    int lanes = 101;
    double[][] x = new double[2][lanes];
    for (int i = 0; i < lanes; i++) {
      x[0][i] = 2 * rng.nextGaussian();
      x[1][i] = 2 * rng.nextGaussian();
    }
    double[] loss = new double[lanes];
    double[][] g = new double[2][lanes];
    double[] gn2 = new double[lanes];
    RipHalf.scalarBatchObjective().evaluate(x, lanes, loss, g, gn2);
    double[] grad = new double[2];
    for (int i = 0; i < lanes; i++) {
      double want = F.valueAndGradient(new double[] {x[0][i], x[1][i]}, grad);
      double scale = Math.max(1, Math.abs(want));
      assertEquals(want, loss[i], 1e-13 * scale, "loss, lane " + i);
      double gscale = Math.max(1, MatOps.normF(grad));
      assertEquals(grad[0], g[0][i], 1e-13 * gscale, "df/dx1, lane " + i);
      assertEquals(grad[1], g[1][i], 1e-13 * gscale, "df/dx2, lane " + i);
      assertEquals(g[0][i] * g[0][i] + g[1][i] * g[1][i], gn2[i], 0.0);
    }
  }

  @Test
  void gradientMatchesCentralDifferences() {
    SplitMix64 rng = new SplitMix64(9);
    double[][] x = new double[2][1];
    double[] loss = new double[1];
    double[][] g = new double[2][1];
    double[] gn2 = new double[1];
    BatchObjective f = RipHalf.scalarBatchObjective();
    for (int k = 0; k < 30; k++) {
      double a = rng.nextGaussian();
      double b = rng.nextGaussian();
      x[0][0] = a;
      x[1][0] = b;
      f.evaluate(x, 1, loss, g, gn2);
      double h = 1e-6;
      // Central differences have O(h^2) truncation error; 1e-6 relative is well above it for |x| ~ 1.
      double d1 = (RipHalfTest.closedForm(a + h, b) - RipHalfTest.closedForm(a - h, b)) / (2 * h);
      double d2 = (RipHalfTest.closedForm(a, b + h) - RipHalfTest.closedForm(a, b - h)) / (2 * h);
      assertEquals(d1, g[0][0], 1e-6 * Math.max(1, Math.abs(d1)));
      assertEquals(d2, g[1][0], 1e-6 * Math.max(1, Math.abs(d2)));
    }
  }

  @Test
  void truthIsExactAndTheBadPointStationary() {
    double[][] x = {{1.0, RipHalf.bad()[0]}, {0.0, RipHalf.bad()[1]}};
    double[] loss = new double[2];
    double[][] g = new double[2][2];
    double[] gn2 = new double[2];
    RipHalf.scalarBatchObjective().evaluate(x, 2, loss, g, gn2);
    assertEquals(0.0, loss[0], 0.0, "f(z) = 0 exactly");
    assertEquals(0.0, gn2[0], 0.0, "grad f(z) = 0 exactly");
    assertEquals(1.5, loss[1], 1e-15, "f(x_bad) = 3/2");
    assertEquals(0.0, Math.sqrt(gn2[1]), 1e-14, "x_bad is a critical point");
  }

  /**
   * The SIMD kernel must give the scalar loop's bits on every lane, including the tail past the
   * last full vector and values that overflow, underflow into subnormals or are not numbers: a
   * run's numbers must not depend on whether the JVM had the Vector API. Many steps, so that the
   * JIT compiles the vector code (its intrinsics act only in compiled code), over lane counts
   * around multiples of the vector length; one block with specials (NaN slack), one without.
   */
  @Test
  void simdKernelGivesTheScalarBits() {
    assertTrue(Simd.available(), "conf/jvm.args adds jdk.incubator.vector to the test JVM");
    BatchObjective simd = RipHalf.batchObjective();
    assertEquals("RipHalfVector", simd.getClass().getSimpleName());
    BatchObjective scalar = RipHalf.scalarBatchObjective();
    double[] specials = {0.0, -0.0, 1.0, 1e-160, -3e-155, 1e100, 1e200, Double.NaN, Double.POSITIVE_INFINITY,
        Double.MIN_VALUE};
    for (int lanes : new int[] {1, 3, 4, 5, 8, 9, 39, 64}) {
      for (boolean withSpecials : new boolean[] {false, true}) {
        compare(simd, scalar, lanes, withSpecials ? specials : new double[0], 20_000 / lanes + 200);
      }
    }
  }

  private static void compare(BatchObjective simd, BatchObjective scalar, int lanes, double[] specials, int steps) {
    SplitMix64 rng = new SplitMix64(10 + lanes);
    double[][] x = new double[2][lanes];
    double[][] g = new double[2][lanes];
    double[] limit = new double[lanes];
    double[] flag = new double[lanes];
    for (int i = 0; i < lanes; i++) {
      x[0][i] = i < specials.length ? specials[i] : rng.nextGaussian();
      x[1][i] = i < specials.length ? specials[specials.length - 1 - i] : 3 * rng.nextGaussian();
      g[0][i] = rng.nextGaussian();
      g[1][i] = rng.nextGaussian();
      limit[i] = 1e12;
      flag[i] = 1e-16;
    }
    double[][] xs = {x[0].clone(), x[1].clone()};
    double[][] gs = {g[0].clone(), g[1].clone()};
    double[] loss = new double[lanes];
    double[] losss = new double[lanes];
    double[] gn2 = new double[lanes];
    double[] gn2s = new double[lanes];
    boolean finiteSlack = false;
    for (int step = 0; step < steps; step++) {
      double a = simd.descend(0.01, x, lanes, loss, g, gn2, limit, flag);
      double b = scalar.descend(0.01, xs, lanes, losss, gs, gn2s, limit, flag);
      finiteSlack |= Double.isFinite(a);
      String at = lanes + " lanes, step " + step;
      assertEquals(Double.doubleToLongBits(b), Double.doubleToLongBits(a), "slack, " + at);
      for (int i = 0; i < lanes; i++) {
        assertEquals(Double.doubleToLongBits(xs[0][i]), Double.doubleToLongBits(x[0][i]), "x1, lane " + i + ", " + at);
        assertEquals(Double.doubleToLongBits(xs[1][i]), Double.doubleToLongBits(x[1][i]), "x2, lane " + i + ", " + at);
        assertEquals(Double.doubleToLongBits(gs[0][i]), Double.doubleToLongBits(g[0][i]), "g1, lane " + i + ", " + at);
        assertEquals(Double.doubleToLongBits(gs[1][i]), Double.doubleToLongBits(g[1][i]), "g2, lane " + i + ", " + at);
        assertEquals(Double.doubleToLongBits(losss[i]), Double.doubleToLongBits(loss[i]), "loss, lane " + i + ", " + at);
        assertEquals(Double.doubleToLongBits(gn2s[i]), Double.doubleToLongBits(gn2[i]), "gn2, lane " + i + ", " + at);
      }
    }
    // Without specials, the slacks compared above include finite minima (not only NaN).
    assertTrue(specials.length > 0 || finiteSlack, lanes + " lanes: a finite slack was compared");
  }
}
