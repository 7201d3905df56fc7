package org.basinbench.report;

import static org.basinbench.report.CellRows.distinct;
import static org.basinbench.report.CellRows.group;
import static org.basinbench.report.CellRows.varying;
import static org.basinbench.report.CellRows.withSolver;
import static org.basinbench.report.Traces.JSON;
import static org.basinbench.report.Traces.axes;
import static org.basinbench.report.Traces.color;
import static org.basinbench.report.Traces.customCells;
import static org.basinbench.report.Traces.layout;
import static org.basinbench.report.Traces.line;
import static org.basinbench.report.Traces.wilsonErrorBars;
import static org.basinbench.report.Traces.xs;
import static org.basinbench.report.Traces.ys;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.basinbench.spark.Schema;
import org.basinbench.spec.Columns;

/**
 * Failure rate vs the iteration budget (figure {@code budget}), log-log: per cell,
 * {@code failure_rate} with Wilson error bars ({@code ci_low}, {@code ci_high}) against
 * {@code max_iter}, a line per solver and remaining varying parameter set. Reads the cells
 * table; drawn when at least two budgets occur.
 */
final class FailureVsBudgetView {
  private FailureVsBudgetView() {}

  /** The figure, or null when the cells do not span two budgets. */
  static Figures.Figure figure(List<Row> cells) {
    List<Row> rows = cells.stream().filter(r -> r.getAs(Columns.MAX_ITER.name()) != null).toList();
    if (distinct(rows, Columns.MAX_ITER.name()).size() < 2) {
      return null;
    }
    List<String> keys = withSolver(varying(rows, Set.of(Columns.MAX_ITER.name())));
    ArrayNode data = JSON.createArrayNode();
    int i = 0;
    for (Map.Entry<String, List<Row>> s : group(rows, keys).entrySet()) {
      List<Row> pts = new ArrayList<>(s.getValue());
      pts.sort(Comparator.comparingInt(r -> r.<Integer>getAs(Columns.MAX_ITER.name())));
      ObjectNode line = line(s.getKey(), "", color(i++), xs(pts, Columns.MAX_ITER.name()), ys(pts, Schema.FAILURE_RATE));
      wilsonErrorBars(line, pts, Schema.FAILURE_RATE);
      line.set("customdata", customCells(pts));
      line.put("hovertemplate", "budget %{x}<br>failure %{y:.4g} [%{customdata[0]:.4g}, %{customdata[1]:.4g}]"
          + "<br>%{customdata[2]} trials");
      data.add(line);
    }
    ObjectNode layout = layout(420);
    axes(layout, "", "iteration budget (max_iter)", "failure rate", true, true);
    return new Figures.Figure("budget", "Failure rate vs iteration budget", "Log-log axes; error bars: Wilson 95%"
        + " interval. A power law is a straight line, a plateau a strict spurious minimum. A zero rate has no place"
        + " on a log axis.", data, layout);
  }
}
