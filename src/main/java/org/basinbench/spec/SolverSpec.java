package org.basinbench.spec;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.basinbench.solver.NmfConfig;
import org.basinbench.solver.Safeguard;
import org.basinbench.solver.StepConfig;
import org.basinbench.solver.SubgradientConfig;

/** A concrete solver configuration of one cell. */
public sealed interface SolverSpec extends Serializable permits SolverSpec.FixedStep, SolverSpec.Sub, SolverSpec.Nmf {

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

  /**
   * The fixed-step solvers: {@code pgd}, projected gradient {@code U <- max(0, U - step grad f(U))},
   * and {@code gd}, unconstrained gradient descent {@code x <- x - step grad f(x)}.
   *
   * @param name {@link #PGD} or {@link #GD}
   * @param config step, budget and tolerance
   */
  record FixedStep(String name, StepConfig config, boolean armijo, Safeguard safeguard) implements SolverSpec {
    public static final String PGD = "pgd";
    public static final String GD = "gd";
    public static final String FIXED = "fixed";
    public static final String ARMIJO = "armijo";

    public FixedStep {
      if (!PGD.equals(name) && !GD.equals(name)) {
        throw new IllegalArgumentException("fixed-step solver must be pgd or gd, got " + name);
      }
      if (armijo && !PGD.equals(name)) {
        throw new IllegalArgumentException("the armijo step rule is for pgd");
      }
      if (safeguard != null && (!PGD.equals(name) || armijo)) {
        throw new IllegalArgumentException("the thresholding safeguard is for fixed-step pgd");
      }
    }

    @Override
    public String describe() {
      return name + (armijo ? " armijo step0=" : " step=") + config.step() + " maxIter=" + config.maxIter() + " tol="
          + config.tol() + (safeguard == null ? "" : " threshold=" + safeguard.tau() + " perturb=" + safeguard.perturb()
          + " restarts=" + safeguard.restarts());
    }

    @Override
    public String canonicalKey() {
      // The fixed-step key is the one published first; the Armijo rule extends it.
      return name + ";step=" + Canonical.bits(config.step()) + ";maxIter=" + config.maxIter() + ";tol="
          + Canonical.bits(config.tol()) + (armijo ? ";rule=armijo" : "")
          + (safeguard == null ? "" : ";threshold=" + Canonical.bits(safeguard.tau()) + ";perturb="
              + Canonical.bits(safeguard.perturb()) + ";restarts=" + safeguard.restarts());
    }

    @Override
    public int maxIter() {
      return config.maxIter();
    }

    @Override
    public Map<String, Object> columns() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(Columns.SOLVER, name);
      m.put(Columns.STEP, config.step());
      m.put(Columns.MAX_ITER, config.maxIter());
      m.put(Columns.TOL, config.tol());
      m.put(Columns.STEP_RULE, armijo ? ARMIJO : FIXED);
      if (safeguard != null) {
        m.put(Columns.THRESHOLD, safeguard.tau());
        m.put(Columns.PERTURB, safeguard.perturb());
      }
      return m;
    }

    @Override
    public boolean projects() {
      return PGD.equals(name);
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

  /**
   * The NMF solvers of planted and real NMF data: {@code mu}, multiplicative updates (Lee and
   * Seung 2001), and {@code hals}, hierarchical alternating least squares (the method behind
   * scikit-learn's "cd" solver).
   *
   * @param name {@link #MU} or {@link #HALS}
   * @param config denominator guard (MU), budget, tolerance
   */
  record Nmf(String name, NmfConfig config) implements SolverSpec {
    public static final String MU = "mu";
    public static final String HALS = "hals";

    @Override
    public String describe() {
      return name + (MU.equals(name) ? " eps=" + config.eps() : "") + " maxIter=" + config.maxIter() + " tol="
          + config.tol();
    }

    @Override
    public String canonicalKey() {
      return name + ";eps=" + Canonical.bits(config.eps()) + ";maxIter=" + config.maxIter() + ";tol="
          + Canonical.bits(config.tol());
    }

    @Override
    public int maxIter() {
      return config.maxIter();
    }

    @Override
    public Map<String, Object> columns() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(Columns.SOLVER, name);
      m.put(Columns.MAX_ITER, config.maxIter());
      m.put(Columns.TOL, config.tol());
      if (MU.equals(name)) {
        m.put(Columns.EPS, config.eps());
      }
      return m;
    }

    @Override
    public boolean projects() {
      return true;
    }
  }
}
