package org.basinbench.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.basinbench.instance.PlantedNmf;
import org.basinbench.instance.RipHalf;
import org.basinbench.objective.BatchObjective;
import org.basinbench.objective.MaskedFactorLoss;
import org.basinbench.objective.Objective;
import org.basinbench.rng.SplitMix64;
import org.basinbench.solver.BatchGradientDescent;
import org.basinbench.solver.BatchStochasticGradient;
import org.basinbench.solver.GradientDescent;
import org.basinbench.solver.MultiplicativeUpdates;
import org.basinbench.solver.NmfConfig;
import org.basinbench.solver.ProjectedGradient;
import org.basinbench.solver.SgdConfig;
import org.basinbench.solver.SolveResult;
import org.basinbench.solver.StepConfig;
import org.basinbench.solver.StochasticGradient;
import org.basinbench.solver.Trace;

/**
 * Solver kernels in this JVM, one thread, no Spark: the per-iteration cost of multiplicative
 * updates and projected gradient on planted NMF (100 x 100 rank 10, 1000 x 1000 rank 50), and
 * the trial-steps per second of plain gradient descent on rip-half. Each case runs once to warm
 * the JIT (the whole timed run, so that no part of it runs uncompiled), then is timed over
 * enough iterations to last about a second or more.
 *
 * <p>GFLOP/s are effective: {@code 4 n m r} flops per NMF iteration, the two n x m x r products
 * that every MU or gradient iteration needs (what scikit-learn's MU figures count), whatever the
 * implementation actually spends.
 */
final class KernelBench implements Bench.Case {
  @Override
  public String about() {
    return "solver kernels, one thread: MU and PGD ms/iteration on planted NMF, rip-half GD and Theorem 2 PGD"
        + " and SGD trial-steps/s (lanes and one point)";
  }

  @Override
  public void run(Bench.Figures fig, Path root, Map<String, String> options) {
    fig.put("blas", org.basinbench.linalg.Blas.implementation());
    fig.put("simd", org.basinbench.linalg.Simd.implementation());
    fig.put("openblas_coretype", String.valueOf(System.getenv("OPENBLAS_CORETYPE")));
    nmf(fig, "nmf100", 100, 10, 2000);
    nmf(fig, "nmf1000", 1000, 50, 200);
    ripHalf(fig);
    theorem2(fig, 1);
    theorem2(fig, 2);
    sgd(fig, "riphalf.sgd", RipHalf.problem(), 0.003, 1, 1.0, false);
    sgd(fig, "theorem2.r2.sgd", new org.basinbench.instance.NonnegCounterexample(4, 1, 2, 0.5, 0.5)
        .symmetricProblem(), 0.02, 4, 0.5, true);
    fig.put("peak_heap_mb", peakHeapMb());
    String peers = options.get("--peers");
    if (peers != null) {
      try {
        Peers.Result r = Peers.run(Path.of(peers), List.of("nmf_sklearn_mu.py"));
        fig.put("peer.nmf_sklearn_mu.command", r.command());
        for (String line : r.output().lines().toList()) {
          java.util.regex.Matcher m = java.util.regex.Pattern.compile("^sklearn_mu_ms\\.(\\d+): ([0-9.]+)").matcher(line);
          if (m.find()) {
            fig.put("peer.sklearn_mu.nmf" + m.group(1) + ".ms_per_iter", Double.parseDouble(m.group(2)));
          }
        }
      } catch (java.io.IOException | InterruptedException e) {
        throw new IllegalStateException("peer nmf_sklearn_mu.py: " + e.getMessage(), e);
      }
    }
  }

  /**
   * The quickstart's kernel: Theorem 2 symmetric (n = 4, r* = 1, alpha = 0.5), fixed-step PGD
   * (step 0.05, tol 0 so every lane takes its whole budget) through the lanes of
   * {@link BatchGradientDescent}, 2,000 updates each (see {@link #laneFigures}).
   */
  private static void theorem2(Bench.Figures fig, int r) {
    org.basinbench.instance.Problem p = new org.basinbench.instance.NonnegCounterexample(4, 1, r, 0.5, 0.5)
        .symmetricProblem();
    StepConfig cfg = new StepConfig(0.05, 2000, 0.0);
    SplitMix64 rng = new SplitMix64(5);
    int dim = p.objective().dim();
    java.util.function.IntFunction<double[][]> starts = count -> {
      double[][] s = new double[count][dim];
      for (double[] x : s) {
        for (int i = 0; i < dim; i++) {
          x[i] = 0.5 * rng.nextHalfNormal();
        }
      }
      return s;
    };
    java.util.function.ToLongFunction<double[][]> lanes = s -> {
      Trace[] traces = new Trace[s.length];
      for (int i = 0; i < s.length; i++) {
        traces[i] = new Trace(cfg.maxIter(), false);
      }
      long steps = 0;
      for (SolveResult res : BatchGradientDescent.solve(
          new org.basinbench.solver.LaneDescent(p.laneObjective(s.length), true), s, cfg, traces)) {
        steps += res.iterations();
      }
      return steps;
    };
    laneFigures(fig, "theorem2.r" + r + ".pgd", starts, lanes,
        (x, i) -> ProjectedGradient.solve(p.objective(), x, cfg).iterations());
  }

  /**
   * The figures of a lane kernel: after a warm-up run of 512 starts, 2,560 starts through the
   * lanes, then 200 of them one point at a time (after 50 for warm-up), in ns per trial-step.
   *
   * @param onePoint runs start {@code x} (the i-th) alone; returns its updates
   */
  private static void laneFigures(Bench.Figures fig, String name, java.util.function.IntFunction<double[][]> starts,
      java.util.function.ToLongFunction<double[][]> lanes, java.util.function.ToLongBiFunction<double[], Integer> onePoint) {
    lanes.applyAsLong(starts.apply(512));
    double[][] s = starts.apply(2560);
    long t0 = System.nanoTime();
    long steps = lanes.applyAsLong(s);
    double sec = (System.nanoTime() - t0) / 1e9;
    fig.put(name + ".lanes.trial_steps_per_s", steps / sec);
    fig.put(name + ".lanes.ns_per_trial_step", sec * 1e9 / steps);
    for (int i = 0; i < 50; i++) {
      onePoint.applyAsLong(s[i], i);
    }
    long one = 0;
    t0 = System.nanoTime();
    for (int i = 0; i < 200; i++) {
      one += onePoint.applyAsLong(s[i], i);
    }
    sec = (System.nanoTime() - t0) / 1e9;
    fig.put(name + ".one_point.ns_per_trial_step", sec * 1e9 / one);
  }

  /**
   * Minibatch SGD as the jobs run it (rip-half: step 0.003, one measurement a step; Theorem 2
   * r = 2: step 0.02, 4 of 16), tol 0 so every lane takes its whole budget of 10,000 steps:
   * 2,560 starts through the lanes of {@link BatchStochasticGradient}, each with its own
   * generator, and 200 of them one point at a time ({@link StochasticGradient}) for scale.
   */
  private static void sgd(Bench.Figures fig, String name, org.basinbench.instance.Problem p, double step, int batch,
      double scale, boolean halfNormal) {
    SgdConfig cfg = new SgdConfig(step, batch, org.basinbench.solver.Stopping.of(10_000, 0.0));
    SplitMix64 rng = new SplitMix64(6);
    int dim = p.objective().dim();
    java.util.function.IntFunction<double[][]> starts = count -> {
      double[][] s = new double[count][dim];
      for (double[] x : s) {
        for (int i = 0; i < dim; i++) {
          x[i] = scale * (halfNormal ? rng.nextHalfNormal() : rng.nextGaussian());
        }
      }
      return s;
    };
    java.util.function.ToLongFunction<double[][]> lanes = s -> {
      Trace[] traces = new Trace[s.length];
      SplitMix64[] rngs = new SplitMix64[s.length];
      for (int i = 0; i < s.length; i++) {
        traces[i] = new Trace(cfg.maxIter(), false);
        rngs[i] = new SplitMix64(i);
      }
      long steps = 0;
      for (SolveResult res : BatchStochasticGradient.solve(
          (org.basinbench.objective.StochasticLanes) p.laneObjective(s.length), s, cfg, rngs, traces)) {
        steps += res.iterations();
      }
      return steps;
    };
    org.basinbench.objective.StochasticObjective f = (org.basinbench.objective.StochasticObjective) p.objective();
    laneFigures(fig, name, starts, lanes, (x, i) -> StochasticGradient.solve(f, x, cfg, new SplitMix64(i)).iterations());
  }

  /**
   * The sum of the heap pools' peak usage in this JVM since start (the kernels allocate their
   * buffers once per run): an upper bound on the peak heap in use.
   */
  private static long peakHeapMb() {
    long bytes = 0;
    for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes >> 20;
  }

  private static void nmf(Bench.Figures fig, String name, int n, int r, int iterations) {
    MaskedFactorLoss f = (MaskedFactorLoss) new PlantedNmf(n, n, r, r, PlantedNmf.HALF_NORMAL, 1.0, 1.0, 0)
        .draw(new SplitMix64(1)).objective();
    double[] x0 = new double[f.dim()];
    SplitMix64 rng = new SplitMix64(2);
    for (int i = 0; i < x0.length; i++) {
      x0[i] = rng.nextHalfNormal();
    }
    double flops = 4.0 * n * n * r;
    // tol 0: every run uses its whole budget (the loss and KKT residual are still evaluated
    // every 10 updates for MU and every iteration for PGD, as in a real run).
    NmfConfig mu = new NmfConfig(1e-12, iterations, 0.0);
    // Warm-up: the same run once, so that the timed one runs compiled code throughout.
    MultiplicativeUpdates.solve(f, x0, mu);
    long t0 = System.nanoTime();
    SolveResult m = MultiplicativeUpdates.solve(f, x0, mu);
    double ms = (System.nanoTime() - t0) / 1e6 / m.iterations();
    fig.put(name + ".mu.ms_per_iter", ms);
    fig.put(name + ".mu.gflops", flops / (ms * 1e6));
    // A step below 1 / L for these scales (L ~ ||V||^2 ~ n r (2 / pi)), so no run diverges.
    StepConfig pgd = new StepConfig(0.1 / (n * r), iterations, 0.0);
    ProjectedGradient.solve(f, x0, pgd);
    t0 = System.nanoTime();
    SolveResult p = ProjectedGradient.solve(f, x0, pgd);
    ms = (System.nanoTime() - t0) / 1e6 / p.iterations();
    fig.put(name + ".pgd.ms_per_iter", ms);
    fig.put(name + ".pgd.gflops", flops / (ms * 1e6));
    fig.put(name + ".pgd.terminations", p.termination().name());
  }

  /** Plain GD, step 0.005, 10,000 steps, tol 0, from Gaussian starts: the reference case. */
  private static void ripHalf(Bench.Figures fig) {
    Objective f = RipHalf.problem().objective();
    StepConfig cfg = new StepConfig(0.005, 10_000, 0.0);
    SplitMix64 rng = new SplitMix64(3);
    double[] x0 = new double[2];
    for (int warm = 0; warm < 200; warm++) {
      x0[0] = rng.nextGaussian();
      x0[1] = rng.nextGaussian();
      GradientDescent.solve(f, x0, cfg);
    }
    int trials = 2000;
    long steps = 0;
    long t0 = System.nanoTime();
    for (int t = 0; t < trials; t++) {
      x0[0] = rng.nextGaussian();
      x0[1] = rng.nextGaussian();
      steps += GradientDescent.solve(f, x0, cfg).iterations();
    }
    double s = (System.nanoTime() - t0) / 1e9;
    fig.put("riphalf.gd.trials", trials);
    fig.put("riphalf.gd.trial_steps", steps);
    fig.put("riphalf.gd.trial_steps_per_s", steps / s);
    ripHalfBatched(fig);
  }

  /**
   * The same case through {@link BatchGradientDescent}, the path of every rip-half GD trial in a
   * run: 20,000 starts, 10,000 steps each (no start stops early at tol 0 except by divergence).
   * Flops are the batch kernel's 28 a step (update, loss, gradient and its squared norm).
   */
  private static void ripHalfBatched(Bench.Figures fig) {
    BatchObjective f = RipHalf.batchObjective();
    StepConfig cfg = new StepConfig(0.005, 10_000, 0.0);
    SplitMix64 rng = new SplitMix64(4);
    solveBatch(f, cfg, rng, 2000);
    int trials = 20_000;
    long t0 = System.nanoTime();
    long steps = solveBatch(f, cfg, rng, trials);
    double s = (System.nanoTime() - t0) / 1e9;
    fig.put("riphalf.batch.trials", trials);
    fig.put("riphalf.batch.trial_steps", steps);
    fig.put("riphalf.batch.trial_steps_per_s", steps / s);
    fig.put("riphalf.batch.gflops", 28.0 * steps / s / 1e9);
  }

  private static long solveBatch(BatchObjective f, StepConfig cfg, SplitMix64 rng, int trials) {
    double[][] starts = new double[trials][];
    Trace[] traces = new Trace[trials];
    for (int t = 0; t < trials; t++) {
      starts[t] = new double[] {rng.nextGaussian(), rng.nextGaussian()};
      traces[t] = new Trace(cfg.maxIter(), false);
    }
    long steps = 0;
    for (SolveResult r : BatchGradientDescent.solve(f, starts, cfg, traces)) {
      steps += r.iterations();
    }
    return steps;
  }
}
