package org.basinbench.algorithm;

import java.util.List;
import org.basinbench.instance.Problem;
import org.basinbench.objective.StochasticLanes;
import org.basinbench.objective.StochasticObjective;
import org.basinbench.rng.SplitMix64;
import org.basinbench.solver.BatchStochasticGradient;
import org.basinbench.solver.SgdConfig;
import org.basinbench.solver.SolveResult;
import org.basinbench.solver.StochasticGradient;
import org.basinbench.solver.Trace;
import org.basinbench.spec.Canonical;
import org.basinbench.spec.Capability;
import org.basinbench.spec.Column;
import org.basinbench.spec.ColumnValues;
import org.basinbench.spec.Columns;
import org.basinbench.spec.Field;
import org.basinbench.spec.Requirement;
import org.basinbench.spec.SolverSpec;
import org.basinbench.spec.AbstractSolverUnit;
import org.basinbench.spec.Values;

/**
 * {@code sgd}: unconstrained minibatch stochastic gradient descent (batches of measurements, or
 * of observed entries for entrywise losses). Where the problem's loss has lanes with minibatch
 * gradients, the trials of a cell advance together as lanes of {@link BatchStochasticGradient},
 * each with its own generator.
 */
public final class Sgd extends AbstractSolverUnit {
  public static final String NAME = "sgd";

  private static final List<Field> FIELDS = Solvers.concat(List.of(
      Field.number("step", true, null, 0, true, Double.NaN, true),
      Field.integer("batch", false, 1L, 1, 100_000_000L, true)), Solvers.stopping(10_000L));

  private static final List<Column> COLUMNS = Solvers.concatColumns(List.of(Columns.SOLVER_NAME, Columns.STEP),
      Columns.STOPPING, List.of(Columns.BATCH));

  public Sgd() {
    super(NAME, "minibatch stochastic gradient descent over the terms of the loss (batched lanes where the family"
        + " offers them)",
        FIELDS, COLUMNS);
  }

  @Override
  public SolverSpec bind(Values c) {
    return new Spec(new SgdConfig(c.number("step"), c.integer("batch"), Solvers.stopping(c)));
  }

  /** @param config step, batch size and stopping rules */
  public record Spec(SgdConfig config) implements Configured {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String describe() {
      return NAME + " step=" + config.step() + " batch=" + config.batch() + Solvers.describeStopping(config.stop());
    }

    @Override
    public String canonicalKey() {
      return NAME + ";step=" + Canonical.bits(config.step()) + ";batch=" + config.batch() + ";maxIter="
          + config.maxIter() + ";tol=" + Canonical.bits(config.stop().tol()) + Solvers.stoppingKey(config.stop());
    }

    @Override
    public void columns(ColumnValues m) {
      m.put(Columns.SOLVER_NAME, NAME);
      m.put(Columns.STEP, config.step());
      Columns.stopping(m, config.stop());
      m.put(Columns.BATCH, config.batch());
    }

    @Override
    public List<Requirement> requirements() {
      return List.of(Requirement.smooth(), Requirement.of(Capability.STOCHASTIC, "solver \"%1$s\" samples the"
          + " terms of the loss, and the loss of %2$s is not a sum of terms it can sample; use \"gd\""));
    }

    @Override
    public SolveResult solve(Problem problem, double[] x0, SplitMix64 rng, Trace trace) {
      return StochasticGradient.solve((StochasticObjective) problem.objective(), x0, config, rng, trace);
    }

    /** Where the loss has lanes with minibatch gradients (the small sensing families, rip-half). */
    @Override
    public boolean batches(Problem problem) {
      return problem.laneObjective(1) instanceof StochasticLanes;
    }

    @Override
    public SolveResult[] solveBatch(Problem problem, double[][] starts, SplitMix64[] rngs, Trace[] traces) {
      return BatchStochasticGradient.solve((StochasticLanes) problem.laneObjective(starts.length), starts, config,
          rngs, traces);
    }
  }
}
