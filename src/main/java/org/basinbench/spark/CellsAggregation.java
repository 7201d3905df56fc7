package org.basinbench.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.basinbench.run.Intervals;
import org.basinbench.run.Outcome;
import org.basinbench.spec.Cell;
import org.basinbench.spec.Experiment;

/**
 * The cells table: one row per cell. Normally formed on the driver from the per-cell counts the
 * trial tasks made as they ran ({@link CellTally}: raw trials never reach the driver, and the
 * written trials are not read back); for experiments whose outcomes are relabelled after the
 * trials ran (families without truth, {@link BestKnown}), aggregated from the trials by Spark
 * SQL. Both give the same rows ({@code BasinBenchJobTest} checks it).
 */
final class CellsAggregation {
  private CellsAggregation() {}

  static final UserDefinedFunction WILSON_LOW = udf(
      (UDF2<Long, Long, Double>) (n, k) -> Intervals.wilson(n, k)[0], DataTypes.DoubleType);
  static final UserDefinedFunction WILSON_HIGH = udf(
      (UDF2<Long, Long, Double>) (n, k) -> Intervals.wilson(n, k)[1], DataTypes.DoubleType);

  /** The cells table's columns, in order (see {@link #aggregate}). */
  static final StructType SCHEMA = schema();

  private static StructType schema() {
    List<StructField> f = new ArrayList<>(Schema.CELL_FIELDS);
    f.add(DataTypes.createStructField(Schema.TRIALS, DataTypes.LongType, false));
    f.add(DataTypes.createStructField(Schema.SUCCESSES, DataTypes.LongType, true));
    f.add(DataTypes.createStructField(Schema.FAILURES, DataTypes.LongType, true));
    f.add(DataTypes.createStructField(Schema.FAILURE_RATE, DataTypes.DoubleType, true));
    f.add(DataTypes.createStructField(Schema.CI_LOW, DataTypes.DoubleType, true));
    f.add(DataTypes.createStructField(Schema.CI_HIGH, DataTypes.DoubleType, true));
    for (Outcome o : Outcome.values()) {
      f.add(DataTypes.createStructField(Schema.outcomeCount(o), DataTypes.LongType, true));
    }
    f.add(DataTypes.createStructField(Schema.MEDIAN_ITERATIONS, DataTypes.DoubleType, true));
    return DataTypes.createStructType(f);
  }

  /**
   * The cells-table rows of the cells with at least one counted trial, by cell index: the same
   * values {@link #aggregate} computes from the trials.
   */
  static List<Row> rows(Experiment e, Map<Integer, CellTally.Stats> counts) {
    List<Row> out = new ArrayList<>();
    for (Cell c : e.cells()) {
      CellTally.Stats s = counts.get(c.index());
      if (s == null || s.trials() == 0) {
        continue;
      }
      Object[] cell = Schema.cellValues(c);
      Object[] v = new Object[SCHEMA.size()];
      System.arraycopy(cell, 0, v, 0, cell.length);
      int i = cell.length;
      long n = s.trials();
      long failures = n - s.count(Outcome.SUCCESS);
      double[] ci = Intervals.wilson(n, failures);
      v[i++] = n;
      v[i++] = s.count(Outcome.SUCCESS);
      v[i++] = failures;
      v[i++] = (double) failures / n;
      v[i++] = ci[0];
      v[i++] = ci[1];
      for (Outcome o : Outcome.values()) {
        v[i++] = s.count(o);
      }
      v[i] = s.medianIterations();
      out.add(new GenericRowWithSchema(v, SCHEMA));
    }
    return out;
  }

  /**
   * From the trials by Spark SQL. Columns: the cell parameters; {@code trials, successes, failures, failure_rate, ci_low,
   * ci_high} (Wilson 95% interval of the failure rate); {@code n_<outcome>} for every outcome;
   * {@code median_iterations}. Ordered by cell index.
   */
  static Dataset<Row> aggregate(Dataset<Row> trials) {
    List<Column> keys = new ArrayList<>();
    for (StructField f : Schema.CELL_FIELDS) {
      keys.add(col(f.name()));
    }
    List<Column> aggs = new ArrayList<>();
    for (Outcome o : Outcome.values()) {
      aggs.add(sum(when(col(Schema.OUTCOME).equalTo(o.name()), 1L).otherwise(0L)).as(Schema.outcomeCount(o)));
    }
    // Exact median (percentile interpolates between the two middle values for even counts).
    aggs.add(expr("percentile(" + Schema.ITERATIONS + ", 0.5)").as(Schema.MEDIAN_ITERATIONS));
    Dataset<Row> grouped = trials.groupBy(keys.toArray(Column[]::new))
        .agg(count(lit(1)).as(Schema.TRIALS), aggs.toArray(Column[]::new));
    Column n = col(Schema.TRIALS);
    Column failures = n.minus(col(Schema.outcomeCount(Outcome.SUCCESS)));
    List<Column> out = new ArrayList<>(keys);
    out.add(n);
    out.add(col(Schema.outcomeCount(Outcome.SUCCESS)).as(Schema.SUCCESSES));
    out.add(failures.as(Schema.FAILURES));
    out.add(failures.cast(DataTypes.DoubleType).divide(n).as(Schema.FAILURE_RATE));
    out.add(WILSON_LOW.apply(n, failures).as(Schema.CI_LOW));
    out.add(WILSON_HIGH.apply(n, failures).as(Schema.CI_HIGH));
    for (Outcome o : Outcome.values()) {
      out.add(col(Schema.outcomeCount(o)));
    }
    out.add(col(Schema.MEDIAN_ITERATIONS));
    return grouped.select(out.toArray(Column[]::new)).orderBy(col(Schema.CELL_INDEX));
  }
}
