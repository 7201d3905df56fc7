package org.basinbench.jmh;

import java.util.concurrent.TimeUnit;
import org.basinbench.instance.PlantedNmf;
import org.basinbench.instance.RipHalf;
import org.basinbench.objective.BatchObjective;
import org.basinbench.objective.LinearOperator;
import org.basinbench.objective.MaskedFactorLoss;
import org.basinbench.objective.Objective;
import org.basinbench.rng.SplitMix64;
import org.basinbench.solver.MultiplicativeUpdates;
import org.basinbench.solver.NmfConfig;
import org.basinbench.solver.ProjectedGradient;
import org.basinbench.solver.StepConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH microbenchmarks of the solver kernels (run with {@code bin/jmh}; see the README's
 * "Performance"): the rip-half operator and its gradient, one step of the batched rip-half
 * kernel over a block of lanes (SIMD and scalar), and MU and PGD iterations on planted NMF at
 * 100 x 100 rank 10 and 1000 x 1000 rank 50. Times are per operation: per operator application,
 * per gradient, per lane-step, per NMF iteration.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class KernelsBenchmark {

  /** The rip-half instance, one point at a time and as a block of lanes. */
  @State(Scope.Thread)
  public static class RipHalfState {
    static final int LANES = 256;
    final LinearOperator op = RipHalf.problem().sensingOperator();
    final Objective f = RipHalf.problem().objective();
    final BatchObjective simd = RipHalf.batchObjective();
    final BatchObjective scalar = RipHalf.scalarBatchObjective();
    final double[] x = {0.3, 0.7};
    final double[] xx = {0.09, 0.21, 0.21, 0.49};
    final double[] y = new double[3];
    final double[] grad = new double[2];
    final double[][] lanes = new double[2][LANES];
    final double[][] g = new double[2][LANES];
    final double[] loss = new double[LANES];
    final double[] gn2 = new double[LANES];
    final double[] limit = new double[LANES];
    final double[] flag = new double[LANES];

    @Setup
    public void setUp() {
      SplitMix64 rng = new SplitMix64(1);
      for (int i = 0; i < LANES; i++) {
        lanes[0][i] = rng.nextGaussian();
        lanes[1][i] = rng.nextGaussian();
        limit[i] = Double.POSITIVE_INFINITY;
      }
    }

    /** A step of 0 keeps the lanes where they are: every invocation sees the same normal numbers. */
    double step(BatchObjective kernel) {
      return kernel.descend(0.0, lanes, LANES, loss, g, gn2, limit, flag);
    }
  }

  @Benchmark
  public double[] ripHalfOperatorApply(RipHalfState s) {
    s.op.apply(s.xx, s.y);
    return s.y;
  }

  @Benchmark
  public double ripHalfGradient(RipHalfState s) {
    return s.f.valueAndGradient(s.x, s.grad);
  }

  @Benchmark
  @OperationsPerInvocation(RipHalfState.LANES)
  public double ripHalfBatchLaneStepSimd(RipHalfState s) {
    return s.step(s.simd);
  }

  @Benchmark
  @OperationsPerInvocation(RipHalfState.LANES)
  public double ripHalfBatchLaneStepScalar(RipHalfState s) {
    return s.step(s.scalar);
  }

  /** A planted NMF instance and a half-normal start. */
  @State(Scope.Thread)
  public static class NmfState {
    @Param({"100", "1000"})
    public int n;
    MaskedFactorLoss f;
    double[] x0;
    NmfConfig mu;
    StepConfig pgd;

    @Setup
    public void setUp() {
      int r = n == 100 ? 10 : 50;
      f = (MaskedFactorLoss) new PlantedNmf(n, n, r, r, PlantedNmf.HALF_NORMAL, 1.0, 1.0, 0)
          .draw(new SplitMix64(1)).objective();
      x0 = new double[f.dim()];
      SplitMix64 rng = new SplitMix64(2);
      for (int i = 0; i < x0.length; i++) {
        x0[i] = rng.nextHalfNormal();
      }
      // tol 0: every run takes all its iterations, with the evaluations a real run makes; 200 a
      // run, so that its setup and its first ten updates (all trace checkpoints, each evaluated)
      // weigh little, as in the long runs of real experiments.
      mu = new NmfConfig(1e-12, NMF_ITERATIONS, 0.0);
      pgd = new StepConfig(0.1 / (n * r), NMF_ITERATIONS, 0.0);
    }
  }

  static final int NMF_ITERATIONS = 200;

  @Benchmark
  @OperationsPerInvocation(NMF_ITERATIONS)
  public Object nmfMuIteration(NmfState s) {
    return MultiplicativeUpdates.solve(s.f, s.x0, s.mu);
  }

  @Benchmark
  @OperationsPerInvocation(NMF_ITERATIONS)
  public Object nmfPgdIteration(NmfState s) {
    return ProjectedGradient.solve(s.f, s.x0, s.pgd);
  }
}
