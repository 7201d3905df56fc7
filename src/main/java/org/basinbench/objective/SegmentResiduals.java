package org.basinbench.objective;

/**
 * A least-squares loss {@code f(x) = 1/2 ||R(x)||^2} whose residual is quadratic along any
 * segment: for the factored models here (U U^T, L R^T, U V) under a linear operator, with
 * {@code x(lambda) = (1 - lambda) a + lambda b},
 * <pre>
 *   R(x(lambda)) = R0 + lambda R1 + lambda^2 R2,
 * </pre>
 * so the loss along the segment is an exact quartic (the star-convexity paper's eq. (2); a
 * balancing regularizer {@code mu/2 ||L^T L - R^T R||^2} is one more quadratic block of R).
 */
public interface SegmentResiduals extends Objective {

  /** @return the length of the residual vector R */
  int residualLength();

  /**
   * The coefficients of the residual along the segment from {@code a} (lambda = 0) to
   * {@code b} (lambda = 1).
   *
   * @param a start, length dim; not modified
   * @param b end, length dim; not modified
   * @param r0 R(a), length {@link #residualLength()}; overwritten
   * @param r1 the linear coefficient; overwritten
   * @param r2 the quadratic coefficient; overwritten
   */
  void segmentResiduals(double[] a, double[] b, double[] r0, double[] r1, double[] r2);
}
