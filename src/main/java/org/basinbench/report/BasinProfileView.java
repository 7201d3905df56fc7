package org.basinbench.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.basinbench.report.CellRows.distinct;
import static org.basinbench.report.CellRows.group;
import static org.basinbench.report.CellRows.varying;
import static org.basinbench.report.CellRows.withSolver;
import static org.basinbench.report.Traces.JSON;
import static org.basinbench.report.Traces.axes;
import static org.basinbench.report.Traces.band;
import static org.basinbench.report.Traces.color;
import static org.basinbench.report.Traces.layout;
import static org.basinbench.report.Traces.line;
import static org.basinbench.report.Traces.xs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.basinbench.spark.Schema;
import org.basinbench.spec.Columns;

/**
 * The basin profile (figure {@code basin}): end-point {@code rel_error} against
 * {@code init_gamma}, the start's place between a catalogued point (0) and a random one (1).
 * Per cell, the median line, the 5% to 95% band and dotted min and max lines, a series per
 * solver and remaining varying parameter set. The quantiles are aggregated by Spark from the
 * trials table (trials without a rel_error left out); the cells table gives gamma and the
 * series. Drawn when at least two values of gamma occur.
 */
final class BasinProfileView {
  private BasinProfileView() {}

  /** The figure, or null when the cells do not span two values of gamma or no trial has an error. */
  static Figures.Figure figure(List<Row> allCells, Dataset<Row> trials) {
    List<Row> cells = allCells.stream().filter(r -> r.getAs(Columns.INIT_GAMMA.name()) != null).toList();
    if (distinct(cells, Columns.INIT_GAMMA.name()).size() < 2) {
      return null;
    }
    Map<String, Row> q = new HashMap<>();
    for (Row r : trials.where(col(Schema.REL_ERROR).isNotNull()).groupBy(col(Schema.CELL_ID)).agg(
        min(col(Schema.REL_ERROR)).as("min"),
        expr("percentile_approx(" + Schema.REL_ERROR + ", array(0.05, 0.5, 0.95), " + Figures.QUANTILE_ACCURACY
            + ")").as("q"),
        max(col(Schema.REL_ERROR)).as("max")).collectAsList()) {
      q.put(r.getString(0), r);
    }
    List<String> keys = withSolver(varying(cells, Set.of(Columns.INIT_GAMMA.name())));
    ArrayNode data = JSON.createArrayNode();
    int i = 0;
    for (Map.Entry<String, List<Row>> s : group(cells, keys).entrySet()) {
      List<Row> pts = s.getValue().stream().filter(r -> q.containsKey(r.<String>getAs(Schema.CELL_ID)))
          .sorted(Comparator.comparingDouble(r -> r.<Double>getAs(Columns.INIT_GAMMA.name()))).toList();
      if (pts.isEmpty()) {
        continue;
      }
      String color = color(i++);
      ArrayNode x = xs(pts, Columns.INIT_GAMMA.name());
      ArrayNode mins = JSON.createArrayNode();
      ArrayNode q05 = JSON.createArrayNode();
      ArrayNode q50 = JSON.createArrayNode();
      ArrayNode q95 = JSON.createArrayNode();
      ArrayNode maxs = JSON.createArrayNode();
      for (Row c : pts) {
        Row r = q.get(c.<String>getAs(Schema.CELL_ID));
        List<Double> qs = r.getList(2);
        mins.add(r.getDouble(1));
        q05.add(qs.get(0));
        q50.add(qs.get(1));
        q95.add(qs.get(2));
        maxs.add(r.getDouble(3));
      }
      band(data, s.getKey(), "", color, x, q05, q95);
      ObjectNode med = line(s.getKey(), "", color, x, q50);
      med.put("hovertemplate", "gamma %{x}<br>median rel_error %{y:.3g}");
      data.add(med);
      for (Object[] extreme : new Object[][] {{"min", mins}, {"max", maxs}}) {
        ObjectNode l = line(s.getKey() + " " + extreme[0], "", color, x, (ArrayNode) extreme[1]);
        l.put("mode", "lines");
        l.put("legendgroup", s.getKey());
        l.put("showlegend", false);
        ((ObjectNode) l.get("line")).put("dash", "dot").put("width", 1);
        l.put("hovertemplate", "gamma %{x}<br>" + extreme[0] + " rel_error %{y:.3g}");
        data.add(l);
      }
    }
    if (data.isEmpty()) {
      return null;
    }
    ObjectNode layout = layout(420);
    axes(layout, "", "gamma (0: the catalogued point, 1: a random start)", "end-point rel_error", false, true);
    return new Figures.Figure("basin", "Basin profile: end-point error vs gamma", "Line: median; band: 5% to 95%;"
        + " dotted: min and max of rel_error over the trials of each cell (diverged trials, with no error, left"
        + " out).", data, layout);
  }
}
