package org.basinbench.solver;

import java.util.Objects;
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
 * {@link ProjectedGradient}, by the rules of {@link Stopping}. Reads no truth.
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
    return solve(f, x0, cfg, new Trace(cfg.maxIter(), false), null);
  }

  /** As {@link #solve(Objective, double[], StepConfig)}, recording checkpoints into {@code trace}. */
  public static SolveResult solve(Objective f, double[] x0, StepConfig cfg, Trace trace) {
    return solve(f, x0, cfg, trace, null);
  }

  /**
   * As {@link #solve(Objective, double[], StepConfig)}; when {@code slack} is non-null,
   * {@code slack[0]} receives the smallest {@code sigma <g, x+ - x> - (f(x+) - f(x))} over the
   * accepted steps (>= 0 when every accepted step satisfies the test) and {@code slack[1]}
   * the number of accepted steps. For tests. With {@code cfg.alternating()} each iteration
   * searches the blocks of the variable in turn, each with its own carried-over step (Lin's
   * alternating variant: the gradient is re-evaluated after each block).
   */
  static SolveResult solve(Objective f, double[] x0, StepConfig cfg, Trace trace, double[] slack) {
    Objects.requireNonNull(f, "f");
    int dim = f.dim();
    if (x0.length != dim) {
      throw new IllegalArgumentException("x0 must have length f.dim() = " + dim + ", got " + x0.length);
    }
    int[] blocks = cfg.alternating() ? f.blockStarts() : new int[] {0};
    Search search = new Search(dim);
    for (int i = 0; i < dim; i++) {
      search.x[i] = Math.max(0.0, x0[i]);
    }
    double[] x = search.x;
    double[] g = search.g;
    double[] alpha = new double[blocks.length];
    java.util.Arrays.fill(alpha, cfg.step());
    if (slack != null) {
      slack[0] = Double.POSITIVE_INFINITY;
      slack[1] = 0;
    }
    Monitor monitor = new Monitor(cfg.stop(), trace, 1);
    double loss = f.valueAndGradient(x, g);
    double pg = ProjectedGradient.pgNorm(x, g);
    Termination termination = monitor.start(x, loss, pg);
    int iterations = 0;
    while (termination == null) {
      for (int b = 0; b < blocks.length; b++) {
        int lo = blocks[b];
        int hi = b + 1 < blocks.length ? blocks[b + 1] : dim;
        if (b > 0) {
          loss = f.valueAndGradient(x, g);
        }
        alpha[b] = search.step(f, loss, lo, hi, alpha[b], slack);
      }
      iterations++;
      loss = f.valueAndGradient(x, g);
      pg = ProjectedGradient.pgNorm(x, g);
      termination = monitor.check(iterations, x, loss, pg);
    }
    return monitor.finish(x, loss, pg, iterations, termination);
  }

  /** The point, its gradient and the trial buffers of one solve. */
  private static final class Search {
    final double[] x;
    final double[] g;
    final double[] trial;
    final double[] best;

    Search(int dim) {
      x = new double[dim];
      g = new double[dim];
      trial = new double[dim];
      best = new double[dim];
    }

    /**
     * One Armijo search on the entries {@code [lo, hi)} from x (loss {@code loss}, gradient g):
     * moves x to the accepted point, if any, and returns the step to carry over.
     */
    double step(Objective f, double loss, int lo, int hi, double alpha, double[] slack) {
      System.arraycopy(x, 0, trial, 0, x.length);
      double bestLoss = Double.NaN;
      double bestSlack = Double.NaN;
      boolean growing = false;
      for (int t = 0; t < MAX_TRIALS; t++) {
        for (int i = lo; i < hi; i++) {
          trial[i] = Math.max(0.0, x[i] - alpha * g[i]);
        }
        double decrease = SIGMA * directional(lo, hi);
        double trialLoss = f.value(trial);
        boolean sufficient = Double.isFinite(trialLoss) && trialLoss - loss <= decrease;
        if (t == 0) {
          growing = sufficient;
        }
        if (growing) {
          // Growing alpha: keep the last passing point; stop when the test fails or the
          // projection arc stops moving (a larger alpha gives the same point).
          if (!sufficient || (t > 0 && java.util.Arrays.equals(trial, lo, hi, best, lo, hi))) {
            alpha *= BETA;
            break;
          }
          System.arraycopy(trial, lo, best, lo, hi - lo);
          bestLoss = trialLoss;
          bestSlack = decrease - (trialLoss - loss);
          alpha /= BETA;
        } else {
          if (sufficient) {
            System.arraycopy(trial, lo, best, lo, hi - lo);
            bestLoss = trialLoss;
            bestSlack = decrease - (trialLoss - loss);
            break;
          }
          alpha *= BETA;
        }
      }
      if (!Double.isNaN(bestLoss)) {
        System.arraycopy(best, lo, x, lo, hi - lo);
        if (slack != null) {
          slack[0] = Math.min(slack[0], bestSlack);
          slack[1]++;
        }
      }
      return alpha;
    }

    /** {@code <g, trial - x>} on {@code [lo, hi)}. */
    private double directional(int lo, int hi) {
      double s = 0;
      for (int i = lo; i < hi; i++) {
        s += g[i] * (trial[i] - x[i]);
      }
      return s;
    }
  }
}
