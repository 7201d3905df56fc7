package org.basinbench.algorithm;

import java.util.List;
import org.basinbench.instance.Problem;
import org.basinbench.rng.SplitMix64;
import org.basinbench.solver.BatchGradientDescent;
import org.basinbench.solver.GradientDescent;
import org.basinbench.solver.LaneDescent;
import org.basinbench.solver.SolveResult;
import org.basinbench.solver.StepConfig;
import org.basinbench.solver.Trace;
import org.basinbench.spec.Canonical;
import org.basinbench.spec.Column;
import org.basinbench.spec.ColumnValues;
import org.basinbench.spec.Columns;
import org.basinbench.spec.Field;
import org.basinbench.spec.Requirement;
import org.basinbench.spec.SolverSpec;
import org.basinbench.spec.AbstractSolverUnit;
import org.basinbench.spec.Values;

/**
 * {@code gd}: unconstrained gradient descent {@code x <- x - step grad f(x)} (on a nonnegative
 * family, the no-constraint baseline). Where the problem offers a batched objective, the
 * trials of a cell advance together as lanes of {@link BatchGradientDescent}.
 */
public final class Gd extends AbstractSolverUnit {
  public static final String NAME = "gd";

  private static final List<Field> FIELDS = Solvers.concat(List.of(
      Field.number("step", true, null, 0, true, Double.NaN, true)), Solvers.stopping(10_000L));

  private static final List<Column> COLUMNS = Solvers.concatColumns(List.of(Columns.SOLVER_NAME, Columns.STEP),
      Columns.STOPPING, List.of(Columns.STEP_RULE, Columns.BLOCKS, Columns.THRESHOLD, Columns.PERTURB));

  public Gd() {
    super(NAME, "unconstrained gradient descent with a fixed step (batched lanes where the family offers them)",
        FIELDS, COLUMNS);
  }

  @Override
  public SolverSpec bind(Values c) {
    return new Spec(new StepConfig(c.number("step"), Solvers.stopping(c), false));
  }

  /** @param config step and stopping rules (joint updates) */
  public record Spec(StepConfig config) implements Configured {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String canonicalKey() {
      // The fixed-step key published first for gd and pgd; later options extend it only when set.
      return NAME + ";step=" + Canonical.bits(config.step()) + ";maxIter=" + config.maxIter() + ";tol="
          + Canonical.bits(config.tol()) + Solvers.stoppingKey(config.stop());
    }

    @Override
    public String describe() {
      return NAME + " step=" + config.step() + Solvers.describeStopping(config.stop());
    }

    @Override
    public void columns(ColumnValues m) {
      m.put(Columns.SOLVER_NAME, NAME);
      m.put(Columns.STEP, config.step());
      Columns.stopping(m, config.stop());
      m.put(Columns.STEP_RULE, Pgd.FIXED);
      m.put(Columns.BLOCKS, Pgd.JOINT);
      Solvers.safeguardColumns(m, null);
    }

    @Override
    public List<Requirement> requirements() {
      return List.of(Requirement.smooth());
    }

    @Override
    public SolveResult solve(Problem problem, double[] x0, SplitMix64 rng, Trace trace) {
      return GradientDescent.solve(problem.objective(), x0, config, trace);
    }

    @Override
    public boolean batches(Problem problem) {
      return problem.batchObjective() != null || problem.hasLanes();
    }

    @Override
    public SolveResult[] solveBatch(Problem problem, double[][] starts, SplitMix64[] rngs, Trace[] traces) {
      // The closed form where the family has one (rip-half), else the loss's lanes.
      return BatchGradientDescent.solve(problem.batchObjective() != null ? problem.batchObjective()
          : new LaneDescent(problem.laneObjective(starts.length), false), starts, config, traces);
    }
  }
}
