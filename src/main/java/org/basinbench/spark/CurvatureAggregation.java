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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.basinbench.run.Intervals;
import org.basinbench.spec.Cell;
import org.basinbench.spec.Experiment;
import org.basinbench.spec.SegmentKind;

/**
 * The curvature table: per cell and segment kind, the distribution of the exact segment
 * curvature (count, mean, sample standard deviation, sigma/mu, min, exact quantiles) and the
 * fraction of convex segments with its Wilson 95% interval. Aggregated by Spark SQL from the
 * segments table; segments without a curvature (a non-finite end point) are not counted.
 * sigma/mu is null when mu = 0.
 *
 * <p>Two equal routes: {@link #rows} on the driver from the curvatures the trial tasks gathered
 * ({@link CurvatureTally}; what runs use), and {@link #aggregate} by Spark SQL from a segments
 * table (the reference the tests compare with). Counts, minimum, quantiles and the convex
 * fraction are identical; the mean and standard deviation agree to rounding (here summed in
 * increasing order, so they do not depend on the partitioning).
 */
final class CurvatureAggregation {
  private CurvatureAggregation() {}

  /** The curvature table's columns, in order. */
  static final StructType SCHEMA = schema();

  private static StructType schema() {
    List<StructField> f = new ArrayList<>(Schema.CELL_FIELDS);
    f.add(DataTypes.createStructField(Schema.SEGMENT, DataTypes.StringType, false));
    f.add(DataTypes.createStructField(Schema.COUNT, DataTypes.LongType, false));
    for (String c : List.of(Schema.MEAN, Schema.STD, Schema.SIGMA_OVER_MU, Schema.MIN)) {
      f.add(DataTypes.createStructField(c, DataTypes.DoubleType, true));
    }
    for (String q : Schema.QUANTILES) {
      f.add(DataTypes.createStructField(q, DataTypes.DoubleType, true));
    }
    f.add(DataTypes.createStructField(Schema.N_CONVEX, DataTypes.LongType, true));
    for (String c : List.of(Schema.FRACTION_CONVEX, Schema.CI_LOW, Schema.CI_HIGH)) {
      f.add(DataTypes.createStructField(c, DataTypes.DoubleType, true));
    }
    return DataTypes.createStructType(f);
  }

  /**
   * The curvature rows, in (cell index, segment label) order, from the finite curvatures of
   * each (cell, kind) ({@link CurvatureTally#key}); (cell, kind) pairs without any are left out.
   */
  static List<Row> rows(Experiment e, Map<Long, CurvatureTally.Values> curvatures) {
    List<SegmentKind> kinds = new ArrayList<>(e.segments());
    kinds.sort(Comparator.comparing(SegmentKind::label)); // ASCII labels: Spark's string order
    List<Row> out = new ArrayList<>();
    for (Cell c : e.cells()) {
      Object[] cell = Schema.cellValues(c);
      for (SegmentKind k : kinds) {
        CurvatureTally.Values values = curvatures.get(CurvatureTally.key(c.index(), k.ordinal()));
        if (values == null) {
          continue;
        }
        double[] x = values.sorted();
        int n = x.length;
        double sum = 0;
        long convex = 0;
        for (double v : x) {
          sum += v;
          convex += v >= 0 ? 1 : 0;
        }
        double mean = sum / n;
        Double std = null;
        if (n > 1) {
          double ss = 0;
          for (double v : x) {
            ss += (v - mean) * (v - mean);
          }
          std = Math.sqrt(ss / (n - 1));
        }
        Object[] v = new Object[SCHEMA.size()];
        System.arraycopy(cell, 0, v, 0, cell.length);
        int i = cell.length;
        v[i++] = k.label();
        v[i++] = (long) n;
        v[i++] = mean;
        v[i++] = std;
        v[i++] = std != null && mean != 0 ? std / mean : null;
        v[i++] = x[0];
        for (double p : Schema.QUANTILE_PROBABILITIES) {
          v[i++] = percentile(x, p);
        }
        double[] ci = Intervals.wilson(n, convex);
        v[i++] = convex;
        v[i++] = (double) convex / n;
        v[i++] = ci[0];
        v[i] = ci[1];
        out.add(new GenericRowWithSchema(v, SCHEMA));
      }
    }
    return out;
  }

  /**
   * Spark SQL's exact {@code percentile(x, p)} of sorted values: at position {@code (n - 1) p},
   * interpolating linearly between the two neighbouring values.
   */
  static double percentile(double[] sorted, double p) {
    double position = (sorted.length - 1) * p;
    int lower = (int) Math.floor(position);
    int higher = (int) Math.ceil(position);
    double lo = sorted[lower];
    double hi = sorted[higher];
    if (higher == lower || lo == hi) {
      return lo;
    }
    return (higher - position) * lo + (position - lower) * hi;
  }

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
