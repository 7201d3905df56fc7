package org.basinbench.algorithm;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.basinbench.instance.Problem;
import org.basinbench.rng.SplitMix64;
import org.basinbench.solver.ArmijoProjectedGradient;
import org.basinbench.solver.BatchGradientDescent;
import org.basinbench.solver.LaneDescent;
import org.basinbench.solver.ProjectedGradient;
import org.basinbench.solver.Safeguard;
import org.basinbench.solver.SolveResult;
import org.basinbench.solver.StepConfig;
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
 * {@code pgd}: projected gradient {@code U <- max(0, U - step grad f(U))}, with a fixed step
 * ({@link Fixed}) or Lin's Armijo rule along the projection arc ({@link Armijo}), joint or
 * alternating block updates, and optionally the thresholding safeguard.
 */
public final class Pgd extends AbstractSolverUnit {
  public static final String NAME = "pgd";
  public static final String FIXED = "fixed";
  public static final String ARMIJO = "armijo";
  public static final String JOINT = "joint";
  public static final String ALTERNATING = "alternating";

  private static final List<Field> FIELDS = Solvers.concat(Solvers.concat(List.of(
      Field.number("step", true, null, 0, true, Double.NaN, true)), Solvers.stopping(10_000L)),
      Solvers.concat(List.of(
          Field.string("stepRule", false, FIXED, List.of(FIXED, ARMIJO)),
          Field.string("blocks", false, JOINT, List.of(JOINT, ALTERNATING))), Solvers.safeguard()));

  private static final List<Column> COLUMNS = Solvers.concatColumns(List.of(Columns.SOLVER_NAME, Columns.STEP),
      Columns.STOPPING, List.of(Columns.STEP_RULE, Columns.BLOCKS, Columns.THRESHOLD, Columns.PERTURB));

  public Pgd() {
    super(NAME, "projected gradient onto U >= 0: fixed step or Armijo line search, joint or alternating blocks,"
        + " optional thresholding safeguard",
        FIELDS, COLUMNS);
  }

  @Override
  public SolverSpec bind(Values c) {
    StepConfig step = new StepConfig(c.number("step"), Solvers.stopping(c), ALTERNATING.equals(c.text("blocks")));
    Safeguard guard = Solvers.safeguard(c);
    return ARMIJO.equals(c.text("stepRule")) ? new Armijo(step, guard) : new Fixed(step, guard);
  }

  /**
   * What both step rules share: the key published first for fixed-step pgd (later options
   * extend it only when set), the description, the columns, and the requirements (a
   * gradient, a nonnegative family, and two blocks to alternate).
   */
  public interface Spec extends Configured {
    @Override
    StepConfig config();

    /** The thresholding safeguard, or null. */
    Safeguard safeguard();

    /** Whether the step follows Lin's Armijo rule. */
    boolean armijo();

    @Override
    default String name() {
      return NAME;
    }

    @Override
    default String canonicalKey() {
      StepConfig c = config();
      return NAME + ";step=" + Canonical.bits(c.step()) + ";maxIter=" + c.maxIter() + ";tol="
          + Canonical.bits(c.tol()) + (armijo() ? ";rule=armijo" : "") + Solvers.safeguardKey(safeguard())
          + Solvers.stoppingKey(c.stop()) + (c.alternating() ? ";blocks=alternating" : "");
    }

    @Override
    default String describe() {
      StepConfig c = config();
      return NAME + (armijo() ? " armijo step0=" : " step=") + c.step() + Solvers.describeStopping(c.stop())
          + (c.alternating() ? " alternating" : "") + Solvers.describeSafeguard(safeguard());
    }

    @Override
    default void columns(ColumnValues m) {
      m.put(Columns.SOLVER_NAME, NAME);
      m.put(Columns.STEP, config().step());
      Columns.stopping(m, config().stop());
      m.put(Columns.STEP_RULE, armijo() ? ARMIJO : FIXED);
      m.put(Columns.BLOCKS, config().alternating() ? ALTERNATING : JOINT);
      Solvers.safeguardColumns(m, safeguard());
    }

    @Override
    default List<Requirement> requirements() {
      List<Requirement> r = new ArrayList<>();
      r.add(Requirement.smooth());
      if (config().alternating()) {
        r.add(new Requirement("blocks", Set.of(Capability.FACTORED), "\"alternating\" updates the factors L and"
            + " R in turn, and %2$s has one factor; it applies to planted-nmf and the asymmetric counterexample"));
      }
      r.add(Requirement.nonnegative());
      return List.copyOf(r);
    }
  }

  /**
   * Fixed-step projected gradient.
   *
   * @param config step, stopping rules, joint or alternating block updates
   * @param safeguard the thresholding safeguard, or null
   */
  public record Fixed(StepConfig config, Safeguard safeguard) implements Spec {
    @Override
    public boolean armijo() {
      return false;
    }

    @Override
    public SolveResult solve(Problem problem, double[] x0, SplitMix64 rng, Trace trace) {
      return safeguard != null
          ? ProjectedGradient.solve(problem.objective(), x0, config, safeguard, rng, trace, false)
          : ProjectedGradient.solve(problem.objective(), x0, config, trace);
    }

    /**
     * Joint updates without the safeguard on a problem with lanes: every trial of the cell runs
     * as a lane of {@link BatchGradientDescent}, with the one-point loop's bits.
     */
    @Override
    public boolean batches(Problem problem) {
      return safeguard == null && !config.alternating() && problem.nonnegative() && problem.hasLanes();
    }

    @Override
    public SolveResult[] solveBatch(Problem problem, double[][] starts, SplitMix64[] rngs, Trace[] traces) {
      return BatchGradientDescent.solve(new LaneDescent(problem.laneObjective(starts.length), true), starts, config, traces);
    }
  }

  /**
   * Projected gradient with Lin's Armijo rule along the projection arc.
   *
   * @param config initial step, stopping rules, joint or alternating block updates
   * @param safeguard the thresholding safeguard, or null
   */
  public record Armijo(StepConfig config, Safeguard safeguard) implements Spec {
    @Override
    public boolean armijo() {
      return true;
    }

    @Override
    public SolveResult solve(Problem problem, double[] x0, SplitMix64 rng, Trace trace) {
      return safeguard != null
          ? ProjectedGradient.solve(problem.objective(), x0, config, safeguard, rng, trace, true)
          : ArmijoProjectedGradient.solve(problem.objective(), x0, config, trace);
    }
  }
}
