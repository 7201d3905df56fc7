package org.basinbench.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.basinbench.linalg.MatOps;
import org.basinbench.objective.LinearOperator;
import org.basinbench.rng.SplitMix64;
import org.junit.jupiter.api.Test;

/** Lemmas 3 and 5 of Zhang 2025 on the Theorem 2 operator. */
class Theorem2OperatorTest {

  /**
   * Eigenvalues of the (n^2 x n^2, n <= 6) matrix A^T A, whose norm is <= 2: the symmetric
   * QR solver is backward stable, error about n^2 * 1e-16 * ||A^T A|| < 1e-14, so 1e-12
   * is safe while any wrong coefficient in A (an O(alpha^2 eps) change) is far larger.
   */
  private static final double EIG_TOL = 1e-12;

  /**
   * Identities between sums of O(n^2) products of O(1) numbers (adjoint, Assumption 1,
   * dense vs matrix-free): rounding is about n^2 * 1e-16 relative to the scale.
   */
  private static final double IDENTITY_REL_TOL = 1e-13;

  /** (n, rStar, r, alpha, eps), including a tiny-delta case for the stable -1 + sqrt(1-d^2). */
  static final Object[][] CASES = {
    {2, 1, 1, 0.5, 0.5},
    {4, 1, 2, 0.6, 0.3},
    {5, 2, 3, 0.4, 0.7},
    {6, 1, 4, 0.3, 1.0},
    {6, 2, 2, 0.5, 0.2},
    {3, 1, 1, 1e-3, 0.5},
  };

  static NonnegCounterexample instance(Object[] c) {
    return new NonnegCounterexample((Integer) c[0], (Integer) c[1], (Integer) c[2],
        (Double) c[3], (Double) c[4]);
  }

  private static double[] gaussian(SplitMix64 rng, int len) {
    final double[] x = new double[len];
    for (int i = 0; i < len; i++) {
      x[i] = rng.nextGaussian();
    }
    return x;
  }

  private static double[] dense(NonnegCounterexample inst) {
    return assertInstanceOf(Theorem2Operator.class, inst.operator()).denseMatrix();
  }

  @Test
  void lemma3SpectrumOfAtAIsOneMinusDeltaOnePlusDeltaAndOnes() {
    for (Object[] c : CASES) {
      final NonnegCounterexample inst = instance(c);
      final int nn = inst.n() * inst.n();
      final double[] d = dense(inst);
      // A^T A = D^T D (exactly symmetric: same products in the same order).
      final double[][] ata = new double[nn][nn];
      for (int i = 0; i < nn; i++) {
        for (int j = 0; j < nn; j++) {
          double sum = 0.0;
          for (int l = 0; l < nn; l++) {
            sum += d[l * nn + i] * d[l * nn + j];
          }
          ata[i][j] = sum;
        }
      }
      final RealMatrix m = new Array2DRowRealMatrix(ata, false);
      final double[] eig = new EigenDecomposition(m).getRealEigenvalues();
      Arrays.sort(eig);
      final double delta = inst.delta();
      double maxDev = 0.0;
      for (double e : eig) {
        maxDev = Math.max(maxDev, Math.abs(e - 1.0));
      }
      final String tag = Arrays.toString(c);
      assertEquals(delta, maxDev, EIG_TOL, "max |eig - 1| vs delta for " + tag);
      // b^T c = 0 (Lemma 3): the rank-2 perturbation is exactly +-||b|| ||c||.
      assertEquals(1.0 - delta, eig[0], EIG_TOL, "smallest eigenvalue for " + tag);
      assertEquals(1.0 + delta, eig[nn - 1], EIG_TOL, "largest eigenvalue for " + tag);
      for (int i = 1; i < nn - 1; i++) {
        assertEquals(1.0, eig[i], EIG_TOL, "eigenvalue " + i + " for " + tag);
      }
    }
  }

  /** B and C of Assumption 1, as (k x k) arrays with k = r* + r. */
  private static double[][] assumption1BandC(NonnegCounterexample inst) {
    final int rs = inst.rStar();
    final int k = rs + inst.r();
    final double eps = inst.epsilon();
    final double a2 = inst.alpha() * inst.alpha();
    final double[] b = new double[k * k];
    final double[] cm = new double[k * k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        final boolean iQ1 = i < rs;
        final boolean jQ1 = j < rs;
        if (iQ1 != jQ1) {
          b[i * k + j] = -eps;
        } else if (!iQ1 && i == j) {
          b[i * k + j] = 1.0;
        }
        if (iQ1 && i == j) {
          cm[i * k + j] = a2 / rs;
        }
      }
    }
    return new double[][] {b, cm};
  }

  @Test
  void lemma3DeltaIsNormBTimesNormC() {
    for (Object[] c : CASES) {
      final NonnegCounterexample inst = instance(c);
      final double[][] bc = assumption1BandC(inst);
      assertEquals(MatOps.normF(bc[0]) * MatOps.normF(bc[1]), inst.delta(),
          IDENTITY_REL_TOL * inst.delta(), Arrays.toString(c));
    }
  }

  @Test
  void lemma5OperatorSatisfiesAssumption1() {
    // ||A(X)||^2 = ||X||^2 + 2 <B, Q^T X Q> <C, Q^T X Q> for random X.
    final SplitMix64 rng = new SplitMix64(501);
    for (Object[] c : CASES) {
      final NonnegCounterexample inst = instance(c);
      final int n = inst.n();
      final int k = inst.rStar() + inst.r();
      final double[][] bc = assumption1BandC(inst);
      final LinearOperator op = inst.operator();
      final double[] ax = new double[n * n];
      for (int trial = 0; trial < 5; trial++) {
        final double[] x = gaussian(rng, n * n);
        op.apply(x, ax);
        double innerB = 0.0;
        double innerC = 0.0;
        for (int i = 0; i < k; i++) {
          for (int j = 0; j < k; j++) {
            // Q^T X Q is the top-left k x k block of X.
            innerB += bc[0][i * k + j] * x[i * n + j];
            innerC += bc[1][i * k + j] * x[i * n + j];
          }
        }
        final double lhs = MatOps.dot(ax, ax);
        final double rhs = MatOps.dot(x, x) + 2.0 * innerB * innerC;
        assertEquals(rhs, lhs, IDENTITY_REL_TOL * MatOps.dot(x, x), Arrays.toString(c));
      }
    }
  }

  @Test
  void adjointIdentityHolds() {
    final SplitMix64 rng = new SplitMix64(502);
    for (Object[] c : CASES) {
      final NonnegCounterexample inst = instance(c);
      final int nn = inst.n() * inst.n();
      final LinearOperator op = inst.operator();
      assertEquals(nn, op.measurements());
      final double[] ax = new double[nn];
      final double[] aty = new double[nn];
      for (int trial = 0; trial < 5; trial++) {
        final double[] x = gaussian(rng, nn);
        final double[] y = gaussian(rng, nn);
        op.apply(x, ax);
        op.adjoint(y, aty);
        final double scale = MatOps.normF(x) * MatOps.normF(y);
        assertEquals(MatOps.dot(ax, y), MatOps.dot(x, aty), IDENTITY_REL_TOL * scale,
            Arrays.toString(c));
      }
    }
  }

  @Test
  void applyAndAdjointMatchDenseMatrix() {
    final SplitMix64 rng = new SplitMix64(503);
    for (Object[] c : CASES) {
      final NonnegCounterexample inst = instance(c);
      final int nn = inst.n() * inst.n();
      final double[] d = dense(inst);
      final LinearOperator op = inst.operator();
      final double[] x = gaussian(rng, nn);
      final double[] out = new double[nn];
      Arrays.fill(out, Double.NaN); // must be fully overwritten
      op.apply(x, out);
      final double[] outT = new double[nn];
      Arrays.fill(outT, Double.NaN);
      op.adjoint(x, outT);
      final double scale = MatOps.normF(x);
      for (int i = 0; i < nn; i++) {
        double dx = 0.0;
        double dtx = 0.0;
        for (int j = 0; j < nn; j++) {
          dx += d[i * nn + j] * x[j];
          dtx += d[j * nn + i] * x[j];
        }
        assertEquals(dx, out[i], IDENTITY_REL_TOL * scale, "apply " + Arrays.toString(c));
        assertEquals(dtx, outT[i], IDENTITY_REL_TOL * scale,
            "adjoint " + Arrays.toString(c));
      }
    }
  }

  @Test
  void theorem2FormulaOnAUnitMatrix() {
    // A(E_00) = E_00 + (1/r*) P for (n, r*, r) = (2, 1, 1): P = M itself.
    final NonnegCounterexample inst = new NonnegCounterexample(2, 1, 1, 0.5, 0.5);
    final double delta = inst.delta();
    final double[] out = new double[4];
    inst.operator().apply(new double[] {1, 0, 0, 0}, out);
    final double a2 = 0.25;
    final double[] expected = {
      1 + (-1 + Math.sqrt(1 - delta * delta)), -0.5 * a2,
      -0.5 * a2, a2,
    };
    for (int i = 0; i < 4; i++) {
      assertEquals(expected[i], out[i], IDENTITY_REL_TOL, "entry " + i);
    }
  }
}
