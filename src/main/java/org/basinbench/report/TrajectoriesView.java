package org.basinbench.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.basinbench.report.CellRows.firstByIndex;
import static org.basinbench.report.CellRows.label;
import static org.basinbench.report.CellRows.varying;
import static org.basinbench.report.Traces.JSON;
import static org.basinbench.report.Traces.color;
import static org.basinbench.report.Traces.line;
import static org.basinbench.report.Traces.twoPanels;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.basinbench.spark.Schema;

/**
 * Trajectories (figure {@code trajectory}), two panels against the checkpoint
 * {@code iteration} (from 1, log axis): the median over trials of {@code cos_to_end} and of
 * {@code curvature_to_end}, a line per cell for the first {@link #MAX_TRAJECTORY_CELLS} cells
 * by {@code cell_index}. The medians are aggregated by Spark from the trajectory table; the
 * cells table gives the cells and their labels. Drawn when some checkpoint of those cells is
 * logged.
 */
final class TrajectoriesView {
  /** Cells whose median trajectories are drawn (the first, by cell index). */
  static final int MAX_TRAJECTORY_CELLS = 12;

  private TrajectoriesView() {}

  /** The figure, or null when the trajectory table holds no checkpoint of the drawn cells. */
  static Figures.Figure figure(Dataset<Row> trajectory, List<Row> allCells) {
    List<Row> cells = firstByIndex(allCells, MAX_TRAJECTORY_CELLS);
    String note = "Median over the trials still running at each checkpoint (iteration 0 is off the log axis).";
    if (allCells.size() > MAX_TRAJECTORY_CELLS) {
      note += " The first " + MAX_TRAJECTORY_CELLS + " of " + allCells.size() + " cells.";
    }
    Object[] ids = cells.stream().map(r -> r.<String>getAs(Schema.CELL_ID)).toArray();
    String median = "percentile_approx(%s, 0.5, " + Figures.QUANTILE_ACCURACY + ")";
    List<Row> rows = trajectory.where(col(Schema.ITERATION).geq(1).and(col(Schema.CELL_ID).isin(ids)))
        .groupBy(col(Schema.CELL_ID), col(Schema.ITERATION))
        .agg(expr(median.formatted(Schema.COS_TO_END)).as("cos"),
            expr(median.formatted(Schema.CURVATURE_TO_END)).as("curv"), count(lit(1)).as("n"))
        .orderBy(col(Schema.CELL_ID), col(Schema.ITERATION)).collectAsList();
    if (rows.isEmpty()) {
      return null;
    }
    Map<String, List<Row>> byCell = new HashMap<>();
    rows.forEach(r -> byCell.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r));
    List<String> keys = varying(cells, Set.of());
    ArrayNode data = JSON.createArrayNode();
    int i = 0;
    for (Row c : cells) {
      List<Row> pts = byCell.get(c.<String>getAs(Schema.CELL_ID));
      if (pts == null) {
        continue;
      }
      String name = keys.isEmpty() ? c.<String>getAs(Schema.CELL_ID) : label(c, keys);
      String color = color(i++);
      ArrayNode x = JSON.createArrayNode();
      ArrayNode cos = JSON.createArrayNode();
      ArrayNode curv = JSON.createArrayNode();
      ArrayNode n = JSON.createArrayNode();
      for (Row r : pts) {
        x.add(r.getInt(1));
        cos.add(r.isNullAt(2) ? null : r.getDouble(2));
        curv.add(r.isNullAt(3) ? null : r.getDouble(3));
        n.add(r.getLong(4));
      }
      ObjectNode a = line(name, "", color, x, cos);
      a.set("customdata", n);
      a.put("hovertemplate", "iteration %{x}<br>median cos_to_end %{y:.3g}<br>%{customdata} trials");
      data.add(a);
      ObjectNode b = line(name, "2", color, x, curv);
      b.put("showlegend", false);
      b.set("customdata", n);
      b.put("hovertemplate", "iteration %{x}<br>median curvature_to_end %{y:.3g}<br>%{customdata} trials");
      data.add(b);
    }
    ObjectNode layout = twoPanels("iteration", "cos(-grad f, x* - x_t)", "curvature of x_t -> x*", true);
    return new Figures.Figure("trajectory", "Trajectories: cosine and curvature toward the end point", note, data,
        layout);
  }
}
