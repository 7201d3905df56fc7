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
import org.basinbench.spec.Column;
import org.basinbench.spec.ColumnCatalogue;
import org.basinbench.spec.Columns;
import org.basinbench.spec.Registry;
import java.util.Set;
import org.basinbench.spec.InstanceSpec;

/** Every column name and type of the output tables, in one place. */
public final class Schema {
  private Schema() {}

  public static final String CELL_ID = "cell_id";
  public static final String CELL_INDEX = "cell_index";
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
   * Trials' {@code loss_gap}: {@code (loss - best) / best}, relative, best the best-known loss
   * of the instance (families without truth; null for the others).
   */
  public static final String LOSS_GAP_TO_BEST = "loss_gap";
  /**
   * Certificates' {@code loss_gap}: a catalogued point's loss minus the truth's, absolute. The
   * published column shares the trials' name; the two tables document each.
   */
  public static final String LOSS_ABOVE_TRUTH = "loss_gap";
  /** Wall time of the solve: the one column that is not a function of the spec. */
  public static final String WALL_MS = "wall_ms";

  public static final String TRIALS = "trials";
  public static final String SUCCESSES = "successes";
  public static final String FAILURES = "failures";
  public static final String FAILURE_RATE = "failure_rate";
  public static final String CI_LOW = "ci_low";
  public static final String CI_HIGH = "ci_high";
  public static final String MEDIAN_ITERATIONS = "median_iterations";

  /** The parameter columns of the registered units, in table order. */
  static final ColumnCatalogue CATALOGUE = Registry.get().catalogue();

  /** The parameter columns every cell fills: the rest are null where they do not apply. */
  private static final Set<Column> NOT_NULL = Set.of(Columns.FAMILY, Columns.INIT_KIND, Columns.INIT_SCALE,
      Columns.SOLVER_NAME);

  /**
   * The cell's parameters: the same in every row of a cell, repeated in every table. The
   * cell's id and index, then the catalogue's columns (instance, init, solver).
   */
  public static final List<StructField> CELL_FIELDS = cellFields();

  private static List<StructField> cellFields() {
    List<StructField> out = new ArrayList<>(List.of(field(CELL_ID, StringType, false),
        field(CELL_INDEX, IntegerType, false)));
    for (Column c : CATALOGUE.columns()) {
      out.add(field(c.name(), sparkType(c.type()), !NOT_NULL.contains(c)));
    }
    return List.copyOf(out);
  }

  /** The Spark type of a parameter column. */
  static org.apache.spark.sql.types.DataType sparkType(Column.Type t) {
    return switch (t) {
      case INT -> IntegerType;
      case DOUBLE -> DoubleType;
      case STRING -> StringType;
    };
  }

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
      field(LOSS_GAP_TO_BEST, DoubleType, true),
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
      field(Columns.FAMILY.name(), StringType, false),
      field(Columns.SOLVER_NAME.name(), StringType, false),
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

  /** The instance columns of the cell fields, shared by the certificates. */
  static final List<StructField> INSTANCE_FIELDS = CELL_FIELDS.subList(2,
      2 + CATALOGUE.group(Column.Group.INSTANCE).size());

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
      field(LOSS_ABOVE_TRUTH, DoubleType, true),
      field(DELTA_FORMULA, DoubleType, true),
      field(DELTA_NUMERIC, DoubleType, true),
      field(DELTA_METHOD, StringType, false)));

  /** A certificates-table row. */
  static Row certificateRow(String instanceId, InstanceSpec instance, int draw, CertificateRow c) {
    Object[] v = new Object[CERTIFICATES_SCHEMA.size()];
    int i = 0;
    v[i++] = instanceId;
    for (Object x : CATALOGUE.instanceValues(instance)) {
      v[i++] = x;
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
   * The cell's values, in {@link #CELL_FIELDS} order: its id and index, then its instance's,
   * init's and solver's columns, null where a column does not apply.
   */
  static Object[] cellValues(Cell cell) {
    Object[] params = CATALOGUE.values(cell);
    Object[] v = new Object[CELL_FIELDS.size()];
    v[0] = cell.cellId();
    v[1] = cell.index();
    System.arraycopy(params, 0, v, 2, params.length);
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
