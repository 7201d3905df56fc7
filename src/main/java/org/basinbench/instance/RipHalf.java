package org.basinbench.instance;

import java.util.List;
import org.basinbench.linalg.Simd;
import org.basinbench.objective.BatchObjective;
import org.basinbench.objective.LinearOperator;

/**
 * The rank-1 instance of Zhang, Josz, Sojoudi and Lavaei ("How much restricted isometry is
 * needed in nonconvex matrix recovery?", NeurIPS 2018): n = 2, three measurements
 * <pre>
 *   A1 = [[sqrt 2, 0], [0, 1/sqrt 2]],  A2 = [[0, sqrt(3/2)], [sqrt(3/2), 0]],  A3 = [[0, 0], [0, sqrt(3/2)]],
 *   f(x) = sum_i <A_i, x x^T - z z^T>^2,   z = (1, 0),   solved without constraints.
 * </pre>
 * Its operator satisfies RIP with delta = 1/2 after scaling. Catalogued: the truth z and
 * x_bad = (0, 1/sqrt 2), where the gradient vanishes and the Hessian is positive semidefinite
 * but singular (eigenvalues {0, 8}): a degenerate critical point, the loss falling only at
 * fourth order along the curved valley {@code (t, 1/sqrt 2 - sqrt 2 t^2)}.
 *
 * <p>The shared loss is {@code 1/2 ||A(E)||^2}; the operator here carries a factor sqrt 2 so
 * that it equals f exactly: {@code A(X)_i = sqrt 2 <A_i, X>}.
 */
public final class RipHalf {
  public static final String FAMILY = "rip-half";
  public static final int N = 2;
  /** The RIP constant after the optimal scaling: Gram eigenvalues {1, 3, 3} on symmetric 2 x 2. */
  public static final double DELTA = 0.5;
  public static final String BAD_NAME = "x_bad = (0, 1/sqrt 2)";

  private static final double S2 = Math.sqrt(2.0);
  private static final double S32 = Math.sqrt(1.5);
  /** A1, A2, A3 row-major (2 x 2 each). */
  static final double[][] A = {
    {S2, 0, 0, 1 / S2},
    {0, S32, S32, 0},
    {0, 0, 0, S32},
  };

  private RipHalf() {}

  /** The truth z = (1, 0). */
  public static double[] truth() {
    return new double[] {1.0, 0.0};
  }

  /** The degenerate critical point x_bad = (0, 1/sqrt 2). */
  public static double[] bad() {
    return new double[] {0.0, 1 / S2};
  }

  /** The operator of {@link #problem()}: {@code A(X)_i = sqrt 2 <A_i, X>}. */
  public static LinearOperator problemOperator() {
    return new Operator();
  }

  /**
   * The unconstrained problem {@code min f(x)}, x in R^2, with {@link #batchObjective()} as its
   * structure-of-arrays form.
   */
  public static Problem problem() {
    return FactorProblems.symmetric(new Operator(), truth(), 1, 1, false,
        // PSD but singular Hessian at x_bad: the curvature bound is 0 (eigenvalues {0, 8}).
        List.of(new FactorProblems.Named(BAD_NAME, bad(), 0.0, "Zhang, Josz, Sojoudi and Lavaei, NeurIPS 2018")),
        batchObjective());
  }

  /**
   * The loss in closed form over many points at once (see {@link Batch}): the SIMD kernel
   * {@link RipHalfVector} when {@link Simd#available()}, else the scalar loop. Both give the same
   * bits (tested), so a run's numbers do not depend on which one a JVM has.
   */
  public static BatchObjective batchObjective() {
    if (Simd.available()) {
      try {
        // Loaded by name: the class links against jdk.incubator.vector, absent without the flag.
        return (BatchObjective) Class.forName("org.basinbench.instance.RipHalfVector")
            .getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException | LinkageError e) {
        // fall through to the scalar loop
      }
    }
    return scalarBatchObjective();
  }

  /** The scalar loop, whatever the JVM offers (the reference the SIMD kernel is tested against). */
  public static BatchObjective scalarBatchObjective() {
    return new Batch();
  }

  /**
   * The same loss in closed form, over lanes. With {@code p = x1^2}, {@code q = x2^2},
   * {@code c = x1 x2} the three terms {@code <A_i, x x^T - z z^T>} are
   * <pre>
   *   r1 = sqrt 2 (p - 1) + q / sqrt 2,   r2 = sqrt 6 c,   r3 = sqrt(3/2) q,
   *   f  = r1^2 + 6 c^2 + (3/2) q^2,
   *   df/dx1 = 4 sqrt 2 r1 x1 + 12 c x2,
   *   df/dx2 = 2 sqrt 2 r1 x2 + 12 c x1 + 6 q x2,
   * </pre>
   * (from {@code grad f = 2 sum_i r_i (A_i + A_i^T) x}): about 25 flops a point against the
   * generic path's operator, adjoint and matrix products. It equals the generic
   * {@code SymmetricSensingLoss} up to rounding (tested), not bit for bit; every gradient-descent
   * trial of this family goes through it, so results never mix the two.
   */
  static final class Batch implements BatchObjective {
    static final double SQRT2 = Math.sqrt(2.0);
    static final double HALF_SQRT2 = 1 / Math.sqrt(2.0);
    static final double FOUR_SQRT2 = 4 * Math.sqrt(2.0);
    static final double TWO_SQRT2 = 2 * Math.sqrt(2.0);

    @Override
    public int dim() {
      return N;
    }

    @Override
    public void evaluate(double[][] x, int from, int to, double[] loss, double[][] g, double[] gn2) {
      final double[] x1 = x[0];
      final double[] x2 = x[1];
      final double[] g1 = g[0];
      final double[] g2 = g[1];
      for (int i = from; i < to; i++) {
        at(x1[i], x2[i], i, loss, g1, g2, gn2);
      }
    }

    @Override
    public double descend(double eta, double[][] x, int lanes, double[] loss, double[][] g, double[] gn2,
        double[] lossLimit, double[] flagGn2) {
      return descendFrom(0, eta, x, lanes, loss, g, gn2, lossLimit, flagGn2);
    }

    /** {@link #descend} on lanes {@code [from, lanes)}. */
    double descendFrom(int from, double eta, double[][] x, int lanes, double[] loss, double[][] g, double[] gn2,
        double[] lossLimit, double[] flagGn2) {
      final double[] x1 = x[0];
      final double[] x2 = x[1];
      final double[] g1 = g[0];
      final double[] g2 = g[1];
      double slack = Double.POSITIVE_INFINITY;
      for (int i = from; i < lanes; i++) {
        final double a = x1[i] - eta * g1[i];
        final double b = x2[i] - eta * g2[i];
        x1[i] = a;
        x2[i] = b;
        at(a, b, i, loss, g1, g2, gn2);
        slack = Math.min(slack, Math.min(lossLimit[i] - loss[i],
            Math.min(gn2[i] - flagGn2[i], Double.MAX_VALUE - gn2[i])));
      }
      return slack;
    }

    /** Lane i at the point (a, b); small enough to be inlined into the loops, which then vectorize. */
    private static void at(double a, double b, int i, double[] loss, double[] g1, double[] g2, double[] gn2) {
      final double p = a * a;
      final double q = b * b;
      final double c = a * b;
      final double r1 = SQRT2 * (p - 1) + HALF_SQRT2 * q;
      final double d1 = FOUR_SQRT2 * r1 * a + 12 * c * b;
      final double d2 = TWO_SQRT2 * r1 * b + 12 * c * a + 6 * q * b;
      loss[i] = r1 * r1 + 6 * c * c + 1.5 * q * q;
      g1[i] = d1;
      g2[i] = d2;
      gn2[i] = d1 * d1 + d2 * d2;
    }
  }

  /** {@code A(X)_i = sqrt 2 <A_i, X>}, i = 1..3, so that 1/2 ||A(E)||^2 = sum_i <A_i, E>^2. */
  static final class Operator implements LinearOperator {
    @Override
    public int n() {
      return N;
    }

    @Override
    public int measurements() {
      return A.length;
    }

    @Override
    public void apply(double[] x, double[] out) {
      for (int i = 0; i < A.length; i++) {
        double s = 0;
        for (int k = 0; k < 4; k++) {
          s += A[i][k] * x[k];
        }
        out[i] = S2 * s;
      }
    }

    @Override
    public void adjoint(double[] y, double[] out) {
      for (int k = 0; k < 4; k++) {
        double s = 0;
        for (int i = 0; i < A.length; i++) {
          s += A[i][k] * y[i];
        }
        out[k] = S2 * s;
      }
    }

    /** A row-major (3 x 4) in one array, and the index lists of the lane forms. */
    private static final double[] FLAT = {
      A[0][0], A[0][1], A[0][2], A[0][3], A[1][0], A[1][1], A[1][2], A[1][3], A[2][0], A[2][1], A[2][2], A[2][3],
    };
    private static final int[] ENTRIES = {0, 1, 2, 3};
    private static final int[] MEASUREMENTS = {0, 1, 2};

    @Override
    public boolean hasLanes() {
      return true;
    }

    /** As {@link #apply}, operation for operation (the zero coefficients included): the sum, then the factor. */
    @Override
    public void applyLanes(org.basinbench.linalg.LaneOps ops, double[][] x, double[][] out, double[] scratch,
        int from, int to) {
      for (int i = 0; i < A.length; i++) {
        ops.sumScaled(out[i], x, ENTRIES, FLAT, 4 * i, 1, from, to);
        ops.mulScalar(out[i], out[i], S2, from, to);
      }
    }

    /** As {@link #adjoint}, operation for operation. */
    @Override
    public void adjointLanes(org.basinbench.linalg.LaneOps ops, double[][] y, double[][] out, double[] scratch,
        int from, int to) {
      for (int k = 0; k < 4; k++) {
        ops.sumScaled(out[k], y, MEASUREMENTS, FLAT, k, 4, from, to);
        ops.mulScalar(out[k], out[k], S2, from, to);
      }
    }
  }
}
