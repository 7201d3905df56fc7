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
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.basinbench.run.Intervals;
import org.basinbench.run.Outcome;

/**
 * The cells table: one row per cell, aggregated from the trials table by Spark SQL on the
 * executors (raw trials never reach the driver).
 */
final class CellsAggregation {
  private CellsAggregation() {}

  static final UserDefinedFunction WILSON_LOW = udf(
      (UDF2<Long, Long, Double>) (n, k) -> Intervals.wilson(n, k)[0], DataTypes.DoubleType);
  static final UserDefinedFunction WILSON_HIGH = udf(
      (UDF2<Long, Long, Double>) (n, k) -> Intervals.wilson(n, k)[1], DataTypes.DoubleType);

  /**
   * Columns: the cell parameters; {@code trials, successes, failures, failure_rate, ci_low,
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
