package org.basinbench.landscape;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.basinbench.objective.LinearOperator;

/**
 * Numerical restricted-isometry constants of a sensing operator, from the spectrum of its
 * Gram matrix on symmetric n x n matrices: {@code G_kl = <A(B_k), A(B_l)>} with the
 * orthonormal basis {@code B = {E_ii} u {(E_ij + E_ji)/sqrt 2 : i < j}}. Over all symmetric
 * matrices this bounds the rank-restricted constant from above; it is exact when the extreme
 * eigenvectors have rank at most r + r* (as for the Theorem 2 operator, whose perturbation
 * lies in the span of two rank-(r + r*) matrices, Lemma 3).
 */
public final class Rip {
  /** Largest n handled exactly: d = n(n+1)/2 <= 1176 keeps the eigenproblem to seconds. */
  public static final int MAX_EXACT_N = 48;

  private Rip() {}

  /** Eigenvalues of the Gram matrix on symmetric matrices, ascending. */
  public static double[] symmetricGramEigenvalues(LinearOperator a) {
    int n = a.n();
    if (n > MAX_EXACT_N) {
      throw new IllegalArgumentException("n = " + n + " > " + MAX_EXACT_N + ": the exact spectrum is too costly");
    }
    int d = n * (n + 1) / 2;
    double[][] images = new double[d][a.measurements()];
    double[] basis = new double[n * n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        Arrays.fill(basis, 0.0);
        if (i == j) {
          basis[i * n + i] = 1.0;
        } else {
          basis[i * n + j] = 1 / Math.sqrt(2);
          basis[j * n + i] = 1 / Math.sqrt(2);
        }
        a.apply(basis, images[k++]);
      }
    }
    double[][] g = new double[d][d];
    for (int p = 0; p < d; p++) {
      for (int q = p; q < d; q++) {
        double s = 0;
        for (int t = 0; t < images[p].length; t++) {
          s += images[p][t] * images[q][t];
        }
        g[p][q] = s;
        g[q][p] = s;
      }
    }
    double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(g, false)).getRealEigenvalues();
    Arrays.sort(ev);
    return ev;
  }

  /** {@code max |lambda - 1|}: the RIP constant of (RIP) in Zhang (2025), as given. */
  public static double unscaledDelta(double[] eigenvalues) {
    return Math.max(Math.abs(eigenvalues[0] - 1), Math.abs(eigenvalues[eigenvalues.length - 1] - 1));
  }

  /**
   * {@code (lambda_max - lambda_min) / (lambda_max + lambda_min)}: the constant after the
   * best rescaling of A (the convention of the NeurIPS 2018 rip-half instance).
   */
  public static double scaledDelta(double[] eigenvalues) {
    double lo = eigenvalues[0];
    double hi = eigenvalues[eigenvalues.length - 1];
    return (hi - lo) / (hi + lo);
  }

  /**
   * A lower bound on the RIP constant over symmetric matrices of rank at most k: the largest
   * {@code | ||A(M)||^2 / ||M||^2 - 1 |} over {@code samples} random
   * {@code M = sum_{j<k} s_j g_j g_j^T} (g_j standard Gaussian vectors, random signs s_j).
   * Cheap for any n; the exact restricted constant is NP-hard in general.
   */
  public static double sampledRankDelta(LinearOperator a, int k, int samples, org.basinbench.rng.SplitMix64 rng) {
    int n = a.n();
    double[] mat = new double[n * n];
    double[] g = new double[n];
    double[] y = new double[a.measurements()];
    double worst = 0;
    for (int s = 0; s < samples; s++) {
      Arrays.fill(mat, 0.0);
      for (int j = 0; j < k; j++) {
        double sign = rng.nextDouble() < 0.5 ? -1 : 1;
        for (int i = 0; i < n; i++) {
          g[i] = rng.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
          for (int t = 0; t < n; t++) {
            mat[i * n + t] += sign * g[i] * g[t];
          }
        }
      }
      a.apply(mat, y);
      double num = 0;
      for (double v : y) {
        num += v * v;
      }
      double den = 0;
      for (double v : mat) {
        den += v * v;
      }
      worst = Math.max(worst, Math.abs(num / den - 1));
    }
    return worst;
  }
}
