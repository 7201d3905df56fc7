package org.basinbench.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.basinbench.rng.SplitMix64;
import org.junit.jupiter.api.Test;

class MaskedFactorLossTest {
  /** Central differences, h = 1e-6, on a quartic with order-one entries (see the asymmetric test). */
  static final double FD_TOL = 1e-6;

  @Test
  void gradientMatchesCentralDifferencesWithAndWithoutMask() {
    SplitMix64 rng = new SplitMix64(33);
    int n = 5;
    int m = 4;
    int r = 2;
    double[] x = new double[n * m];
    double[] mask = new double[n * m];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextGaussian();
      mask[i] = rng.nextDouble() < 0.6 ? 1 : 0;
    }
    for (double[] w : new double[][] {null, mask}) {
      MaskedFactorLoss f = new MaskedFactorLoss(n, m, r, x, w);
      double[] v = AsymmetricSensingLossTest.gaussian(rng, f.dim());
      double[] grad = new double[f.dim()];
      f.valueAndGradient(v, grad);
      double h = 1e-6;
      for (int i = 0; i < v.length; i++) {
        double keep = v[i];
        v[i] = keep + h;
        double up = f.value(v);
        v[i] = keep - h;
        double down = f.value(v);
        v[i] = keep;
        double fd = (up - down) / (2 * h);
        assertEquals(fd, grad[i], FD_TOL * Math.max(1, Math.abs(fd)), "mask=" + (w != null) + " i=" + i);
      }
    }
  }

  /**
   * A bit-level fingerprint of everything the loss computes on a seeded masked instance: value,
   * gradient, a minibatch gradient and the segment residuals, each double's IEEE bits mixed in
   * order.
   */
  static long fingerprint(MaskedFactorLoss f, SplitMix64 rng) {
    double[] x = AsymmetricSensingLossTest.gaussian(rng, f.dim());
    double[] y = AsymmetricSensingLossTest.gaussian(rng, f.dim());
    double[] grad = new double[f.dim()];
    long h = 17;
    h = h * 31 + Double.doubleToLongBits(f.value(x));
    h = h * 31 + Double.doubleToLongBits(f.valueAndGradient(x, grad));
    for (double g : grad) {
      h = h * 31 + Double.doubleToLongBits(g);
    }
    int[] batch = new int[f.terms()];
    for (int i = 0; i < batch.length; i++) {
      batch[i] = (i * 7) % batch.length;
    }
    f.batchGradient(x, batch, Math.max(1, batch.length / 3), grad);
    for (double g : grad) {
      h = h * 31 + Double.doubleToLongBits(g);
    }
    int len = f.residualLength();
    double[] r0 = new double[len];
    double[] r1 = new double[len];
    double[] r2 = new double[len];
    f.segmentResiduals(x, y, r0, r1, r2);
    for (double[] rk : new double[][] {r0, r1, r2}) {
      for (double v : rk) {
        h = h * 31 + Double.doubleToLongBits(v);
      }
    }
    return h;
  }

  static MaskedFactorLoss seededInstance(SplitMix64 rng, boolean masked) {
    int n = 6;
    int m = 5;
    double[] x = new double[n * m];
    double[] mask = new double[n * m];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextHalfNormal();
      mask[i] = rng.nextDouble() < 0.7 ? 1 : 0;
    }
    return new MaskedFactorLoss(n, m, 3, x, masked ? mask : null);
  }

  /**
   * The loss scale's default path is the loss as it was before the scale existed: these
   * fingerprints were computed by this test's code against the implementation of commit
   * a5b57ad (before the loss scale), for a masked and a fully observed instance.
   */
  @Test
  void unitScaleIsBitIdenticalToTheLossBeforeTheScale() {
    long masked = -5323153735975791026L;
    long full = -2737355767008618952L;
    assertEquals(masked, fingerprint(seededInstance(new SplitMix64(91), true), new SplitMix64(92)));
    assertEquals(full, fingerprint(seededInstance(new SplitMix64(93), false), new SplitMix64(94)));
    // An explicit scale of 1 is the same computation.
    MaskedFactorLoss f = seededInstance(new SplitMix64(91), true);
    MaskedFactorLoss g = new MaskedFactorLoss(f.n(), f.m(), f.r(), f.copyTarget(),
        seededMask(new SplitMix64(91), f.n() * f.m()), 1.0);
    assertEquals(masked, fingerprint(g, new SplitMix64(92)));
  }

  /** The mask {@link #seededInstance} draws from the same seed. */
  static double[] seededMask(SplitMix64 rng, int len) {
    double[] mask = new double[len];
    for (int i = 0; i < len; i++) {
      rng.nextHalfNormal();
      mask[i] = rng.nextDouble() < 0.7 ? 1 : 0;
    }
    return mask;
  }

  /**
   * With the loss scale c = 1/N (the mean over the N observed entries, halved), the value is c
   * times the unscaled one, the gradient matches central differences, and the minibatch
   * gradient over every term is the full gradient.
   */
  @Test
  void scaledLossGradientMatchesCentralDifferences() {
    SplitMix64 rng = new SplitMix64(35);
    int n = 5;
    int m = 4;
    int r = 2;
    double[] x = new double[n * m];
    double[] mask = new double[n * m];
    for (int i = 0; i < x.length; i++) {
      x[i] = 3 * rng.nextHalfNormal();
      mask[i] = rng.nextDouble() < 0.6 ? 1 : 0;
    }
    for (double[] w : new double[][] {null, mask}) {
      MaskedFactorLoss plain = new MaskedFactorLoss(n, m, r, x, w);
      double c = 1.0 / plain.terms();
      MaskedFactorLoss f = new MaskedFactorLoss(n, m, r, x, w, c);
      assertEquals(c, f.scale(), 0.0);
      double[] v = AsymmetricSensingLossTest.gaussian(rng, f.dim());
      assertEquals(c * plain.value(v), f.value(v), 1e-15 * plain.value(v));
      double[] grad = new double[f.dim()];
      double loss = f.valueAndGradient(v, grad);
      assertEquals(f.value(v), loss, 0.0);
      double h = 1e-6;
      for (int i = 0; i < v.length; i++) {
        double keep = v[i];
        v[i] = keep + h;
        double up = f.value(v);
        v[i] = keep - h;
        double down = f.value(v);
        v[i] = keep;
        double fd = (up - down) / (2 * h);
        assertEquals(fd, grad[i], FD_TOL * Math.max(1, Math.abs(fd)), "mask=" + (w != null) + " i=" + i);
      }
      int[] all = new int[f.terms()];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      double[] batch = new double[f.dim()];
      f.batchGradient(v, all, all.length, batch);
      for (int i = 0; i < v.length; i++) {
        assertEquals(grad[i], batch[i], 1e-12 * Math.max(1, Math.abs(grad[i])), "batch of every term, i=" + i);
      }
    }
  }

  /**
   * The segment residuals carry sqrt(c): the exact curvature of the scaled loss equals the
   * second central difference of the scaled loss along the segment, and is c times the
   * unscaled curvature.
   */
  @Test
  void scaledSegmentCurvatureIsTheSecondDifferenceOfTheScaledLoss() {
    SplitMix64 rng = new SplitMix64(36);
    int n = 6;
    int m = 7;
    int r = 3;
    double[] x = new double[n * m];
    double[] mask = new double[n * m];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextHalfNormal();
      mask[i] = rng.nextDouble() < 0.7 ? 1 : 0;
    }
    for (double[] w : new double[][] {null, mask}) {
      MaskedFactorLoss plain = new MaskedFactorLoss(n, m, r, x, w);
      double c = 1.0 / plain.terms();
      MaskedFactorLoss f = new MaskedFactorLoss(n, m, r, x, w, c);
      double[] a = AsymmetricSensingLossTest.gaussian(rng, f.dim());
      double[] b = AsymmetricSensingLossTest.gaussian(rng, f.dim());
      org.basinbench.landscape.LineCurvature curve = org.basinbench.landscape.LineCurvature.of(f, a, b);
      double h = 1e-3;
      for (double lambda : new double[] {0.1, 0.5, 0.9}) {
        double second = (f.value(along(a, b, lambda + h)) - 2 * f.value(along(a, b, lambda))
            + f.value(along(a, b, lambda - h))) / (h * h);
        // The central difference of a quartic errs by h^2 l''''/12 = h^2 |R2|^2 exactly (R2
        // scaled by sqrt(c), as in the loss), plus the rounding of three loss values over h^2.
        double tol = h * h * curve.r22() * 1.01 + 1e-9 * Math.max(1, curve.loss(lambda)) / (h * h);
        assertEquals(second, curve.secondDerivative(lambda), tol, "mask=" + (w != null) + " lambda=" + lambda);
        assertEquals(f.value(along(a, b, lambda)), curve.loss(lambda), 1e-12 * Math.max(1, curve.loss(lambda)));
      }
      double unscaled = org.basinbench.landscape.LineCurvature.of(plain, a, b).curvature();
      assertEquals(c * unscaled, curve.curvature(), 1e-12 * Math.abs(unscaled));
    }
  }

  static double[] along(double[] a, double[] b, double lambda) {
    double[] x = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      x[i] = (1 - lambda) * a[i] + lambda * b[i];
    }
    return x;
  }

  @Test
  void theLossScaleIsFiniteAndPositive() {
    for (double c : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> new MaskedFactorLoss(1, 2, 1, new double[] {1, 2}, null, c));
      org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("loss scale"), e.getMessage());
    }
  }

  @Test
  void aMaskIsZerosAndOnes() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new MaskedFactorLoss(1, 2, 1, new double[] {1, 2}, new double[] {1, 0.5}));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("mask entries must be 0 or 1"), e.getMessage());
  }

  @Test
  void lossCountsObservedEntriesOnly() {
    // L = [1; 2], R = [3] (n = 2, m = 1, r = 1): model [3; 6] against X = [0; 0].
    double[] x = {0, 0};
    assertEquals(0.5 * (9 + 36), new MaskedFactorLoss(2, 1, 1, x, null).value(new double[] {1, 2, 3}), 0.0);
    assertEquals(0.5 * 36, new MaskedFactorLoss(2, 1, 1, x, new double[] {0, 1}).value(new double[] {1, 2, 3}), 0.0);
  }

  @Test
  void denseOperatorAdjointIsTheTranspose() {
    SplitMix64 rng = new SplitMix64(44);
    int n = 3;
    int m = 5;
    double[] a = AsymmetricSensingLossTest.gaussian(rng, m * n * n);
    DenseOperator op = new DenseOperator(n, m, a);
    double[] x = AsymmetricSensingLossTest.gaussian(rng, n * n);
    double[] y = AsymmetricSensingLossTest.gaussian(rng, m);
    double[] ax = new double[m];
    double[] aty = new double[n * n];
    op.apply(x, ax);
    op.adjoint(y, aty);
    double lhs = 0;
    for (int i = 0; i < m; i++) {
      lhs += ax[i] * y[i];
    }
    double rhs = 0;
    for (int k = 0; k < n * n; k++) {
      rhs += x[k] * aty[k];
    }
    assertEquals(lhs, rhs, 1e-12 * Math.max(1, Math.abs(lhs)));
  }
}
