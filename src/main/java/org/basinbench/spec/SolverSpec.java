package org.basinbench.spec;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.basinbench.solver.NmfConfig;
import org.basinbench.solver.SgdConfig;
import org.basinbench.solver.Safeguard;
import org.basinbench.solver.StepConfig;
import org.basinbench.solver.SubgradientConfig;

/** A concrete solver configuration of one cell. */
public sealed interface SolverSpec extends Serializable permits SolverSpec.FixedStep, SolverSpec.Sgd, SolverSpec.Sub, SolverSpec.Nmf {

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

  /** Whether the solver needs a gradient (a smooth loss); only the subgradient method does not. */
  default boolean needsGradient() {
    return true;
  }

  /**
   * The key suffix of the stopping rules beyond budget and tolerance: empty for the plain
   * rules, so that the cell ids published before these rules existed stay the same.
   */
  static String stoppingKey(org.basinbench.solver.Stopping stop) {
    return (stop.relTol() == 0 ? "" : ";relTol=" + Canonical.bits(stop.relTol()))
        + (stop.stallWindow() == 0 ? "" : ";stallWindow=" + stop.stallWindow() + ";stallTol="
            + Canonical.bits(stop.stallTol()));
  }

  /** The readable form of {@link #stoppingKey}. */
  static String describeStopping(org.basinbench.solver.Stopping stop) {
    return " maxIter=" + stop.maxIter() + " tol=" + stop.tol()
        + (stop.relTol() == 0 ? "" : " relTol=" + stop.relTol())
        + (stop.stallWindow() == 0 ? "" : " stall=" + stop.stallTol() + "/" + stop.stallWindow());
  }

  /** The safeguard's key suffix, its readable form, and its columns. */
  static String safeguardKey(Safeguard g) {
    return g == null ? "" : ";threshold=" + Canonical.bits(g.tau()) + ";perturb=" + Canonical.bits(g.perturb())
        + ";restarts=" + g.restarts();
  }

  static String describeSafeguard(Safeguard g) {
    return g == null ? "" : " threshold=" + g.tau() + " perturb=" + g.perturb() + " restarts=" + g.restarts();
  }

  static void putSafeguard(Map<String, Object> m, Safeguard g) {
    if (g != null) {
      m.put(Columns.THRESHOLD, g.tau());
      m.put(Columns.PERTURB, g.perturb());
    }
  }

  /**
   * The gradient solvers: {@code pgd}, projected gradient {@code U <- max(0, U - step grad f(U))}
   * (fixed step, or Lin's Armijo rule along the projection arc), and {@code gd}, unconstrained
   * gradient descent {@code x <- x - step grad f(x)}.
   *
   * @param name {@link #PGD} or {@link #GD}
   * @param config step, stopping rules, joint or alternating block updates
   * @param armijo Lin's Armijo rule (pgd only)
   * @param safeguard the thresholding safeguard, or null (pgd only)
   */
  record FixedStep(String name, StepConfig config, boolean armijo, Safeguard safeguard) implements SolverSpec {
    public static final String PGD = "pgd";
    public static final String GD = "gd";
    public static final String FIXED = "fixed";
    public static final String ARMIJO = "armijo";
    public static final String JOINT = "joint";
    public static final String ALTERNATING = "alternating";

    public FixedStep {
      if (!PGD.equals(name) && !GD.equals(name)) {
        throw new IllegalArgumentException("fixed-step solver must be pgd or gd, got " + name);
      }
      if (armijo && !PGD.equals(name)) {
        throw new IllegalArgumentException("the armijo step rule is for pgd");
      }
      if (safeguard != null && !PGD.equals(name)) {
        throw new IllegalArgumentException("the thresholding safeguard is for pgd");
      }
    }

    @Override
    public String describe() {
      return name + (armijo ? " armijo step0=" : " step=") + config.step() + describeStopping(config.stop())
          + (config.alternating() ? " alternating" : "") + describeSafeguard(safeguard);
    }

    @Override
    public String canonicalKey() {
      // The fixed-step key is the one published first; later options extend it only when set.
      return name + ";step=" + Canonical.bits(config.step()) + ";maxIter=" + config.maxIter() + ";tol="
          + Canonical.bits(config.tol()) + (armijo ? ";rule=armijo" : "") + safeguardKey(safeguard)
          + stoppingKey(config.stop()) + (config.alternating() ? ";blocks=alternating" : "");
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
      m.putAll(Columns.stopping(config.stop()));
      m.put(Columns.STEP_RULE, armijo ? ARMIJO : FIXED);
      m.put(Columns.BLOCKS, config.alternating() ? ALTERNATING : JOINT);
      putSafeguard(m, safeguard);
      return m;
    }

    @Override
    public boolean projects() {
      return PGD.equals(name);
    }
  }

  /**
   * {@code sgd}: unconstrained minibatch stochastic gradient descent (batches of measurements,
   * or of observed entries for entrywise losses).
   */
  record Sgd(SgdConfig config) implements SolverSpec {
    public static final String NAME = "sgd";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String describe() {
      return NAME + " step=" + config.step() + " batch=" + config.batch() + describeStopping(config.stop());
    }

    @Override
    public String canonicalKey() {
      return NAME + ";step=" + Canonical.bits(config.step()) + ";batch=" + config.batch() + ";maxIter="
          + config.maxIter() + ";tol=" + Canonical.bits(config.stop().tol()) + stoppingKey(config.stop());
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
      m.putAll(Columns.stopping(config.stop()));
      m.put(Columns.BATCH, config.batch());
      return m;
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

    @Override
    public boolean needsGradient() {
      return false;
    }
  }

  /**
   * The NMF solvers of planted and real NMF data: {@code mu}, multiplicative updates (Lee and
   * Seung 2001; damped and split-gradient forms for the symmetric problems), and {@code hals},
   * hierarchical alternating least squares (the method behind scikit-learn's "cd" solver).
   *
   * @param name {@link #MU} or {@link #HALS}
   * @param config denominator guard (MU) and stopping rules
   * @param safeguard the thresholding safeguard, or null (mu only)
   */
  record Nmf(String name, NmfConfig config, Safeguard safeguard) implements SolverSpec {
    public static final String MU = "mu";
    public static final String HALS = "hals";

    public Nmf {
      if (!MU.equals(name) && !HALS.equals(name)) {
        throw new IllegalArgumentException("NMF solver must be mu or hals, got " + name);
      }
      if (safeguard != null && !MU.equals(name)) {
        throw new IllegalArgumentException("the thresholding safeguard is for mu");
      }
    }

    @Override
    public String describe() {
      return name + (MU.equals(name) ? " eps=" + config.eps() : "") + describeStopping(config.stop())
          + describeSafeguard(safeguard);
    }

    @Override
    public String canonicalKey() {
      return name + ";eps=" + Canonical.bits(config.eps()) + ";maxIter=" + config.maxIter() + ";tol="
          + Canonical.bits(config.tol()) + safeguardKey(safeguard) + stoppingKey(config.stop());
    }

    @Override
    public int maxIter() {
      return config.maxIter();
    }

    @Override
    public Map<String, Object> columns() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(Columns.SOLVER, name);
      m.putAll(Columns.stopping(config.stop()));
      if (MU.equals(name)) {
        m.put(Columns.EPS, config.eps());
      }
      putSafeguard(m, safeguard);
      return m;
    }

    @Override
    public boolean projects() {
      return true;
    }
  }
}
