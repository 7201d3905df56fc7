package org.basinbench.spec;

import static org.basinbench.spec.Column.Group.INIT;
import static org.basinbench.spec.Column.Group.INSTANCE;
import static org.basinbench.spec.Column.Group.SOLVER;
import static org.basinbench.spec.Column.Type.DOUBLE;
import static org.basinbench.spec.Column.Type.INT;
import static org.basinbench.spec.Column.Type.STRING;

import java.util.List;
import org.basinbench.rng.InitDistribution;
import org.basinbench.solver.Stopping;

/**
 * The parameter columns of BasinBench's own units: the shared vocabulary that several families
 * or solvers fill (n, r, step, the stopping rules, ...), each with its type. Each unit declares
 * which of them it fills ({@link FamilyUnit#columns()}, {@link SolverUnit#columns()}); the
 * tables list them in the order of {@link #BUILT_IN}, which is the order of every table
 * published so far (readers that match Parquet columns by position rely on it), and an
 * extension's own columns come after those of their group.
 */
public final class Columns {
  private Columns() {}

  public static final Column FAMILY = new Column("family", STRING, INSTANCE, "the instance.family tag");
  public static final Column VARIANT = new Column("variant", STRING, INSTANCE,
      "symmetric (U U^T) or asymmetric (L R^T) problem");
  public static final Column OPERATOR = new Column("operator", STRING, INSTANCE, "the sensing operator");
  public static final Column N = new Column("n", INT, INSTANCE, "rows of the model matrix");
  public static final Column R_STAR = new Column("r_star", INT, INSTANCE, "true rank");
  public static final Column R = new Column("r", INT, INSTANCE, "search rank");
  public static final Column ALPHA = new Column("alpha", DOUBLE, INSTANCE, "Theorem 2's alpha");
  public static final Column EPSILON = new Column("epsilon", DOUBLE, INSTANCE, "Theorem 2's epsilon");
  /** The asymmetric variant's lambda; not "lambda", a reserved word in DuckDB's SQL. */
  public static final Column LAMBDA = new Column("reg_lambda", DOUBLE, INSTANCE,
      "weight of the balancing regularizer (asymmetric variant)");
  public static final Column DELTA = new Column("delta", DOUBLE, INSTANCE, "the RIP constant, where known");
  public static final Column M = new Column("m", INT, INSTANCE, "columns of the data, or measurements");
  public static final Column DISTRIBUTION = new Column("distribution", STRING, INSTANCE,
      "law of the planted factors");
  public static final Column FACTOR_SCALE = new Column("factor_scale", DOUBLE, INSTANCE,
      "scale of the planted factors");
  public static final Column P_OBSERVED = new Column("p_observed", DOUBLE, INSTANCE,
      "probability that an entry is observed");
  public static final Column NOISE = new Column("noise", DOUBLE, INSTANCE, "standard deviation of added noise");
  public static final Column P_OUTLIER = new Column("p_outlier", DOUBLE, INSTANCE,
      "fraction of measurements replaced by outliers");
  public static final Column OUTLIER_SCALE = new Column("outlier_scale", DOUBLE, INSTANCE,
      "outlier scale, in units of ||X*||_F");
  public static final Column DRAWS = new Column("draws", INT, INSTANCE, "independent instance draws per grid point");
  /** The data file of a matrix-file instance, as the spec gives it. */
  public static final Column DATA_PATH = new Column("data_path", STRING, INSTANCE, "the data file, as the spec gives it");
  /** The SHA-256 of the matrix read from it (see {@code DataMatrix}). */
  public static final Column DATA_SHA256 = new Column("data_sha256", STRING, INSTANCE, "SHA-256 of the matrix read");

  public static final Column INIT_KIND = new Column("init_kind", STRING, INIT, "the law of the starts");
  public static final Column INIT_SCALE = new Column("init_scale", DOUBLE, INIT, "its scale (or bound)");
  public static final Column INIT_POINT = new Column("init_point", STRING, INIT,
      "the catalogued point of near and interpolate starts");
  public static final Column INIT_GAMMA = new Column("init_gamma", DOUBLE, INIT, "the interpolation weight");

  public static final Column SOLVER_NAME = new Column("solver", STRING, SOLVER, "the solvers[].name tag");
  public static final Column STEP = new Column("step", DOUBLE, SOLVER, "step size (initial step for armijo)");
  public static final Column MAX_ITER = new Column("max_iter", INT, SOLVER, "iteration budget");
  public static final Column TOL = new Column("tol", DOUBLE, SOLVER, "stationarity tolerance");
  public static final Column REL_TOL = new Column("rel_tol", DOUBLE, SOLVER, "relative stationarity tolerance");
  public static final Column STALL_WINDOW = new Column("stall_window", INT, SOLVER, "stall rule window (0: off)");
  public static final Column STALL_TOL = new Column("stall_tol", DOUBLE, SOLVER, "stall rule tolerance");
  public static final Column DECAY = new Column("decay", DOUBLE, SOLVER, "geometric step decay");
  public static final Column CONSTRAINT = new Column("constraint", STRING, SOLVER, "nonnegative or none");
  public static final Column STEP_RULE = new Column("step_rule", STRING, SOLVER, "fixed or armijo");
  public static final Column BLOCKS = new Column("blocks", STRING, SOLVER, "joint or alternating block updates");
  public static final Column BATCH = new Column("batch", INT, SOLVER, "minibatch size");
  public static final Column EPS = new Column("eps", DOUBLE, SOLVER, "MU denominator guard");
  public static final Column THRESHOLD = new Column("threshold", DOUBLE, SOLVER, "safeguard threshold tau");
  public static final Column PERTURB = new Column("perturb", DOUBLE, SOLVER, "safeguard perturbation size");

  /** Every built-in column, in table order. */
  public static final List<Column> BUILT_IN = List.of(FAMILY, VARIANT, OPERATOR, N, R_STAR, R, ALPHA, EPSILON,
      LAMBDA, DELTA, M, DISTRIBUTION, FACTOR_SCALE, P_OBSERVED, NOISE, P_OUTLIER, OUTLIER_SCALE, DRAWS, DATA_PATH,
      DATA_SHA256, INIT_KIND, INIT_SCALE, INIT_POINT, INIT_GAMMA, SOLVER_NAME, STEP, MAX_ITER, TOL, REL_TOL,
      STALL_WINDOW, STALL_TOL, DECAY, CONSTRAINT, STEP_RULE, BLOCKS, BATCH, EPS, THRESHOLD, PERTURB);

  /** The stopping-rule columns of the solvers that test stationarity. */
  public static final List<Column> STOPPING = List.of(MAX_ITER, TOL, REL_TOL, STALL_WINDOW, STALL_TOL);

  /** The columns of a starting-point law. */
  public static final List<Column> INIT_COLUMNS = List.of(INIT_KIND, INIT_SCALE, INIT_POINT, INIT_GAMMA);

  /** Writes the stopping-rule columns. */
  public static void stopping(ColumnValues out, Stopping stop) {
    out.put(MAX_ITER, stop.maxIter());
    out.put(TOL, stop.tol());
    out.put(REL_TOL, stop.relTol());
    out.put(STALL_WINDOW, stop.stallWindow());
    out.put(STALL_TOL, stop.stallWindow() > 0 ? stop.stallTol() : null);
  }

  /**
   * Writes the columns of a starting-point law: kind, scale (or bound), and for starts tied to
   * a catalogued point, the point and gamma.
   */
  public static void init(ColumnValues out, InitDistribution init) {
    out.put(INIT_KIND, init.kind());
    out.put(INIT_SCALE, init.parameter());
    if (init instanceof InitDistribution.Near near) {
      out.put(INIT_POINT, near.point());
    } else if (init instanceof InitDistribution.Interpolate in) {
      out.put(INIT_POINT, in.point());
      out.put(INIT_GAMMA, in.gamma());
    }
  }
}
