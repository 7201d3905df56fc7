package org.basinbench.solver;

import java.util.Objects;
import org.basinbench.linalg.MatOps;
import org.basinbench.objective.Objective;

/**
 * Projected gradient with Armijo steps along the projection arc, as in Lin (2007,
 * "Projected gradient methods for nonnegative matrix factorization", Neural Computation 19,
 * Algorithm 4): a step alpha is accepted when
 * <pre>
 *   f(x+) - f(x) <= sigma &lt;grad f(x), x+ - x&gt;,   x+ = max(0, x - alpha grad f(x)),   sigma = 0.01;
 * </pre>
 * alpha is carried over between iterations; if it is accepted it is grown by 1/beta
 * (beta = 0.1) while the test keeps passing (and the point keeps moving), otherwise shrunk by
 * beta until it passes, with at most 20 trials per iteration (an iteration without an
 * acceptable step leaves x unchanged and keeps the shrunken alpha). Stops like
 * {@link ProjectedGradient}: KKT residual below tol, budget, or divergence. Reads no truth.
 */
public final class ArmijoProjectedGradient {
  /** Lin's sufficient-decrease parameter. */
  public static final double SIGMA = 0.01;
  /** Lin's step factor. */
  public static final double BETA = 0.1;
  /** Lin's cap on step trials per iteration. */
  public static final int MAX_TRIALS = 20;

  private ArmijoProjectedGradient() {}

  /** @param cfg {@code step} is the first trial step alpha_0 */
  public static SolveResult solve(Objective f, double[] x0, StepConfig cfg) {
    return solve(f, x0, cfg, null);
  }

  /**
   * As {@link #solve(Objective, double[], StepConfig)}; when {@code slack} is non-null,
   * {@code slack[0]} receives the smallest {@code sigma <g, x+ - x> - (f(x+) - f(x))} over the
   * accepted steps (>= 0 when every accepted step satisfies the test) and {@code slack[1]}
   * the number of accepted steps. For tests.
   */
  static SolveResult solve(Objective f, double[] x0, StepConfig cfg, double[] slack) {
    Objects.requireNonNull(f, "f");
    int dim = f.dim();
    if (x0.length != dim) {
      throw new IllegalArgumentException("x0 must have length f.dim() = " + dim + ", got " + x0.length);
    }
    double[] x = new double[dim];
    double[] g = new double[dim];
    double[] trial = new double[dim];
    double[] best = new double[dim];
    for (int i = 0; i < dim; i++) {
      x[i] = Math.max(0.0, x0[i]);
    }
    double loss = f.valueAndGradient(x, g);
    double pg = ProjectedGradient.pgNorm(x, g);
    if (!Double.isFinite(loss) || !Double.isFinite(pg)) {
      return new SolveResult(x, loss, pg, 0, Termination.DIVERGED);
    }
    if (slack != null) {
      slack[0] = Double.POSITIVE_INFINITY;
      slack[1] = 0;
    }
    double alpha = cfg.step();
    int iterations = 0;
    while (pg > cfg.tol()) {
      if (iterations >= cfg.maxIter()) {
        return new SolveResult(x, loss, pg, iterations, Termination.BUDGET);
      }
      double bestLoss = Double.NaN;
      double bestSlack = Double.NaN;
      boolean growing = false;
      for (int t = 0; t < MAX_TRIALS; t++) {
        project(x, g, alpha, trial);
        double decrease = SIGMA * directional(g, trial, x);
        double trialLoss = f.value(trial);
        boolean sufficient = Double.isFinite(trialLoss) && trialLoss - loss <= decrease;
        if (t == 0) {
          growing = sufficient;
        }
        if (growing) {
          // Growing alpha: keep the last passing point; stop when the test fails or the
          // projection arc stops moving (a larger alpha gives the same point).
          if (!sufficient || (t > 0 && java.util.Arrays.equals(trial, best))) {
            alpha *= BETA;
            break;
          }
          System.arraycopy(trial, 0, best, 0, dim);
          bestLoss = trialLoss;
          bestSlack = decrease - (trialLoss - loss);
          alpha /= BETA;
        } else {
          if (sufficient) {
            System.arraycopy(trial, 0, best, 0, dim);
            bestLoss = trialLoss;
            bestSlack = decrease - (trialLoss - loss);
            break;
          }
          alpha *= BETA;
        }
      }
      iterations++;
      if (!Double.isNaN(bestLoss)) {
        System.arraycopy(best, 0, x, 0, dim);
        if (slack != null) {
          slack[0] = Math.min(slack[0], bestSlack);
          slack[1]++;
        }
      }
      loss = f.valueAndGradient(x, g);
      pg = ProjectedGradient.pgNorm(x, g);
      if (!Double.isFinite(loss) || !Double.isFinite(pg) || !MatOps.allFinite(x)) {
        return new SolveResult(x, loss, pg, iterations, Termination.DIVERGED);
      }
    }
    return new SolveResult(x, loss, pg, iterations, Termination.CONVERGED);
  }

  /** {@code out = max(0, x - alpha g)}. */
  private static void project(double[] x, double[] g, double alpha, double[] out) {
    for (int i = 0; i < x.length; i++) {
      out[i] = Math.max(0.0, x[i] - alpha * g[i]);
    }
  }

  /** {@code <g, y - x>}. */
  private static double directional(double[] g, double[] y, double[] x) {
    double s = 0;
    for (int i = 0; i < g.length; i++) {
      s += g[i] * (y[i] - x[i]);
    }
    return s;
  }
}
