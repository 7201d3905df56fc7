package org.basinbench.instance;

import java.util.List;
import org.basinbench.objective.IdentityOperator;
import org.basinbench.objective.LinearOperator;
import org.basinbench.objective.SymmetricSensingLoss;

/**
 * The counterexample family of Zhang 2025, Theorem 2: nonnegative symmetric matrix sensing
 * <pre>
 *   min_{U in R^{n x r}} f(U) = 1/2 ||A(U U^T - Q1 Q1^T)||^2   s.t. U >= 0,
 * </pre>
 * where A ({@link Theorem2Operator}) satisfies RIP with constant
 * {@code delta = alpha^2 sqrt(r/r* + 2 eps^2 r)} (Lemmas 3 and 5), the ground truth is
 * {@code U* = Q1} (f = 0), and {@code U0 = alpha Q2} is a spurious strict local minimum with
 * {@code f(U0) = (r* - alpha^4 r)/2 > 0} (Lemma 4). Q1 and Q2 are the first r* and the next r
 * columns of I_n.
 *
 * @param n       matrix order, n >= r + rStar
 * @param rStar   true rank r*, >= 1
 * @param r       search rank, r >= rStar
 * @param alpha   scale of the spurious point, alpha > 0 and finite
 * @param epsilon off-diagonal coupling eps > 0 and finite
 */
public record NonnegCounterexample(int n, int rStar, int r, double alpha, double epsilon)
  implements java.io.Serializable {

  /**
   * Validates the hypotheses of Theorem 2 (r >= r* >= 1, r + r* <= n, alpha, eps > 0) and
   * delta < 1 (needed for RIP to be meaningful and for sqrt(1 - delta^2) in A).
   *
   * @throws IllegalArgumentException naming the offending field and its allowed range
   */
  public NonnegCounterexample {
    if (rStar < 1) {
      throw new IllegalArgumentException("rStar must be >= 1, got " + rStar);
    }
    if (r < rStar) {
      throw new IllegalArgumentException(
          "r must be >= rStar = " + rStar + ", got " + r);
    }
    if ((long) r + rStar > n) {
      throw new IllegalArgumentException(
          "n must be >= r + rStar = " + ((long) r + rStar) + ", got " + n);
    }
    if (!(alpha > 0) || !Double.isFinite(alpha)) {
      throw new IllegalArgumentException("alpha must be > 0 and finite, got " + alpha);
    }
    if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
      throw new IllegalArgumentException(
          "epsilon must be > 0 and finite (Theorem 2 needs eps > 0), got " + epsilon);
    }
    final double d = delta(rStar, r, alpha, epsilon);
    if (!(d < 1)) {
      throw new IllegalArgumentException(
          "delta = alpha^2 sqrt(r/rStar + 2 eps^2 r) must be < 1, got " + d
              + " (alpha=" + alpha + ", epsilon=" + epsilon
              + ", r=" + r + ", rStar=" + rStar + ")");
    }
  }

  /**
   * RIP constant of the Theorem 2 operator (Lemma 3): {@code delta = ||B|| ||C||
   * = alpha^2 sqrt(r/r* + 2 eps^2 r)} (r/r* in floating-point division).
   *
   * @param rStar   true rank r*
   * @param r       search rank r
   * @param alpha   alpha
   * @param epsilon eps
   * @return delta (arguments not validated)
   */
  public static double delta(int rStar, int r, double alpha, double epsilon) {
    return alpha * alpha * Math.sqrt((double) r / rStar + 2.0 * epsilon * epsilon * r);
  }

  /** @return this instance's RIP constant, see {@link #delta(int, int, double, double)} */
  public double delta() {
    return delta(rStar, r, alpha, epsilon);
  }

  /** @return a new Theorem 2 operator A ({@link Theorem2Operator}); m = n^2 */
  public LinearOperator operator() {
    return new Theorem2Operator(this);
  }

  /** @return a new array holding the ground-truth factor U* = Q1 (n x r*, row-major) */
  public double[] truthFactor() {
    final double[] q1 = new double[n * rStar];
    for (int i = 0; i < rStar; i++) {
      q1[i * rStar + i] = 1.0;
    }
    return q1;
  }

  /** @return a new array holding M* = Q1 Q1^T (n x n, row-major) */
  public double[] truthMatrix() {
    final double[] m = new double[n * n];
    for (int i = 0; i < rStar; i++) {
      m[i * n + i] = 1.0;
    }
    return m;
  }

  /** @return a new array holding the spurious point U0 = alpha Q2 (n x r, row-major) */
  public double[] spuriousFactor() {
    final double[] u0 = new double[n * r];
    for (int j = 0; j < r; j++) {
      u0[(rStar + j) * r + j] = alpha;
    }
    return u0;
  }

  /** @return {@code new SymmetricSensingLoss(operator(), truthMatrix(), r)} (a new instance) */
  public SymmetricSensingLoss loss() {
    return new SymmetricSensingLoss(operator(), truthMatrix(), r);
  }

  /** Zhang (2025) problem (4) for this operator: U >= 0, truth Q1, spurious U0 = alpha Q2. */
  public Problem symmetricProblem() {
    // Lemma 4: <grad^2 f(U0)[dU], dU> >= 2 alpha^2 ||dU||^2 on the critical cone.
    return FactorProblems.symmetric(operator(), truthFactor(), rStar, r, true, List.of(new FactorProblems.Named(
        SPURIOUS_NAME, spuriousFactor(), 2 * alpha * alpha, "Zhang 2025, Theorem 2 and Lemma 4")));
  }

  /**
   * Zhang (2025) problem (5) for this operator: L, R >= 0, truth L = R = Q1, spurious
   * L0 = R0 = alpha Q2 (second-order critical for lambda = 0, a strict local minimum for
   * lambda > 0, Lemma 9).
   */
  public Problem asymmetricProblem(double lambda) {
    // Lemma 9: curvature >= min(4 lambda, 1) alpha^2 ||dU||^2 on the critical cone.
    return FactorProblems.asymmetric(operator(), truthFactor(), rStar, r, lambda, true, List.of(new FactorProblems.Named(
        SPURIOUS_NAME, spuriousFactor(), Math.min(4 * lambda, 1) * alpha * alpha, "Zhang 2025, Theorem 2 and Lemma 9")));
  }

  /** Name of the catalogued spurious point in certificates. */
  public static final String SPURIOUS_NAME = "U0 = alpha Q2";

  /**
   * The delta = 0 control (A = identity; Zhang 2025, Proposition 1): the nonnegative
   * problem with truth Q1 and no catalogued spurious point. With rStar = 1, the symmetric
   * problem and the asymmetric one with lambda = 1/4 have no spurious local minimum.
   *
   * @param lambda balancing weight for the asymmetric variant; NaN for the symmetric one
   */
  public static Problem identityControl(int n, int rStar, int r, double lambda) {
    double[] q1 = new double[n * rStar];
    for (int j = 0; j < rStar; j++) {
      q1[j * rStar + j] = 1.0;
    }
    IdentityOperator a = new IdentityOperator(n);
    return Double.isNaN(lambda)
        ? FactorProblems.symmetric(a, q1, rStar, r, true, List.of())
        : FactorProblems.asymmetric(a, q1, rStar, r, lambda, true, List.of());
  }
}
