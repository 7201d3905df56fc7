package org.basinbench.spec;

/**
 * Names of the parameter columns that instances and solvers report (the output schema in
 * {@code org.basinbench.spark.Schema} gives each its type). One place, so that the tables,
 * the docs and the dashboard agree.
 */
public final class Columns {
  private Columns() {}

  public static final String FAMILY = "family";
  public static final String VARIANT = "variant";
  public static final String OPERATOR = "operator";
  public static final String N = "n";
  public static final String R_STAR = "r_star";
  public static final String R = "r";
  public static final String ALPHA = "alpha";
  public static final String EPSILON = "epsilon";
  /** The asymmetric variant's lambda; not "lambda", a reserved word in DuckDB's SQL. */
  public static final String LAMBDA = "reg_lambda";
  public static final String DELTA = "delta";
  public static final String M = "m";
  public static final String DISTRIBUTION = "distribution";
  public static final String FACTOR_SCALE = "factor_scale";
  public static final String P_OBSERVED = "p_observed";
  public static final String NOISE = "noise";
  public static final String DRAWS = "draws";
  public static final String INIT_KIND = "init_kind";
  public static final String INIT_SCALE = "init_scale";
  public static final String INIT_POINT = "init_point";
  public static final String INIT_GAMMA = "init_gamma";
  public static final String SOLVER = "solver";
  public static final String STEP = "step";
  public static final String MAX_ITER = "max_iter";
  public static final String TOL = "tol";
  public static final String DECAY = "decay";
  public static final String STEP_RULE = "step_rule";
  public static final String EPS = "eps";
  public static final String THRESHOLD = "threshold";
  public static final String PERTURB = "perturb";
  public static final String CONSTRAINT = "constraint";
  public static final String REL_TOL = "rel_tol";
  public static final String STALL_WINDOW = "stall_window";
  public static final String STALL_TOL = "stall_tol";
  public static final String BLOCKS = "blocks";
  public static final String BATCH = "batch";
  public static final String P_OUTLIER = "p_outlier";
  public static final String OUTLIER_SCALE = "outlier_scale";
  /** The data file of a matrix-file instance, as the spec gives it. */
  public static final String DATA_PATH = "data_path";
  /** The SHA-256 of the matrix read from it (see {@code DataMatrix}). */
  public static final String DATA_SHA256 = "data_sha256";

  /** The stopping-rule columns shared by the solvers that test stationarity. */
  public static java.util.Map<String, Object> stopping(org.basinbench.solver.Stopping stop) {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put(MAX_ITER, stop.maxIter());
    m.put(TOL, stop.tol());
    m.put(REL_TOL, stop.relTol());
    m.put(STALL_WINDOW, stop.stallWindow());
    m.put(STALL_TOL, stop.stallWindow() > 0 ? stop.stallTol() : null);
    return m;
  }

  /**
   * The columns of a starting-point law, as instance and solver specs report theirs: kind,
   * scale (or bound), and for starts tied to a catalogued point, the point and gamma.
   */
  public static java.util.Map<String, Object> init(org.basinbench.rng.InitDistribution init) {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put(INIT_KIND, init.kind());
    m.put(INIT_SCALE, init.parameter());
    if (init instanceof org.basinbench.rng.InitDistribution.Near near) {
      m.put(INIT_POINT, near.point());
    } else if (init instanceof org.basinbench.rng.InitDistribution.Interpolate in) {
      m.put(INIT_POINT, in.point());
      m.put(INIT_GAMMA, in.gamma());
    }
    return m;
  }
}
