package org.basinbench.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.udf;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.basinbench.run.Outcome;
import org.basinbench.spec.Cell;
import org.basinbench.spec.Experiment;

/**
 * The best-known rule for families without truth (real data), applied to the staged trials
 * before the trials and cells tables are written: per instance (canonical key: the same
 * matrix and rank, over every solver and starting-point law of the experiment), the best loss
 * is the smallest finite loss of a trial that did not diverge; each trial of the instance is
 * then relabelled by {@link Outcome#bestKnown} and gets {@code loss_gap = (loss - best) / best}.
 * Trials of families with a truth pass unchanged ({@code loss_gap} null).
 *
 * <p>Deterministic: the per-cell minima are exact (a minimum does not depend on the order or
 * partitioning of its inputs), and the per-instance minimum is taken on the driver over at most
 * one value per cell (the cell list is small; no trial reaches the driver).
 */
final class BestKnown {
  private BestKnown() {}

  /** Whether any cell of the experiment has no truth, so that its trials need the rule. */
  static boolean applies(Experiment e) {
    return e.cells().stream().anyMatch(c -> !c.instance().hasTruth());
  }

  /**
   * The best-known loss of each cell's instance, by cell index: NaN for cells with a truth, and
   * for instances none of whose trials has a finite loss.
   *
   * @param trials the staged trials (columns of the trials table)
   */
  static double[] bestByCell(Dataset<Row> trials, Experiment e) {
    List<Row> mins = trials
        .where(col(Schema.OUTCOME).notEqual(Outcome.DIVERGED.name()).and(col(Schema.LOSS).isNotNull()))
        .groupBy(col(Schema.CELL_INDEX)).agg(min(col(Schema.LOSS)).as("best"))
        .collectAsList();
    double[] cellMin = new double[e.cells().size()];
    Arrays.fill(cellMin, Double.NaN);
    for (Row r : mins) {
      cellMin[r.<Integer>getAs(Schema.CELL_INDEX)] = r.<Double>getAs("best");
    }
    Map<String, Double> byInstance = new HashMap<>();
    for (Cell c : e.cells()) {
      double v = cellMin[c.index()];
      if (!c.instance().hasTruth() && !Double.isNaN(v)) {
        byInstance.merge(c.instance().canonicalKey(), v, Math::min);
      }
    }
    double[] best = new double[e.cells().size()];
    Arrays.fill(best, Double.NaN);
    for (Cell c : e.cells()) {
      if (!c.instance().hasTruth()) {
        best[c.index()] = byInstance.getOrDefault(c.instance().canonicalKey(), Double.NaN);
      }
    }
    return best;
  }

  /**
   * The trials with {@code outcome} and {@code loss_gap} replaced for the cells without truth
   * (column order kept).
   *
   * @param trials the staged trials, with their provisional labels
   * @param e the experiment (its cells and {@code success.lossGap})
   */
  static Dataset<Row> reclassify(Dataset<Row> trials, Experiment e) {
    double[] best = bestByCell(trials, e);
    double lossGap = e.success().lossGap();
    // The functions capture two small arrays, not the experiment (whose instances carry data).
    boolean[] blind = new boolean[e.cells().size()];
    for (Cell c : e.cells()) {
      blind[c.index()] = !c.instance().hasTruth();
    }
    UserDefinedFunction outcome = udf((UDF3<Integer, String, Double, String>) (cell, provisional, loss) ->
        !blind[cell] ? provisional
            : Outcome.bestKnown(Outcome.valueOf(provisional), loss == null ? Double.NaN : loss, best[cell], lossGap)
                .name(), DataTypes.StringType);
    UserDefinedFunction gap = udf((UDF2<Integer, Double, Double>) (cell, loss) -> {
      double g = !blind[cell] || loss == null ? Double.NaN : Outcome.lossGap(loss, best[cell]);
      return Double.isFinite(g) ? g : null;
    }, DataTypes.DoubleType);
    return trials
        .withColumn(Schema.OUTCOME, outcome.apply(col(Schema.CELL_INDEX), col(Schema.OUTCOME), col(Schema.LOSS)))
        .withColumn(Schema.LOSS_GAP_TO_BEST, gap.apply(col(Schema.CELL_INDEX), col(Schema.LOSS)));
  }
}
