package org.basinbench.solver;

import java.util.Objects;
import org.basinbench.linalg.MatOps;
import org.basinbench.objective.StochasticObjective;
import org.basinbench.rng.SplitMix64;

/**
 * Unconstrained minibatch stochastic gradient descent,
 * {@code x <- x - step (N / B) sum_{i in batch} grad f_i(x)}, the batch drawn uniformly
 * without replacement (a partial Fisher-Yates shuffle of a persistent permutation, so a step
 * allocates nothing) from the trial's generator. The loss and the full gradient norm are
 * evaluated once per epoch ({@code ceil(N / B)} steps) and at the trace's checkpoints; the
 * stopping rules ({@link Stopping}) apply to those evaluations. On noiseless instances every
 * term vanishes at the truth, so a constant step can converge there exactly; at a spurious
 * point the terms do not vanish and the iterate keeps moving. Reads no truth.
 */
public final class StochasticGradient {
  private StochasticGradient() {}

  public static SolveResult solve(StochasticObjective f, double[] x0, SgdConfig cfg, SplitMix64 rng) {
    return solve(f, x0, cfg, rng, new Trace(cfg.maxIter(), false));
  }

  /**
   * @param f the objective (its scratch is used)
   * @param x0 start, length f.dim(); not modified
   * @param cfg step, batch size and stopping rules
   * @param rng the trial's generator for the batches (randomness is an argument)
   * @param trace where the checkpoints go
   */
  public static SolveResult solve(StochasticObjective f, double[] x0, SgdConfig cfg, SplitMix64 rng, Trace trace) {
    Objects.requireNonNull(f, "f");
    Objects.requireNonNull(rng, "rng");
    int dim = f.dim();
    if (x0.length != dim) {
      throw new IllegalArgumentException("x0 must have length f.dim() = " + dim + ", got " + x0.length);
    }
    int terms = f.terms();
    int batch = Math.min(cfg.batch(), terms);
    int[] perm = new int[terms];
    for (int i = 0; i < terms; i++) {
      perm[i] = i;
    }
    double[] x = x0.clone();
    double[] g = new double[dim];
    Monitor monitor = new Monitor(cfg.stop(), trace, (terms + batch - 1) / batch);
    double loss = f.valueAndGradient(x, g);
    double gn = MatOps.normF(g);
    Termination termination = monitor.start(x, loss, gn);
    double step = cfg.step();
    int t = 0;
    while (termination == null) {
      for (int k = 0; k < batch; k++) {
        int j = k + rng.nextInt(terms - k);
        int tmp = perm[k];
        perm[k] = perm[j];
        perm[j] = tmp;
      }
      f.batchGradient(x, perm, batch, g);
      for (int i = 0; i < dim; i++) {
        x[i] -= step * g[i];
      }
      t++;
      if (monitor.due(t)) {
        loss = f.valueAndGradient(x, g);
        gn = MatOps.normF(g);
        termination = monitor.check(t, x, loss, gn);
      }
    }
    return monitor.finish(x, loss, gn, t, termination);
  }
}
