package org.basinbench.run;

import java.util.HashMap;
import java.util.Map;
import org.basinbench.instance.NonnegCounterexample;
import org.basinbench.linalg.MatOps;
import org.basinbench.objective.SymmetricSensingLoss;
import org.basinbench.rng.Seeds;
import org.basinbench.rng.SplitMix64;
import org.basinbench.solver.ProjectedGradient;
import org.basinbench.solver.SolveResult;
import org.basinbench.spec.Cell;
import org.basinbench.spec.Experiment;
import org.basinbench.spec.InstanceSpec;
import org.basinbench.spec.SolverSpec;

/**
 * Runs trials: {@code (cell, trial index) -> TrialResult}, a pure function of the experiment
 * and the key. Holds per-cell scratch (objective buffers, matrices), so one runner serves one
 * thread (one Spark partition) and is reused across its trials. Knows nothing of Spark.
 */
public final class TrialRunner {
  /** Stream tag of the starting-point draws (instance draws will use another tag). */
  static final long STREAM_INIT = 1;

  private final Experiment experiment;
  private final Map<Integer, Prepared> prepared = new HashMap<>();

  public TrialRunner(Experiment experiment) {
    this.experiment = experiment;
  }

  /**
   * The seed of trial {@code trial} at a grid point. Never depends on the solver, partition,
   * attempt or time: all solvers of a grid point see the same starting points, and a retried
   * task recomputes the same trial.
   */
  public static long trialSeed(long specSeed, long pointKey, int trial) {
    return Seeds.derive(specSeed, pointKey, trial);
  }

  /** Runs one trial. Numeric failure becomes an outcome, never an exception. */
  public TrialResult run(int cellIndex, int trial) {
    Cell cell = experiment.cells().get(cellIndex);
    Prepared p = prepared.computeIfAbsent(cellIndex, i -> prepare(cell));
    long seed = trialSeed(experiment.seed(), cell.pointKey(), trial);
    cell.init().draw(new SplitMix64(Seeds.derive(seed, STREAM_INIT)), p.x0);
    SolveResult r = solve(cell.solver(), p);
    double relError = Double.NaN;
    double distSpurious = Double.NaN;
    if (MatOps.allFinite(r.x())) {
      // X = U U^T, compared with the truth M* and with the spurious U0 U0^T.
      MatOps.multABt(r.x(), r.x(), p.n, p.n, p.r, p.uut);
      relError = MatOps.distF(p.uut, p.truth) / p.truthNorm;
      distSpurious = MatOps.distF(p.uut, p.spurious) / p.spuriousNorm;
    }
    Outcome outcome = Outcome.classify(r.termination(), relError, distSpurious, experiment.success());
    return new TrialResult(cellIndex, trial, seed, outcome, r.termination(), relError, r.loss(), r.pgNorm(),
        r.iterations(), distSpurious);
  }

  private static SolveResult solve(SolverSpec solver, Prepared p) {
    if (solver instanceof SolverSpec.Pgd pgd) {
      return ProjectedGradient.solve(p.loss, p.x0, pgd.config());
    }
    throw new IllegalStateException("no runner for solver " + solver.name());
  }

  private static Prepared prepare(Cell cell) {
    if (cell.instance() instanceof InstanceSpec.Counterexample c) {
      return new Prepared(c.params());
    }
    throw new IllegalStateException("no runner for family " + cell.instance().family());
  }

  /** Per-cell state: the objective (owns its scratch), catalogued matrices, work buffers. */
  private static final class Prepared {
    final int n;
    final int r;
    final SymmetricSensingLoss loss;
    final double[] truth;
    final double[] spurious;
    final double truthNorm;
    final double spuriousNorm;
    final double[] x0;
    final double[] uut;

    Prepared(NonnegCounterexample inst) {
      n = inst.n();
      r = inst.r();
      loss = inst.loss();
      truth = inst.truthMatrix();
      spurious = inst.spuriousMatrix();
      truthNorm = MatOps.normF(truth);
      spuriousNorm = MatOps.normF(spurious);
      x0 = new double[n * r];
      uut = new double[n * n];
    }
  }
}
