package org.basinbench.spark;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * The curvature table: per cell and segment kind, the distribution of the exact segment
 * curvature (count, mean, sample standard deviation, sigma/mu, min, exact quantiles) and the
 * fraction of convex segments with its Wilson 95% interval. Aggregated by Spark SQL from the
 * segments table; segments without a curvature (a non-finite end point) are not counted.
 * sigma/mu is null when mu = 0.
 */
final class CurvatureAggregation {
  private CurvatureAggregation() {}

  /** The curvature rows of {@code segments}, in one partition in (cell, segment) order. */
  static Dataset<Row> aggregate(Dataset<Row> segments) {
    List<Column> keys = new ArrayList<>();
    for (StructField f : Schema.CELL_FIELDS) {
      keys.add(col(f.name()));
    }
    keys.add(col(Schema.SEGMENT));
    Dataset<Row> known = segments.where(col(Schema.CURVATURE).isNotNull());
    StringBuilder probs = new StringBuilder();
    for (double q : Schema.QUANTILE_PROBABILITIES) {
      probs.append(probs.length() == 0 ? "" : ", ").append(q);
    }
    Dataset<Row> g = known.groupBy(keys.toArray(Column[]::new)).agg(
        count(col(Schema.CURVATURE)).as(Schema.COUNT),
        avg(col(Schema.CURVATURE)).as(Schema.MEAN),
        stddev_samp(col(Schema.CURVATURE)).as(Schema.STD),
        min(col(Schema.CURVATURE)).as(Schema.MIN),
        expr("percentile(" + Schema.CURVATURE + ", array(" + probs + "))").as("quantiles"),
        sum(when(col(Schema.CONVEX), 1L).otherwise(0L)).as(Schema.N_CONVEX));
    List<Column> out = new ArrayList<>(keys);
    out.add(col(Schema.COUNT));
    out.add(col(Schema.MEAN));
    out.add(col(Schema.STD));
    // Null when the mean is exactly 0 (every segment degenerate, e.g. a solver that stopped at
    // its start): Spark's ANSI mode fails a division by zero.
    out.add(when(col(Schema.MEAN).notEqual(0.0), col(Schema.STD).divide(col(Schema.MEAN))).as(Schema.SIGMA_OVER_MU));
    out.add(col(Schema.MIN));
    for (int i = 0; i < Schema.QUANTILES.size(); i++) {
      out.add(col("quantiles").getItem(i).as(Schema.QUANTILES.get(i)));
    }
    out.add(col(Schema.N_CONVEX));
    out.add(col(Schema.N_CONVEX).cast(DataTypes.DoubleType).divide(col(Schema.COUNT)).as(Schema.FRACTION_CONVEX));
    out.add(CellsAggregation.WILSON_LOW.apply(col(Schema.COUNT), col(Schema.N_CONVEX)).as(Schema.CI_LOW));
    out.add(CellsAggregation.WILSON_HIGH.apply(col(Schema.COUNT), col(Schema.N_CONVEX)).as(Schema.CI_HIGH));
    // One small partition sorted locally: a global orderBy would add a sampling job and a shuffle.
    return g.select(out.toArray(Column[]::new)).coalesce(1).sortWithinPartitions(col(Schema.CELL_INDEX),
        col(Schema.SEGMENT));
  }
}
