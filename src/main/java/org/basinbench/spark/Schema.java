package org.basinbench.spark;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.basinbench.landscape.CertificateRow;
import org.basinbench.run.TrialResult;
import org.basinbench.spec.Cell;
import org.basinbench.spec.Columns;
import org.basinbench.spec.InstanceSpec;

/** Every column name and type of the output tables, in one place. */
public final class Schema {
  private Schema() {}

  public static final String CELL_ID = "cell_id";
  public static final String CELL_INDEX = "cell_index";
  public static final String FAMILY = Columns.FAMILY;
  public static final String VARIANT = Columns.VARIANT;
  public static final String OPERATOR = Columns.OPERATOR;
  public static final String N = Columns.N;
  public static final String R_STAR = Columns.R_STAR;
  public static final String R = Columns.R;
  public static final String ALPHA = Columns.ALPHA;
  public static final String EPSILON = Columns.EPSILON;
  public static final String LAMBDA = Columns.LAMBDA;
  public static final String DELTA = Columns.DELTA;
  public static final String M = Columns.M;
  public static final String DISTRIBUTION = Columns.DISTRIBUTION;
  public static final String FACTOR_SCALE = Columns.FACTOR_SCALE;
  public static final String P_OBSERVED = Columns.P_OBSERVED;
  public static final String NOISE = Columns.NOISE;
  public static final String DRAWS = Columns.DRAWS;
  public static final String INIT_KIND = Columns.INIT_KIND;
  public static final String INIT_SCALE = Columns.INIT_SCALE;
  public static final String INIT_POINT = Columns.INIT_POINT;
  public static final String INIT_GAMMA = Columns.INIT_GAMMA;
  public static final String SOLVER = Columns.SOLVER;
  public static final String STEP = Columns.STEP;
  public static final String MAX_ITER = Columns.MAX_ITER;
  public static final String TOL = Columns.TOL;
  public static final String DECAY = Columns.DECAY;
  public static final String STEP_RULE = Columns.STEP_RULE;
  public static final String EPS = Columns.EPS;
  public static final String THRESHOLD = Columns.THRESHOLD;
  public static final String PERTURB = Columns.PERTURB;
  public static final String CONSTRAINT = Columns.CONSTRAINT;
  public static final String P_OUTLIER = Columns.P_OUTLIER;
  public static final String REL_TOL = Columns.REL_TOL;
  public static final String STALL_WINDOW = Columns.STALL_WINDOW;
  public static final String STALL_TOL = Columns.STALL_TOL;
  public static final String BLOCKS = Columns.BLOCKS;
  public static final String BATCH = Columns.BATCH;
  public static final String OUTLIER_SCALE = Columns.OUTLIER_SCALE;
  public static final String DATA_PATH = Columns.DATA_PATH;
  public static final String DATA_SHA256 = Columns.DATA_SHA256;

  public static final String TRIAL = "trial";
  public static final String SEED = "seed";
  public static final String OUTCOME = "outcome";
  public static final String TERMINATION = "termination";
  public static final String REL_ERROR = "rel_error";
  public static final String REL_ERROR_OBSERVED = "rel_error_observed";
  public static final String LOSS = "loss";
  public static final String PG_NORM = "pg_norm";
  public static final String ITERATIONS = "iterations";
  public static final String DIST_SPURIOUS = "dist_spurious";
  /**
   * Trials: {@code (loss - best) / best}, best the best-known loss of the instance (families
   * without truth; null for the others). Certificates: a point's loss minus the truth's.
   */
  public static final String LOSS_GAP = "loss_gap";
  /** Wall time of the solve: the one column that is not a function of the spec. */
  public static final String WALL_MS = "wall_ms";

  public static final String TRIALS = "trials";
  public static final String SUCCESSES = "successes";
  public static final String FAILURES = "failures";
  public static final String FAILURE_RATE = "failure_rate";
  public static final String CI_LOW = "ci_low";
  public static final String CI_HIGH = "ci_high";
  public static final String MEDIAN_ITERATIONS = "median_iterations";

  /** The cell's parameters: the same in every row of a cell, repeated in both tables. */
  public static final List<StructField> CELL_FIELDS = List.of(
      field(CELL_ID, StringType, false),
      field(CELL_INDEX, IntegerType, false),
      field(FAMILY, StringType, false),
      field(VARIANT, StringType, true),
      field(OPERATOR, StringType, true),
      field(N, IntegerType, true),
      field(R_STAR, IntegerType, true),
      field(R, IntegerType, true),
      field(ALPHA, DoubleType, true),
      field(EPSILON, DoubleType, true),
      field(LAMBDA, DoubleType, true),
      field(DELTA, DoubleType, true),
      field(M, IntegerType, true),
      field(DISTRIBUTION, StringType, true),
      field(FACTOR_SCALE, DoubleType, true),
      field(P_OBSERVED, DoubleType, true),
      field(NOISE, DoubleType, true),
      field(P_OUTLIER, DoubleType, true),
      field(OUTLIER_SCALE, DoubleType, true),
      field(DRAWS, IntegerType, true),
      field(DATA_PATH, StringType, true),
      field(DATA_SHA256, StringType, true),
      field(INIT_KIND, StringType, false),
      field(INIT_SCALE, DoubleType, false),
      field(INIT_POINT, StringType, true),
      field(INIT_GAMMA, DoubleType, true),
      field(SOLVER, StringType, false),
      field(STEP, DoubleType, true),
      field(MAX_ITER, IntegerType, true),
      field(TOL, DoubleType, true),
      field(REL_TOL, DoubleType, true),
      field(STALL_WINDOW, IntegerType, true),
      field(STALL_TOL, DoubleType, true),
      field(DECAY, DoubleType, true),
      field(CONSTRAINT, StringType, true),
      field(STEP_RULE, StringType, true),
      field(BLOCKS, StringType, true),
      field(BATCH, IntegerType, true),
      field(EPS, DoubleType, true),
      field(THRESHOLD, DoubleType, true),
      field(PERTURB, DoubleType, true));

  /** One row per trial. Non-finite measurements are written as null, never NaN. */
  public static final StructType TRIALS_SCHEMA = struct(CELL_FIELDS, List.of(
      field(TRIAL, IntegerType, false),
      field(SEED, LongType, false),
      field(OUTCOME, StringType, false),
      field(TERMINATION, StringType, false),
      field(REL_ERROR, DoubleType, true),
      field(REL_ERROR_OBSERVED, DoubleType, true),
      field(LOSS, DoubleType, true),
      field(PG_NORM, DoubleType, true),
      field(ITERATIONS, IntegerType, false),
      field(DIST_SPURIOUS, DoubleType, true),
      field(LOSS_GAP, DoubleType, true),
      field(WALL_MS, DoubleType, false)));

  public static final String TRACE = "trace";
  public static final String ITERATION = "iteration";
  public static final String ELAPSED_MS = "elapsed_ms";

  public static final String COS_TO_END = "cos_to_end";
  public static final String COS_TO_TRUTH = "cos_to_truth";
  public static final String CURVATURE_TO_END = "curvature_to_end";

  /** One checkpoint of a solver's trace (see {@code org.basinbench.solver.Trace}). */
  static final StructType CHECKPOINT = DataTypes.createStructType(List.of(
      field(ITERATION, IntegerType, false),
      field(LOSS, DoubleType, true),
      field(PG_NORM, DoubleType, true),
      field(ELAPSED_MS, DoubleType, false),
      field(COS_TO_END, DoubleType, true),
      field(COS_TO_TRUTH, DoubleType, true),
      field(CURVATURE_TO_END, DoubleType, true)));

  public static final String SEGMENTS = "segments";
  public static final String SEGMENT = "segment";
  public static final String CURVATURE = "curvature";
  public static final String CONVEX = "convex";
  public static final String LOSS_0 = "loss_0";
  public static final String LOSS_HALF = "loss_half";
  public static final String LOSS_1 = "loss_1";

  /** One segment of a trial (see {@code org.basinbench.run.SegmentResult}). */
  static final StructType SEGMENT_STRUCT = DataTypes.createStructType(List.of(
      field(SEGMENT, StringType, false),
      field(CURVATURE, DoubleType, true),
      field(CONVEX, DataTypes.BooleanType, true),
      field(LOSS_0, DoubleType, true),
      field(LOSS_HALF, DoubleType, true),
      field(LOSS_1, DoubleType, true)));

  /**
   * The staging form of the trials when the experiment asks for trajectories or segments: the
   * trials columns, then the nested trace and segments, split into their tables afterwards.
   */
  public static final StructType TRIALS_STAGING_SCHEMA = struct(List.of(TRIALS_SCHEMA.fields()), List.of(
      DataTypes.createStructField(TRACE, DataTypes.createArrayType(CHECKPOINT, false), true),
      DataTypes.createStructField(SEGMENTS, DataTypes.createArrayType(SEGMENT_STRUCT, false), true)));

  /** One row per trial and segment kind: the cell parameters, the trial, the segment. */
  public static final StructType SEGMENTS_SCHEMA = struct(CELL_FIELDS, concat(List.of(field(TRIAL, IntegerType, false)),
      List.of(SEGMENT_STRUCT.fields())));

  public static final String COUNT = "count";
  public static final String MEAN = "mean";
  public static final String STD = "std";
  public static final String SIGMA_OVER_MU = "sigma_over_mu";
  public static final String MIN = "min";
  public static final String N_CONVEX = "n_convex";
  public static final String FRACTION_CONVEX = "fraction_convex";
  /** The quantile columns of the curvature table, with their probabilities. */
  public static final List<String> QUANTILES = List.of("q05", "q25", "q50", "q75", "q95");
  public static final List<Double> QUANTILE_PROBABILITIES = List.of(0.05, 0.25, 0.5, 0.75, 0.95);

  /**
   * One row per trial and checkpoint: where the trial was at each log-spaced checkpoint
   * (updates 0..10, then ten per decade, and the last). Written only when the spec sets
   * {@code "trajectories": true}.
   */
  public static final StructType TRAJECTORY_SCHEMA = struct(List.of(
      field(CELL_ID, StringType, false),
      field(CELL_INDEX, IntegerType, false),
      field(FAMILY, StringType, false),
      field(SOLVER, StringType, false),
      field(TRIAL, IntegerType, false)), List.of(CHECKPOINT.fields()));

  public static final String INSTANCE_ID = "instance_id";
  public static final String DRAW = "draw";
  public static final String POINT = "point";
  public static final String POINT_KIND = "point_kind";
  public static final String REFERENCE = "reference";
  public static final String KKT_RESIDUAL = "kkt_residual";
  public static final String CURVATURE_MIN = "curvature_min";
  public static final String CURVATURE_DIRECTIONS = "curvature_directions";
  public static final String CURVATURE_BOUND = "curvature_bound";
  public static final String DELTA_FORMULA = "delta_formula";
  public static final String DELTA_NUMERIC = "delta_numeric";
  public static final String DELTA_METHOD = "delta_method";

  /** The instance columns of the cell fields (family .. delta), shared by the certificates. */
  static final List<StructField> INSTANCE_FIELDS = CELL_FIELDS.subList(2, CELL_FIELDS.indexOf(
      CELL_FIELDS.stream().filter(f -> f.name().equals(INIT_KIND)).findFirst().orElseThrow()));

  /** One row per catalogued point of each distinct instance. Null where nothing is stated. */
  public static final StructType CERTIFICATES_SCHEMA = struct(
      concat(List.of(field(INSTANCE_ID, StringType, false)), INSTANCE_FIELDS), List.of(
      field(DRAW, IntegerType, false),
      field(POINT, StringType, false),
      field(POINT_KIND, StringType, false),
      field(REFERENCE, StringType, false),
      field(LOSS, DoubleType, true),
      field(KKT_RESIDUAL, DoubleType, true),
      field(CURVATURE_MIN, DoubleType, true),
      field(CURVATURE_DIRECTIONS, IntegerType, false),
      field(CURVATURE_BOUND, DoubleType, true),
      field(LOSS_GAP, DoubleType, true),
      field(DELTA_FORMULA, DoubleType, true),
      field(DELTA_NUMERIC, DoubleType, true),
      field(DELTA_METHOD, StringType, false)));

  /** A certificates-table row. */
  static Row certificateRow(String instanceId, InstanceSpec instance, int draw, CertificateRow c) {
    Map<String, Object> cols = new HashMap<>(instance.columns());
    Object[] v = new Object[CERTIFICATES_SCHEMA.size()];
    int i = 0;
    v[i++] = instanceId;
    for (StructField f : INSTANCE_FIELDS) {
      v[i++] = cols.remove(f.name());
    }
    if (!cols.isEmpty()) {
      throw new IllegalStateException("columns without a schema entry: " + cols.keySet());
    }
    v[i++] = draw;
    v[i++] = c.point();
    v[i++] = c.kind();
    v[i++] = c.reference();
    v[i++] = finiteOrNull(c.loss());
    v[i++] = finiteOrNull(c.kktResidual());
    v[i++] = finiteOrNull(c.curvatureMin());
    v[i++] = c.curvatureDirections();
    v[i++] = finiteOrNull(c.curvatureBound());
    v[i++] = finiteOrNull(c.lossGap());
    v[i++] = finiteOrNull(c.deltaFormula());
    v[i++] = finiteOrNull(c.deltaNumeric());
    v[i] = c.deltaMethod();
    return RowFactory.create(v);
  }

  private static List<StructField> concat(List<StructField> a, List<StructField> b) {
    List<StructField> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** Column name of the count of one outcome in the cells table, e.g. {@code n_spurious}. */
  public static String outcomeCount(org.basinbench.run.Outcome o) {
    return "n_" + o.name().toLowerCase();
  }

  /**
   * The cell's parameter values, in {@link #CELL_FIELDS} order: the instance's and solver's
   * column maps, null where a column does not apply. A name no column declares is a bug.
   */
  static Object[] cellValues(Cell cell) {
    Map<String, Object> all = new HashMap<>(cell.instance().columns());
    all.putAll(Columns.init(cell.init()));
    all.putAll(cell.solver().columns());
    Object[] v = new Object[CELL_FIELDS.size()];
    v[0] = cell.cellId();
    v[1] = cell.index();
    for (int i = 2; i < v.length; i++) {
      v[i] = all.remove(CELL_FIELDS.get(i).name());
    }
    if (!all.isEmpty()) {
      throw new IllegalStateException("columns without a schema entry: " + all.keySet());
    }
    return v;
  }

  /**
   * A trials-table row; with {@code staging}, also the nested trace (when the experiment asks
   * for trajectories; else null) and segments columns of {@link #TRIALS_STAGING_SCHEMA}.
   */
  static Row trialRow(Object[] cellValues, TrialResult t, boolean staging) {
    Object[] v = new Object[staging ? TRIALS_STAGING_SCHEMA.size() : TRIALS_SCHEMA.size()];
    System.arraycopy(cellValues, 0, v, 0, cellValues.length);
    int i = cellValues.length;
    v[i++] = t.trial();
    v[i++] = t.seed();
    v[i++] = t.outcome().name();
    v[i++] = t.termination().name();
    v[i++] = finiteOrNull(t.relError());
    v[i++] = finiteOrNull(t.relErrorObserved());
    v[i++] = finiteOrNull(t.loss());
    v[i++] = finiteOrNull(t.pgNorm());
    v[i++] = t.iterations();
    v[i++] = finiteOrNull(t.distSpurious());
    v[i++] = null; // loss_gap: set by the job once the best loss of the instance is known
    v[i++] = t.wallNanos() / 1e6;
    if (staging) {
      if (t.trajectory() != null) {
        org.basinbench.solver.Trace trace = t.trace();
        org.basinbench.run.TrajectoryStats ts = t.trajectory();
        Row[] points = new Row[trace.size()];
        for (int k = 0; k < points.length; k++) {
          points[k] = RowFactory.create(trace.iteration(k), finiteOrNull(trace.loss(k)), finiteOrNull(trace.pgNorm(k)),
              trace.nanos(k) / 1e6, finiteOrNull(ts.cosToEnd()[k]), finiteOrNull(ts.cosToTruth()[k]),
              finiteOrNull(ts.curvatureToEnd()[k]));
        }
        v[i] = points;
      }
      i++;
      Row[] segments = new Row[t.segments().size()];
      for (int k = 0; k < segments.length; k++) {
        org.basinbench.run.SegmentResult sr = t.segments().get(k);
        segments[k] = RowFactory.create(sr.kind().label(), finiteOrNull(sr.curvature()),
            Double.isFinite(sr.curvature()) ? sr.convex() : null, finiteOrNull(sr.loss0()),
            finiteOrNull(sr.lossHalf()), finiteOrNull(sr.loss1()));
      }
      v[i] = segments;
    }
    return RowFactory.create(v);
  }

  private static Double finiteOrNull(double x) {
    return Double.isFinite(x) ? x : null;
  }

  private static StructField field(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
    return DataTypes.createStructField(name, type, nullable);
  }

  private static StructType struct(List<StructField> a, List<StructField> b) {
    List<StructField> all = new ArrayList<>(a);
    all.addAll(b);
    return DataTypes.createStructType(all);
  }
}
