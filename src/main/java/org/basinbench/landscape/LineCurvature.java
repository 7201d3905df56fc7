package org.basinbench.landscape;

import org.basinbench.linalg.MatOps;
import org.basinbench.objective.SegmentResiduals;

/**
 * The exact curvature of a loss along a segment (the star-convexity paper, Section 3). With
 * {@code R(lambda) = R0 + lambda R1 + lambda^2 R2} (see {@link SegmentResiduals}) the loss
 * {@code l(lambda) = 1/2 ||R(lambda)||^2} is the quartic
 * <pre>
 *   l = 1/2 |R0|^2 + lambda &lt;R0,R1&gt; + lambda^2 (|R1|^2/2 + &lt;R0,R2&gt;) + lambda^3 &lt;R1,R2&gt; + lambda^4 |R2|^2/2,
 *   l'' = (|R1|^2 + 2 &lt;R0,R2&gt;) + 6 &lt;R1,R2&gt; lambda + 6 |R2|^2 lambda^2,
 * </pre>
 * and the curvature is {@code min over [0, 1] of l''}, a quadratic with a nonnegative leading
 * coefficient: the vertex when it lies in [0, 1], an endpoint otherwise. Everything follows
 * from six inner products; nothing is sampled.
 *
 * @param r00 {@code |R0|^2}
 * @param r01 {@code <R0, R1>}
 * @param r02 {@code <R0, R2>}
 * @param r11 {@code |R1|^2}
 * @param r12 {@code <R1, R2>}
 * @param r22 {@code |R2|^2}
 */
public record LineCurvature(double r00, double r01, double r02, double r11, double r12, double r22) {

  /** The segment from {@code a} (lambda = 0) to {@code b} (lambda = 1). */
  public static LineCurvature of(SegmentResiduals f, double[] a, double[] b) {
    int len = f.residualLength();
    double[] r0 = new double[len];
    double[] r1 = new double[len];
    double[] r2 = new double[len];
    f.segmentResiduals(a, b, r0, r1, r2);
    return new LineCurvature(MatOps.dot(r0, r0), MatOps.dot(r0, r1), MatOps.dot(r0, r2), MatOps.dot(r1, r1),
        MatOps.dot(r1, r2), MatOps.dot(r2, r2));
  }

  /** @return {@code l(lambda)} */
  public double loss(double lambda) {
    double l2 = lambda * lambda;
    return 0.5 * r00 + lambda * r01 + l2 * (0.5 * r11 + r02) + l2 * lambda * r12 + 0.5 * l2 * l2 * r22;
  }

  /** @return {@code l''(lambda)} */
  public double secondDerivative(double lambda) {
    return (r11 + 2 * r02) + 6 * r12 * lambda + 6 * r22 * lambda * lambda;
  }

  /** @return {@code min over lambda in [0, 1] of l''(lambda)} */
  public double curvature() {
    double c0 = r11 + 2 * r02;
    double c1 = 6 * r12;
    double c2 = 6 * r22;
    double best = Math.min(c0, c0 + c1 + c2);
    if (c2 > 0) {
      double vertex = -c1 / (2 * c2);
      if (vertex > 0 && vertex < 1) {
        best = Math.min(best, c0 - c1 * c1 / (4 * c2));
      }
    }
    return best;
  }

  /** Whether the loss is convex on the whole segment: {@code curvature() >= 0}. */
  public boolean convex() {
    return curvature() >= 0;
  }
}
