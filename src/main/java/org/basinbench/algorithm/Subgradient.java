package org.basinbench.algorithm;

import java.util.List;
import org.basinbench.instance.Problem;
import org.basinbench.rng.SplitMix64;
import org.basinbench.solver.SolveResult;
import org.basinbench.solver.SubgradientConfig;
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
 * {@code subgradient}: the subgradient method with geometric step decay,
 * {@code eta_t = step decay^t}, projected onto U >= 0 unless {@code constraint} is "none"
 * (Ma and Fattahi). Needs no gradient: it applies to the l1 loss.
 */
public final class Subgradient extends AbstractSolverUnit {
  public static final String NAME = "subgradient";

  private static final List<Field> FIELDS = List.of(
      Field.number("step", true, null, 0, true, Double.NaN, true),
      Field.number("decay", false, 0.99, 0, true, 1.0, true),
      Field.integer("maxIter", false, 1000L, 1, 100_000_000L, true),
      Field.string("constraint", false, "nonnegative", List.of("nonnegative", "none")));

  private static final List<Column> COLUMNS = List.of(Columns.SOLVER_NAME, Columns.STEP, Columns.MAX_ITER,
      Columns.DECAY, Columns.CONSTRAINT);

  public Subgradient() {
    super(NAME, "the subgradient method with geometric step decay, projected onto U >= 0 or unconstrained",
        FIELDS, COLUMNS);
  }

  @Override
  public SolverSpec bind(Values c) {
    return new Spec(new SubgradientConfig(c.number("step"), c.number("decay"), c.integer("maxIter"),
        "nonnegative".equals(c.text("constraint"))));
  }

  /** @param config step, decay, budget and whether to project */
  public record Spec(SubgradientConfig config) implements Configured {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String describe() {
      return NAME + " step=" + config.step() + " decay=" + config.decay() + " maxIter=" + config.maxIter()
          + (config.project() ? " projected" : " unconstrained");
    }

    @Override
    public String canonicalKey() {
      return NAME + ";step=" + Canonical.bits(config.step()) + ";decay=" + Canonical.bits(config.decay())
          + ";maxIter=" + config.maxIter() + ";project=" + config.project();
    }

    @Override
    public void columns(ColumnValues m) {
      m.put(Columns.SOLVER_NAME, NAME);
      m.put(Columns.STEP, config.step());
      m.put(Columns.MAX_ITER, config.maxIter());
      m.put(Columns.DECAY, config.decay());
      m.put(Columns.CONSTRAINT, config.project() ? "nonnegative" : "none");
    }

    @Override
    public List<Requirement> requirements() {
      return config.project() ? List.of(Requirement.nonnegative()) : List.of();
    }

    @Override
    public SolveResult solve(Problem problem, double[] x0, SplitMix64 rng, Trace trace) {
      return org.basinbench.solver.Subgradient.solve(problem.objective(), x0, config, trace);
    }
  }
}
