package org.basinbench.solver;

import java.util.Objects;
import org.basinbench.linalg.MatOps;
import org.basinbench.objective.Objective;

/**
 * Projected gradient descent with a fixed step for {@code min f(U) s.t. U >= 0}
 * (elementwise; Zhang 2025, problem (4)):
 * <pre>
 *   U_{k+1} = P(U_k - eta grad f(U_k)),   P(V) = max(0, V) elementwise.
 * </pre>
 * Stationarity is measured by the natural residual {@code ||U - P(U - grad f(U))||_F
 * = ||min(U, grad f(U))||_F} (for U >= 0), which vanishes exactly at the first-order KKT
 * points of Zhang 2025, eq. (6): {@code U >= 0, grad f(U) >= 0, <grad f(U), U> = 0}.
 *
 * <p>The solver never reads any ground truth; it sees only the objective.
 */
public final class ProjectedGradient {

  /**
   * Divergence guard: a loss above this multiple of max(1, f(P(x0))) means the fixed step is
   * too large for the local curvature (iterates of a quartic blow up doubly exponentially),
   * so stop early instead of burning the budget on overflow.
   */
  public static final double DIVERGENCE_FACTOR = Monitor.DIVERGENCE_FACTOR;

  private ProjectedGradient() {
  }

  /**
   * Runs projected gradient descent from x0. The start is first projected onto the orthant,
   * {@code U_0 = max(0, x0)}, so an infeasible x0 is allowed. Then, with the loss and
   * gradient always evaluated at the current point, it stops by the rules of {@link Stopping}
   * (CONVERGED possibly with 0 iterations; STALLED; BUDGET), or DIVERGED (reported, never
   * thrown) when the loss, the iterate or the gradient is non-finite, or the loss exceeds
   * {@code DIVERGENCE_FACTOR * max(1, f(U_0))}.
   * Work arrays are allocated once per call; the loop allocates nothing.
   *
   * <p>Note for outcome classification: for {@code f(U) = 1/2 ||A(U U^T - M*)||^2} the point
   * U = 0 has grad f(0) = 0, so it is an exact KKT point; a step so large that it clips every
   * entry lands there and is reported CONVERGED (with f(0) = 1/2 ||A(M*)||^2), not DIVERGED.
   *
   * @param f   objective (its scratch is used, so not concurrently with other callers)
   * @param x0  start, length f.dim(); not modified
   * @param cfg step, budget and tolerance
   * @return final point with its loss and pgNorm, the number of updates, and the reason
   */
  public static SolveResult solve(Objective f, double[] x0, StepConfig cfg) {
    return run(f, x0, cfg, true, new Trace(cfg.maxIter(), false));
  }

  /** As {@link #solve(Objective, double[], StepConfig)}, recording checkpoints into {@code trace}. */
  public static SolveResult solve(Objective f, double[] x0, StepConfig cfg, Trace trace) {
    return run(f, x0, cfg, true, trace);
  }

  /**
   * Projected gradient (fixed step, or Armijo when {@code armijo}) with the thresholding
   * {@link Safeguard} (see {@link Safeguarded}).
   *
   * @param rng the trial's generator for the perturbations (randomness is an argument)
   */
  public static SolveResult solve(Objective f, double[] x0, StepConfig cfg, Safeguard guard,
      org.basinbench.rng.SplitMix64 rng, Trace trace, boolean armijo) {
    return Safeguarded.solve((start, budget, t) -> armijo
        ? ArmijoProjectedGradient.solve(f, start, cfg.withMaxIter(budget), t)
        : run(f, start, cfg.withMaxIter(budget), true, t), x0, cfg.maxIter(), guard, rng, trace);
  }

  /** Fixed-step projected gradient with the safeguard, its trace kept without points. */
  public static SolveResult solve(Objective f, double[] x0, StepConfig cfg, Safeguard guard,
      org.basinbench.rng.SplitMix64 rng) {
    return solve(f, x0, cfg, guard, rng, new Trace(cfg.maxIter(), false), false);
  }

  /**
   * The fixed-step loop shared with {@link GradientDescent}: with {@code project} the update
   * is {@code max(0, U - step grad)} and stationarity the KKT residual {@code ||min(U, grad)||};
   * without it, {@code U - step grad} and {@code ||grad||}. With {@code cfg.alternating()} one
   * iteration updates the objective's blocks in turn ({@link Objective#blockStarts()}), each
   * with the gradient at the current point (one evaluation per block).
   */
  static SolveResult run(Objective f, double[] x0, StepConfig cfg, boolean project, Trace trace) {
    Objects.requireNonNull(f, "f");
    Objects.requireNonNull(x0, "x0");
    Objects.requireNonNull(cfg, "cfg");
    final int dim = f.dim();
    if (x0.length != dim) {
      throw new IllegalArgumentException(
          "x0 must have length f.dim() = " + dim + ", got " + x0.length);
    }
    final double eta = cfg.step();
    final int[] blocks = cfg.alternating() ? f.blockStarts() : new int[] {0};
    final double[] u = new double[dim];
    final double[] grad = new double[dim];
    // U_0 = P(x0).
    for (int i = 0; i < dim; i++) {
      u[i] = project ? Math.max(0.0, x0[i]) : x0[i];
    }
    Monitor monitor = new Monitor(cfg.stop(), trace, 1);
    double loss = f.valueAndGradient(u, grad);
    double pg = project ? pgNorm(u, grad) : MatOps.normF(grad);
    Termination termination = monitor.start(u, loss, pg);
    int iterations = 0;
    while (termination == null) {
      for (int b = 0; b < blocks.length; b++) {
        int lo = blocks[b];
        int hi = b + 1 < blocks.length ? blocks[b + 1] : dim;
        if (b > 0) {
          f.valueAndGradient(u, grad);
        }
        // U <- max(0, U - eta grad f(U)) on the block.
        if (project) {
          for (int i = lo; i < hi; i++) {
            u[i] = Math.max(0.0, u[i] - eta * grad[i]);
          }
        } else {
          for (int i = lo; i < hi; i++) {
            u[i] -= eta * grad[i];
          }
        }
      }
      iterations++;
      loss = f.valueAndGradient(u, grad);
      pg = project ? pgNorm(u, grad) : MatOps.normF(grad);
      termination = monitor.check(iterations, u, loss, pg);
    }
    return monitor.finish(u, loss, pg, iterations, termination);
  }

  /**
   * Natural residual of the nonnegativity-constrained problem,
   * {@code ||min(x, g)||_F = ||x - max(0, x - g)||_F} for x >= 0, elementwise min; zero
   * exactly when {@code x >= 0, g >= 0, x_i g_i = 0} (KKT, Zhang 2025 eq. (6)).
   *
   * @param x point (expected >= 0); not modified
   * @param g gradient at x, same length; not modified
   * @return the residual norm (NaN if any entry is NaN)
   */
  public static double pgNorm(double[] x, double[] g) {
    if (x.length != g.length) {
      throw new IllegalArgumentException(
          "length mismatch: x " + x.length + " vs g " + g.length);
    }
    double sum = 0.0;
    double scale = 0.0;
    for (int i = 0; i < x.length; i++) {
      final double v = Math.min(x[i], g[i]);
      if (Double.isNaN(v)) {
        return Double.NaN;
      }
      sum += v * v;
      scale = Math.max(scale, Math.abs(v));
    }
    if (sum == Double.POSITIVE_INFINITY && scale < Double.POSITIVE_INFINITY) {
      // The squares overflowed: recompute as scale * sqrt(sum (v / scale)^2).
      double scaled = 0.0;
      for (int i = 0; i < x.length; i++) {
        final double v = Math.min(x[i], g[i]) / scale;
        scaled += v * v;
      }
      return scale * Math.sqrt(scaled);
    }
    return Math.sqrt(sum);
  }
}
