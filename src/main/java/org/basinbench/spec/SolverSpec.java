package org.basinbench.spec;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.basinbench.solver.StepConfig;
import org.basinbench.solver.SubgradientConfig;

/** A concrete solver configuration of one cell. */
public sealed interface SolverSpec extends Serializable permits SolverSpec.Pgd, SolverSpec.Gd, SolverSpec.Sub {

  /** The {@code solvers[].name} tag. */
  String name();

  /** Canonical, bit-exact parameter string (see {@link InstanceSpec#canonicalKey()}). */
  String canonicalKey();

  /** A short human-readable form, for listings. */
  String describe();

  /** The iteration budget. */
  int maxIter();

  /** The parameter columns of this solver (names from {@link Columns}). */
  Map<String, Object> columns();

  /** Whether the solver keeps the variable in the nonnegative orthant. */
  boolean projects();

  /** Shared by the fixed-step solvers. */
  private static Map<String, Object> stepColumns(String name, StepConfig c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(Columns.SOLVER, name);
    m.put(Columns.STEP, c.step());
    m.put(Columns.MAX_ITER, c.maxIter());
    m.put(Columns.TOL, c.tol());
    return m;
  }

  private static String stepKey(String name, StepConfig c) {
    return name + ";step=" + Canonical.bits(c.step()) + ";maxIter=" + c.maxIter() + ";tol=" + Canonical.bits(c.tol());
  }

  /** Projected gradient with a fixed step: {@code U <- max(0, U - step * grad f(U))}. */
  record Pgd(StepConfig config) implements SolverSpec {
    public static final String NAME = "pgd";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String describe() {
      return NAME + " step=" + config.step() + " maxIter=" + config.maxIter() + " tol=" + config.tol();
    }

    @Override
    public String canonicalKey() {
      return stepKey(NAME, config);
    }

    @Override
    public int maxIter() {
      return config.maxIter();
    }

    @Override
    public Map<String, Object> columns() {
      return stepColumns(NAME, config);
    }

    @Override
    public boolean projects() {
      return true;
    }
  }

  /** Unconstrained gradient descent with a fixed step: {@code x <- x - step * grad f(x)}. */
  record Gd(StepConfig config) implements SolverSpec {
    public static final String NAME = "gd";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String describe() {
      return NAME + " step=" + config.step() + " maxIter=" + config.maxIter() + " tol=" + config.tol();
    }

    @Override
    public String canonicalKey() {
      return stepKey(NAME, config);
    }

    @Override
    public int maxIter() {
      return config.maxIter();
    }

    @Override
    public Map<String, Object> columns() {
      return stepColumns(NAME, config);
    }

    @Override
    public boolean projects() {
      return false;
    }
  }

  /**
   * The subgradient method with geometric step decay, {@code eta_t = step decay^t}, projected
   * onto U >= 0 unless {@code constraint} is "none" (Ma and Fattahi).
   */
  record Sub(SubgradientConfig config) implements SolverSpec {
    public static final String NAME = "subgradient";

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
    public int maxIter() {
      return config.maxIter();
    }

    @Override
    public Map<String, Object> columns() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(Columns.SOLVER, NAME);
      m.put(Columns.STEP, config.step());
      m.put(Columns.MAX_ITER, config.maxIter());
      m.put(Columns.DECAY, config.decay());
      m.put(Columns.CONSTRAINT, config.project() ? "nonnegative" : "none");
      return m;
    }

    @Override
    public boolean projects() {
      return config.project();
    }
  }
}
