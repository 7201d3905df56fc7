package org.basinbench.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.basinbench.instance.NonnegCounterexample;
import org.basinbench.linalg.MatOps;
import org.basinbench.rng.SplitMix64;
import org.junit.jupiter.api.Test;

class SymmetricSensingLossTest {

  /** Central-difference step for the gradient check (points and directions are O(1)). */
  private static final double H_GRAD = 1e-5;

  /**
   * Central difference of a quartic has truncation error h^2/6 |p'''| ~ 1e-10 * O(10) and
   * rounding ~ 1e-16 |f| / h ~ 1e-10 * O(10); 1e-7 relative to max(1, ||grad||_inf) is well
   * above both and far below the O(1) errors of a wrong gradient (missing S^T, factor 2).
   */
  private static final double GRAD_FD_REL_TOL = 1e-7;

  /** Second-difference step, Richardson-extrapolated (exact for quartics up to rounding). */
  private static final double H_HESS = 1e-3;

  /** Rounding of the extrapolated second difference ~ 1e-16 |f| / h^2 ~ 1e-9 * O(10). */
  private static final double HESS_FD_REL_TOL = 1e-6;

  /** Direct O(1)-sized evaluations compared with a dense reference: a few ulps. */
  private static final double EXACT_REL_TOL = 1e-13;

  /** (n, r, m) for the dense Gaussian operator; includes r = 1, r = n and m < n^2. */
  private static final int[][] DENSE_SHAPES = {{2, 1, 3}, {3, 2, 7}, {4, 3, 20}, {5, 2, 12}, {3, 3, 9}};

  private static double[] gaussian(SplitMix64 rng, int len) {
    final double[] x = new double[len];
    for (int i = 0; i < len; i++) {
      x[i] = rng.nextGaussian();
    }
    return x;
  }

  private static double[] randomTarget(SplitMix64 rng, int n, int rank) {
    final double[] v = new double[n * rank];
    for (int i = 0; i < v.length; i++) {
      v[i] = rng.nextHalfNormal();
    }
    final double[] m = new double[n * n];
    MatOps.multABt(v, v, n, n, rank, m);
    return m;
  }

  private static void checkGradientByFiniteDifferences(SymmetricSensingLoss f, double[] u,
                                                         String tag) {
    final double[] grad = new double[u.length];
    f.valueAndGradient(u, grad);
    double gInf = 0.0;
    for (double g : grad) {
      gInf = Math.max(gInf, Math.abs(g));
    }
    final double[] x = u.clone();
    for (int i = 0; i < u.length; i++) {
      x[i] = u[i] + H_GRAD;
      final double fPlus = f.value(x);
      x[i] = u[i] - H_GRAD;
      final double fMinus = f.value(x);
      x[i] = u[i];
      final double fd = (fPlus - fMinus) / (2 * H_GRAD);
      assertEquals(fd, grad[i], GRAD_FD_REL_TOL * Math.max(1.0, gInf), tag + " coord " + i);
    }
  }

  @Test
  void gradientMatchesFiniteDifferencesForDenseOperators() {
    final SplitMix64 rng = new SplitMix64(601);
    for (int[] s : DENSE_SHAPES) {
      final int n = s[0];
      final int r = s[1];
      final DenseTestOperator a = new DenseTestOperator(n, s[2], 1000 + n * 31L + r);
      // A non-symmetric target too: the formula (S + S^T) U does not need symmetry.
      final double[] mStar = gaussian(rng, n * n);
      final SymmetricSensingLoss f = new SymmetricSensingLoss(a, mStar, r);
      for (int t = 0; t < 3; t++) {
        checkGradientByFiniteDifferences(f, gaussian(rng, n * r), Arrays.toString(s));
      }
      final SymmetricSensingLoss fSym = new SymmetricSensingLoss(a, randomTarget(rng, n, 1), r);
      checkGradientByFiniteDifferences(fSym, gaussian(rng, n * r), Arrays.toString(s));
    }
  }

  @Test
  void gradientMatchesFiniteDifferencesForTheorem2Operators() {
    final SplitMix64 rng = new SplitMix64(602);
    final NonnegCounterexample[] instances = {
      new NonnegCounterexample(2, 1, 1, 0.5, 0.5),
      new NonnegCounterexample(4, 1, 2, 0.6, 0.3),
      new NonnegCounterexample(5, 2, 3, 0.4, 0.7),
      new NonnegCounterexample(6, 1, 4, 0.3, 1.0),
    };
    for (NonnegCounterexample inst : instances) {
      final SymmetricSensingLoss f = inst.loss();
      for (int t = 0; t < 3; t++) {
        final double[] u = new double[f.dim()];
        for (int i = 0; i < u.length; i++) {
          u[i] = rng.nextHalfNormal();
        }
        checkGradientByFiniteDifferences(f, u, inst.toString());
      }
    }
  }

  @Test
  void valueMatchesDenseReferenceAndValueAndGradient() {
    final SplitMix64 rng = new SplitMix64(603);
    for (int[] s : DENSE_SHAPES) {
      final int n = s[0];
      final int r = s[1];
      final int m = s[2];
      final DenseTestOperator a = new DenseTestOperator(n, m, 77 + n);
      final double[] mStar = randomTarget(rng, n, 2);
      final SymmetricSensingLoss f = new SymmetricSensingLoss(a, mStar, r);
      final double[] u = gaussian(rng, n * r);
      // Reference: 1/2 sum_i (sum_j A_ij (U U^T - M*)_j)^2 with naive loops.
      double ref = 0.0;
      for (int i = 0; i < m; i++) {
        double ai = 0.0;
        for (int p = 0; p < n; p++) {
          for (int q = 0; q < n; q++) {
            double uut = 0.0;
            for (int l = 0; l < r; l++) {
              uut += u[p * r + l] * u[q * r + l];
            }
            ai += a.matrix[i * n * n + p * n + q] * (uut - mStar[p * n + q]);
          }
        }
        ref += 0.5 * ai * ai;
      }
      final double[] grad = new double[n * r];
      assertEquals(ref, f.value(u), EXACT_REL_TOL * Math.max(1.0, ref));
      assertEquals(f.value(u), f.valueAndGradient(u, grad), 0.0);
    }
  }

  @Test
  void hessianQuadraticFormMatchesSecondDifference() {
    final SplitMix64 rng = new SplitMix64(604);
    for (int[] s : DENSE_SHAPES) {
      final int n = s[0];
      final int r = s[1];
      final DenseTestOperator a = new DenseTestOperator(n, s[2], 5000 + n);
      final SymmetricSensingLoss f = new SymmetricSensingLoss(a, gaussian(rng, n * n), r);
      for (int t = 0; t < 3; t++) {
        final double[] u = gaussian(rng, n * r);
        final double[] du = gaussian(rng, n * r);
        final double q = f.hessianQuadraticForm(u, du);
        final double fd = richardsonSecondDifference(f, u, du, H_HESS);
        assertEquals(fd, q, HESS_FD_REL_TOL * Math.max(1.0, Math.abs(q)),
            Arrays.toString(s));
      }
    }
  }

  /**
   * p(t) = f(U + t dU) is a quartic, so D(h) = (p(h) - 2p(0) + p(-h)) / h^2 = p''(0) + 2 c4 h^2
   * exactly and (4 D(h) - D(2h)) / 3 = p''(0) = the Hessian quadratic form.
   */
  private static double richardsonSecondDifference(SymmetricSensingLoss f, double[] u,
                                                     double[] du, double h) {
    final double p0 = f.value(u);
    final double dh = (along(f, u, du, h) - 2 * p0 + along(f, u, du, -h)) / (h * h);
    final double d2h = (along(f, u, du, 2 * h) - 2 * p0 + along(f, u, du, -2 * h)) / (4 * h * h);
    return (4 * dh - d2h) / 3;
  }

  private static double along(SymmetricSensingLoss f, double[] u, double[] du, double t) {
    final double[] x = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      x[i] = u[i] + t * du[i];
    }
    return f.value(x);
  }

  @Test
  void scratchReuseDoesNotLeakBetweenCalls() {
    final SplitMix64 rng = new SplitMix64(605);
    final DenseTestOperator a = new DenseTestOperator(4, 10, 9);
    final SymmetricSensingLoss f = new SymmetricSensingLoss(a, gaussian(rng, 16), 2);
    final double[] u1 = gaussian(rng, 8);
    final double[] u2 = gaussian(rng, 8);
    final double[] g1 = new double[8];
    final double[] g2 = new double[8];
    final double[] g1Again = new double[8];
    final double l1 = f.valueAndGradient(u1, g1);
    f.valueAndGradient(u2, g2);
    f.value(u2);
    final double[] s = new double[16];
    f.sMatrix(u2, s);
    f.hessianQuadraticForm(u2, u1);
    final double l1Again = f.valueAndGradient(u1, g1Again);
    assertEquals(l1, l1Again, 0.0);
    assertArrayEquals(g1, g1Again, 0.0);
  }

  @Test
  void inputsAreNotModifiedAndTargetIsCopied() {
    final SplitMix64 rng = new SplitMix64(606);
    final double[] mStar = gaussian(rng, 9);
    final SymmetricSensingLoss f = new SymmetricSensingLoss(new DenseTestOperator(3, 5, 1), mStar, 2);
    final double[] u = gaussian(rng, 6);
    final double[] uCopy = u.clone();
    final double before = f.value(u);
    mStar[0] += 100; // must not affect f
    f.valueAndGradient(u, new double[6]);
    f.hessianQuadraticForm(u, uCopy.clone());
    assertArrayEquals(uCopy, u, 0.0);
    assertEquals(before, f.value(u), 0.0);
  }

  @Test
  void shapesAreValidated() {
    final DenseTestOperator a = new DenseTestOperator(3, 5, 1);
    assertThrows(IllegalArgumentException.class, () -> new SymmetricSensingLoss(a, new double[8], 1));
    assertThrows(IllegalArgumentException.class, () -> new SymmetricSensingLoss(a, new double[9], 0));
    final SymmetricSensingLoss f = new SymmetricSensingLoss(a, new double[9], 2);
    assertEquals(6, f.dim());
    assertThrows(IllegalArgumentException.class, () -> f.value(new double[5]));
    assertThrows(IllegalArgumentException.class,
        () -> f.valueAndGradient(new double[6], new double[5]));
  }
}
